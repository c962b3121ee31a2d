"""Template pieces of corrections: the "Ralat" block at the end of a corrected story."""

from jinja2.ext import Extension

from warta.core.jinja2 import inclusion

from .corrections import corrections_shown


def article_corrections(context, article) -> dict:
    """The story's corrections, each with its time (PPMS point 4)."""
    return {"corrections": corrections_shown(context["request"], article)}


class PressExtension(Extension):
    def __init__(self, environment):
        super().__init__(environment)
        environment.globals.update(
            article_corrections=inclusion(
                "press/corrections.html", article_corrections, takes_context=True
            ),
        )
