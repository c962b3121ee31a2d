"""Settings shared by every mode; each value an operator may change comes from the environment.

See docs/configuration.md for the variables. ``dev``, ``production`` and ``test`` build on this.
"""

from pathlib import Path

from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from . import env

PROJECT_DIR = Path(__file__).resolve().parent.parent
# A source checkout keeps its var/ beside manage.py; an installed Warta uses the working directory.
SOURCE_CHECKOUT = PROJECT_DIR.parent if (PROJECT_DIR.parent / "manage.py").exists() else None
BASE_DIR = env.get_path("WARTA_HOME", SOURCE_CHECKOUT or Path.cwd())
VAR_DIR = env.get_path("WARTA_VAR_DIR", BASE_DIR / "var")

DEBUG = env.get_bool("WARTA_DEBUG", False)
ALLOWED_HOSTS = env.get_list("WARTA_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.get_list("WARTA_CSRF_TRUSTED_ORIGINS", [])
# Reverse proxies (addresses or networks) whose X-Forwarded-For and X-Forwarded-Proto are
# believed (warta.core.proxies); from anyone else those headers are removed. None by default.
WARTA_TRUSTED_PROXIES = env.get_networks("WARTA_TRUSTED_PROXIES")
env.refuse(
    "WARTA_ENGAGEMENT_TRUSTED_PROXIES",
    "no longer read: name the proxies' addresses in WARTA_TRUSTED_PROXIES instead "
    "(127.0.0.1,::1 for nginx on the same machine)",
    harmless=frozenset({"0"}),
)

WARTA_SITE_NAME = env.get("WARTA_SITE_NAME", "Warta")
WAGTAIL_SITE_NAME = WARTA_SITE_NAME

INSTALLED_APPS = [
    "warta.core",
    "warta.images",
    "warta.news",
    "warta.engagement",
    "warta.search",
    "warta.discovery",
    "warta.newsroom",  # roles, section desks and review
    "warta.replies",  # right of reply (hak jawab): the form, the queue, the reply
    "warta.press",  # corrections and retractions (PPMS points 4 and 5)
    "warta.standing",  # the standing pages: Tentang Kami, Redaksi, Pedoman Media Siber…
    "warta.integrity",  # refuses gambling spam and hidden links; scans nightly
    "warta.accounts",  # staff sign-in: throttled, bounded hashing, two-step login
    "warta.wordpress",  # import from a WordPress export; the old site's addresses
    "warta.operations",  # backup and restore; the daily backup
    "warta.demo",  # demo content for every app, so after them
    "warta.backoffice",  # the admin's catalogue and templates, before Wagtail's
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",  # tables in article and standing bodies: its editor
    "wagtail.embeds",
    "wagtail.sites",
    "warta.newsroom.apps.NewsroomUsersConfig",  # wagtail.users, with the roles' labels
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks_db",  # the queue of scheduled publication (TASKS below)
    "django_otp",  # two-step login's codes (warta.accounts)
    "django_otp.plugins.otp_totp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.humanize",
    "django.contrib.postgres",  # PostgreSQL full-text search; harmless on SQLite
    "django.contrib.staticfiles",
]

# The view beacon (one request per page view) is answered before all of these, by
# warta.engagement.wsgi.ViewBeaconApp in warta.wsgi.
MIDDLEWARE = [
    "warta.core.middleware.NewsroomTimeZoneMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # A database or Redis that cannot answer: 503 with Retry-After, not 500.
    "warta.core.unavailable.StoreUnavailableMiddleware",
    # With WARTA_DATABASE_REPLICA_URL: anonymous readers' GET and HEAD read from the replica.
    "warta.core.replica.ReplicaReadsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # The two-step login: a device holder's session must have passed it (warta.accounts).
    "warta.accounts.middleware.TwoStepMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "warta.core.middleware.StaffAreaMiddleware",
    "warta.core.middleware.ReaderCacheHeadersMiddleware",
    # The old WordPress site's addresses answer 301; below the cache headers, above
    # Wagtail's redirects, so an editor's redirect wins (warta.wordpress).
    "warta.wordpress.middleware.OldAddressMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # A retracted story's address answers with the reason (warta.press).
    "warta.press.middleware.RetractedStoryMiddleware",
]

ROOT_URLCONF = "warta.urls"
WSGI_APPLICATION = "warta.wsgi.application"

# Reader pages in Jinja2 (warta/jinja2/, see warta.core.jinja2); the admin in Django's.
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [PROJECT_DIR / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {
            "environment": "warta.core.jinja2.environment",
            "extensions": [
                "jinja2.ext.i18n",
                "wagtail.jinja2tags.core",
                "wagtail.images.jinja2tags.images",
                "warta.core.jinja2tags.CoreExtension",
                "warta.discovery.jinja2tags.DiscoveryExtension",
                "warta.engagement.jinja2tags.EngagementExtension",
                "warta.news.jinja2tags.NewsExtension",
                "warta.search.jinja2tags.SearchExtension",
                "warta.standing.jinja2tags.StandingExtension",
                "warta.press.jinja2tags.PressExtension",
                "warta.replies.jinja2tags.RepliesExtension",
            ],
            "context_processors": ["warta.core.context_processors.site"],
        },
    },
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "warta.core.context_processors.site",
            ],
        },
    },
]

