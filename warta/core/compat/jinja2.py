"""Shortcuts past Jinja2's internals for the reader pages' templates (jinja2-printing).

A story page prints some 250 values and includes a dozen templates; on every render of
a page the page cache missed, Jinja2 wraps each printed value in a new Markup object (a
Python-level constructor) only to join it into the page at once, and copies the globals
of each template it renders out of a ChainMap, key by key, in Python (some 15 µs per
template or include).
"""

from __future__ import annotations

from jinja2 import Environment, Template
from markupsafe import _escape_inner

from . import on


def escape_output(value) -> str:
    """What `markupsafe.escape` gives, as plain text: for what a template prints. Blocks
    and macros that collect output still mark their joined text safe, as Jinja2 does."""
    if type(value) is str:
        return _escape_inner(value)
    if hasattr(value, "__html__"):
        return value.__html__()
    return _escape_inner(str(value))


class PrintingAsText(Template):
    @classmethod
    def from_code(cls, environment, code, globals, uptodate=None) -> Template:
        """A compiled template whose printed values go through `escape_output`.

        Assumes (compat/tests/test_jinja2.py): the code Jinja2 compiles calls the name
        `escape` of its module to print a value when autoescaping, and for nothing else.
        """
        template = super().from_code(environment, code, globals, uptodate)
        template.root_render_func.__globals__["escape"] = escape_output
        return template


class PlainGlobals:
    def make_globals(self, d):
        """A template's globals as one plain dict, which Jinja2 copies as a whole on each
        render. Assumes that the environment's globals are all set before the first
        template loads (Warta's are: the environment and its extensions set them)."""
        return {**self.globals, **(d or {})}


def with_shortcuts(environment_class: type[Environment]) -> type[Environment]:
    """`environment_class`, printing values as text and with plain globals when the
    jinja2-printing shortcut is taken."""
    if not on("jinja2-printing"):
        return environment_class
    return type(
        environment_class.__name__,
        (PlainGlobals, environment_class),
        {"template_class": PrintingAsText, "__module__": __name__},
    )
