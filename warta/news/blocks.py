"""StreamField blocks of an article body: paragraphs, quotes, images with credit, galleries,
tables and embeds."""

import hashlib
import json

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
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


class GalleryBlock(blocks.StructBlock):
    """Several photos shown together, each with its caption and credit, and a caption for
    the whole set. Stored as {"images": [{"image": pk, "caption", "credit"}, …], "caption"}."""

    images = blocks.ListBlock(ArticleImageBlock(), min_num=2, label=_("Photos"))
    caption = blocks.CharBlock(required=False, label=_("Caption"))

    class Meta:
        icon = "image"
        template = "news/blocks/gallery.html"
        label = _("Gallery")


class ArticleTableBlock(TableBlock):
    """A table of figures (votes per village, prices at the market): rows of plain text,
    an optional caption, the first row and/or column as headers.

    The value is Wagtail's table block's: {"data": [[cell, …], …], "table_caption",
    "table_header_choice": "row" | "column" | "both" | "neither", …}; cells are text
    (Wagtail's "text" renderer), so a cell never carries markup.
    """

    def get_searchable_content(self, value) -> list[str]:
        """The cells' text and the caption: what search and the integrity guard read."""
        caption = (value or {}).get("table_caption") or ""
        return [*super().get_searchable_content(value), *([caption] if caption else [])]

    def render(self, value, context=None) -> SafeString:
        if not value:
            return mark_safe("")
        rows = [
            ["" if cell is None else str(cell) for cell in row] for row in value.get("data") or []
        ]
        header = rows[0] if rows and _header_choice(value, "row") else None
        caption = (value.get("table_caption") or "").strip()
        context = dict(context or {})
        # The block's id makes the caption's; a value rendered outside a stream has none.
        ident = (
            context.get("id")
            or hashlib.sha256(json.dumps([rows, caption], ensure_ascii=False).encode()).hexdigest()[
                :12
            ]
        )
        context.update(
            caption=caption,
            caption_id=f"table-{ident}",
            header=header,
            rows=rows[1:] if header is not None else rows,
            row_headers=_header_choice(value, "column"),
        )
        return mark_safe(render_to_string(self.meta.template, context))  # noqa: S308 - autoescaped template

    class Meta:
        icon = "table"
        template = "news/blocks/table.html"
        label = _("Table")


def _header_choice(value: dict, axis: str) -> bool:
    """Whether the first row ("row") or column ("column") holds headers: the editor's choice,
    or the flags a table saved before Wagtail 6 carries."""
    choice = value.get("table_header_choice")
    if choice:
        return choice in (axis, "both")
    flag = "first_row_is_table_header" if axis == "row" else "first_col_is_header"
    return bool(value.get(flag))


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
    gallery = GalleryBlock()
    table = ArticleTableBlock()
    embed = EmbedMediaBlock()


def body_images(body) -> list:
    """The images a body shows, in reading order: its photos and its galleries' photos."""
    images = []
    for block in body:
        if block.block_type == "image":
            images.append(block.value["image"])
        elif block.block_type == "gallery":
            images.extend(item["image"] for item in block.value["images"])
    return images
