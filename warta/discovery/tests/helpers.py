"""Small readers of what Warta serves: streamed bodies, XML, JSON-LD and head tags."""

from html.parser import HTMLParser

from lxml import etree

NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
    "image": "http://www.google.com/schemas/sitemap-image/1.1",
}


def body(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def parse_xml(data: bytes):
    return etree.fromstring(data, etree.XMLParser(no_network=True, resolve_entities=False))


def assert_valid(schema, document) -> None:
    assert schema.validate(document), [f"{e.line}: {e.message}" for e in schema.error_log]


def json_ld(html: str) -> list[dict]:
    import extruct

    return extruct.extract(html, syntaxes=["json-ld"], uniform=False)["json-ld"]


def json_ld_of_type(html: str, kind: str) -> dict:
    found = [item for item in json_ld(html) if item.get("@type") == kind]
    assert len(found) == 1, [item.get("@type") for item in json_ld(html)]
    return found[0]


class HeadTags(HTMLParser):
    """Collects <meta> and <link> attributes of a page."""

    def __init__(self):
        super().__init__()
        self.meta: dict[str, list[str]] = {}
        self.links: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "meta":
            key = attributes.get("property") or attributes.get("name")
            if key:
                self.meta.setdefault(key, []).append(attributes.get("content", ""))
        elif tag == "link":
            self.links.append(attributes)


def head_tags(html: str) -> HeadTags:
    parser = HeadTags()
    parser.feed(html)
    return parser
