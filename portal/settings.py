"""Settings for Phakhi.

Every environment runs this one module; they differ only through environment
variables (see `.env.example` and the README).
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from portal.countries import country_name_overrides

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("PHAKHI_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")


def _secret_key() -> str:
    key = os.environ.get("SECRET_KEY", "")
    if key:
        return key
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set the SECRET_KEY environment variable "
            "(or DEBUG=true for local development)."
        )
    # Local development only: one random key kept under var/ so sessions survive restarts.
    key_file = VAR_DIR / "dev-secret-key"
    if not key_file.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation must come before the admin so its tabs hook in.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_countries",
    "reversion",
    "portal",
    "networks",
    "programmes",
    "publications",
    "events",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portal.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "portal.compression.SafeGZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.middleware.RememberLanguageMiddleware",
    # Last, so it knows the visitor and the language, and what the page used (portal/pagecache.py).
    "portal.pagecache.PageCacheMiddleware",
    # After the page cache, so pages are stored with their Thai word boundaries marked.
    "portal.thaibreak.ThaiLineBreakMiddleware",
]

ROOT_URLCONF = "portal.urls"

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
                "django.template.context_processors.i18n",
                "portal.context_processors.site",
            ],
            "builtins": ["portal.templatetags.thaidates"],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

# --- Database -----------------------------------------------------------------
DATABASE_URL = os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'phakhi.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL,
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Thai search needs a UTF-8 LC_CTYPE (pg_trgm); template0 keeps the encoding explicit.
    DATABASES["default"]["TEST"] = {"CHARSET": "UTF8", "TEMPLATE": "template0"}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache --------------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # Redis down means no cache, not no pages (portal/cache.py).
            "BACKEND": "portal.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Whole pages for anonymous visitors (portal/pagecache.py): how long a page may be kept at
# most; an edit makes it stale at once. 0 turns the page cache off.
PHAKHI_PAGE_CACHE_SECONDS = int(os.environ.get("PHAKHI_PAGE_CACHE_SECONDS", 300))
# Thai word boundaries in every public page's text, so no Thai word is split across two
# lines (portal/thaibreak.py). On unless PHAKHI_THAI_WORD_BREAKS=false.
PHAKHI_THAI_WORD_BREAKS = env_bool("PHAKHI_THAI_WORD_BREAKS", True)
# Fragments that cost the database more than the rest of their page (figures at a glance,
# the home page's blocks, what list filters offer), for every visitor; the same invalidation.
PHAKHI_FRAGMENT_CACHE_SECONDS = int(os.environ.get("PHAKHI_FRAGMENT_CACHE_SECONDS", 300))

# --- Authentication -----------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Sign-in throttle (portal/auth.py): failures per user name and address, and the lockout.
PHAKHI_LOGIN_MAX_FAILURES = int(os.environ.get("PHAKHI_LOGIN_MAX_FAILURES", 5))
PHAKHI_LOGIN_LOCKOUT_SECONDS = int(os.environ.get("PHAKHI_LOGIN_LOCKOUT_SECONDS", 15 * 60))
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "publications:list"
LOGOUT_REDIRECT_URL = "publications:list"

# --- Languages ----------------------------------------------------------------
LANGUAGE_CODE = "th"
LANGUAGES = [
    ("th", _("Thai")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Bangkok"
USE_TZ = True
# Country names follow the active language (django-countries' Thai catalogue has English names).
COUNTRIES_OVERRIDE = country_name_overrides()
# The region's countries head every country select.
COUNTRIES_FIRST = ["TH", "KH", "LA", "MM", "VN", "MY", "ID", "PH", "SG", "BN", "TL"]
COUNTRIES_FIRST_BREAK = "──────────"

LANGUAGE_COOKIE_NAME = "phakhi_language"

MODELTRANSLATION_DEFAULT_LANGUAGE = "th"
MODELTRANSLATION_LANGUAGES = ("th", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("th", "en"), "th": ("en",), "en": ("th",)}
# The tabbed admin would otherwise load jQuery UI from a CDN: serve our own copy.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"
JQUERY_URL = "admin/js/vendor/jquery/jquery.min.js"

# --- Static and media files -----------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Partners-only files live outside MEDIA_ROOT and are served only by the download view.
PROTECTED_MEDIA_ROOT = Path(os.environ.get("PROTECTED_MEDIA_ROOT", VAR_DIR / "protected"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
FILE_UPLOAD_PERMISSIONS = 0o640
# Upper bound for any uploaded publication file, in bytes.
# Open data (portal/opendata.py): the licence every export and the data package carry, and
# the IATI reporting organisation (programmes/iati.py): its identifier (prefix of every
# iati-identifier), IATI organisation type code and name.
PHAKHI_DATA_LICENSE_NAME = os.environ.get("PHAKHI_DATA_LICENSE_NAME", "CC-BY-4.0")
PHAKHI_DATA_LICENSE_TITLE = os.environ.get(
    "PHAKHI_DATA_LICENSE_TITLE", "Creative Commons Attribution 4.0 International"
)
PHAKHI_DATA_LICENSE_URL = os.environ.get(
    "PHAKHI_DATA_LICENSE_URL", "https://creativecommons.org/licenses/by/4.0/"
)
PHAKHI_IATI_REPORTING_ORG_REF = os.environ.get("PHAKHI_IATI_REPORTING_ORG_REF", "XI-PHAKHI")
PHAKHI_IATI_REPORTING_ORG_TYPE = os.environ.get("PHAKHI_IATI_REPORTING_ORG_TYPE", "80")
PHAKHI_IATI_REPORTING_ORG_NAME = os.environ.get("PHAKHI_IATI_REPORTING_ORG_NAME", "Phakhi")

PHAKHI_MAX_UPLOAD_SIZE = int(os.environ.get("PHAKHI_MAX_UPLOAD_SIZE", 50 * 1024 * 1024))
# Largest image (in pixels) Pillow will open: a decompression-bomb guard.
PHAKHI_MAX_IMAGE_PIXELS = int(os.environ.get("PHAKHI_MAX_IMAGE_PIXELS", 40_000_000))
# Who sends publication files once the download view has checked access:
#   ""                  Django streams the file (default; fine for small sites and development);
#   "x-accel-redirect"  nginx: the response carries `X-Accel-Redirect: <PREFIX>/<stored name>`;
#                       nginx needs an `internal` location at PHAKHI_SENDFILE_PREFIX whose
#                       `alias` is PROTECTED_MEDIA_ROOT;
#   "x-sendfile"        Apache mod_xsendfile (or lighttpd): `X-Sendfile: <absolute path>`;
#                       allow PROTECTED_MEDIA_ROOT with XSendFilePath.
PHAKHI_SENDFILE = os.environ.get("PHAKHI_SENDFILE", "").strip().lower()
if PHAKHI_SENDFILE not in {"", "x-accel-redirect", "x-sendfile"}:
    raise ImproperlyConfigured(
        'PHAKHI_SENDFILE must be empty, "x-accel-redirect" or "x-sendfile", '
        f"not {PHAKHI_SENDFILE!r}."
    )
# The internal nginx location that maps to PROTECTED_MEDIA_ROOT (x-accel-redirect only).
PHAKHI_SENDFILE_PREFIX = os.environ.get("PHAKHI_SENDFILE_PREFIX", "/protected-files/")

# A visitor (address, browser, account) who downloads the same file again within this
# many seconds is not counted again (0: count every request).
PHAKHI_DOWNLOAD_REPEAT_SECONDS = int(os.environ.get("PHAKHI_DOWNLOAD_REPEAT_SECONDS", 30 * 60))
# Open data never publishes a count of people below this (attendance by country): a "1"
# beside a country can point to the one person who came from it.
PHAKHI_MIN_PUBLISHED_COUNT = int(os.environ.get("PHAKHI_MIN_PUBLISHED_COUNT", 5))
# The domain that qualifies the identifiers of feed entries and calendar events
# (`event-<slug>@<domain>`): set it once to the site's own domain and never change it, or
# every subscriber sees every event twice. Default: the first of ALLOWED_HOSTS.
PHAKHI_UID_DOMAIN = os.environ.get("PHAKHI_UID_DOMAIN", "").strip() or next(
    (h.lstrip(".") for h in ALLOWED_HOSTS if h.strip(".*[") and not h.startswith("[")),
    "localhost",
)

# --- Security -----------------------------------------------------------------
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Every cookie the site sets: never readable by scripts, not sent on cross-site requests,
# and (without DEBUG) only over HTTPS. No script of the site reads a cookie.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = LANGUAGE_COOKIE_SAMESITE = "Lax"
# Django's database sessions, refusing session keys Django never makes (a NUL byte, say).
SESSION_ENGINE = "portal.sessions"
# Sent by portal.middleware.SecurityHeadersMiddleware on every response. No 'unsafe-inline':
# scripts and styles are static files (static/css/admin.css holds the admin's own styles).
PHAKHI_CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
PHAKHI_PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
)
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
PHAKHI_CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"
if not DEBUG:
    LANGUAGE_COOKIE_SECURE = env_bool("LANGUAGE_COOKIE_SECURE", True)
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
    CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# Joining the browsers' HSTS preload list is a separate, hard-to-undo decision:
# opt in with SECURE_HSTS_PRELOAD=true rather than being nagged by `check --deploy`.
SILENCED_SYSTEM_CHECKS = ["security.W021"]

SITE_NAME = _("Phakhi")

# --- Sign-in limits, client address, faults, error reports, media (issue 13) -----------
# Attempts from one address across all user names (portal/auth.py); the per-name limit and
# the lockout period are PHAKHI_LOGIN_MAX_FAILURES and PHAKHI_LOGIN_LOCKOUT_SECONDS above.
PHAKHI_LOGIN_MAX_FAILURES_PER_ADDRESS = int(
    os.environ.get("PHAKHI_LOGIN_MAX_FAILURES_PER_ADDRESS", 30)
)
# Behind a reverse proxy: the header it sets to the client's address (e.g. X-Forwarded-For
# or X-Real-IP), read only on requests from PHAKHI_TRUSTED_PROXIES (addresses or networks).
PHAKHI_CLIENT_IP_HEADER = os.environ.get("PHAKHI_CLIENT_IP_HEADER", "").strip()
PHAKHI_TRUSTED_PROXIES = env_list("PHAKHI_TRUSTED_PROXIES", "127.0.0.1,::1")

# Error reports. ADMINS="Somchai <ops@example.org>, noc@example.org" gets a mail for every
# 500 (Django's AdminEmailHandler) through the SMTP server below; the logs get every error
# too, one JSON object per line unless LOG_FORMAT=text (portal/logformat.py).
ADMINS = [
    (address.split("<", 1)[0].strip() or address, address.split("<", 1)[-1].rstrip(">").strip())
    for address in env_list("ADMINS")
]
MANAGERS = ADMINS
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", "phakhi@localhost")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", SERVER_EMAIL)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", 25))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_TIMEOUT = 10
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
        "outage": {"()": "portal.faults.OutageMailFilter"},
    },
    "formatters": {
        "json": {"()": "portal.logformat.JSONFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if LOG_FORMAT == "json" else "text",
        },
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false", "outage"],
        },
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.request": {
            "handlers": ["console", "mail_admins"],
            "level": "ERROR",
            "propagate": False,
        },
    },
}
# An outage of the database answers 503 with this Retry-After (portal/faults.py).
PHAKHI_RETRY_AFTER_SECONDS = int(os.environ.get("PHAKHI_RETRY_AFTER_SECONDS", 120))


# The organisation that publishes the site and how to reach it, shown at the foot of every
# page and named by the privacy notice as the data controller (empty: not shown).
PHAKHI_OPERATOR_TH = os.environ.get("PHAKHI_OPERATOR_TH", "")
PHAKHI_OPERATOR_EN = os.environ.get("PHAKHI_OPERATOR_EN", "")
PHAKHI_CONTACT_EMAIL = os.environ.get("PHAKHI_CONTACT_EMAIL", "")
PHAKHI_CONTACT_PHONE = os.environ.get("PHAKHI_CONTACT_PHONE", "")
PHAKHI_CONTACT_ADDRESS_TH = os.environ.get("PHAKHI_CONTACT_ADDRESS_TH", "")
PHAKHI_CONTACT_ADDRESS_EN = os.environ.get("PHAKHI_CONTACT_ADDRESS_EN", "")
# Public media. Without a proxy in front, the portal serves MEDIA_ROOT itself (portal/media.py);
# PHAKHI_SERVE_MEDIA=false when nginx or a bucket serves MEDIA_URL.
PHAKHI_SERVE_MEDIA = env_bool("PHAKHI_SERVE_MEDIA", True)
PHAKHI_MEDIA_MAX_AGE = int(os.environ.get("PHAKHI_MEDIA_MAX_AGE", 7 * 24 * 3600))
# Public media on S3 or any S3-compatible store (needs `pip install django-storages[s3]`);
# credentials come from the usual AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY variables.
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "querystring_auth": False,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": f"public, max-age={PHAKHI_MEDIA_MAX_AGE}"},
        },
    }
    PHAKHI_SERVE_MEDIA = False
