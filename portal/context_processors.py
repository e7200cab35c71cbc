from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.urls import translate_url
from django.utils import translation


def _in_language(path: str, lang: str) -> str:
    """The same page under the other language prefix (slugs are shared by both languages)."""
    translated = translate_url(path, lang)
    if translated != path:
        return translated
    current = translation.get_language_from_path(path)
    if current:
        return f"/{lang}/" + path[len(current) + 2 :]
    return path


def _without_language(path: str) -> str:
    current = translation.get_language_from_path(path)
    return "/" + path[len(current) + 2 :] if current else path


def _absolute_url(request):
    """How this page's addresses are made absolute: with the request's host when it is one
    of ALLOWED_HOSTS; otherwise (the 400 page answering a foreign Host header) they stay
    relative, so neither the error page fails again nor the foreign host is echoed."""
    try:
        request.get_host()
    except DisallowedHost:
        return lambda location: location
    return request.build_absolute_uri


def site(request):
    """Language alternates, the canonical URL and the site name for every page."""
    absolute = _absolute_url(request)
    full_path = request.get_full_path()
    current = translation.get_language()
    alternates = []
    for code, name in settings.LANGUAGES:
        with translation.override(code):
            local_name = str(name)
        url = _in_language(full_path, code)
        alternates.append(
            {
                "code": code,
                "name": local_name,
                "url": url,
                "absolute_url": absolute(url.split("?")[0]),
                "current": code == current,
            }
        )
    canonical = absolute(request.path)
    page = request.GET.get("page")
    if page and page.isdigit() and page != "1":
        canonical += f"?page={page}"
    return {
        "SITE_NAME": settings.SITE_NAME,
        "language_alternates": alternates,
        # The unprefixed address, which sends each visitor to their language (as the site map says).
        "x_default_url": absolute(_without_language(request.path)),
        "canonical_url": canonical,
    }
