from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents.views import serve as documents
from wagtail.urls import serve_pattern

from warta.core import views as core_views
from warta.news.views import serve_page

handler404 = core_views.page_not_found
handler500 = core_views.server_error

urlpatterns = [
    # The admin's JavaScript catalogue and newsroom guide, before Wagtail's admin.
    path("admin/", include("warta.backoffice.urls")),
    # Staff sign-in, throttled and with the two-step login (warta.accounts), before Wagtail's.
    path("admin/", include("warta.accounts.urls")),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document addresses (wagtail.documents.urls, same names), with its ids
    # bounded as Warta's are (warta.core.converters): 4,301 digits made its view raise.
    path(
        "documents/<number:document_id>/<path:document_filename>",
        documents.serve,
        name="wagtaildocs_serve",
    ),
    path(
        "documents/authenticate_with_password/<number:restriction_id>/",
        documents.authenticate_with_password,
        name="wagtaildocs_authenticate_with_password",
    ),
    path("api/engagement/v1/", include("warta.engagement.urls")),
    # The feed of corrections, before the section feeds that would take its address.
    path("", include("warta.press.feed_urls")),
    # Feeds, sitemaps and robots.txt: one of each for every language, at the root.
    path("", include("warta.discovery.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
else:
    # Small sites serve uploads from the app; deploy/nginx.conf serves them directly.
    urlpatterns += [
        path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", core_views.serve_upload),
    ]

# Reader pages: the site language at "/", the other language under its prefix.
urlpatterns += i18n_patterns(
    path("", include("warta.news.urls")),
    path("", include("warta.search.urls")),
    path("", include("warta.press.urls")),
    path("", include("warta.replies.urls")),
    # Wagtail's page view, routed from memory; the same pattern and name as Wagtail's own.
    re_path(serve_pattern, serve_page, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
