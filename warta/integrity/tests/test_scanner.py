"""The guard's reading of a text: what it refuses, and the news about gambling it lets pass."""

import pytest
from django.utils import translation

from warta.integrity import scanner
from warta.integrity.scanner import FieldScan, Rules

ARREST_REPORT = (
    "<p>Polres Pati menangkap tiga orang yang diduga menjadi bandar judi online dan togel "
    "di Kecamatan Juwana, Rabu (12/3). Para tersangka mempromosikan situs slot gacor lewat "
    "media sosial dengan iming-iming maxwin.</p>"
    "<p>Kapolres meminta warga melapor bila menemukan promosi judol. Barang bukti berupa tiga "
    "telepon genggam dan uang tunai Rp 4.500.000 disita.</p>"
)


def kinds(text: str, rules: Rules | None = None) -> set[str]:
    scan = FieldScan("Isi", rules or Rules(own_hosts=["warta.test"]))
    scan.read_markup(text, "Isi")
    return {finding.kind for finding in scan.result()}


def test_a_report_on_a_gambling_arrest_is_not_refused():
    """The trade named in news sentences, without links, passes."""
    assert kinds(ARREST_REPORT) == set()


def test_a_news_headline_naming_the_trade_is_not_refused():
    """One promotional term in a headline is news, not stuffing."""
    assert kinds("Polisi Bongkar Jaringan Situs Slot Online di Pati") == set()


def test_a_link_hidden_by_its_style_is_refused():
    """A link inside display:none is hidden content."""
    html = '<p>Warga <span style="display: none"><a href="https://example.com">x</a></span></p>'
    assert scanner.HIDDEN in kinds(html)


@pytest.mark.parametrize(
    "markup",
    [
        '<a href="https://example.com" style="visibility:hidden">x</a>',
        '<span style="font-size:0">x</span>',
        '<span style="font-size: 1px">x</span>',
        '<span style="opacity:0">x</span>',
        '<div style="position:absolute;left:-9999px">x</div>',
        '<div style="text-indent:-5000px">x</div>',
        '<span style="color:#ffffff">x</span>',
        '<div hidden><a href="https://example.com">x</a></div>',
        '<a href="https://example.com" aria-hidden="true">x</a>',
        '<a href="https://example.com" width="1" height="1">x</a>',
        '<div class="d-none">x</div>',
        '<div style="height:0;overflow:hidden">x</div>',
        "<style>.x{display:none}</style>",
        "<script>location='https://example.com'</script>",
    ],
)
def test_every_way_of_hiding_text_is_refused(markup):
    """Styles, attributes, classes and elements that hide text are hidden content."""
    assert scanner.HIDDEN in kinds(f"<p>Berita {markup}</p>")


def test_ordinary_formatting_is_not_hidden_content():
    """Bold, italic and links with no style are not hidden."""
    assert (
        kinds('<p><b>Pati</b> <i>hujan</i> <a href="https://pati.go.id/">pemkab</a></p>') == set()
    )


def test_a_link_to_a_gambling_site_is_refused():
    """A host named for gambling is a blocked domain, whatever the link says."""
    assert kinds('<p>Info <a href="https://hoki88.xyz/daftar">di sini</a></p>') == {scanner.DOMAIN}


def test_a_gambling_address_written_out_in_the_text_is_refused():
    """An address in the text, not linked, is still one."""
    assert scanner.DOMAIN in kinds("<p>Kunjungi slotgacor88.com sekarang.</p>")


def test_a_domain_blocked_in_the_settings_is_refused():
    """The editor-in-chief's blocked domains cover their subdomains."""
    rules = Rules(blocked_domains=["contoh.net"])
    assert kinds('<a href="https://promo.contoh.net/">x</a>', rules) == {scanner.DOMAIN}


def test_a_blocked_ending_refuses_every_domain_with_it():
    """*.xyz blocks every address ending in .xyz."""
    rules = Rules(blocked_domains=["*.xyz"])
    assert kinds('<a href="https://abc.xyz/">x</a>', rules) == {scanner.DOMAIN}


