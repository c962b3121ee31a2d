"""A WordPress post's HTML as the blocks of an article body, cleaned and counted.

`convert()` reads what WordPress stores in `post_content` — classic-editor text (paragraphs
made by WordPress's `wpautop` on display), Gutenberg block comments, page-builder shortcode
wrappers — and returns the `ArticlePage.body` blocks (paragraph, quote, image, gallery, table,
embed) with the dateline and the closing initials of an Indonesian story lifted into their own
fields; or, with `target="standing"`, the blocks of a `StandingPage.body` (heading, paragraph,
quote, image, table), which has no galleries, embeds or headings inside paragraphs.

Nothing is dropped silently: what is removed (scripts, event handlers, hidden text, iframes
from unknown hosts) or kept only as text (unknown shortcodes, a table cell's links, an embed
on a standing page) is counted in `Conversion.counts`, so the import report can say what
happened to each story. Hidden text is removed together with its element, never revealed: a
hidden link stays unpublished.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html import escape, unescape
from typing import Literal
from urllib.parse import parse_qs, urlsplit

from lxml import etree
from lxml import html as lxml_html
from wagtail.embeds.oembed_providers import all_providers

from warta.standing.blocks import HEADING_MAX_LENGTH

# Looks up a WordPress attachment ("123", its post ID) or an image address; gives the pk
# of the Wagtail image that holds it, or None when there is none.
ImageResolver = Callable[[str], int | None]
# The page body the blocks are for: ArticlePage.body or StandingPage.body.
Target = Literal["article", "standing"]


@dataclass
class Conversion:
    """A page body converted from WordPress, with what the conversion took out."""

    # The body in StreamField's stored form, which the target's body accepts as it is:
    # {"type": "paragraph", "value": "<p>…</p>"}, {"type": "quote", "value": {"text",
    # "attribution"}}, {"type": "image", "value": {"image": pk, "caption", "credit"}},
    # {"type": "gallery", "value": {"images": [{"image": pk, "caption", "credit"}, …],
    # "caption"}}, {"type": "table", "value": {"data": [[cell, …], …], "table_caption",
    # "table_header_choice", "first_row_is_table_header", "first_col_is_header"}},
    # {"type": "embed", "value": {"url", "caption"}}; for a standing page also
    # {"type": "heading", "value": "text"}. Image pks need no query to store.
    blocks: list[dict] = field(default_factory=list)
    dateline: str = ""
    initials: str = ""
    counts: Counter = field(default_factory=Counter)


# --- Embeds ---------------------------------------------------------------------------

# Hosts Wagtail finds embeds for, plus the ones its Facebook and Instagram finders serve.
_EMBED_PATTERNS = [re.compile(p) for provider in all_providers for p in provider["urls"]] + [
    re.compile(r"^https?://(?:www\.)?facebook\.com/.+$"),
    re.compile(r"^https?://fb\.watch/.+$"),
    re.compile(r"^https?://(?:www\.)?instagram\.com/(?:p|reel|tv)/.+$"),
    re.compile(r"^https?://(?:www\.)?tiktok\.com/@[^/]+/video/.+$"),
]


def embed_url(url: str) -> str | None:
    """The address an embed block takes for `url` (a page or a player address), or None
    when no known provider serves it."""
    url = url.strip()
    parts = urlsplit(url)
    host = parts.netloc.lower().removeprefix("www.")
    path = parts.path
    if parts.scheme == "" and url.startswith("//"):
        return embed_url("https:" + url)
    # Player addresses of iframes, back to the page address the providers' oEmbed knows.
    if host in ("youtube.com", "youtube-nocookie.com", "m.youtube.com"):
        if match := re.match(r"^/(?:embed|v)/([\w-]{6,})", path):
            url = f"https://www.youtube.com/watch?v={match.group(1)}"
    elif host == "player.vimeo.com":
        if match := re.match(r"^/video/(\d+)", path):
            url = f"https://vimeo.com/{match.group(1)}"
    elif host == "facebook.com" and path.startswith("/plugins/"):
        href = parse_qs(parts.query).get("href")
        if not href:
            return None
        url = href[0]
    elif host == "instagram.com":
        url = re.sub(r"/embed(?:/captioned)?/?$", "/", url.split("?")[0])
    elif host == "open.spotify.com" and path.startswith("/embed/"):
        url = "https://open.spotify.com/" + path.removeprefix("/embed/")
    if any(pattern.match(url) for pattern in _EMBED_PATTERNS):
        return url
    return None


# --- Shortcodes and wpautop -----------------------------------------------------------

_SHORTCODE = re.compile(r"\[?\[(/?)([a-z][a-z0-9_-]*)((?:\s[^\[\]]*)?)(/?)\]\]?")
# Page builders wrap the text in layout shortcodes; the text inside is the story.
_PAGE_BUILDER = re.compile(r"^(?:vc_|et_pb_|fusion_|av_|tdc?_|themify_|cs_|mk_|su_row|su_column)")
_PAGE_BUILDER_RAW = {"vc_raw_html", "vc_raw_js"}  # base64 code, no story text
_ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))""")


