"""The reader pages' template environment: what Django's tags gave, and escaping."""

from datetime import UTC, datetime

import pytest
from django.template import engines
from django.test import RequestFactory
from django.utils import translation
from jinja2 import DictLoader

from warta.core.jinja2 import ReaderEnvironment, inclusion, intcomma, querystring
from warta.engagement.jinja2tags import views_text


def render(source: str, **context) -> str:
    return engines["jinja2"].from_string(source).render(context)


def test_dates_are_shown_in_the_site_time_zone_and_language():
    moment = datetime(2026, 11, 26, 23, 30, tzinfo=UTC)  # 06:30 on the 27th in Jakarta
    assert render('{{ moment|date("DATETIME_FORMAT") }}', moment=moment) == (
        "Jumat, 27 November 2026 - 06:30 WIB"
    )
    assert render("{{ moment|iso_datetime }}", moment=moment) == "2026-11-27T06:30:00+0700"
    with translation.override("en"):
        assert "Friday" in render('{{ moment|date("DATETIME_FORMAT") }}', moment=moment)


def test_strings_are_translated_when_rendered():
    source = '{{ _("Search the news") }}'
    assert render(source) == "Cari berita"
    with translation.override("en"):
        assert render(source) == "Search the news"


def test_values_are_escaped_and_translated_markup_kept():
    assert render("{{ title }}", title="<b>Banjir</b> & rob") == (
        "&lt;b&gt;Banjir&lt;/b&gt; &amp; rob"
    )
    source = (
        '{{ _("There is no page at <code>%(path)s</code>. It may have been moved or removed.")'
        "|safe|format(path=path) }}"
    )
    html = render(source, path="/<script>x</script>/")
    assert "<code>/&lt;script&gt;x&lt;/script&gt;/</code>" in html


def test_querystring_changes_one_parameter_and_keeps_the_rest():
    request = RequestFactory().get("/cari/", {"q": "banjir rob", "page": "3"})
    assert querystring(request, page=4) == "?q=banjir+rob&page=4"
    assert querystring(request, page=None) == "?q=banjir+rob"
    assert querystring(RequestFactory().get("/"), page=None) == "?"


@pytest.mark.parametrize(
    "language, views, text",
    [("id", 12345, "12.345 kali dibaca"), ("en", 1, "1 view"), ("en", 12345, "12,345 views")],
)
def test_view_count_picks_the_plural_form_in_python(language, views, text):
    with translation.override(language):
        assert views_text(views, intcomma(views)) == text


@pytest.mark.parametrize("value", [0, 7, 999, 1000, -1234567, 12345678901, 2.5, "1234"])
def test_intcomma_gives_what_djangos_gives_in_both_languages(value):
    from django.contrib.humanize.templatetags.humanize import intcomma as django_intcomma

    for language in ("id", "en"):
        with translation.override(language):
            assert intcomma(value) == django_intcomma(value)


def test_a_dicts_keys_come_before_its_methods_as_in_djangos_templates():
    """`value.key` reads a dict's key first; attributes of other objects are unchanged."""
    assert render("{{ d.items }}|{{ d.title }}", d={"items": "isi", "title": "Judul"}) == (
        "isi|Judul"
    )
    assert render("{{ d.get('x') }}|{{ d.missing }}|", d={"x": 1}) == "1||"
    assert render("{{ moment.year }}", moment=datetime(2026, 11, 27, tzinfo=UTC)) == "2026"


def test_templates_see_the_environments_globals_and_their_own():
    environment = engines["jinja2"].env
    template = environment.from_string("{{ url('news:archive') }} {{ extra }}", {"extra": "x"})
    assert template.render() == "/arsip/ x"
    assert "extra" not in environment.globals  # a template's own globals stay its own


@pytest.mark.parametrize("auto_reload", [False, True])
def test_inclusions_load_their_template_once_unless_templates_reload(auto_reload):
    sources = {"box.html": "<b>{{ x }}</b>", "page.html": "{{ box(1) }}{{ box('<2>') }}"}
    environment = ReaderEnvironment(
        loader=DictLoader(sources), auto_reload=auto_reload, autoescape=True
    )
    environment.globals["box"] = inclusion("box.html", lambda x: {"x": x})
    assert environment.get_template("page.html").render() == "<b>1</b><b>&lt;2&gt;</b>"
    sources["box.html"] = "<i>{{ x }}</i>"
    again = environment.get_template("page.html").render()
    assert again == ("<i>1</i><i>&lt;2&gt;</i>" if auto_reload else "<b>1</b><b>&lt;2&gt;</b>")
