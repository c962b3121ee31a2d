"""The search page /cari/: Indonesian matching, filters, escaping, bounds and pagination."""

from datetime import datetime

import pytest
from django.utils import timezone

from warta.news.factories import ArticlePageFactory, SectionPageFactory
from warta.search.forms import MAX_QUERY_LENGTH

pytestmark = pytest.mark.django_db


def wib(*args) -> datetime:
    return timezone.make_aware(datetime(*args), timezone.get_default_timezone())


def article(title="Berita desa", body="Paragraf isi berita.", **kwargs):
    return ArticlePageFactory(
        title=title, summary="Ringkasan singkat.", body=[("paragraph", f"<p>{body}</p>")], **kwargs
    )


def search(client, prefix="", **params):
    return client.get(f"{prefix}/cari/", params)


def titles_found(response) -> list[str]:
    return [hit.article.title for hit in response.context["hits"]]


def test_word_only_in_a_body_paragraph_finds_the_article(client):
    """A reader finds a story by a word that appears only in its body."""
    found = article(title="Rapat di balai desa", body="Warga membahas saluran irigasi tersier.")
    article(title="Pasar ramai", body="Pedagang menata dagangan.")
    response = search(client, q="irigasi")
    assert response.status_code == 200
    assert titles_found(response) == [found.title]


def test_inflected_indonesian_words_meet_at_their_root(client):
    """ "pembangunan" finds a story that says "membangun": both stem to "bangun"."""
    found = article(body="Pemkab membangun jembatan baru di Juwana.")
    article(body="Pedagang menata dagangan.")
    assert titles_found(search(client, q="pembangunan")) == [found.title]
    assert titles_found(search(client, q="Dibangun")) == [found.title]


def test_case_and_accents_are_folded(client):
    """ "KAFE" finds "kafé", and "Kafé" finds "kafe"."""
    accented = article(title="Kafé baru di alun-alun", body="Pengunjung ramai.")
    plain = article(title="Sepeda", body="Dia membuka kafe kecil.")
    assert set(titles_found(search(client, q="KAFE"))) == {accented.title, plain.title}
    assert set(titles_found(search(client, q="Kafé"))) == {accented.title, plain.title}


def test_every_word_of_the_query_must_appear(client):
    """Words are combined with AND: "banjir rob" skips a story about "banjir" only."""
    both = article(body="Banjir rob merendam permukiman nelayan.")
    article(body="Banjir bandang menerjang sawah.")
    assert titles_found(search(client, q="banjir rob")) == [both.title]


def test_drafts_are_never_found(client):
    """An unpublished story does not appear in results."""
    draft = article(body="Kabar rahasia tentang anggaran.")
    draft.unpublish()
    assert titles_found(search(client, q="anggaran")) == []


def test_section_filter_includes_its_subsections(client):
    """Filtering by Daerah finds stories filed under Daerah › Pati, not under Olahraga."""
    daerah = SectionPageFactory(title="Daerah")
    pati = SectionPageFactory(title="Pati", parent=daerah)
    inside = article(title="Pasar Pati", body="Harga cabai naik.", parent=pati)
    article(title="Laga futsal", body="Harga tiket cabai?", parent=SectionPageFactory())
    response = search(client, q="cabai", section=daerah.pk)
    assert titles_found(response) == [inside.title]


def test_date_range_counts_whole_days_of_the_site_calendar(client):
    """from/to are WIB days, both included: 00:30 WIB on the 27th is on the 27th."""
    article(title="Sebelum", body="Kabar jagung.", published_at=wib(2019, 9, 26, 23, 59))
    first = article(title="Dini hari", body="Kabar jagung.", published_at=wib(2019, 9, 27, 0, 30))
    last = article(
        title="Tengah malam", body="Kabar jagung.", published_at=wib(2019, 9, 28, 23, 59)
    )
    article(title="Sesudah", body="Kabar jagung.", published_at=wib(2019, 9, 29, 0, 0))
    response = search(client, q="jagung", **{"from": "2019-09-27", "to": "2019-09-28"})
    assert set(titles_found(response)) == {first.title, last.title}


