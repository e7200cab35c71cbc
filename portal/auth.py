"""Sign-in throttling for every sign-in form: the partners' and the admin's.

Two limits, both within `PHAKHI_LOGIN_LOCKOUT_SECONDS` of the last counted attempt:

- `PHAKHI_LOGIN_MAX_FAILURES` attempts for one user name from one client address. The
  pair is then refused, even with the right password; the same account signs in from
  any other address as usual, so an attacker cannot lock its owner out.
- `PHAKHI_LOGIN_MAX_FAILURES_PER_ADDRESS` attempts from one client address across all
  user names (an IPv6 client counts by its /64 network), against spraying one password
  over many names.

Counting is atomic: an attempt first *reserves* a slot with one `INSERT … ON CONFLICT
DO UPDATE … RETURNING` statement (PostgreSQL, and SQLite ≥ 3.35), and only an attempt
that got a slot within the limits reaches the password check. Concurrent guesses
therefore cannot all pass a check before any of them is counted: of 40 at once, at
most the limit are checked. A right password gives its slot back (and clears the
user name's count); a wrong one keeps it. Refused attempts do not extend the lockout.

The counts live in the database (`portal.SignInCounter`), not the cache, so signing
in keeps working, and keeps being limited, when Redis is down.

Why not django-axes: it checks whether a client is locked out before authenticating
and records the failure afterwards (`AxesBackend.authenticate`, then the
`user_login_failed` handler), so concurrent guesses all pass the check together, the
race the audit measured; its lock-out is a separate 429 page instead of the form's own
message in the visitor's language; and it would bring django-ipware for what
`client_address` does in a few lines with an explicit list of trusted proxies.

The client address is REMOTE_ADDR unless `PHAKHI_CLIENT_IP_HEADER` names a header set
by a reverse proxy (nginx: `proxy_set_header X-Forwarded-For
$proxy_add_x_forwarded_for;` or `X-Real-IP $remote_addr`) *and* the request comes from
one of `PHAKHI_TRUSTED_PROXIES`: the header is then read from the right, skipping
trusted proxies, and the first other address is the client's. A client talking to
gunicorn directly cannot choose its address by sending the header.
"""

import hashlib
import ipaddress
import math
import time

from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.exceptions import ValidationError
from django.db import OperationalError, connection
from django.utils.translation import gettext_lazy as _

from portal.models import SignInCounter

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def _parse(value: str) -> IPAddress | None:
    value = value.strip()
    if value.startswith("[") and "]" in value:  # "[2001:db8::1]:443"
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # "203.0.113.7:51234"
        value = value.split(":", 1)[0]
    try:
        return ipaddress.ip_address(value)
    except ValueError:
        return None


def _trusted(address: IPAddress | None) -> bool:
    if address is None:
        return False
    for proxy in settings.PHAKHI_TRUSTED_PROXIES:
        try:
            if address in ipaddress.ip_network(proxy, strict=False):
                return True
        except ValueError:
            continue
    return False


def client_address(request) -> str:
    """The visitor's address: REMOTE_ADDR, or the trusted proxy's header (see the docstring)."""
    remote = request.META.get("REMOTE_ADDR", "")
    header = settings.PHAKHI_CLIENT_IP_HEADER
    if not header or not _trusted(_parse(remote)):
        return remote
    value = request.META.get("HTTP_" + header.upper().replace("-", "_"), "")
    for candidate in reversed([part for part in value.split(",") if part.strip()]):
        address = _parse(candidate)
        if address is None:
            break  # garbage further left was written by the client: stop trusting here
        if not _trusted(address):
            return str(address)
    return remote


def _address_group(address: str) -> str:
    parsed = _parse(address)
    if isinstance(parsed, ipaddress.IPv6Address):
        if parsed.ipv4_mapped is not None:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed) if parsed else address


