"""Whole pages cached for anonymous visitors, shared by every process through the cache.

Django's own per-site cache (`UpdateCacheMiddleware`/`FetchFromCacheMiddleware`)
keys pages by URL and headers and can only forget them by expiry, so an edit in
the admin would stay invisible for the cache's lifetime. Here every key carries
the *content version*, one value in the shared cache (Redis when `REDIS_URL` is
set) that any save, deletion or many-to-many change of a record of the
project's apps replaces once its transaction commits. Every process reads the
same version, so an edit is visible on the next request through any instance;
old pages are never deleted by pattern, they are simply never asked for again
and expire. A record whose publication time is in the future appears without a
save, so pages also expire after `PHAKHI_PAGE_CACHE_SECONDS` (default 300).

Only what is the same for every anonymous visitor is stored: GET or HEAD, no
session cookie (signed-in users, staff previewing drafts and partners never see
or fill the cache), a 200 HTML, XML, Atom, iCalendar or JSON answer that used no
CSRF token, touched no session and showed no message. The version is also the
page's `Last-Modified`, and `ConditionalGetMiddleware` answers 304 to a visitor
who has the page already.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.encoding import iri_to_uri
from django.utils.http import http_date

VERSION_KEY = "phakhi:content-version"
PAGE_PREFIX = "phakhi:page:"
FRAGMENT_PREFIX = "phakhi:fragment:"
CACHED_TYPES = (
    "text/html",
    "application/xml",
    "text/xml",
    "application/atom+xml",
    "text/calendar",
    "application/json",
    "application/ld+json",
    "text/plain",
)
MAX_QUERY_LENGTH = 200
HEADERS_KEPT = ("Content-Type", "Content-Language", "Vary", "Content-Disposition", "Link")


def _cache():
    return caches[getattr(settings, "PHAKHI_PAGE_CACHE_ALIAS", "default")]


def content_version() -> float:
    """When a record was last changed (seconds since the epoch), as every process sees it."""
    cache = _cache()
    version = cache.get(VERSION_KEY)
    if version is None:
        version = time.time()
        if not cache.add(VERSION_KEY, version, None):
            version = cache.get(VERSION_KEY, version)
    return version


def bump() -> None:
    """Make every cached page stale: call after changes that send no signals (bulk inserts)."""
    _cache().set(VERSION_KEY, max(time.time(), content_version() + 0.001), None)


def cached(name: str, compute, *, per_language: bool = True):
    """A fragment of a page that costs the database more than the rest of it (figures at a
    glance, what a list's filters offer), kept under the content version like whole pages,
    so it is computed once per change for every visitor, signed in or not."""
    seconds = getattr(settings, "PHAKHI_FRAGMENT_CACHE_SECONDS", 300)
    if seconds <= 0:
        return compute()
    lang = translation.get_language() if per_language else ""
    key = f"{FRAGMENT_PREFIX}{content_version()!r}:{name}:{lang}"
    cache = _cache()
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, seconds)
    return value


def _changed(sender, **kwargs) -> None:
    """Stale at once (this process may render the change before it commits) and again on
    commit (a page rendered meanwhile from the old rows must not outlive the change)."""
    if sender._meta.app_label in _content_apps():
        bump()
        transaction.on_commit(bump)


_apps: set[str] | None = None


def _content_apps() -> set[str]:
    """The labels of the project's own apps (those in the repository, portal aside)."""
    global _apps
    if _apps is None:
        from portal.catalogues import project_apps

        _apps = set(project_apps())
    return _apps


def connect_signals() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_changed, dispatch_uid=f"portal.pagecache.{signal!r}")


def _key(request, version: float) -> str:
    lang = getattr(request, "LANGUAGE_CODE", "")
    address = hashlib.sha256(iri_to_uri(request.get_full_path()).encode()).hexdigest()
    return f"{PAGE_PREFIX}{version!r}:{request.method}:{lang}:{address}"


def _may_use_cache(request) -> bool:
    return (
        getattr(settings, "PHAKHI_PAGE_CACHE_SECONDS", 300) > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        # Queries no link makes (junk, or a flood of distinct ones) are not worth keeping.
        and len(request.META.get("QUERY_STRING", "")) <= MAX_QUERY_LENGTH
    )


def _may_store(request, response) -> bool:
    if response.status_code != 200 or response.streaming:
        return False
    if response.cookies or response.has_header("Cache-Control"):
        return False  # a cookie of its own, or a view that decided about caching itself
    if response.get("Content-Type", "").split(";")[0].strip() not in CACHED_TYPES:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # the page carries a CSRF token
    session = getattr(request, "session", None)
    if session is not None and (session.modified or not session.is_empty()):
        return False
    messages = getattr(request, "_messages", None)
    if messages is not None and (messages.used or messages.added_new):
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


class PageCacheMiddleware:
    """Serve and store anonymous visitors' pages; place it after the authentication,
    locale and message middleware so it knows who asks and in which language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _may_use_cache(request):
            return self.get_response(request)
        cache = _cache()
        version = content_version()
        key = _key(request, version)
        stored = cache.get(key)
        if stored is not None:
            return self._rebuild(stored, version)
        response = self.get_response(request)
        if _may_store(request, response):
            headers = {name: response[name] for name in HEADERS_KEPT if response.has_header(name)}
            cache.set(
                key,
                {"content": response.content, "headers": headers},
                settings.PHAKHI_PAGE_CACHE_SECONDS,
            )
            self._mark(response, version, hit=False)
        return response

    @staticmethod
    def _mark(response, version: float, hit: bool) -> None:
        response["Last-Modified"] = http_date(int(version))
        response["X-Page-Cache"] = "hit" if hit else "miss"
        # Browsers and proxies keep the page but ask again each time (cheap: 304).
        patch_cache_control(response, public=True, max_age=0, must_revalidate=True)

    def _rebuild(self, stored: dict, version: float):
        from django.http import HttpResponse

        response = HttpResponse(stored["content"])
        for name, value in stored["headers"].items():
            response[name] = value
        self._mark(response, version, hit=True)
        return response
