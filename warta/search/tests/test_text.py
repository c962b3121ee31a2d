"""Search terms: folding, Indonesian stemming, and escaping in highlights."""

from warta.search.text import fold, highlight, indexable, query_terms, snippet, terms


def test_fold_removes_case_and_accents():
    """ "Kafé RÉSTO" and "kafe resto" are the same words to search."""
    assert fold("Kafé RÉSTO Ñandú") == "kafe resto nandu"


def test_affixed_forms_share_their_root():
    """Prefixes, suffixes and confixes are removed: they all become "bangun"."""
    assert set(terms("membangun Pembangunan bangunan dibangun")) == {"bangun"}


def test_names_and_short_words_stay_as_they_are():
    """Place names, abbreviations and numbers are kept, only folded."""
    assert terms("Pati Kudus DPRD 2019 di") == ["pati", "kudus", "dprd", "2019", "di"]


def test_query_terms_are_distinct_and_keep_their_order():
    """A repeated word is searched once; punctuation separates words."""
    assert query_terms("Banjir, banjir! rob") == ["banjir", "rob"]


def test_indexed_text_keeps_the_words_and_adds_their_terms():
    """Editors' unstemmed searches and readers' stemmed ones both find the text."""
    assert indexable("Pembangunan Jembatan") == "Pembangunan Jembatan\nbangun jembatan"
    assert indexable("") == ""


def test_highlight_escapes_before_marking():
    """Markup in the text is shown as text; only <mark> is added."""
    html = highlight('<b>Banjir</b> & "rob"', frozenset({"banjir"}))
    assert html == "&lt;b&gt;<mark>Banjir</mark>&lt;/b&gt; &amp; &quot;rob&quot;"


def test_snippet_is_cut_around_the_first_match_at_word_boundaries():
    """A long paragraph is cut to the part around the match, with ellipses."""
    text = " ".join(["awal"] * 60 + ["banjir"] + ["akhir"] * 60)
    result = snippet(["Lead tanpa kata itu.", text], frozenset({"banjir"}), length=100)
    assert "<mark>banjir</mark>" in result
    assert result.startswith("… awal") and result.endswith("akhir …")
    assert len(result) < 140


def test_snippet_falls_back_to_the_lead():
    """Without a match in the text (it was in the title), the snippet is the lead."""
    assert snippet(["Ringkasan berita.", "Isi."], frozenset({"zzz"})) == "Ringkasan berita."
