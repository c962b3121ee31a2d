"""A WordPress post's HTML as the blocks of an article body, cleaned and counted.

`convert()` reads what WordPress stores in `post_content` — classic-editor text (paragraphs
made by WordPress's `wpautop` on display), Gutenberg block comments, page-builder shortcode
wrappers — and returns the `ArticlePage.body` blocks (paragraph, quote, image, embed) with the
dateline and the closing initials of an Indonesian story lifted into their own fields.

Nothing is dropped silently: what is removed (scripts, event handlers, hidden text, iframes
from unknown hosts) or kept only as text (unknown shortcodes, tables) is counted in
`Conversion.counts`, so the import report can say what happened to each story. Hidden text
is removed together with its element, never revealed: a hidden link stays unpublished.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from urllib.parse import parse_qs, urlsplit

from lxml import etree
from lxml import html as lxml_html
from wagtail.embeds.oembed_providers import all_providers

# Looks up a WordPress attachment ("123", its post ID) or an image address; gives the pk
# of the Wagtail image that holds it, or None when there is none.
ImageResolver = Callable[[str], int | None]


@dataclass
class Conversion:
    """An article body converted from WordPress, with what the conversion took out."""

    # The body in StreamField's stored form, which ArticlePage.body accepts as it is:
    # {"type": "paragraph", "value": "<p>…</p>"}, {"type": "quote", "value": {"text",
    # "attribution"}}, {"type": "image", "value": {"image": pk, "caption", "credit"}},
    # {"type": "embed", "value": {"url", "caption"}}. Image pks need no query to store.
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
            ids = _attributes(attrs).get("ids") or _attributes(attrs).get("include", "")
            return f'<div class="wp-shortcode-gallery" data-ids="{escape(ids)}"></div>'
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


class _Converter:
    def __init__(self, images: ImageResolver | None, counts: Counter):
        self.images = images
        self.counts = counts

    # Images

    def image_pk(self, element) -> int | None:
        if self.images is None:
            return None
        refs = []
        for source in (element.get("data-wp-id"), element.get("data-id")):
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
            return [BREAK, _Block("paragraph", listed), BREAK]
        if tag == "li":
            return [BREAK, *self.children(element), BREAK]
        if tag == "table":
            return [BREAK, *self.table(element), BREAK]
        if tag == "pre":
            text = element.text_content().strip("\n")
            html = escape(text, quote=False).replace("\n", "<br/>")
            return [BREAK, _Inline(html, text), BREAK]
        if tag == "hr":
            return [BREAK]
        if tag == "div" and "wp-shortcode-gallery" in classes:
            return [BREAK, *self.gallery(element.get("data-ids", "")), BREAK]
        if tag == "div" and "wp-shortcode-embed" in classes:
            return [BREAK, *self.embed_shortcode(element.text_content().strip()), BREAK]
        if tag in _CONTAINERS:
            events = self.children(element)
            if tag == "div" and ({"gallery", "tiled-gallery"} & set(classes)):
                self.counts["gallery_as_images"] += 1
            return [BREAK, *events, BREAK]
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

    def gallery(self, ids: str) -> list:
        refs = [ref for ref in re.split(r"[\s,]+", ids) if ref.isdigit()]
        if not refs:
            self.counts["gallery_without_ids"] += 1
            return []
        self.counts["gallery_as_images"] += 1
        blocks = []
        for ref in refs:
            pk = self.images(ref) if self.images else None
            if pk is None:
                self.counts["image_unresolved"] += 1
            else:
                blocks.append(_Block("image", {"image": pk, "caption": "", "credit": ""}))
        return blocks

    def figure(self, element) -> list:
        caption_element = next((c for c in element if c.tag == "figcaption"), None)
        caption = (
            _text(caption_element.text_content()).strip() if caption_element is not None else ""
        )
        if caption_element is not None:
            caption_element.drop_tree()
        classes = element.get("class", "").split()
        if "wp-block-gallery" in classes or "gallery" in classes:
            self.counts["gallery_as_images"] += 1
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
        alone = len(blocks) == 1 and blocks[0].type in ("image", "embed")
        if caption and alone and not blocks[0].value["caption"]:
            blocks[0].value["caption"] = caption
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
                    nested.append(sub_html)
                    sub.drop_tree()
            parts = []
            for event in self.children(item):
                if isinstance(event, _Block):
                    return None
                parts.append(event.html if isinstance(event, _Inline) else "<br/>")
            items.append(f"<li>{_trim(''.join(parts))}{''.join(nested)}</li>")
        if not items:
            return None
        return f"<{tag}>{''.join(items)}</{tag}>"

    def table(self, element) -> list:
        """No body block holds a table: each row becomes a line of its cells."""
        self.counts["table_as_text"] += 1
        rows = []
        for row in element.iter("tr"):
            cells = []
            for cell in row:
                if not isinstance(cell.tag, str) or cell.tag.lower() not in ("td", "th"):
                    continue
                text = escape(_text(cell.text_content()).strip(), quote=False)
                cells.append(f"<b>{text}</b>" if cell.tag.lower() == "th" and text else text)
            while cells and not cells[-1]:
                cells.pop()
            if cells:
                rows.append(" | ".join(cells))
        events = []
        for row in rows:
            events.extend([_Inline(row, re.sub(r"<[^>]+>", "", row)), BREAK])
        caption = element.find("caption")
        if caption is not None and caption.text_content().strip():
            text = _text(caption.text_content()).strip()
            events.insert(0, _Inline(f"<b>{escape(text, quote=False)}</b>", text))
            events.insert(1, BREAK)
        return events


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


def convert(html: str, *, images: ImageResolver | None = None) -> Conversion:
    """Convert a WordPress post's content into article body blocks.

    `images` finds the Wagtail image for a WordPress attachment ID ("123") or an image
    address; without it, or when it finds none, the image is left out and counted as
    `image_unresolved`.
    """
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
    converter = _Converter(images, counts)
    blocks = _assemble(converter.children(root))

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


__all__ = ["Conversion", "ImageResolver", "convert", "embed_url", "wpautop"]
