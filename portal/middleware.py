from django.conf import settings
from django.utils import translation


class RememberLanguageMiddleware:
    """Remember the language of the last page read, so `/` sends the visitor back to it.

    The switcher is a plain link to the same page under the other prefix; this
    keeps that choice in the language cookie without needing a form or script.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        lang = translation.get_language_from_path(request.path_info)
        if lang and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != lang:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                lang,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            )
        return response


class SecurityHeadersMiddleware:
    """The headers Django's SecurityMiddleware does not send: a Content-Security-Policy,
    a Permissions-Policy and a Cross-Origin-Resource-Policy, on every response (and
    X-Frame-Options on those that stop before Django's own middleware adds it).

    The policy allows no inline script or style at all ('unsafe-inline' nowhere): every
    script and style sheet of the public site and the admin is a static file (the admin's
    own scripts take their data from `data-` attributes); JSON-LD sits in a `<script
    type="application/ld+json">` block, which the browser never runs. It sits before WhiteNoise and the page cache
    in MIDDLEWARE, so static files and cached pages carry the same headers. Django's debug
    error pages use inline styles and scripts, so in DEBUG they go without the policy.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.csp = "; ".join(
            f"{directive} {' '.join(sources)}".strip()
            for directive, sources in settings.PHAKHI_CONTENT_SECURITY_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        if not (settings.DEBUG and response.status_code >= 400):
            response.headers.setdefault("Content-Security-Policy", self.csp)
        response.headers.setdefault("Permissions-Policy", settings.PHAKHI_PERMISSIONS_POLICY)
        # Also on answers that end before Django's XFrameOptionsMiddleware runs (400, redirects).
        response.headers.setdefault("X-Frame-Options", settings.X_FRAME_OPTIONS)
        response.headers.setdefault(
            "Cross-Origin-Resource-Policy", settings.PHAKHI_CROSS_ORIGIN_RESOURCE_POLICY
        )
        return response
