"""Settings for the archive, read from the environment and parsed strictly.

DATABASE_URL          postgres://... or sqlite:///path (default: db.sqlite3 in the checkout)
DJANGO_SECRET_KEY     required when DJANGO_DEBUG is off
DJANGO_DEBUG          1/0, true/false, yes/no (default: 1, a developer's machine)
DJANGO_ALLOWED_HOSTS  comma-separated host names (default: 127.0.0.1,localhost)
DJANGO_HTTPS          1 when served over HTTPS, directly or behind a proxy that sets
                      X-Forwarded-Proto (default: 0): HSTS, the HTTPS redirect, secure cookies
DJANGO_SECURITY_CONTACT  the Contact of /.well-known/security.txt (default: mailto:security@HOST)
DJANGO_LOG_LEVEL      the level of the stdout log (default: WARNING)
RELEASES_DIR          where releases of the dataset are written (default: var/releases/)
REDIS_URL             redis://host:port/db: the page cache shared by every server process
                      and machine (default: none, each process keeps its own in memory)
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from pgmd.logs import stdout_json_logging

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default):
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be 1/0 or true/false, not {raw!r}")


def env_list(name, default):
    raw = os.environ.get(name, default)
    return [item.strip() for item in raw.split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off")
    SECRET_KEY = "insecure-development-key-only-for-debug-mode"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")

# Served over HTTPS (directly, or behind a proxy that says so in X-Forwarded-Proto).
HTTPS = env_bool("DJANGO_HTTPS", False)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_filters",
    "axes",
    "simple_history",
    "csp",
    "profiles",
]

MIDDLEWARE = [
    # First, so that every answer (static files and 304s included) carries them.
    "pgmd.security_headers.SecurityHeadersMiddleware",
    "pgmd.head_requests.HeadWithoutBodyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Revalidations of public pages end here, before sessions and CSRF (profiles.caching).
    "profiles.caching.NotModifiedMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Records the signed-in curator as the author of each change (django-simple-history).
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Answers a locked-out sign-in with 429 (django-axes); last, as its docs ask.
    "axes.middleware.AxesMiddleware",
]

# History (django-simple-history): a change's reason names the file an import read, and
# file names run to 255 characters, past the default 100-character column.
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True
# History is read by row (its id) or by group, then sorted: an index of history_date served
# no query and cost every history row written (profiles.models, Group.history).
SIMPLE_HISTORY_DATE_INDEX = False

# Password guessing at /admin/: after 5 failures for one username from one address, that
# pair is locked out for an hour (django-axes records the attempts in the database).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True

ROOT_URLCONF = "pgmd.urls"
WSGI_APPLICATION = "pgmd.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASE_URL = os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
if not DATABASE_URL.startswith(("postgres://", "postgresql://", "sqlite://")):
    raise ImproperlyConfigured("DATABASE_URL must be a postgres:// or sqlite:/// URL")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers browse while an import writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
else:
    # The pages' queries are short: JIT compilation of a large count cost more (about
    # 24 ms a request on the benchmark archive) than it saved.
    DATABASES["default"]["OPTIONS"] = {"options": "-c jit=off"}

# Files uploaded in the admin wait here between their preview and the import.
UPLOAD_STAGING_DIR = Path(os.environ.get("UPLOAD_STAGING_DIR") or BASE_DIR / "var" / "uploads")
UPLOAD_MAX_BYTES = 5_000_000

# Each release's frozen data files (manage.py release), served at /data/<version>/.
RELEASES_DIR = Path(os.environ.get("RELEASES_DIR") or BASE_DIR / "var" / "releases")

# How long a server process trusts its copy of the archive's last change (the ETag) before
# reading it again: a change made by another process shows within this time.
ARCHIVE_STATE_REREAD_SECONDS = 1.0

# Whole pages and the aggregates that cost a scan (home counts, facets, list counts) are
# cached per archive change (profiles.caching): in Redis, shared by every server process
# and machine, when REDIS_URL is set; else each process keeps its own copy in memory.
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL and not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
    raise ImproperlyConfigured(
        f"REDIS_URL must be a redis://, rediss:// or unix:// URL, not {REDIS_URL!r}"
    )
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "pgmd",
            # A Redis that stops answering costs a request half a second, not a hang
            # (profiles.caching renders without the cache then).
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
# A page is kept until the archive changes (its key carries the archive's version) or a
# day has passed (the version also carries the date); larger pages are not kept.
PAGE_CACHE_SECONDS = 24 * 60 * 60
PAGE_CACHE_MAX_BYTES = 2_000_000

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # A file missing from the manifest (collectstatic run with debug on, or a new file
    # not collected yet) is linked by its plain name instead of failing the page.
    "staticfiles": {
        "BACKEND": "pgmd.static_storage.ForgivingManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

GROUPS_PER_PAGE = 50
TIMELINE_EVENTS_PER_PAGE = 100
# A document shows all its references: fewer per page than groups.
SOURCES_PER_PAGE = 20

# One JSON object per line on stdout, for a log shipper; gunicorn's access log uses the
# same format (gunicorn.conf.py).
LOGGING = stdout_json_logging(
    os.environ.get("DJANGO_LOG_LEVEL", "WARNING"),
    # Django's own request log repeats gunicorn's access log for 4xx; errors (5xx) stay.
    {"django.request": {"level": "ERROR"}},
)

# HTTPS: every setting `check --deploy` asks for, on when the site is served over HTTPS.
# A proxy terminating TLS must set X-Forwarded-Proto (and strip it from clients).
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    # Load balancers probe over plain HTTP.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = 63_072_000  # two years, as the preload list asks
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp): nothing inline, nothing from elsewhere. The public
# pages have no script at all; the admin's scripts and styles are files on this site.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "form-action": [SELF],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
    },
}
# Headers django's SecurityMiddleware does not set (pgmd.security_headers).
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), "
    "magnetometer=(), microphone=(), payment=(), usb=()"
)
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"

SECURITY_CONTACT = os.environ.get("DJANGO_SECURITY_CONTACT", "")
