"""gzip for pages that carry no secret, since gunicorn alone is the README's server.

Compressing a response that holds both a secret and text the visitor controls
(a search query echoed back) lets an attacker who can watch response sizes
guess the secret byte by byte (BREACH). So only responses with no CSRF token and
no personal data are compressed: never for a request with a session cookie
(signed in, or in the middle of signing in), never when the page used a CSRF
token, and only text formats (files and images are sent as they are; WhiteNoise
serves static files already compressed).
"""

from django.conf import settings
from django.middleware.gzip import GZipMiddleware

COMPRESSED_TYPES = {
    "text/html",
    "text/plain",
    "text/xml",
    "text/calendar",
    "application/xml",
    "application/atom+xml",
    "application/json",
    "application/ld+json",
}


class SafeGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        content_type = response.get("Content-Type", "").split(";")[0].strip()
        if (
            content_type not in COMPRESSED_TYPES
            # The CSRF middleware sends its cookie again whenever the page used the token.
            or settings.CSRF_COOKIE_NAME in response.cookies
            or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            or settings.SESSION_COOKIE_NAME in request.COOKIES
            or settings.SESSION_COOKIE_NAME in response.cookies
        ):
            return response
        return super().process_response(request, response)