def _attributes(text: str) -> dict[str, str]:
    return {
        m.group(1).lower(): m.group(2) or m.group(3) or m.group(4) or ""
        for m in _ATTRIBUTE.finditer(text)
    }


def _replace_shortcodes(text: str, counts: Counter) -> str:
    text = re.sub(
        r"\[(vc_raw_html|vc_raw_js)\b[^\]]*\].*?\[/\1\]",
        lambda m: counts.update(["page_builder_raw_code"]) or "",
        text,
        flags=re.S,
    )

    def caption(match: re.Match) -> str:
        attrs = _attributes(match.group(2))
        inner = match.group(3)
        image = re.search(r"(?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?", inner, re.I)
        image_html = image.group(0) if image else ""
        text = (inner[: image.start()] + inner[image.end() :]) if image else inner
        text = text.strip() or attrs.get("caption", "")
        ident = re.sub(r"\D", "", attrs.get("id", ""))
        return (
            f'<figure class="wp-caption" data-wp-id="{ident}">{image_html}'
            f"<figcaption>{text}</figcaption></figure>"
        )

    text = re.sub(r"\[(caption|wp_caption)\b([^\]]*)\](.*?)\[/\1\]", caption, text, flags=re.S)
    text = re.sub(
        r"\[embed\b[^\]]*\](.*?)\[/embed\]",
        lambda m: f'<div class="wp-shortcode-embed">{m.group(1).strip()}</div>',
        text,
        flags=re.S,
    )

    def other(match: re.Match) -> str:
        if match.group(0).startswith("[[") and match.group(0).endswith("]]"):
            return match.group(0)[1:-1]  # [[name]]: WordPress prints "[name]" as written
        closing, name, attrs = match.group(1), match.group(2), match.group(3)
        if name == "gallery" and not closing:
            given = _attributes(attrs)
            ids = given.get("ids") or given.get("include", "")
            exclude = given.get("exclude", "")
            return (
                f'<div class="wp-shortcode-gallery" data-ids="{escape(ids)}" '
                f'data-exclude="{escape(exclude)}"></div>'
            )
        if name == "vc_single_image" and not closing:
            ident = re.sub(r"\D", "", _attributes(attrs).get("image", ""))
            return f'<figure data-wp-id="{ident}"></figure>'
        if _PAGE_BUILDER.match(name):
            if not closing:
                counts["page_builder_unwrapped"] += 1
            return ""
        # "[nama]" or "[nama a=…]" is a shortcode; "[simple boat]" is bracketed prose.
        if not closing and (not attrs.strip() or "=" in attrs):
            counts[f"shortcode_unknown:{name}"] += 1
        return match.group(0)  # kept as the reader's visible text

    return _SHORTCODE.sub(other, text)


_AUTOP_BLOCK = (
    r"table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|"
    r"map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|"
    r"aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary|iframe|script|"
    r"video|audio|noscript|object"
)
_AUTOP_RAW = re.compile(r"^<(?:pre|script|style|iframe)\b", re.I)


