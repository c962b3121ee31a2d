"""Requests that are not a person reading: crawlers, link previews, prefetches.

Crawlers are recognised by CrawlerDetect's maintained list of User-Agent
patterns (PyPI `crawlerdetect`, a port of JayBizzle/Crawler-Detect), not by a
list of our own. Its check is a large regular expression; the answers for the
last 1,024 distinct User-Agents are kept in memory, so a busy site matches each
browser version once.
"""

from crawlerdetect import CrawlerDetect
from django.http import HttpRequest

_DETECTOR = CrawlerDetect()
_PREFETCH_HEADERS = ("HTTP_SEC_PURPOSE", "HTTP_PURPOSE", "HTTP_X_PURPOSE", "HTTP_X_MOZ")
_PREFETCH_WORDS = ("prefetch", "prerender", "preview")


def is_robot(request: HttpRequest) -> bool:
    """A known crawler, or a client that does not say what it is (every browser does)."""
    agent = request.META.get("HTTP_USER_AGENT", "").strip()
    return not agent or _DETECTOR.is_crawler(agent[:1024])


def is_prefetch(request: HttpRequest) -> bool:
    """A speculative load (prefetch or prerender) that the reader may never see."""
    for header in _PREFETCH_HEADERS:
        # Browsers send none of these headers with an ordinary load: most beacons stop here.
        value = request.META.get(header)
        if value and any(word in value.lower() for word in _PREFETCH_WORDS):
            return True
    return False
