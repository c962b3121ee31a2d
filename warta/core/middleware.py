"""Middleware: the newsroom's time zone, the staff area (the Wagtail admin), and HTTP
caching of reader pages."""

from django.conf import settings
from django.utils import timezone
from django.views.decorators.csp import csp_override

from . import pagecache


class NewsroomTimeZoneMiddleware:
    """Makes the newsroom's zone (TIME_ZONE) the request's current time zone.

    It is Django's default zone already, but Django turns to the default only after
    looking for an active zone in the request's context and failing, which raises and
    catches an exception: some 15 µs each time a date is printed or a day worked out (a
    story page does so about eight times). With the zone active the same lookup succeeds
    at once. The view beacon, which looks once, is answered before this: making the zone
    active and inactive again costs it about as much as it would save.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        timezone.activate(timezone.get_default_timezone())
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()


class StaffAreaMiddleware:
    """Content-Security-Policy for URLs under /admin/.

    Reader pages get the strict policy from SECURE_CSP; the Wagtail admin uses
    inline scripts and styles, so it is exempt from it. The admin's language is the
    reader language "id" unless staff choose another (warta.backoffice).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        # An empty policy: Django's middleware then sends none.
        self.get_staff_response = csp_override({})(get_response)

    def __call__(self, request):
        if not request.path_info.startswith("/admin/"):
            return self.get_response(request)
        return self.get_staff_response(request)


class ReaderCacheHeadersMiddleware:
    """HTTP caching headers for anonymous reader pages, and instructions for the page cache.

    Browsers may keep a page for `max-age`; shared caches (nginx) for `s-maxage`, then
    revalidate it (a purge removes nginx's copy sooner: warta.core.nginx_purge). Warta's
    own page cache keeps it until a publication purges it, or until the ticker on it
    changes.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.method not in ("GET", "HEAD")
            or response.status_code not in (200, 404)
            or response.has_header("Cache-Control")
            or request.path_info.startswith("/admin/")
            or settings.SESSION_COOKIE_NAME in request.COOKIES
            or getattr(request, "is_preview", False)
            or response.cookies
        ):
            return response
        policy = settings.WARTA_HTTP_CACHE
        ttl = policy["PAGE_CACHE_TTL"] if response.status_code == 200 else policy["NOT_FOUND_TTL"]
        if (limit := getattr(request, "cache_ttl_limit", None)) is not None:
            ttl = max(1, min(ttl, int(limit)))
        max_age, s_maxage = min(policy["MAX_AGE"], ttl), min(policy["S_MAXAGE"], ttl)
        response["Cache-Control"] = f"public, max-age={max_age}, s-maxage={s_maxage}"
        response[pagecache.TTL_HEADER] = str(ttl)
        if tags := getattr(request, "cache_tags", None):
            response[pagecache.TAGS_HEADER] = " ".join(sorted(tags))
        return response
