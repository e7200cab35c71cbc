"""Public media served by the portal itself, for the "gunicorn alone" set-up.

Only when the default storage is the file system under MEDIA_ROOT and
`PHAKHI_SERVE_MEDIA` is on (the default); behind nginx or with a bucket, they serve
MEDIA_URL and this view is not routed. What it hands out is what the upload code
wrote there: re-encoded JPEG, PNG and WebP images and their renditions. Any other
name is a 404, so even a file placed there by hand is never sent as a web page.

Django's `static.serve` does the file work: `safe_join` keeps every path inside
MEDIA_ROOT (no `..`, no absolute paths, no symlink outside), directories are a
404 (no listing), and `If-Modified-Since` answers 304. This view adds long
caching (a stored name never changes content: a new upload gets a new name), and
`nosniff` and a sandboxing Content-Security-Policy on every answer.
"""

from pathlib import PurePosixPath

from django.conf import settings
from django.http import Http404
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe
from django.views.static import serve

SERVED_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
}


@require_safe
def media(request, path: str):
    if PurePosixPath(path).suffix.lower() not in SERVED_TYPES or "\x00" in path:
        raise Http404("Not a public media file.")
    try:
        response = serve(request, path, document_root=settings.MEDIA_ROOT, show_indexes=False)
    except OSError as exc:  # a name too long for the file system, say
        raise Http404("Not a public media file.") from exc
    response["Content-Type"] = SERVED_TYPES[PurePosixPath(path).suffix.lower()]
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    if response.status_code == 200:
        patch_cache_control(response, public=True, max_age=settings.PHAKHI_MEDIA_MAX_AGE)
    return response


def serves_media() -> bool:
    """Whether the portal routes MEDIA_URL itself (see the module docstring)."""
    backend = settings.STORAGES.get("default", {}).get("BACKEND", "")
    return (
        settings.PHAKHI_SERVE_MEDIA
        and backend == "django.core.files.storage.FileSystemStorage"
        and settings.MEDIA_URL.startswith("/")
    )
