"""The HTTP side of handing over a publication file: headers and the transfer itself."""

import unicodedata
from pathlib import PurePosixPath
from urllib.parse import quote

from django.conf import settings
from django.http import FileResponse, HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

from publications.models import Publication

SENDFILE_NGINX = "x-accel-redirect"
SENDFILE_APACHE = "x-sendfile"
# RFC 5987 attr-char: what may stay unencoded in `filename*`.
_ATTR_CHARS = "!#$&+-.^_`|~"
_FALLBACK_CHARS = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-() ")


def ascii_fallback(filename: str, default_stem: str = "download") -> str:
    """An ASCII-only version of a file name for the plain `filename=` parameter."""
    path = PurePosixPath(filename)
    suffix = "".join(c for c in path.suffix if c.isascii() and c.isalnum() or c == ".")

    def clean(text: str) -> str:
        decomposed = unicodedata.normalize("NFKD", text)
        chars = [c if c in _FALLBACK_CHARS else "_" for c in decomposed if c.isascii()]
        cleaned = "".join(chars)
        for run in ("__", "  "):
            while run in cleaned:
                cleaned = cleaned.replace(run, run[0])
        return cleaned.strip("._ ")

    stem = clean(path.stem) if path.suffix else clean(filename)
    return f"{stem or default_stem}{suffix if path.suffix else ''}"


def content_disposition(
    filename: str, disposition: str = "attachment", default_stem: str = "download"
) -> str:
    """`attachment; filename="…"; filename*=UTF-8''…` (RFC 6266 with RFC 5987 encoding).

    Old browsers read the ASCII `filename`; every current browser prefers `filename*`,
    which carries the original name (Thai included) exactly.
    """
    fallback = ascii_fallback(filename, default_stem)
    value = f'{disposition}; filename="{fallback}"'
    if fallback != filename:
        value += f"; filename*=UTF-8''{quote(filename, safe=_ATTR_CHARS)}"
    return value


def download_name(publication: Publication) -> str:
    if publication.original_filename:
        return publication.original_filename
    suffix = PurePosixPath(publication.file.name).suffix
    return f"{publication.slug}{suffix}"


def file_response(publication: Publication) -> HttpResponse:
    """The file itself, streamed by Django or handed to the web server (PHAKHI_SENDFILE)."""
    content_type = publication.content_type or "application/octet-stream"
    mode = settings.PHAKHI_SENDFILE
    if mode == SENDFILE_NGINX:
        response = HttpResponse(content_type=content_type)
        prefix = settings.PHAKHI_SENDFILE_PREFIX.rstrip("/")
        response["X-Accel-Redirect"] = f"{prefix}/{quote(publication.file.name)}"
    elif mode == SENDFILE_APACHE:
        response = HttpResponse(content_type=content_type)
        response["X-Sendfile"] = publication.file.storage.path(publication.file.name)
    else:
        response = FileResponse(publication.file.open("rb"), content_type=content_type)
    # An all-Thai name has no ASCII left: old browsers then get the slug as the name.
    response["Content-Disposition"] = content_disposition(
        download_name(publication), default_stem=publication.slug
    )
    response["X-Content-Type-Options"] = "nosniff"
    if publication.is_partners_only:
        # Never kept by a shared cache: the next visitor may not be a partner.
        patch_cache_control(response, private=True, no_store=True)
        patch_vary_headers(response, ["Cookie"])
    return response