def wpautop(text: str) -> str:
    """WordPress's `wpautop`, the part a classic-editor post needs: a blank line separates
    paragraphs, a single newline is a line break, block elements stand on their own."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(rf"(<(?:{_AUTOP_BLOCK})[\s/>])", r"\n\n\1", text, flags=re.I)
    text = re.sub(rf"(</(?:{_AUTOP_BLOCK})>)", r"\1\n\n", text, flags=re.I)
    out = []
    for chunk in re.split(r"\n\s*\n", text):
        chunk = chunk.strip()
        if not chunk:
            continue
        if re.match(rf"</?(?:{_AUTOP_BLOCK})[\s/>]", chunk, re.I):
            if not _AUTOP_RAW.match(chunk):
                chunk = re.sub(r"\s*\n\s*", "<br />\n", chunk)
            out.append(chunk)
        else:
            out.append("<p>" + re.sub(r"\s*\n\s*", "<br />\n", chunk) + "</p>")
    return "\n".join(out)


# --- Cleaning -------------------------------------------------------------------------

_REMOVED_ELEMENTS = {
    "script": "script",
    "style": "style_element",
    "noscript": "noscript",
    "template": "template",
    "object": "object",
    "embed": "object",
    "applet": "object",
    "form": "form",
    "input": "form",
    "button": "form",
    "select": "form",
    "textarea": "form",
    "link": "link_element",
    "meta": "meta_element",
    "base": "meta_element",
    "svg": "svg",
    "math": "math",
    "frameset": "frame",
    "frame": "frame",
    "head": "meta_element",
    "title": "meta_element",
}
# Inline styles that keep text from the reader; such text is spam more often than not.
_HIDING_STYLE = re.compile(
    r"display:none|visibility:(?:hidden|collapse)|font-size:0*\.?0*(?:px|em|rem|pt|%|vw)?(?:;|!|$)"
    r"|opacity:0*\.?0*(?:;|!|$)|(?:^|;)(?:max-)?(?:height|width):0*\.?0*(?:px|em|rem|%)?(?:;|!|$)"
    r"|(?:left|top|right|text-indent|margin-left|margin-top):-\d{3,}|color:transparent"
    r"|transform:scale\(0\)|clip:rect\(0"
)
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}
_UNSAFE_URL = re.compile(r"^(?:javascript|vbscript|data|livescript):", re.I)


def _hiding(style: str) -> bool:
    style = re.sub(r"\s+", "", style).lower()
    if not style:
        return False
    if re.search(r"(?:^|;)(?:max-)?(?:height|width):0", style) and "overflow:hidden" not in style:
        style = re.sub(r"(?:^|;)(?:max-)?(?:height|width):0[^;]*", ";", style)
    return bool(_HIDING_STYLE.search(style))


def _hidden_selectors(root) -> set[str]:
    """Classes and ids a <style> element in the post hides (".x{display:none}"): spam
    links are hidden this way as often as with an inline style."""
    selectors = set()
    for style in root.iter("style"):
        for rule in re.finditer(r"([^{}]+)\{([^{}]*)\}", style.text_content()):
            if _hiding(rule.group(2)):
                selectors.update(re.findall(r"(?<![\w-])([.#][\w-]+)\s*(?=,|$)", rule.group(1)))
    return selectors


def _hides(element, selectors: set[str]) -> bool:
    if _hiding(element.get("style", "")):
        return True
    if selectors:
        names = {"." + name for name in element.get("class", "").split()}
        if element.get("id"):
            names.add("#" + element.get("id"))
        return bool(names & selectors)
    return False


def _drop(element) -> None:
    """Remove the element and its content, keeping the text after it."""
    element.drop_tree()


def _clean(element, counts: Counter, selectors: set[str]) -> None:
    for child in list(element):
        if not isinstance(child.tag, str):  # comment or processing instruction
            _drop(child)
            continue
        tag = child.tag.lower()
        if tag in _REMOVED_ELEMENTS:
            counts[_REMOVED_ELEMENTS[tag]] += 1
            _drop(child)
            continue
        for name in list(child.attrib):
            if name.lower().startswith("on"):
                counts["event_handler"] += 1
                del child.attrib[name]
            elif name.lower() in _URL_ATTRIBUTES and _UNSAFE_URL.match(
                re.sub(r"[\s\x00-\x1f]", "", child.attrib[name])
            ):
                counts["javascript_url"] += 1
                del child.attrib[name]
        if _hides(child, selectors):
            counts["hidden_style"] += 1
            _drop(child)
            continue
        if child.get("hidden") is not None:
            counts["hidden_attribute"] += 1
            _drop(child)
            continue
        _clean(child, counts, selectors)


# --- From the tree to blocks ----------------------------------------------------------


@dataclass
class _Inline:
    html: str
    text: str


class _Break:
    pass


BREAK = _Break()


@dataclass
class _Block:
    type: str
    value: object


_INLINE_TAGS = {"b": "b", "strong": "b", "i": "i", "em": "i", "sup": "sup", "sub": "sub"}
_CONTAINERS = {
    "p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "center",
    "address", "dl", "dt", "dd", "details", "summary", "figcaption", "body", "html", "hgroup",
    "fieldset", "legend", "caption", "tbody", "thead", "tfoot", "tr", "td", "th", "menu",
}  # fmt: skip
_SAFE_HREF = re.compile(r"^(?:https?:|mailto:|tel:|/|#)", re.I)
_URL_LINE = re.compile(r"^https?://\S+$")


def _text(value: str) -> str:
    return re.sub(r"[\s\xa0]+", " ", value)


def _wrap(events: list, opening: str, closing: str) -> list:
    """Put an inline element around each run of inline content; blocks inside break it."""
    out, run = [], []

    def flush():
        if run:
            html, text = "".join(e.html for e in run), "".join(e.text for e in run)
            if text.strip():
                out.append(_Inline(opening + html + closing, text))
            else:
                out.append(_Inline(html, text))
            run.clear()

    for event in events:
        if isinstance(event, _Inline):
            run.append(event)
        else:
            flush()
            out.append(event)
    flush()
    return out


# Where galleries keep each photo's box and its caption: Gutenberg's (old and new markup),
# WordPress's rendered [gallery], Jetpack's tiled gallery.
_GALLERY_ITEM_TAGS = {"figure", "li", "dl"}
_GALLERY_ITEM_CLASSES = {"gallery-item", "blocks-gallery-item", "tiled-gallery-item"}
_GALLERY_CAPTION_CLASSES = {
    "gallery-caption", "wp-caption-text", "blocks-gallery-item__caption",
    "tiled-gallery-caption", "wp-element-caption",
}  # fmt: skip
# Merged cells are split into their own and blank ones; a span past this is a typo or worse.
_MAX_SPAN = 50


def _classes(element) -> set[str]:
    return set(element.get("class", "").split())


class _Converter:
    def __init__(self, images: ImageResolver | None, counts: Counter, attached: Sequence[str]):
        self.images = images
        self.counts = counts
        self.attached = [str(ref) for ref in attached]

    # Images

    def image_pk(self, element) -> int | None:
        if self.images is None:
            return None
        refs = []
        sources = (
            element.get("data-wp-id"),
            element.get("data-id"),
            element.get("data-attachment-id"),
        )
        for source in sources:
            if source and source.isdigit():
                refs.append(source)
        if match := re.search(r"\bwp-image-(\d+)\b", element.get("class", "")):
            refs.append(match.group(1))
        if element.get("src"):
            refs.append(element.get("src"))
        for ref in refs:
            pk = self.images(ref)
            if pk is not None:
                return pk
        return None

    def image_block(self, element, caption: str = "") -> list:
        pk = self.image_pk(element)
        if pk is None:
            self.counts["image_unresolved"] += 1
            return []
        return [_Block("image", {"image": pk, "caption": caption, "credit": ""})]

    # Elements

    def children(self, element) -> list:
        events = []
        if element.text:
            events.append(_Inline(escape(_text(element.text), quote=False), _text(element.text)))
        for child in element:
            if isinstance(child.tag, str):
                events.extend(self.element(child))
            if child.tail:
                events.append(_Inline(escape(_text(child.tail), quote=False), _text(child.tail)))
        return events

    def element(self, element) -> list:
        tag = element.tag.lower()
        classes = element.get("class", "").split()
        if tag in _INLINE_TAGS:
            name = _INLINE_TAGS[tag]
            return _wrap(self.children(element), f"<{name}>", f"</{name}>")
        if tag == "a":
            href = element.get("href", "").strip()
            if href and _SAFE_HREF.match(href):
                return _wrap(self.children(element), f'<a href="{escape(href)}">', "</a>")
            return self.children(element)
        if tag == "br":
            return [_Inline("<br/>", "\n")]
        if tag == "img":
            return self.image_block(element)
        if tag == "iframe":
            return self.iframe(element)
        if tag in ("video", "audio"):
            self.counts["media_unsupported"] += 1
            return []
        if tag == "figure":
            return [BREAK, *self.figure(element), BREAK]
        if tag == "blockquote":
            return [BREAK, *self.blockquote(element), BREAK]
        if re.fullmatch(r"h[1-6]", tag):
            level = "h2" if tag in ("h1", "h2") else "h3"
            return [BREAK, *self.rich(self.children(element), level), BREAK]
        if tag in ("ul", "ol"):
            listed = self.list_html(element)
            if listed is None:  # images or embeds inside: no list can hold them
                return [BREAK, *self.children(element), BREAK]
            return [BREAK, _Block("paragraph", listed), BREAK] if listed else [BREAK]
        if tag == "li":
            return [BREAK, *self.children(element), BREAK]
        if tag == "table":
            return [BREAK, *self.table(element), BREAK]
        if tag == "div" and {"gallery", "tiled-gallery"} & set(classes):
            return [BREAK, *self.gallery_element(element, ""), BREAK]
        if tag == "pre":
            text = element.text_content().strip("\n")
            html = escape(text, quote=False).replace("\n", "<br/>")
            return [BREAK, _Inline(html, text), BREAK]
        if tag == "hr":
            return [BREAK]
        if tag == "div" and "wp-shortcode-gallery" in classes:
            refs = self.gallery_refs(element.get("data-ids", ""), element.get("data-exclude", ""))
            return [BREAK, *self.gallery(refs), BREAK]
        if tag == "div" and "wp-shortcode-embed" in classes:
            return [BREAK, *self.embed_shortcode(element.text_content().strip()), BREAK]
        if tag in _CONTAINERS:
            return [BREAK, *self.children(element), BREAK]
        return self.children(element)  # span, font, u, abbr…: their text, unstyled

    def rich(self, events: list, tag: str) -> list:
        """Inline content as one rich-text block in `tag`; blocks inside follow it."""
        out, html, text = [], [], []
        for event in events:
            if isinstance(event, _Inline):
                html.append(event.html)
                text.append(event.text)
            elif isinstance(event, _Block):
                out.append(event)
        body = _trim("".join(html))
        if "".join(text).strip():
            out.insert(0, _Block("paragraph", f"<{tag}>{body}</{tag}>"))
        return out

    def iframe(self, element) -> list:
        url = embed_url(element.get("src", ""))
        if url is None:
            self.counts["iframe_unknown_host"] += 1
            return []
        return [BREAK, _Block("embed", {"url": url, "caption": ""}), BREAK]

    def embed_shortcode(self, address: str) -> list:
        url = embed_url(address)
        if url:
            return [_Block("embed", {"url": url, "caption": ""})]
        self.counts["embed_unknown_host"] += 1
        link = escape(address)
        if _SAFE_HREF.match(address):
            return [_Inline(f'<a href="{link}">{link}</a>', address)]
        return [_Inline(link, address)]

    def gallery_refs(self, ids: str, exclude: str) -> list[str]:
        """The attachments a [gallery] shows: those it names, else the post's own images
        (`attached`) but the excluded ones, as WordPress shows them."""
        refs = [ref for ref in re.split(r"[\s,]+", ids) if ref.isdigit()]
        if refs:
            return refs
        excluded = set(re.split(r"[\s,]+", exclude))
        return [ref for ref in self.attached if ref not in excluded]

    def gallery(self, refs: list[str]) -> list:
        """A [gallery] shortcode's photos, found by attachment ID."""
        if not refs:
            self.counts["gallery_without_ids"] += 1
            return []
        photos = []
        for ref in refs:
            pk = self.images(ref) if self.images else None
            if pk is None:
                self.counts["image_unresolved"] += 1
            else:
                photos.append({"image": pk, "caption": "", "credit": ""})
        return self.gallery_blocks(photos, "")

    def gallery_element(self, element, caption: str) -> list:
        """A gallery in the markup, each photo with the caption in its own box; what else
        the gallery holds follows it."""
        found = []
        for img in list(element.iter("img")):
            found.append((img, self.gallery_caption(img, element)))
        for _img, caption_element in found:
            if caption_element is not None and caption_element.getparent() is not None:
                caption_element.drop_tree()
        photos = []
        for img, caption_element in found:
            text = "" if caption_element is None else _text(caption_element.text_content()).strip()
            pk = self.image_pk(img)
            if pk is None:
                self.counts["image_unresolved"] += 1
            else:
                photos.append({"image": pk, "caption": text, "credit": ""})
            img.drop_tree()
        return [*self.gallery_blocks(photos, caption), BREAK, *self.children(element)]

    @staticmethod
    def gallery_caption(img, gallery):
        """The caption in the photo's own box of the gallery, or None."""
        for box in img.iterancestors():
            if box is gallery:
                return None
            for candidate in box.iter():
                if isinstance(candidate.tag, str) and (
                    candidate.tag == "figcaption" or _GALLERY_CAPTION_CLASSES & _classes(candidate)
                ):
                    return candidate
            if box.tag in _GALLERY_ITEM_TAGS or _GALLERY_ITEM_CLASSES & _classes(box):
                return None
        return None

    def gallery_blocks(self, photos: list[dict], caption: str) -> list:
        """A gallery block for two photos or more; one photo is an image block."""
        if len(photos) >= 2:
            return [_Block("gallery", {"images": photos, "caption": caption})]
        events: list = []
        if photos:
            if not photos[0]["caption"]:
                photos[0]["caption"], caption = caption, ""
            events.append(_Block("image", photos[0]))
        if caption:
            events.extend([BREAK, _Inline(f"<i>{escape(caption, quote=False)}</i>", caption)])
        return events

    def figure(self, element) -> list:
        caption_element = next((c for c in element if c.tag == "figcaption"), None)
        caption = (
            _text(caption_element.text_content()).strip() if caption_element is not None else ""
        )
        if caption_element is not None:
            caption_element.drop_tree()
        if {"wp-block-gallery", "gallery"} & _classes(element):
            return self.gallery_element(element, caption)
        if element.get("data-wp-id") is not None and not len(element):
            # [vc_single_image image=…]: an attachment with no <img> in the text.
            events = self.image_block(element) if element.get("data-wp-id") else []
        else:
            if element.get("data-wp-id"):  # [caption id="attachment_…"]
                for image in element.iter("img"):
                    if not image.get("data-wp-id"):
                        image.set("data-wp-id", element.get("data-wp-id"))
            events = self.children(element)
        blocks = [e for e in events if isinstance(e, _Block)]
        address = "".join(e.text for e in events if isinstance(e, _Inline)).strip()
        if not blocks and _URL_LINE.match(address) and (url := embed_url(address)):
            # Gutenberg's embed: the address alone in the figure, the caption under it.
            blocks = [_Block("embed", {"url": url, "caption": ""})]
            events = list(blocks)
        # Gutenberg's image, embed and table each sit in a figure with their caption.
        captioned = {"image": "caption", "embed": "caption", "table": "table_caption"}
        key = captioned.get(blocks[0].type) if len(blocks) == 1 else None
        if caption and key and not blocks[0].value[key]:
            blocks[0].value[key] = caption
            caption = ""
        if caption:
            events.extend([BREAK, _Inline(f"<i>{escape(caption, quote=False)}</i>", caption)])
        return events

    def blockquote(self, element) -> list:
        classes = element.get("class", "").split()
        if {"twitter-tweet", "instagram-media", "tiktok-embed", "twitter-video"} & set(classes):
            candidates = [element.get("cite", ""), element.get("data-instgrm-permalink", "")]
            candidates += [a.get("href", "") for a in reversed(list(element.iter("a")))]
            for candidate in candidates:
                url = embed_url(candidate) if candidate else None
                if url:
                    return [_Block("embed", {"url": url, "caption": ""})]
        attribution = ""
        for cite in list(element.iter("cite", "footer")):
            attribution = attribution or _text(cite.text_content()).strip()
            cite.drop_tree()
        lines = []
        for event in self.children(element):
            if isinstance(event, _Inline):
                lines.append(event.text)
            else:
                lines.append("\n")
        text = "\n".join(line.strip() for line in "".join(lines).split("\n") if line.strip())
        if not text:
            return []
        attribution = attribution.lstrip("—–- ").strip()
        return [_Block("quote", {"text": text, "attribution": attribution})]

    def list_html(self, element) -> str | None:
        """The list as rich text ("" when no item has text), or None when an item holds
        an image or an embed, which no list can hold."""
        tag = element.tag.lower()
        items = []
        for item in element:
            if not isinstance(item.tag, str) or item.tag.lower() != "li":
                continue
            nested = []
            for sub in list(item):
                if isinstance(sub.tag, str) and sub.tag.lower() in ("ul", "ol"):
                    sub_html = self.list_html(sub)
                    if sub_html is None:
                        return None
                    if sub_html:
                        nested.append(sub_html)
                    sub.drop_tree()
            parts, text = [], []
            for event in self.children(item):
                if isinstance(event, _Block):
                    return None
                parts.append(event.html if isinstance(event, _Inline) else "<br/>")
                text.append(event.text if isinstance(event, _Inline) else "")
            if "".join(text).strip() or nested:
                items.append(f"<li>{_trim(''.join(parts))}{''.join(nested)}</li>")
        if not items:
            return ""
        return f"<{tag}>{''.join(items)}</{tag}>"

    def table(self, element) -> list:
        """A table of data as a table block, its cells as text; a table that lays out
        photos, embeds or other tables, or holds one cell, gives its content instead."""
        if _lays_out(element):
            self.counts["table_layout_unwrapped"] += 1
            return self.children(element)
        head, body, foot = _table_rows(element)
        grid = self.table_grid([*head, *body, *foot])
        header_row = bool(head) or bool(grid and all(is_th for _text, is_th in grid[0]))
        rows = [[text for text, _is_th in row] for row in grid]
        kept = [i for i, row in enumerate(rows) if any(row)]
        if not kept:
            self.counts["table_empty"] += 1
            return []
        if header_row and kept[0] != 0:
            header_row = False  # the header row was empty
        grid = [grid[i] for i in kept]
        rows = [rows[i] for i in kept]
        width = max(len(row) for row in rows)
        while width > 1 and not any(len(row) >= width and row[width - 1] for row in rows):
            width -= 1  # a column blank from top to bottom
        rows = [(row + [""] * width)[:width] for row in rows]
        below = grid[1:] if header_row else grid
        row_headers = bool(below) and all(row[0][1] for row in below)
        row_headers = row_headers and not all(is_th for row in below for _text, is_th in row)
        choice = {
            (True, True): "both",
            (True, False): "row",
            (False, True): "column",
            (False, False): "neither",
        }[(header_row, row_headers)]
        caption = next((c for c in element if isinstance(c.tag, str) and c.tag == "caption"), None)
        caption_text = _text(caption.text_content()).strip() if caption is not None else ""
        return [
            _Block(
                "table",
                {
                    "data": rows,
                    "table_caption": caption_text,
                    "table_header_choice": choice,
                    "first_row_is_table_header": header_row,
                    "first_col_is_header": row_headers,
                },
            )
        ]

    def table_grid(self, rows: list) -> list[list[tuple[str, bool]]]:
        """Each row's cells as (text, is a header cell), a merged cell split into itself and
        blank cells so that the columns stay in line."""
        grid = []
        covered: dict[int, int] = {}  # column → rows below that a merged cell still covers
        for tr in rows:
            row: list[tuple[str, bool]] = []
            cells = [c for c in tr if isinstance(c.tag, str) and c.tag.lower() in ("td", "th")]
            while cells or any(left and column >= len(row) for column, left in covered.items()):
                if covered.get(len(row)):
                    covered[len(row)] -= 1
                    row.append(("", False))
                    continue
                if not cells:
                    row.append(("", False))  # a gap before a column covered from above
                    continue
                cell = cells.pop(0)
                colspan, rowspan = _span(cell.get("colspan")), _span(cell.get("rowspan"))
                if colspan > 1 or rowspan > 1:
                    self.counts["table_merged_cell_split"] += 1
                if links := sum(1 for a in cell.iter("a") if a.get("href")):
                    self.counts["table_link_as_text"] += links
                if rowspan > 1:
                    for column in range(len(row), len(row) + colspan):
                        covered[column] = rowspan - 1
                row.append((_cell_text(cell), cell.tag.lower() == "th"))
                row.extend([("", False)] * (colspan - 1))
            grid.append(row)
        return grid