def test_newest_first_orders_by_publication_time(client):
    """sort=newest lists the latest story first."""
    old = article(title="Lama", body="Kabar padi.", published_at=wib(2020, 1, 1, 9))
    new = article(title="Baru", body="Kabar padi padi padi.", published_at=wib(2024, 1, 1, 9))
    assert titles_found(search(client, q="padi", sort="newest")) == [new.title, old.title]


def test_query_with_script_is_echoed_escaped(client):
    """A <script> in the query comes back as text, never as markup."""
    response = search(client, q='<script>alert("x")</script> banjir')
    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; banjir" in html


def test_snippet_escapes_the_text_and_marks_matched_words(client):
    """The snippet is the article's text escaped, with matches in <mark>."""
    article(body="Kadar garam &lt; 5 persen &amp; petambak <b>senang</b> memanen garam.")
    html = search(client, q="garam").content.decode()
    assert "<mark>garam</mark> &lt; 5 persen &amp; petambak senang memanen <mark>garam</mark>" in (
        html
    )


def test_snippet_marks_other_forms_of_the_word(client):
    """Searching "membangun" marks "pembangunan" in the snippet."""
    article(body="Rencana pembangunan pasar desa dibahas.")
    html = search(client, q="membangun").content.decode()
    assert "<mark>pembangunan</mark>" in html


