"""jinja2-printing: printed values escaped to plain text, template globals as one dict."""

import pytest
from django.template import engines
from django.utils.safestring import mark_safe
from jinja2 import DictLoader, Environment, Undefined
from markupsafe import Markup, _escape_inner, escape

from warta.core.compat.jinja2 import PlainGlobals, PrintingAsText, escape_output, with_shortcuts

shortcut = pytest.mark.shortcut("jinja2-printing")


class Linked:
    def __html__(self) -> str:
        return '<a href="/">Beranda</a>'


class Plain:
    def __str__(self) -> str:
        return "a < b"


@pytest.mark.parametrize(
    "value",
    [
        "<b>Banjir</b> & rob \"Juwana\" 'Pati'",
        "",
        Markup("<em>aman</em>"),
        mark_safe("<i>Django</i>"),
        Linked(),
        Plain(),
        12_345,
        None,
        Undefined(),
        ["<x>"],
    ],
)
def test_printed_values_are_escaped_as_markupsafe_escapes_them(value):
    assert escape_output(value) == str(escape(value))
    if not hasattr(value, "__html__"):
        assert type(escape_output(value)) is str  # no Markup made per printed value


def test_markupsafe_escapes_text_with_its_inner_function():
    assert _escape_inner("<&>\"'") == str(escape("<&>\"'"))


def test_jinja2_prints_values_through_the_escape_of_the_template_module():
    """The assumption: compiled templates call the module's `escape` to print a value
    when autoescaping (and `Markup` for what blocks and macros collect)."""
    environment = Environment(autoescape=True)  # noqa: S701 - autoescape is on
    source = environment.compile("{{ x }}", raw=True)
    assert "escape(" in source
    template = environment.from_string("{{ x }}")
    assert template.root_render_func.__globals__["escape"] is escape


def test_templates_print_through_escape_output_and_keep_blocks_and_macros_safe():
    environment = with_shortcuts(Environment)(
        loader=DictLoader({}),
        autoescape=True,  # noqa: S701 - autoescape is on
    )
    if PlainGlobals not in type(environment).__mro__:
        pytest.skip("the jinja2-printing shortcut is off (WARTA_SHORTCUTS)")
    template = environment.from_string("{{ x }}")
    assert isinstance(template, PrintingAsText)
    assert template.root_render_func.__globals__["escape"] is escape_output
    source = (
        "{% macro bold(text) %}<b>{{ text }}</b>{% endmacro %}"
        "{% set caption %}<i>{{ x }}</i>{% endset %}"
        "{{ bold(x) }}|{{ caption }}|{{ x }}|{{ safe }}"
    )
    assert environment.from_string(source).render(x="<&>", safe=Markup("<br>")) == (
        "<b>&lt;&amp;&gt;</b>|<i>&lt;&amp;&gt;</i>|&lt;&amp;&gt;|<br>"
    )


@shortcut
def test_the_reader_pages_print_through_escape_output():
    template = engines["jinja2"].from_string("{{ x }}").template
    assert template.root_render_func.__globals__["escape"] is escape_output


def test_template_globals_are_one_dict_with_the_template_s_own_on_top():
    environment = with_shortcuts(Environment)(autoescape=True)  # noqa: S701
    environment.globals["site"] = "Warta"
    template = environment.from_string("{{ site }} {{ own }}", globals={"own": "lokal"})
    assert template.render() == "Warta lokal"
    assert environment.from_string("{{ own }}").render() == ""  # not leaked to others