def _lays_out(table) -> bool:
    """Whether a table places photos, embeds or other tables, or one cell: layout, not data."""
    if any(True for _ in table.iter("img", "iframe", "figure", "video", "audio")):
        return True
    if any(True for _ in table.iterdescendants("table")):
        return True
    return sum(1 for _ in table.iter("td", "th")) == 1


def _table_rows(table) -> tuple[list, list, list]:
    """The rows of a table's head, body and foot (not those of a table inside it)."""
    head, body, foot = [], [], []
    sections = {"thead": head, "tbody": body, "tfoot": foot}
    for child in table:
        if not isinstance(child.tag, str):
            continue
        tag = child.tag.lower()
        if tag == "tr":
            body.append(child)
        elif tag in sections:
            sections[tag].extend(
                row for row in child if isinstance(row.tag, str) and row.tag.lower() == "tr"
            )
    return head, body, foot


def _span(value: str | None) -> int:
    digits = re.match(r"\s*(\d+)", value or "")
    return min(max(int(digits.group(1)), 1), _MAX_SPAN) if digits else 1


def _cell_text(cell) -> str:
    """A cell's text, a line for each line break, paragraph or list item in it."""
    for element in cell.iter("br", "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6"):
        element.tail = "\n" + (element.tail or "")
    lines = (_text(line).strip() for line in cell.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def _trim(html: str) -> str:
    html = re.sub(r"^(?:\s|<br/>)+", "", html)
    return re.sub(r"(?:\s|<br/>)+$", "", html)


def _assemble(events: list) -> list[tuple[str, object]]:
    blocks: list[tuple[str, object]] = []
    html, text = [], []

    def flush():
        joined_text = "".join(text).strip()
        if joined_text:
            url = embed_url(joined_text) if _URL_LINE.match(joined_text) else None
            if url:  # a bare address on its own line: WordPress shows the embed
                blocks.append(("embed", {"url": url, "caption": ""}))
            else:
                body = re.sub(r"<br/>\s+", "<br/>", _trim("".join(html)))
                body = re.sub(r"  +", " ", body)  # left where an element was taken out
                blocks.append(("paragraph", f"<p>{body}</p>"))
        html.clear()
        text.clear()

    for event in events:
        if isinstance(event, _Inline):
            html.append(event.html)
            text.append(event.text)
        else:
            flush()
            if isinstance(event, _Block):
                blocks.append((event.type, event.value))
    flush()
    return blocks


# --- Dateline and initials ------------------------------------------------------------

_DATELINE = re.compile(
    r"^<p>(?P<open>(?:<[bi]>)*)(?P<dateline>[^<>–—]{2,80}?)\s*(?P<mid>(?:</[bi]>)*)\s*"
    r"(?:–|—|-{1,2})\s*(?P<close>(?:</[bi]>)*)\s*(?=[A-Z0-9\"“'‘])"
)
_CAPS_PLACE = re.compile(r"^[A-Z][A-Z.'-]*(?: [A-Z][A-Z.'-]*){0,3}$")
_TITLE_PLACE = re.compile(r"^[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}$")
_QUALIFIER = re.compile(r"^[\w() /.,]{1,50}$")
_INITIALS = re.compile(
    r"(?P<open>(?:<[bi]>)*)\s*\((?P<initials>[A-Za-z]{1,4}(?:\s*/\s*[A-Za-z]{1,4}){0,3})\)\s*"
    r"(?P<close>(?:</[bi]>)*)\s*</p>$"
)
_NOT_INITIALS = {"foto", "dok", "ist", "sic", "video"}
_SENTENCE_END = re.compile(r"[.!?\"”’'…]\s*$")


def _dateline(html: str) -> tuple[str, str] | None:
    """The dateline at the start of a first paragraph and the paragraph without it."""
    match = _DATELINE.match(html)
    if not match:
        return None
    place, _comma, qualifier = match.group("dateline").strip().partition(",")
    place, qualifier = place.strip(), qualifier.strip()
    if _CAPS_PLACE.match(place):
        if " " not in place and len(place) <= 3:  # KPK, DPR: an acronym opening a sentence
            return None
        place = " ".join(word.capitalize() for word in place.split(" "))
    elif not (_TITLE_PLACE.match(place) and qualifier):
        return None  # "Jakarta -" alone may open an ordinary sentence
    if qualifier and (not _QUALIFIER.match(qualifier) or ". " in qualifier):
        return None
    opened = re.findall(r"<([bi])>", match.group("open"))
    closed = re.findall(r"</([bi])>", match.group("mid") + match.group("close"))
    rest = html[match.end() :]
    kept = "".join(f"<{tag}>" for tag in opened[len(closed) :])
    dateline = f"{place}, {qualifier}" if qualifier else place
    return dateline, f"<p>{kept}{rest}"


def _initials(html: str) -> tuple[str, str | None] | None:
    """The closing initials of a last paragraph and the paragraph without them (None when
    the paragraph held the initials alone)."""
    match = _INITIALS.search(html)
    if not match:
        return None
    initials = re.sub(r"\s+", "", match.group("initials"))
    if initials.lower() in _NOT_INITIALS:
        return None
    before = html[: match.start()]
    opened = re.findall(r"<([bi])>", match.group("open"))
    closed = re.findall(r"</([bi])>", match.group("close"))
    extra = "".join(f"</{tag}>" for tag in closed[len(opened) :])
    if re.fullmatch(r"<p>(?:<[bi]>)*\s*", before):
        return initials, None
    if not _SENTENCE_END.search(re.sub(r"<[^>]+>", "", before)):
        return None  # "(KPK)" after a name is part of the sentence
    return initials, f"{before.rstrip()}{extra}</p>"


# --- Entry point ----------------------------------------------------------------------


def _for_standing(blocks: list[tuple[str, object]], counts: Counter) -> list[tuple[str, object]]:
    """Article blocks as a standing page's: a heading paragraph becomes a heading block, a
    gallery its photos one after another, an embed a paragraph with a link to it."""
    out: list[tuple[str, object]] = []
    for kind, value in blocks:
        if kind == "paragraph" and (match := re.fullmatch(r"<(h[23])>(.*)</\1>", value, re.S)):
            inner = match.group(2)
            text = _text(unescape(re.sub(r"<[^>]+>", "", inner.replace("<br/>", " ")))).strip()
            if len(text) <= HEADING_MAX_LENGTH:
                if "<a " in inner:
                    counts["heading_link_as_text"] += 1
                out.append(("heading", text))
            else:  # too long for a heading: a paragraph in bold
                counts["heading_too_long"] += 1
                out.append(("paragraph", f"<p><b>{inner}</b></p>"))
        elif kind == "gallery":
            counts["gallery_as_images"] += 1
            out.extend(("image", photo) for photo in value["images"])
            if caption := value["caption"]:
                out.append(("paragraph", f"<p><i>{escape(caption, quote=False)}</i></p>"))
        elif kind == "embed":
            counts["embed_as_link"] += 1
            url, label = value["url"], value["caption"] or value["url"]
            out.append(
                ("paragraph", f'<p><a href="{escape(url)}">{escape(label, quote=False)}</a></p>')
            )
        else:
            out.append((kind, value))
    return out


def convert(
    html: str,
    *,
    images: ImageResolver | None = None,
    target: Target = "article",
    attached: Sequence[str] = (),
) -> Conversion:
    """Convert a WordPress post's content into the blocks of a page body.

    `images` finds the Wagtail image for a WordPress attachment ID ("123") or an image
    address; without it, or when it finds none, the image is left out and counted as
    `image_unresolved`. `target` names the body: "article" (ArticlePage.body, with the
    dateline and initials taken out of the text) or "standing" (StandingPage.body).
    `attached` lists the attachment IDs of the post's own images, in WordPress's order: a
    [gallery] naming none shows them.
    """
    if target not in ("article", "standing"):
        raise ValueError(f"no page body called {target!r}: 'article' or 'standing'")
    counts: Counter = Counter()
    text = (html or "").replace("\r\n", "\n").replace("\r", "\n")
    gutenberg = "<!-- wp:" in text
    text = _replace_shortcodes(text, counts)
    if not gutenberg:
        text = wpautop(text)
    if not text.strip():
        return Conversion(counts=counts)
    try:
        root = lxml_html.fragment_fromstring(text, create_parent="div")
    except etree.ParserError:  # nothing but comments or whitespace
        return Conversion(counts=counts)
    _clean(root, counts, _hidden_selectors(root))
    converter = _Converter(images, counts, attached)
    blocks = _assemble(converter.children(root))
    if target == "standing":  # a standing page has neither dateline nor initials
        return Conversion(
            blocks=[
                {"type": kind, "value": value} for kind, value in _for_standing(blocks, counts)
            ],
            counts=counts,
        )

    dateline = initials = ""
    # The dateline opens the first paragraph block, where the article prints it back;
    # a photo may come before it.
    first = next((i for i, (kind, _value) in enumerate(blocks) if kind == "paragraph"), None)
    if first is not None and (found := _dateline(blocks[first][1])):
        dateline, opening = found
        if len(dateline) <= 80:
            blocks[first] = ("paragraph", opening)
        else:
            dateline = ""
    if blocks and blocks[-1][0] == "paragraph" and (found := _initials(blocks[-1][1])):
        initials, last = found
        if last is None:
            blocks.pop()
        else:
            blocks[-1] = ("paragraph", last)
    return Conversion(
        blocks=[{"type": kind, "value": value} for kind, value in blocks],
        dateline=dateline,
        initials=initials,
        counts=counts,
    )


__all__ = ["Conversion", "ImageResolver", "Target", "convert", "embed_url", "wpautop"]
