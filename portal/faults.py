"""Error pages that tell the truth when part of the system is down.

`server_error` is the project's handler500. Django calls it inside the `except`
block of whatever failed, so it can see the exception: a database that cannot be
reached (or is momentarily locked) is not a bug but an outage, answered with a
503 page and `Retry-After`, so browsers, crawlers and load balancers come back
later. Both pages are rendered from a template alone: no context processor, no
session, no query, so they render while the database is down. The 500 page says
the team has been told only when error mail is configured (`ADMINS`); otherwise it
says the error was recorded (the logs always get it, see `portal/logformat.py`).
"""

import logging
import sys
import threading
import time

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.utils import translation

OUTAGES = (OperationalError, InterfaceError)


def _language(request) -> str:
    """The page's language from its path, so an error before LocaleMiddleware still speaks it."""
    codes = [code for code, _name in settings.LANGUAGES]
    first = (getattr(request, "path", "") or "").lstrip("/").split("/", 1)[0]
    if first in codes:
        return first
    current = translation.get_language()
    return current if current in codes else settings.LANGUAGE_CODE


def service_unavailable(request) -> HttpResponse:
    """503 with Retry-After, for an outage of the database."""
    with translation.override(_language(request)):
        body = loader.get_template("503.html").render({})
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(settings.PHAKHI_RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request, template_name="500.html"):
    """handler500: a 503 for an outage of the database, the 500 page for anything else."""
    if isinstance(sys.exc_info()[1], OUTAGES):
        return service_unavailable(request)
    with translation.override(_language(request)):
        body = loader.get_template(template_name).render({"reported": bool(settings.ADMINS)})
    return HttpResponseServerError(body)


class OutageMailFilter(logging.Filter):
    """During a database outage every request is a 503: mail the admins about the first
    one, then at most once per `PHAKHI_RETRY_AFTER_SECONDS` per process (the logs keep all)."""

    def __init__(self):
        super().__init__()
        self._last = float("-inf")
        self._lock = threading.Lock()

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) != 503:
            return True
        with self._lock:
            now = time.monotonic()
            if now - self._last < settings.PHAKHI_RETRY_AFTER_SECONDS:
                return False
            self._last = now
            return True