def test_overlong_query_is_refused_with_a_message_in_the_readers_language(client):
    """A query over the limit is HTTP 400 with a readable reason, not a 500."""
    too_long = "banjir " * (MAX_QUERY_LENGTH // 7 + 1)
    response = search(client, q=too_long)
    assert response.status_code == 400
    assert f"paling banyak {MAX_QUERY_LENGTH} karakter" in response.content.decode()
    english = search(client, prefix="/en", q=too_long)
    assert english.status_code == 400
    assert f"at most {MAX_QUERY_LENGTH} characters" in english.content.decode()


def test_query_at_the_limit_is_accepted(client):
    """Exactly the maximum length is still a search."""
    assert search(client, q="a" * MAX_QUERY_LENGTH).status_code == 200


def test_malformed_filters_are_refused_with_a_reason(client):
    """An unknown section, a bad date or a reversed range is HTTP 400 naming the problem."""
    assert "Rubrik tidak ditemukan" in search(client, q="x", section="999999").content.decode()
    bad_date = search(client, q="x", **{"from": "27-09-2019"})
    assert bad_date.status_code == 400
    assert "2024-03-28" in bad_date.content.decode()
    reversed_range = search(client, q="x", **{"from": "2019-09-28", "to": "2019-09-27"})
    assert reversed_range.status_code == 400
    assert "sebelum tanggal awal" in reversed_range.content.decode()


def test_empty_query_shows_the_form_and_no_results(client):
    """No words (or only punctuation): the form and a hint, HTTP 200, nothing listed."""
    article(body="Apa saja.")
    for query in ({}, {"q": ""}, {"q": "  ?!  "}):
        response = search(client, **query)
        assert response.status_code == 200
        assert response.context["results"] is None
        assert "Ketik satu kata atau lebih" in response.content.decode()


def test_no_match_says_so(client):
    """A query nothing matches reports zero articles."""
    response = search(client, q="zzzyyyxxx")
    assert "0 artikel ditemukan" in response.content.decode()


def test_results_are_paginated_with_one_url_per_page(client):
    """20 per page; page 2 links back to page 1 without ?page=; a page past the end is 404."""
    for number in range(23):
        article(title=f"Panen {number}", body="Musim panen tiba.")
    first = search(client, q="panen")
    assert len(first.context["hits"]) == 20
    assert "23 artikel ditemukan" in first.content.decode()
    assert 'rel="next" href="?q=panen&amp;page=2"' in first.content.decode()
    second = search(client, q="panen", page=2)
    assert len(second.context["hits"]) == 3
    assert 'rel="prev" href="?q=panen"' in second.content.decode()
    assert not set(titles_found(first)) & set(titles_found(second))
    assert search(client, q="panen", page=3).status_code == 404


def test_every_reader_page_has_a_labelled_search_box(client):
    """The header carries a plain GET form to /cari/ with a label, usable without JavaScript."""
    html = client.get("/").content.decode()
    form = html.split('<form class="site-search" role="search"')[1].split("</form>")[0]
    assert 'method="get" action="/cari/"' in form and 'name="q"' in form
    assert '<label class="visually-hidden" for="site-search-q">' in html
    english = client.get("/en/").content.decode()
    assert 'action="/en/cari/"' in english


def test_results_page_is_kept_out_of_search_engines(client):
    """Result pages carry noindex."""
    html = search(client, q="desa").content.decode()
    assert '<meta name="robots" content="noindex, follow">' in html


def test_best_match_puts_the_story_named_in_the_title_first(client):
    """Ranked by relevance: the word in the title beats the word in the body, however new."""
    in_title = article(title="Garam rakyat", body="Petambak senang.", published_at=wib(2020, 1, 1))
    article(title="Pasar pagi", body="Harga garam turun.", published_at=wib(2024, 1, 1))
    response = search(client, q="garam")
    assert titles_found(response)[0] == in_title.title
    assert "Paling cocok di atas." in response.content.decode()


def test_many_matches_are_listed_newest_first_without_counting_them_all(client, monkeypatch):
    """Past the relevance limit the results come newest first and the total is not counted."""
    monkeypatch.setattr("warta.search.query.RELEVANCE_LIMIT", 3)
    for day in range(1, 6):
        article(title=f"Hari {day}", body="Kabar tebu.", published_at=wib(2024, 1, day))
    response = search(client, q="tebu")
    assert titles_found(response) == [f"Hari {day}" for day in range(5, 0, -1)]
    html = response.content.decode()
    assert "5 artikel ditemukan." in html and "Paling cocok di atas." not in html


def test_uncounted_results_page_on_with_stable_urls(client, monkeypatch):
    """Newest-first pages link on while more follow; page 1 has no parameter; no page 51."""
    monkeypatch.setattr("warta.search.query.RELEVANCE_LIMIT", 3)
    for minute in range(23):
        article(title=f"Tebu {minute}", body="Kabar tebu.", published_at=wib(2024, 1, 1, 9, minute))
    first = search(client, q="tebu")
    assert len(first.context["hits"]) == 20
    assert "Banyak artikel ditemukan, terbaru di atas." in first.content.decode()
    assert 'rel="next" href="?q=tebu&amp;page=2"' in first.content.decode()
    second = search(client, q="tebu", page=2)
    assert titles_found(second) == ["Tebu 2", "Tebu 1", "Tebu 0"]
    html = second.content.decode()
    assert 'rel="prev" href="?q=tebu"' in html and 'rel="next"' not in html
    assert "23 artikel ditemukan." in html
    assert "Halaman 2</span>" in html
    for page in ("3", "51", "x"):
        assert search(client, q="tebu", page=page).status_code == 404, page


def test_a_malformed_date_is_not_echoed_into_the_date_field(client):
    """The form shows the error but leaves the date field empty rather than invalid."""
    html = search(client, q="x", **{"from": "bad<"}).content.decode()
    assert 'name="from"' in html and 'value="bad' not in html
    good = search(client, q="x", **{"from": "2024-03-28"}).content.decode()
    assert 'value="2024-03-28"' in good


def test_rebuilding_the_index_keeps_articles_findable(client):
    """`warta update_index` indexes the stemmed terms too: inflected queries still match."""
    from django.core.management import call_command

    found = article(body="Warga membangun tanggul darurat.")
    call_command("update_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert titles_found(search(client, q="pembangunan tanggul")) == [found.title]
