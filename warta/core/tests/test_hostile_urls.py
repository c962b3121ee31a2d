"""A property-based search for server errors: every public URL pattern, hostile input.

Every pattern of `warta.urls` outside the admin is walked; hypothesis fills its
converters and groups with text that matches them (huge numbers, slugs in any script)
or with hostile text (NUL bytes, 4,301 digits, broken %-escapes, long strings,
right-to-left marks), adds a hostile query string and sends the request through the
WSGI stack app servers run (the view beacon's layer, the page cache, Django). No
answer may be a 5xx. A failure prints the request that caused it.
"""

from __future__ import annotations

import re
from urllib.parse import quote, unquote_to_bytes

import pytest
from django.conf import settings
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from warta.core import pagecache
from warta.engagement import wsgi as beacon_layer
from warta.engagement.wsgi import ViewBeaconApp
from warta.news.factories import ArticlePageFactory, PersonFactory

pytestmark = pytest.mark.django_db

# The staff area is not a reader's: it answers anonymous requests with a login redirect.
STAFF_PREFIXES = ("admin/",)
# Examples per pattern: some 30 patterns, some 20 seconds in all.
EXAMPLES = 12

ROUTE_PART = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


def public_patterns(resolver=None, prefix: tuple = ()) -> list[tuple]:
    """(the patterns from the root to the view, the view's pattern) of every public URL."""
    found = []
    for entry in (resolver or get_resolver()).url_patterns:
        parts = (*prefix, entry.pattern)
        if isinstance(entry, URLResolver):
            if not str(entry.pattern).startswith(STAFF_PREFIXES):
                found.extend(public_patterns(entry, parts))
        elif isinstance(entry, URLPattern):
            found.append(parts)
    return found


def pattern_id(parts: tuple) -> str:
    return "".join(str(part) for part in parts) or "(root)"


def top_level_groups(regex: str) -> list[tuple[int, int]]:
    """(start, end) of each top-level group of a regular expression."""
    groups, depth, start, escaped = [], 0, 0, False
    for index, char in enumerate(regex):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "(":
            if depth == 0:
                start = index
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                groups.append((start, index + 1))
    return groups


def regex_template(regex: str) -> list[str | re.Pattern]:
    """A regex pattern as literal text and the groups to fill: "^arsip/(?P<year>...)/$"."""
    regex = regex.removeprefix("^").removesuffix("$").removesuffix(r"\Z")
    template, position = [], 0
    for start, end in top_level_groups(regex):
        template.append(re.sub(r"\\(.)", r"\1", regex[position:start]))
        inner = re.sub(r"^\((?:\?P<\w+>|\?:)?", "", regex[start:end])[:-1]
        template.append(re.compile(inner))
        position = end
    template.append(re.sub(r"\\(.)", r"\1", regex[position:]))
    return template


def route_template(pattern: RoutePattern) -> list[str | re.Pattern]:
    """A route as literal text and the converters to fill: "tag/<slug_text:slug>/"."""
    route, template, position = str(pattern), [], 0
    for match in ROUTE_PART.finditer(route):
        template.append(route[position : match.start()])
        template.append(re.compile(pattern.converters[match["name"]].regex))
        position = match.end()
    template.append(route[position:])
    return template


# The site language at the root, the other one under its prefix.
LANGUAGE_PREFIXES = st.sampled_from(["", "en/"])


def template_of(parts: tuple) -> list:
    template = []
    for part in parts:
        if isinstance(part, LocalePrefixPattern):
            template.append(LANGUAGE_PREFIXES)
        elif isinstance(part, RoutePattern):
            template.extend(route_template(part))
        elif isinstance(part, RegexPattern):
            template.extend(regex_template(part.regex.pattern))
    return template


# Hostile text, already in a URL's encoding: raw escapes (broken ones too) stay raw.
RAW_ESCAPES = ["%", "%00", "%zz", "%ff", "%C0%AF", "%E2%80%AE", "%2F", "%252F", "%0d%0a"]
HOSTILE_WORDS = [
    "\x00",
    "a\x00b",
    "9" * 4301,
    "99999999999999999999",
    str(2**63),
    "-1",
    "0",
    "0001",
    "9999",
    "1e999",
    "NaN",
    "..",
    "x" * 5000,
    "\u202e",
    "😀",
    "²",  # a digit to str.isdigit(), not to int()
    "١٢",  # Arabic-Indic digits: int() reads them, [0-9] does not
    "<script>",
    "' OR 1=1 --",
]


def encoded(text: str) -> str:
    return quote(text, safe="")


hostile_text = st.one_of(
    st.sampled_from(RAW_ESCAPES),
    st.sampled_from(HOSTILE_WORDS).map(encoded),
    st.text(max_size=30).map(encoded),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
)


def filling(group: re.Pattern) -> st.SearchStrategy[str]:
    """Text the group matches (its hostile extremes often), or hostile text it may not."""
    matching = st.from_regex(group, fullmatch=True).filter(lambda text: len(text) < 200)
    extremes = [word for word in HOSTILE_WORDS if group.fullmatch(word)]
    return st.one_of(
        st.sampled_from(extremes or [""]).map(encoded),
        matching.map(lambda text: quote(text, safe="/")),
        hostile_text,
    )