def _key(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


class _Counters:
    """The two atomic counters of one attempt."""

    def __init__(self, username: str, address: str):
        self.pair = _key("user", username.casefold(), address)
        self.address = _key("address", _address_group(address))
        self.table = connection.ops.quote_name(SignInCounter._meta.db_table)

    def _execute(self, sql: str, params: list, fetch: bool = False):
        """One atomic statement. SQLite answers "locked" to a writer that meets another
        instead of waiting (in shared-cache mode); a few short retries ride that out."""
        for attempt in range(100):
            try:
                with connection.cursor() as cursor:
                    cursor.execute(sql, params)
                    return cursor.fetchone() if fetch else None
            except OperationalError as exc:
                if connection.vendor != "sqlite" or "locked" not in str(exc) or attempt == 99:
                    raise
                time.sleep(0.01)
        return None

    def _reserve(self, key: str, limit: int, now: float, window: float) -> tuple[int, float]:
        t = self.table
        count, counted_at = self._execute(
            f'INSERT INTO {t} ("key", "count", "counted_at") VALUES (%s, 1, %s) '
            f'ON CONFLICT ("key") DO UPDATE SET '
            f'"count" = CASE WHEN {t}."counted_at" < %s THEN 1 ELSE {t}."count" + 1 END, '
            f'"counted_at" = CASE WHEN {t}."counted_at" < %s OR {t}."count" < %s '
            f'THEN %s ELSE {t}."counted_at" END '
            f'RETURNING "count", "counted_at"',
            [key, now, now - window, now - window, limit, now],
            fetch=True,
        )
        return count, counted_at

    def _give_back(self, key: str) -> None:
        self._execute(
            f'UPDATE {self.table} SET "count" = "count" - 1 WHERE "key" = %s AND "count" > 0',
            [key],
        )

    def reserve(self) -> tuple[str, float] | None:
        """Take a slot under both limits, or return which limit refused and when it was hit."""
        now, window = time.time(), settings.PHAKHI_LOGIN_LOCKOUT_SECONDS
        count, counted_at = self._reserve(
            self.pair, settings.PHAKHI_LOGIN_MAX_FAILURES, now, window
        )
        if count > settings.PHAKHI_LOGIN_MAX_FAILURES:
            return "pair", counted_at
        count, counted_at = self._reserve(
            self.address, settings.PHAKHI_LOGIN_MAX_FAILURES_PER_ADDRESS, now, window
        )
        if count > settings.PHAKHI_LOGIN_MAX_FAILURES_PER_ADDRESS:
            self._give_back(self.pair)
            return "address", counted_at
        return None

    def release(self) -> None:
        """The attempt was not a guess after all (an error before the password was judged)."""
        self._give_back(self.pair)
        self._give_back(self.address)

    def succeeded(self) -> None:
        """The right password: the user name's count starts again; the address only gets its
        slot back, so an attacker with one valid account cannot wipe the address's count."""
        self._execute(f'DELETE FROM {self.table} WHERE "key" = %s', [self.pair])
        self._execute(
            f'DELETE FROM {self.table} WHERE "counted_at" < %s',
            [time.time() - settings.PHAKHI_LOGIN_LOCKOUT_SECONDS],
        )
        self._give_back(self.address)


class ThrottledSignInMixin:
    """Mix into an AuthenticationForm (before it) to refuse guessing passwords."""

    throttle_messages = {
        "pair": _(
            "Too many failed attempts to sign in with this user name from your network. "
            "Wait %(minutes)s minutes and try again, or ask the portal staff for help. "
            "Signing in from another network is not affected."
        ),
        "address": _(
            "Too many failed attempts to sign in from your network. "
            "Wait %(minutes)s minutes and try again, or ask the portal staff for help."
        ),
    }

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        if not username or not self.cleaned_data.get("password"):
            return super().clean()  # nothing is checked, nothing is counted
        address = client_address(self.request) if self.request else ""
        counters = _Counters(username, address)
        refused = counters.reserve()
        if refused:
            limit, counted_at = refused
            left = counted_at + settings.PHAKHI_LOGIN_LOCKOUT_SECONDS - time.time()
            raise ValidationError(
                self.throttle_messages[limit],
                code="too_many_attempts",
                params={"minutes": max(1, math.ceil(left / 60))},
            )
        try:
            cleaned = super().clean()
        except ValidationError:
            raise  # a wrong password (or a switched-off account) keeps its slot
        except BaseException:
            counters.release()
            raise
        counters.succeeded()
        return cleaned


class ThrottledAdminAuthenticationForm(ThrottledSignInMixin, AdminAuthenticationForm):
    """The admin's sign-in form with the same throttle."""