def test_an_allowed_domain_is_not_refused():
    """A domain the editor-in-chief allows passes though its name looks like gambling."""
    rules = Rules(allowed_domains=["slot.kemenkes.go.id"])
    assert kinds('<a href="https://slot.kemenkes.go.id/">jadwal</a>', rules) == set()


def test_a_link_into_a_defaced_government_page_is_refused():
    """A .go.id address carrying spam in its path is a link into a defaced site."""
    html = '<a href="https://disdik.contoh.go.id/wp/slot-gacor-maxwin/">info</a>'
    assert kinds(html) == {scanner.DOMAIN}


def test_a_city_whose_name_holds_a_gambling_word_is_not_refused():
    """Bandar Lampung is not "bandar"."""
    assert kinds('<a href="https://bandarlampungkota.go.id/">Pemkot</a>') == set()


@pytest.mark.parametrize(
    "text",
    [
        "Main s1ot g4cor hari ini",
        "s l o t g a c o r",
        "ｓｌｏｔ ｇａｃｏｒ",
        "sl\u200bot gacor",
        "t0gel",
    ],
)
def test_disguised_spellings_are_refused(text):
    """Digits for letters, spaced letters, full-width and zero-width characters disguise."""
    assert kinds(f"<p>{text}</p>") == {scanner.DISGUISED}


def test_numbers_are_not_read_as_disguised_terms():
    """5107 is a number, not "slot"."""
    assert kinds("<p>Nomor perkara 5107 dan 7070.</p>") == set()


def test_a_promotional_term_beside_a_link_is_refused():
    """ "Daftar slot gacor" in the paragraph of an outbound link is promotion."""
    html = '<p>Daftar slot gacor di <a href="https://example.com/">sini</a></p>'
    assert scanner.SPAM_BESIDE_LINK in kinds(html)


def test_a_link_whose_text_is_a_gambling_term_is_refused():
    """A link reading "togel" is a spam link."""
    assert kinds('<p>Lihat <a href="https://example.com/x">togel</a></p>') == {scanner.SPAM_LINK}


def test_a_news_headline_as_link_text_is_not_refused():
    """A link to another outlet's report on an arrest passes."""
    html = (
        '<p>Baca <a href="https://example.com/x">Polisi tangkap bandar judi online di Pati</a></p>'
    )
    assert kinds(html) == set()


def test_links_within_the_site_are_not_judged_by_their_text():
    """A link to one of our own stories about gambling is not a spam link."""
    html = (
        '<p><a linktype="page" id="3">slot gacor</a> <a href="https://warta.test/a/">togel</a></p>'
    )
    assert kinds(html) == set()


def test_stuffed_promotional_terms_are_refused():
    """Three promotional terms in a short text are stuffing."""
    text = "Slot Gacor Hari Ini Maxwin Situs Slot Online Terpercaya RTP Live"
    assert kinds(text) == {scanner.STUFFING}


def test_an_allowed_term_is_not_refused():
    """A term the editor-in-chief allows no longer counts."""
    rules = Rules(allowed_terms=["link alternatif"])
    assert kinds('<p>Link alternatif: <a href="https://example.com/">sini</a></p>', rules) == set()


def test_an_extra_term_is_refused_like_the_built_in_ones():
    """A term the editor-in-chief adds is a promotional term."""
    rules = Rules(extra_terms=["hoki besar"])
    assert kinds('<p>Hoki besar di <a href="https://example.com/">sini</a></p>', rules) == {
        scanner.SPAM_BESIDE_LINK
    }


def test_a_finding_names_what_was_found():
    """The message names the kind of finding and the style found."""
    scan = FieldScan("Isi", Rules())
    scan.read_markup('<span style="display:none">x</span>', "Isi")
    with translation.override("en"):
        assert scan.result()[0].describe() == "hidden content (display:none)"
