"""StreamField blocks of an article body: paragraphs, quotes, images with credit, embeds."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

# Rich-text features an article paragraph may use; no headings above h2, no raw HTML.
PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul", "h2", "h3", "superscript", "subscript"]


class QuoteBlock(blocks.StructBlock):
    """A quotation set apart from the text, with who said it."""

    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(required=False, label=_("Attribution"))

    class Meta:
        icon = "openquote"
        template = "news/blocks/quote.html"
        label = _("Quote")


class ArticleImageBlock(blocks.StructBlock):
    """An image placed in the story; caption and credit default to the image library's."""

    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(required=False, label=_("Caption"))
    credit = blocks.CharBlock(required=False, label=_("Credit"))

    class Meta:
        icon = "image"
        template = "news/blocks/image.html"
        label = _("Image")


class EmbedMediaBlock(blocks.StructBlock):
    """A video or post from another site, shown only as the provider's embed."""

    url = EmbedBlock(label=_("URL"))
    caption = blocks.CharBlock(required=False, label=_("Caption"))

    class Meta:
        icon = "media"
        template = "news/blocks/embed.html"
        label = _("Embed")


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=PARAGRAPH_FEATURES, label=_("Paragraph"))
    quote = QuoteBlock()
    image = ArticleImageBlock()
    embed = EmbedMediaBlock()
