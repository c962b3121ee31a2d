"""The labels' texts as readers of the site language read them (warta/news/models/
disclosure.py). Tests compare with these, so they hold whether or not the catalogue has
the translations yet."""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext, pgettext

AI_WITH_TOOL = (
    "This story was made with the help of artificial intelligence (%(uses)s; tool: "
    "%(tool)s). The newsroom checked it and is responsible for its content."
)


def reader_text(message: str, **values) -> str:
    """`message` in the site language, with `values` filled in."""
    with translation.override(settings.LANGUAGE_CODE):
        text = gettext(message)
    return text % values if values else text


def unverified_notice() -> str:
    return reader_text(
        "This story still needs further verification, which we are seeking as soon as possible."
    )


def verified_notice(title: str) -> str:
    return reader_text(
        "This story needed further verification. Its result is in the update: %(link)s.",
        link=title,
    )


def ai_label(uses: list[str], tool: str) -> str:
    """The story's AI label; `uses` as the form names them ("writing", "translation")."""
    with translation.override(settings.LANGUAGE_CODE):
        names = ", ".join(pgettext("AI use", use) for use in uses)
    return reader_text(AI_WITH_TOOL, uses=names, tool=tool)


def image_ai_label(use: str, tool: str = "") -> str:
    label = reader_text(use)
    return f"{label} ({tool})" if tool else label


def sponsored() -> str:
    return reader_text("Sponsored content")


def sponsored_by(sponsor: str) -> str:
    return reader_text("Sponsored by %(sponsor)s", sponsor=sponsor)
