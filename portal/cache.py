"""The shared cache, degrading to "no cache" when Redis is unreachable.

Everything the portal keeps in the cache (whole pages, fragments, the content
version) can be recomputed, so a Redis outage must cost speed, not pages. This
backend answers every read as a miss and drops every write while Redis fails,
logs the outage once per period, and does not try Redis again for
`retry_seconds` (so each request does not wait for a refused connection).
`/healthz` asks `cache_status()` and reports the cache as degraded.
"""

import logging
import threading
import time

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger("portal.cache")


class ResilientRedisCache(RedisCache):
    """Django's RedisCache whose failures are misses (reads) and no-ops (writes)."""

    def __init__(self, server, params):
        params = {**params}
        options = {**params.get("OPTIONS", {})}
        self.retry_seconds = float(options.pop("retry_seconds", 5))
        # Fail fast: a page must not wait long for a cache it can do without.
        options.setdefault("socket_connect_timeout", 0.5)
        options.setdefault("socket_timeout", 1)
        params["OPTIONS"] = options
        super().__init__(server, params)
        self._down_until = 0.0
        self._lock = threading.Lock()

    @property
    def available(self) -> bool:
        return time.monotonic() >= self._down_until

    def _failed(self, exc: Exception) -> None:
        with self._lock:
            if self.available:
                logger.warning("Cache unavailable, serving without it: %s", exc)
            self._down_until = time.monotonic() + self.retry_seconds

    def _guard(self, method, default, *args, **kwargs):
        if not self.available:
            return default
        import redis

        try:
            return method(*args, **kwargs)
        except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError) as exc:
            self._failed(exc)
            return default

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard(super().add, False, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._guard(super().get, default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard(super().set, None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard(super().touch, False, key, timeout, version)

    def delete(self, key, version=None):
        return self._guard(super().delete, False, key, version)

    def get_many(self, keys, version=None):
        return self._guard(super().get_many, {}, keys, version)

    def has_key(self, key, version=None):
        return self._guard(super().has_key, False, key, version)

    def incr(self, key, delta=1, version=None):
        # A missing key raises ValueError in every backend; an unreachable one does too here.
        if not self.available:
            raise ValueError(f"Key '{key}' not found (the cache is unavailable).")
        import redis

        try:
            return super().incr(key, delta, version)
        except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError) as exc:
            self._failed(exc)
            raise ValueError(f"Key '{key}' not found (the cache is unavailable).") from exc

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard(super().set_many, list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._guard(super().delete_many, None, keys, version)

    def clear(self):
        return self._guard(super().clear, False)

    def ping(self) -> bool:
        """Ask Redis itself, whatever the back-off says (for /healthz)."""
        import redis

        try:
            self._cache.get_client(write=True).ping()
        except (redis.exceptions.RedisError, OSError) as exc:
            self._failed(exc)
            return False
        self._down_until = 0.0
        return True


def cache_status(alias: str = "default") -> str:
    """ "ok", "degraded" (the shared cache is configured but unreachable) or "local"."""
    cache = caches[alias]
    if isinstance(cache, ResilientRedisCache):
        return "ok" if cache.ping() else "degraded"
    if isinstance(cache, RedisCache):
        try:
            cache.get("phakhi:healthz")
        except Exception:
            return "degraded"
        return "ok"
    return "local"
