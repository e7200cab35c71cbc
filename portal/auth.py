"""Sign-in throttling for every sign-in form: the partners' and the admin's.

After `PHAKHI_LOGIN_MAX_FAILURES` failed attempts for one user name from one
address within `PHAKHI_LOGIN_LOCKOUT_SECONDS`, that pair is refused (even with the
right password) until the period has passed since the last failure. Counts live
in the cache, shared by every process when `REDIS_URL` is set. The address is
REMOTE_ADDR: behind a proxy, have it pass the client's address there (e.g.
gunicorn's `--forwarded-allow-ips` with a proxy that sets it).
"""

import hashlib
import math

from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

CACHE_PREFIX = "phakhi:signin-failures:"


def _key(username: str, address: str) -> str:
    digest = hashlib.sha256(f"{username.casefold()}|{address}".encode()).hexdigest()
    return CACHE_PREFIX + digest


class ThrottledSignInMixin:
    """Mix into an AuthenticationForm (before it) to refuse guessing passwords."""

    throttle_messages = {
        "too_many_attempts": _(
            "Too many failed attempts to sign in with this user name. "
            "Wait %(minutes)s minutes and try again, or ask the portal staff for help."
        ),
    }

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        address = self.request.META.get("REMOTE_ADDR", "") if self.request else ""
        key = _key(username, address)
        lockout = settings.PHAKHI_LOGIN_LOCKOUT_SECONDS
        if username and cache.get(key, 0) >= settings.PHAKHI_LOGIN_MAX_FAILURES:
            raise ValidationError(
                self.throttle_messages["too_many_attempts"],
                code="too_many_attempts",
                params={"minutes": math.ceil(lockout / 60)},
            )
        try:
            cleaned = super().clean()
        except ValidationError:
            if username:
                cache.add(key, 0, lockout)
                try:
                    cache.incr(key)
                except ValueError:  # expired between add and incr
                    cache.set(key, 1, lockout)
                cache.touch(key, lockout)
            raise
        cache.delete(key)
        return cleaned


class ThrottledAdminAuthenticationForm(ThrottledSignInMixin, AdminAuthenticationForm):
    """The admin's sign-in form with the same throttle."""