# What reader pages and forms read (search, pages of lists, the hak jawab form), and more.
PARAMETERS = [
    *("q", "page", "section", "from", "to", "sort", "story", "next", "reaction"),
    *("name", "contact", "text", "website", "utm_source", "fbclid"),
]
# What a view reading a number must refuse: beyond 64 bits, past Python's 4,300 digits,
# digits that int() reads or refuses though str.isdigit() says yes.
NUMBERS = [str(2**63), "99999999999999999999", "9" * 4301, "²", "١٢", "-1", "0"]
hostile_values = st.one_of(
    st.sampled_from(NUMBERS).map(encoded),
    st.sampled_from(HOSTILE_WORDS).map(encoded),
    hostile_text,
)


@st.composite
def query_strings(draw) -> str:
    """Any of the parameters pages read (each about every other time), and others."""
    known = draw(st.fixed_dictionaries({}, optional=dict.fromkeys(PARAMETERS, hostile_values)))
    others = draw(st.lists(st.tuples(hostile_text, hostile_values), max_size=2))
    return "&".join(f"{name}={value}" for name, value in [*known.items(), *others])


FORM = "application/x-www-form-urlencoded"


@st.composite
def requests(draw, template: list) -> tuple[str, str, str, str]:
    """(method, path with its query string, content type, body) for one pattern."""
    path = "/" + "".join(
        part
        if isinstance(part, str)
        else draw(part if isinstance(part, st.SearchStrategy) else filling(part))
        for part in template
    )
    query = draw(query_strings())
    method = draw(st.sampled_from(["GET", "GET", "HEAD", "POST"]))
    content_type, body = draw(
        st.one_of(
            st.tuples(st.just(FORM), query_strings()),
            st.tuples(
                st.just("application/json"),
                st.one_of(st.sampled_from(HOSTILE_WORDS), st.text(max_size=50)),
            ),
        )
    )
    return method, f"{path}?{query}" if query else path, content_type, body


@pytest.fixture
def site_app(monkeypatch):
    """Warta as app servers run it (warta/wsgi.py), with a few stories to find."""
    pagecache.reset_store()
    pagecache.get_store().purge([pagecache.ALL_TAG])
    # As Django's test client does: a request's start and end must not close the
    # connection that holds the test's transaction (nor must the beacon's layer).
    monkeypatch.setattr(beacon_layer, "close_old_connections", lambda: None)
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    ArticlePageFactory(title="Banjir di Pati")
    PersonFactory(name="Ayu Lestari")
    cookie = settings.SESSION_COOKIE_NAME
    yield ViewBeaconApp(
        pagecache.PageCacheApp(get_wsgi_application(), session_cookie=cookie),
        session_cookie=cookie,
    )
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


def answer_status(app, method: str, path: str, content_type: str, body: str) -> int:
    environ = (
        RequestFactory()
        .generic(
            method,
            path,
            data=body.encode("utf-8", "surrogatepass"),
            content_type=content_type,
            headers={"sec-fetch-site": "same-origin", "user-agent": "Mozilla/5.0 Firefox/140.0"},
        )
        .environ
    )
    # As a WSGI server passes it: the path's bytes as ISO-8859-1 (the request the factory
    # built put its decoded path back in its environ).
    environ["PATH_INFO"] = unquote_to_bytes(path.partition("?")[0]).decode("iso-8859-1")
    answered = {}

    def start_response(status, headers, exc_info=None):
        answered["status"] = int(status.split()[0])

    b"".join(app(environ, start_response))
    return answered["status"]


@pytest.mark.parametrize("parts", public_patterns(), ids=pattern_id)
def test_no_public_address_answers_a_server_error(site_app, parts):
    """Whatever fills a public URL pattern and its query string, the answer is not a 5xx."""

    @hypothesis_settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(request=requests(template_of(parts)))
    def no_server_error(request):
        method, path, content_type, body = request
        status = answer_status(site_app, method, path, content_type, body)
        assert status < 500, f"{method} {path[:300]} answered {status}"

    no_server_error()


# A plain value for each group, so that the address routes to its view.
PLAIN_VALUES = ["", "1", "01", "2024", "banjir", "rss", "articles"]


def plain_path(template: list, value: str = "") -> str:
    """The address with each group filled by `value` where it matches, else by the first
    plain value it matches."""
    path = ""
    for part in template:
        if isinstance(part, str):
            path += part
        elif isinstance(part, re.Pattern):
            fits = [value] if value and part.fullmatch(value) else PLAIN_VALUES
            path += encoded(next(text for text in fits if part.fullmatch(text)))
    return "/" + path


@pytest.mark.parametrize("parts", public_patterns(), ids=pattern_id)
def test_no_parameter_a_page_reads_takes_a_hostile_value_badly(site_app, parts):
    """Each hostile value in turn in every group it fits and every parameter pages read:
    no 5xx."""
    template = template_of(parts)
    for value in dict.fromkeys([*NUMBERS, *HOSTILE_WORDS]):
        path = plain_path(template, value)
        query = "&".join(f"{name}={encoded(value)}" for name in PARAMETERS)
        for method, body in (("GET", ""), ("POST", query)):
            status = answer_status(site_app, method, f"{path}?{query}", FORM, body)
            assert status < 500, f"{method} {path[:300]}?{query[:300]} answered {status}"