# Shortcuts past private APIs of Django, Wagtail, Jinja2 and psycopg, every one of them in
# warta/core/compat/ and measured in docs/performance.md. WARTA_SHORTCUTS=off serves every
# page the stock way (CI runs the tests so too); "-name,-name" leaves out some.
SHORTCUT_NAMES = (
    "database-backends",
    "prepared-queries",
    "union-of-lists",
    "pages-from-rows",
    "jinja2-printing",
    "site-memo",
    "view-beacon-layer",
    "search-index-count",
)
WARTA_SHORTCUTS = env.get_shortcuts("WARTA_SHORTCUTS", SHORTCUT_NAMES)

DATABASES = {
    "default": env.get_database(
        "DATABASE_URL",
        VAR_DIR / "warta.sqlite3",
        own_backends="database-backends" in WARTA_SHORTCUTS,
    )
}
# A read replica: anonymous readers' pages read from it, everything else from the primary
# (warta.core.replica; docs/deploy.md, "A read replica").
if replica := env.get_replica_database(
    "WARTA_DATABASE_REPLICA_URL",
    DATABASES["default"],
    own_backends="database-backends" in WARTA_SHORTCUTS,
):
    DATABASES["replica"] = replica
    DATABASE_ROUTERS = ["warta.core.replica.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.get_redis_url("REDIS_URL")
# The start of every key Warta writes in Redis: Django's cache, the page cache and the
# counters each keep theirs below it, so several sites (or test runs) can share one Redis.
REDIS_PREFIX = env.get("WARTA_REDIS_PREFIX", "warta:")
# Django's cache in Redis rides out a Redis that stopped: misses, not 500s, and a short
# wait before it is tried again (warta.core.cache_backends).
REDIS_CACHE_TIMEOUT = env.get_number("WARTA_CACHE_TIMEOUT", 0.5, 0.05, 10)
REDIS_CACHE_OPTIONS = {
    "socket_connect_timeout": REDIS_CACHE_TIMEOUT,
    "socket_timeout": REDIS_CACHE_TIMEOUT,
}
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "warta.core.cache_backends.OutageTolerantRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": REDIS_PREFIX.removesuffix(":"),  # Django adds the colon
            "OPTIONS": REDIS_CACHE_OPTIONS,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Wagtail writes every rendition it hands out to this cache, even one it already had in
# hand. Reader pages prefetch their renditions with the page, so the write (a pickle, or
# a Redis round trip, per image per page) buys nothing: it goes nowhere.
RENDITIONS_CACHE = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
CACHES["renditions"] = RENDITIONS_CACHE

# Argon2 first (Django's, hashing at the lowest CPU priority: warta.accounts.slots); a
# password stored with another hasher is rehashed at its next sign-in.
PASSWORD_HASHERS = [
    "warta.accounts.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
# Staff sign-in (warta.accounts; docs/configuration.md, "Staff sign-in"): failures allowed
# per account and per address before attempts are refused, the first refusal's length and
# its cap in seconds (it doubles in between), and the password checks at once per process.
WARTA_LOGINS = {
    "ACCOUNT_FAILURES": int(env.get_number("WARTA_LOGIN_ACCOUNT_FAILURES", 5, 1, 1000)),
    "ADDRESS_FAILURES": int(env.get_number("WARTA_LOGIN_ADDRESS_FAILURES", 20, 1, 100_000)),
    "FIRST_DELAY": env.get_number("WARTA_LOGIN_FIRST_DELAY", 60, 1, 86_400),
    "MAX_DELAY": env.get_number("WARTA_LOGIN_MAX_DELAY", 900, 1, 86_400),
    "FORGET_AFTER": 86_400,  # a day without failures and the count starts again
    "HASHING_SLOTS": int(env.get_number("WARTA_LOGIN_HASHING_SLOTS", 1, 1, 64)),
    "SLOT_WAIT": env.get_number("WARTA_LOGIN_SLOT_WAIT", 0, 0, 5),
}
# The name authenticator apps show beside the code.
OTP_TOTP_ISSUER = WARTA_SITE_NAME

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages. Readers get the site language at "/" and the other one under its
# prefix ("/en/"), so every URL names exactly one language and caches cleanly.
LANGUAGES = [("id", _("Indonesian")), ("en", _("English"))]
LANGUAGE_CODE = env.get_choice("WARTA_LANGUAGE", "id", [code for code, _name in LANGUAGES])
LOCALE_PATHS = [PROJECT_DIR / "locale"]
FORMAT_MODULE_PATH = ["warta.core.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env.get_time_zone("WARTA_TIME_ZONE", "Asia/Jakarta")

# The admin's Indonesian is the reader language "id" (so "view live" links carry no
# /id-id/ prefix); warta.backoffice's catalogue carries Wagtail's own id_ID strings and ours.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
# Avatars are the initials Wagtail draws: no image from another site in the admin.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_USER_LOGIN_FORM = "warta.backoffice.forms.NewsroomLoginForm"
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES

STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_URL = "/static/"
STATIC_ROOT = env.get_path("WARTA_STATIC_ROOT", VAR_DIR / "static")
MEDIA_URL = "/media/"
MEDIA_ROOT = env.get_path("WARTA_MEDIA_ROOT", VAR_DIR / "media")
# Uploads (photos, renditions, documents) in an S3-compatible bucket when
# WARTA_MEDIA_S3_BUCKET is set, else in MEDIA_ROOT (docs/configuration.md, "Media on object
# storage"). Right-of-reply attachments stay on local disk either way (WARTA_REPLIES).
WARTA_MEDIA_BUCKET = env.get_media_bucket()
STORAGES = {
    "default": (
        {
            "BACKEND": "warta.core.object_storage.ObjectMediaStorage",
            "OPTIONS": WARTA_MEDIA_BUCKET.options,
        }
        if WARTA_MEDIA_BUCKET
        else {"BACKEND": "warta.core.storage.MediaStorage"}
    ),
    # Hashed names and pre-compressed copies; whitenoise serves them with far-future caching.
    "staticfiles": {"BACKEND": "warta.core.storage.StaticFilesStorage"},
}
# Documents go through Warta's view wherever they are kept, which checks a collection's
# privacy and sends them with their own CSP; with a bucket Wagtail would redirect to it.
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# Reader pages load nothing from elsewhere (but photos from the media bucket's public
# address) and run no inline script.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", *([WARTA_MEDIA_BUCKET.origin] if WARTA_MEDIA_BUCKET else [])],
    "frame-src": [CSP.SELF, "https://www.youtube-nocookie.com", "https://www.youtube.com"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# Browsers obey the CSP's frame-ancestors (this site only: Wagtail's preview panel);
# those without CSP get DENY, except the preview, for which Wagtail sets SAMEORIGIN.
X_FRAME_OPTIONS = "DENY"

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Full-page cache (warta/core/pagecache.py) and the HTTP caching headers of reader pages.
WARTA_PAGE_CACHE = {
    "ENABLED": env.get_bool("WARTA_PAGE_CACHE", True),
    # Pages and bytes kept at most (a page is some 80 kB in three encodings); past either,
    # pages nobody read again go first (warta.core.pagecache).
    "MAX_ENTRIES": int(env.get_number("WARTA_PAGE_CACHE_MAX_ENTRIES", 5_000, 100, 1_000_000)),
    "MAX_BYTES": int(
        env.get_number("WARTA_PAGE_CACHE_MAX_BYTES", 256 * 1024 * 1024, 1024 * 1024, 2**40)
    ),
    "REDIS_URL": REDIS_URL,
    "REDIS_PREFIX": f"{REDIS_PREFIX}pc:",
    "PATH": VAR_DIR / "pagecache.sqlite3",
    # Pages one address (IPv6: its /64) may have rendered per worker when they are not in
    # the cache; past it, 429 (warta.core.render_budget).
    "RENDER_RATE": env.get_rate("WARTA_PAGE_CACHE_RENDER_RATE", "300/m"),
    # The purge servers of the nginx caches in front (deploy/nginx.conf): every purge of
    # this cache removes the same pages there (warta.core.nginx_purge).
    "NGINX_PURGE_URLS": env.get_http_urls("WARTA_NGINX_PURGE_URLS"),
}
# Longer paths or query strings are answered 414 before Django (warta.core.request_lines).
WARTA_MAX_PATH_BYTES = int(env.get_number("WARTA_MAX_PATH_BYTES", 2048, 256, 65_536))
WARTA_MAX_QUERY_BYTES = int(env.get_number("WARTA_MAX_QUERY_BYTES", 2048, 256, 65_536))
WARTA_HTTP_CACHE = {
    "PAGE_CACHE_TTL": 3600,  # publication purges exactly; this bounds anything missed
    "NOT_FOUND_TTL": 60,
    "MAX_AGE": 30,  # browsers
    # Shared caches such as nginx; nginx then asks again, and a purge (WARTA_NGINX_PURGE_URLS)
    # removes its copies at once. No stale-while-revalidate: it would let nginx serve a copy
    # older than this (an expired one no purge could name any more) while it asks again.
    "S_MAXAGE": 2,
}

WAGTAILIMAGES_IMAGE_MODEL = "images.NewsImage"
WAGTAILADMIN_BASE_URL = env.get("WARTA_BASE_URL", "http://127.0.0.1:8000").rstrip("/")

# E-mail: the review workflow's notifications (docs/configuration.md). Through the SMTP
# server WARTA_SMTP_HOST names, or printed to the console when none is set (development;
# the tests collect mail in memory). Only the desk that reviews a story is written to, not
# every superuser.
if smtp_host := env.get("WARTA_SMTP_HOST"):
    smtp_ssl = env.get_bool("WARTA_SMTP_SSL", False)
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": smtp_host,
                "port": int(env.get_number("WARTA_SMTP_PORT", 587, 1, 65535)),
                "username": env.get("WARTA_SMTP_USER"),
                "password": env.get("WARTA_SMTP_PASSWORD"),
                "use_ssl": smtp_ssl,
                "use_tls": env.get_bool("WARTA_SMTP_TLS", not smtp_ssl),  # one or the other
                "timeout": 10,
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
DEFAULT_FROM_EMAIL = env.get("WARTA_EMAIL_FROM", "warta@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
# SQLite FTS5 or PostgreSQL full-text, whichever the database is. Warta folds and stems
# Indonesian itself (warta/search/text.py), so PostgreSQL must not stem again in English.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"}
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True
TAGGIT_CASE_INSENSITIVE = True

# Background tasks (Django's Tasks framework; docs/architecture.md, "Scheduling"). Wagtail's
# own tasks (reference index, file clean-up) use the "default" alias through the django-tasks
# backport and stay immediate, as before. Scheduled changes (go-live, expiry, a breaking
# story's end) wait in the database, under "queued", for the worker `warta serve` runs
# (django-tasks-db's db_worker).
WARTA_TASKS_BACKEND = "queued"
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    WARTA_TASKS_BACKEND: {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
# The worker `warta serve` runs beside the app server (0: run `warta worker` elsewhere),
# and how often it looks for due tasks, in seconds.
WARTA_WORKER = env.get_bool("WARTA_WORKER", True)
WARTA_WORKER_INTERVAL = env.get_number("WARTA_WORKER_INTERVAL", 1, 0.1, 60)

# Backups (docs/operations.md): `warta backup`, and a daily one made by the task worker at
# HOUR (the newsroom's time) into DIR, keeping the newest KEEP, when DIR is set.
WARTA_BACKUP = {
    "DIR": env.get_path("WARTA_BACKUP_DIR", None),
    "HOUR": int(env.get_number("WARTA_BACKUP_HOUR", 2, 0, 23)),
    "KEEP": int(env.get_number("WARTA_BACKUP_KEEP", 7, 1, 10_000)),
}

# One line per request on standard output (format in docs/configuration.md); `warta serve
# --access-log` turns it on too.
WARTA_ACCESS_LOG = env.get_bool("WARTA_ACCESS_LOG", False)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Lines logged while a request is handled end with its id (warta.core.requestlog).
    "filters": {
        "request_id": {"()": "warta.core.requestlog.RequestIdFilter"},
        "bad_host": {"()": "warta.core.requestlog.BadHostFilter"},
        "unavailable": {"()": "warta.core.unavailable.SkipUnavailableRequests"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["request_id"]},
        "access": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout"},
    },
    "root": {"handlers": ["console"], "level": env.get("WARTA_LOG_LEVEL", "INFO").upper()},
    # One line per background task or page save is noise for an operator.
    "loggers": {
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        # A request refused with 503 because the database or Redis cannot answer: the
        # outage logs once per interval (warta.core.unavailable), not each request.
        "django.request": {"filters": ["unavailable"]},
        # Any client can send a Host not served here: one warning line, no traceback.
        "django.security.DisallowedHost": {"filters": ["bad_host"]},
        "warta.access": {"handlers": ["access"], "level": "INFO", "propagate": False},
    },
}

# Engagement: view counts and reactions (docs/engagement.md). The 30-minute "already seen"
# marks and the rate-limit windows live in Redis when REDIS_URL is set, otherwise in an
# SQLite file in var/, so every worker process shares them.
WARTA_ENGAGEMENT = {
    "REDIS_URL": REDIS_URL,
    "REDIS_PREFIX": env.get("WARTA_ENGAGEMENT_REDIS_PREFIX", f"{REDIS_PREFIX}engagement:"),
    "STATE_PATH": VAR_DIR / "engagement-state.sqlite3",  # shared state without Redis
    "FLUSH_SECONDS": env.get_number("WARTA_ENGAGEMENT_FLUSH_SECONDS", 5, 0.1, 60),
    "FLUSH_IN_BACKGROUND": True,
    "DEDUPE_MINUTES": env.get_number("WARTA_ENGAGEMENT_DEDUPE_MINUTES", 30, 1, 1440),
    "READER_RATE": env.get_rate("WARTA_ENGAGEMENT_READER_RATE", "60/10m"),
    "IP_RATE": env.get_rate("WARTA_ENGAGEMENT_IP_RATE", "1200/10m"),
    # Per address (IPv6: /64) per article, whatever cookie or User-Agent it sends; room for
    # the many readers behind one carrier-NAT address (docs/engagement.md, "Abuse").
    "ADDRESS_ARTICLE_RATE": env.get_rate("WARTA_ENGAGEMENT_ADDRESS_ARTICLE_RATE", "60/h"),
    "ADDRESS_REACTION_RATE": env.get_rate("WARTA_ENGAGEMENT_ADDRESS_REACTION_RATE", "10/h"),
}

# Right of reply (docs/newsroom.md): attachments are kept outside MEDIA_ROOT and served to
# staff only; each address may send RATE replies (a rate such as 5/h).
WARTA_REPLIES = {
    "ATTACHMENT_ROOT": env.get_path(
        "WARTA_REPLIES_ATTACHMENT_ROOT", VAR_DIR / "private" / "replies"
    ),
    "MAX_ATTACHMENT_BYTES": 5 * 1024 * 1024,
    "RATE": env.get_rate("WARTA_REPLIES_RATE", "5/h"),
}

# Discovery: feeds, sitemaps, link previews and structured data (docs/discovery.md).
# Feeds carry each story's lead; with this on they carry whole stories (?full=0 for leads).
WARTA_FEED_FULL_CONTENT = env.get_bool("WARTA_FEED_FULL_CONTENT", False)
# Static files: the publisher logo in NewsArticle/NewsMediaOrganization markup, and the
# link-preview image of pages without a photo of their own. Replace both with the outlet's.
WARTA_PUBLISHER_LOGO = {"path": "discovery/img/publisher-logo.png", "width": 512, "height": 512}
WARTA_SHARE_IMAGE = {"path": "discovery/img/share-default.png", "width": 1200, "height": 630}
