"""StreamField blocks of a standing page: headings, paragraphs with lists and links, quotes,
images and tables (the last three as an article has them)."""

from django.utils.html import format_html
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from warta.news.blocks import ArticleImageBlock, ArticleTableBlock, QuoteBlock

# A standing page is read as a document: lists and links, no headings inside paragraphs
# (a heading block gives each its anchor).
PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul", "superscript", "subscript"]
HEADING_MAX_LENGTH = 120


class HeadingBlock(blocks.CharBlock):
    """A heading of the page, with an anchor (#ralat-dan-koreksi) to link to."""

    def __init__(self, **kwargs):
        super().__init__(max_length=HEADING_MAX_LENGTH, **kwargs)

    def render_basic(self, value, context=None):
        if anchor := slugify(value, allow_unicode=True):
            return format_html('<h2 id="{}">{}</h2>', anchor, value)
        return format_html("<h2>{}</h2>", value)

    class Meta:
        icon = "title"
        label = _("Heading")


class StandingBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=PARAGRAPH_FEATURES, label=_("Paragraph"))
    quote = QuoteBlock()
    image = ArticleImageBlock()
    table = ArticleTableBlock()
