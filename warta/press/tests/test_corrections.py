"""Corrections (ralat, PPMS point 4): on the story, in /ralat/, in a feed, from the admin."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _
from lxml import etree

from warta.core import pagecache
from warta.news.factories import SectionPageFactory
from warta.news.models import ArticlePage
from warta.newsroom import roles
from warta.newsroom.tests.helpers import staff

from ..models import Correction
from .helpers import correction, published_story

pytestmark = pytest.mark.django_db


def stamp(moment) -> str:
    """A time as the pages' datetime attributes print it."""
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M:%S%z")


def html(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_story_shows_its_correction_at_the_end_with_its_time(client):
    """A corrected story ends with the correction, its apology and its time."""
    article = published_story()
    fix = correction(article, apology="Kami mohon maaf atas kekeliruan ini.")
    page = html(client, article.url)
    block = page[page.index('class="corrections"') :]
    assert "Jumlah korban yang benar adalah tiga orang." in block
    assert "Kami mohon maaf atas kekeliruan ini." in block
    assert f'id="{fix.anchor}"' in block
    assert f'datetime="{stamp(fix.corrected_at)}"' in block
    assert page.index('class="corrections"') > page.index('class="article__body"')


def test_story_without_corrections_shows_no_correction_block(client):
    """Only a corrected story carries the block."""
    assert 'class="corrections"' not in html(client, published_story().url)


def test_correction_moves_the_update_time_to_its_own(client):
    """ "Diperbarui" shows the correction's time once a story is corrected."""
    article = published_story()
    fix = correction(article)
    article.refresh_from_db()
    assert article.updated_at == fix.corrected_at
    page = html(client, article.url)
    updated = page[page.index('class="updated"') :]
    assert f'datetime="{stamp(fix.corrected_at)}"' in updated[: updated.index("</span>")]


def test_a_draft_published_after_a_correction_keeps_the_correction_time(client):
    """Publishing a draft written before the correction does not move the update back."""
    article = published_story()
    draft = article.save_revision()  # written before the correction, without its time
    fix = correction(article)
    draft.publish()
    article.refresh_from_db()
    assert article.updated_at == fix.corrected_at


def test_an_earlier_correction_leaves_a_later_update_time(client):
    """A later substantive update stays the story's update time."""
    article = published_story()
    later = timezone.now() - timedelta(minutes=5)
    ArticlePage.objects.filter(pk=article.pk).update(updated_at=later)
    correction(article, corrected_at=timezone.now() - timedelta(hours=1))
    article.refresh_from_db()
    assert article.updated_at == later


def test_a_correction_reaches_a_story_already_rendered(client):
    """The story read before the correction shows it right after (the kept parts go)."""
    article = published_story()
    assert 'class="corrections"' not in html(client, article.url)
    correction(article)
    assert 'class="corrections"' in html(client, article.url)


def test_a_correction_purges_the_story_and_the_list_of_corrections(
    monkeypatch, django_capture_on_commit_callbacks
):
    """The cached story, the lists showing it and /ralat/ are purged."""
    article = published_story()
    purged = []
    monkeypatch.setattr(pagecache, "purge", lambda *tags: purged.extend(tags) or 0)
    with django_capture_on_commit_callbacks(execute=True):
        correction(article)
    assert {f"page:{article.pk}", "list:corrections", "list:home"} <= set(purged)


def test_a_correction_costs_a_story_read_again_no_query(client):
    """A corrected story read again renders in as many queries as an uncorrected one."""
    section = SectionPageFactory()
    plain, corrected = published_story("A", section), published_story("B", section)
    correction(corrected)
    counts = []
    for article in (plain, corrected):
        client.get(article.url)
        with CaptureQueriesContext(connection) as queries:
            client.get(article.url)
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_corrections_page_lists_corrections_newest_first_with_links(client):
    """/ralat/ lists every correction, newest first, each linking to its place."""
    older_story, newer_story = published_story("Banjir Kudus"), published_story("Pasar Pati")
    older = correction(
        older_story, text="Ralat pertama.", corrected_at=timezone.now() - timedelta(hours=1)
    )
    newer = correction(newer_story, text="Ralat kedua.")
    page = html(client, "/ralat/")
    assert page.index("Ralat kedua.") < page.index("Ralat pertama.")
    assert f'href="{newer_story.url}#{newer.anchor}"' in page
    assert f'href="{older_story.url}#{older.anchor}"' in page


def test_corrections_page_leaves_out_unpublished_stories(client):
    """A correction of a story no longer published is not listed."""
    article = published_story()
    correction(article, text="Ralat berita yang ditarik.")
    article.unpublish()
    assert "Ralat berita yang ditarik." not in html(client, "/ralat/")


def test_corrections_page_is_paginated(client):
    """Twenty corrections a page; the next page by ?page=2."""
    article = published_story()
    for number in range(21):
        correction(
            article,
            text=f"Ralat nomor {number}.",
            corrected_at=timezone.now() - timedelta(minutes=number + 1),
        )
    assert "Ralat nomor 20." not in html(client, "/ralat/")
    assert "Ralat nomor 20." in html(client, "/ralat/?page=2")
    assert client.get("/ralat/?page=3").status_code == 404


def test_corrections_page_answers_in_english_too(client):
    """/en/ralat/ lists the same corrections in English."""
    correction(published_story())
    page = html(client, "/en/ralat/")
    assert '<html lang="en">' in page and "Jumlah korban yang benar" in page


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_corrections_feed_carries_each_correction_with_its_link(client, kind):
    """The feed of corrections links each to its place in its story."""
    article = published_story()
    fix = correction(article)
    response = client.get(f"/feeds/ralat/{kind}/")
    assert response.status_code == 200
    document = etree.fromstring(response.content)
    text = etree.tostring(document).decode()
    assert f"{article.url}#{fix.anchor}" in text
    assert "Jumlah korban yang benar adalah tiga orang." in text


def test_corrections_feed_is_not_taken_for_a_section_feed(client):
    """feeds/ralat/ is the corrections' feed even without a section called ralat."""
    assert client.get("/feeds/ralat/rss/").status_code == 200
    assert client.get("/feeds/ralat/json/").status_code == 404


# --- The admin --------------------------------------------------------------------------


def add_url(article=None) -> str:
    url = reverse("corrections:add")
    return f"{url}?article={article.pk}" if article else url


def correction_form(article, text="Nama kepala desa yang benar adalah Sutrisno.", **extra):
    moment = timezone.localtime() - timedelta(minutes=1)
    return {
        "article": article.pk,
        "corrected_at": moment.strftime("%Y-%m-%d %H:%M"),
        "text": text,
        "apology": "",
        **extra,
    }


def test_desk_editor_adds_a_correction_without_republishing_the_story(client):
    """The correction is saved with its author; the story's draft and revisions stay."""
    pati = SectionPageFactory(title="Pati", slug="pati")
    article = published_story(section=pati)
    draft = article.save_revision()
    revisions = article.revisions.count()
    editor = staff("eko", roles.DESK_EDITOR, pati)
    client.force_login(editor)
    response = client.post(add_url(), correction_form(article))
    assert response.status_code == 302
    saved = Correction.objects.get()
    assert saved.article_id == article.pk and saved.author == editor
    article.refresh_from_db()
    assert article.revisions.count() == revisions and article.latest_revision == draft


def test_story_editor_offers_add_a_correction_prefilled(client):
    """The story's editor links to the correction form with the story chosen."""
    pati = SectionPageFactory(title="Pati", slug="pati")
    article = published_story(section=pati)
    client.force_login(staff("eko", roles.DESK_EDITOR, pati))
    page = html(client, reverse("wagtailadmin_pages:edit", args=[article.pk]))
    assert f'href="{add_url(article)}"' in page
    form = html(client, add_url(article))
    assert f'value="{article.pk}"' in form


def test_empty_correction_text_is_refused_with_a_message(client):
    """A correction without text is not saved; the form says why."""
    article = published_story()
    client.force_login(staff("ratna", roles.EDITOR_IN_CHIEF))
    response = client.post(add_url(), correction_form(article, text="   "))
    assert response.status_code == 200
    assert not Correction.objects.exists()
    assert escape(_("Write what the correction says.")) in response.content.decode()


def test_a_correction_dated_in_the_future_is_refused(client):
    """A correction cannot be dated after now."""
    article = published_story()
    client.force_login(staff("ratna", roles.EDITOR_IN_CHIEF))
    later = (timezone.localtime() + timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
    response = client.post(add_url(), correction_form(article, corrected_at=later))
    assert response.status_code == 200 and not Correction.objects.exists()


def test_a_desk_editor_cannot_correct_another_desks_story(client):
    """The desk of Pati may not correct a story in Politik."""
    pati = SectionPageFactory(title="Pati", slug="pati")
    politik = SectionPageFactory(title="Politik", slug="politik")
    article = published_story(section=politik)
    client.force_login(staff("eko", roles.DESK_EDITOR, pati))
    response = client.post(add_url(), correction_form(article))
    assert response.status_code == 200 and not Correction.objects.exists()


def test_a_reporter_cannot_add_a_correction(client):
    """Corrections are the editors' call: a reporter is turned away."""
    article = published_story()
    client.force_login(staff("agus", roles.REPORTER))
    response = client.post(add_url(), correction_form(article))
    assert response.status_code in (302, 403)
    assert not Correction.objects.exists()
