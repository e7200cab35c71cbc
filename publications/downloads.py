"""The HTTP side of handing over a publication file: headers, byte ranges, the transfer
itself, and which requests count as a download."""

import hashlib
import re
import unicodedata
from pathlib import PurePosixPath
from urllib.parse import quote

from django.conf import settings
from django.core.cache import cache
from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

from portal.auth import client_address
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


# Programs that fetch pages on their own, by the words their User-Agent carries: what they
# fetch is not a reader's download. An empty User-Agent is a program too.
_CRAWLER = re.compile(
    r"bot\b|bot/|crawl|spider|slurp|archiver|scrap|preview|facebookexternalhit|embedly|"
    r"headless|lighthouse|python-|go-http-client|java/|okhttp|libwww|wget|curl|httpclient|"
    r"feedfetcher|mediapartners|ia_archiver|monitor|uptime",
    re.IGNORECASE,
)
_RANGE = re.compile(r"^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$", re.IGNORECASE)
CHUNK_SIZE = 64 * 1024
UNSATISFIABLE = "unsatisfiable"


def is_crawler(user_agent: str) -> bool:
    return not user_agent.strip() or bool(_CRAWLER.search(user_agent))


def requested_range(request, size: int, etag: str = ""):
    """The one byte range (first, last) a request asks for, `UNSATISFIABLE`, or None for the
    whole file (no Range, a malformed one, several ranges, or an If-Range that no longer
    matches: RFC 9110 lets a server answer those with the whole file)."""
    header = request.headers.get("Range", "")
    if not header:
        return None
    if_range = request.headers.get("If-Range")
    if if_range is not None and (not etag or if_range.strip() != etag):
        return None
    match = _RANGE.match(header)
    if not match or match.group(1) == match.group(2) == "":
        return None
    first, last = match.groups()
    if first == "":  # the last N bytes
        suffix = int(last)
        if suffix == 0 or size == 0:
            return UNSATISFIABLE
        return max(size - suffix, 0), size - 1
    first = int(first)
    if last and int(last) < first:
        return None  # not a valid range: ignored
    if first >= size:
        return UNSATISFIABLE
    return first, min(int(last) if last else size - 1, size - 1)


def is_continued_range(request) -> bool:
    """A Range request for anything but the file's start (a resumed or partial transfer)."""
    match = _RANGE.match(request.headers.get("Range", ""))
    return bool(match) and match.group(1) != "0" and match.groups() != ("", "")


def counts_as_download(request, publication: Publication) -> bool:
    """Whether this request is a reader's new download.

    Not counted: HEAD; a Range request that continues a transfer (it does not start at
    byte 0); known crawlers; and the same visitor (address, browser and account) asking
    for the same file again within PHAKHI_DOWNLOAD_REPEAT_SECONDS.
    """
    if request.method != "GET" or is_continued_range(request):
        return False
    if is_crawler(request.headers.get("User-Agent", "")):
        return False
    window = settings.PHAKHI_DOWNLOAD_REPEAT_SECONDS
    if window <= 0:
        return True
    visitor = "\n".join(
        (
            str(publication.pk),
            client_address(request),
            request.headers.get("User-Agent", ""),
            str(request.user.pk or "") if hasattr(request, "user") else "",
        )
    )
    key = "download-seen:" + hashlib.sha256(visitor.encode()).hexdigest()
    # `add` is atomic in Redis and in the local cache: of two requests at once, one counts.
    if cache.add(key, 1, timeout=window):
        return True
    # A shared cache that is down (portal.cache) remembers no reader: count the download
    # rather than lose it.
    return not getattr(cache, "available", True)


def _ranged_file(file, first: int, length: int):
    try:
        file.seek(first)
        remaining = length
        while remaining > 0:
            chunk = file.read(min(CHUNK_SIZE, remaining))
            if not chunk:
                break
            remaining -= len(chunk)
            yield chunk
    finally:
        file.close()


def file_response(publication: Publication, request=None) -> HttpResponse:
    """The file itself, streamed by Django or handed to the web server (PHAKHI_SENDFILE).

    Streamed by Django, a single byte range is answered with 206 and a range beyond the
    end with 416; nginx and Apache answer ranges themselves.
    """
    content_type = publication.content_type or "application/octet-stream"
    mode = settings.PHAKHI_SENDFILE
    etag = f'"{publication.sha256}"' if publication.sha256 else ""
    if mode == SENDFILE_NGINX:
        response = HttpResponse(content_type=content_type)
        prefix = settings.PHAKHI_SENDFILE_PREFIX.rstrip("/")
        response["X-Accel-Redirect"] = f"{prefix}/{quote(publication.file.name)}"
    elif mode == SENDFILE_APACHE:
        response = HttpResponse(content_type=content_type)
        response["X-Sendfile"] = publication.file.storage.path(publication.file.name)
    else:
        size = publication.file.size
        wanted = requested_range(request, size, etag) if request is not None else None
        if wanted == UNSATISFIABLE:
            response = HttpResponse(status=416, content_type="text/plain")
            response["Content-Range"] = f"bytes */{size}"
        elif wanted is not None:
            first, last = wanted
            length = last - first + 1
            response = StreamingHttpResponse(
                _ranged_file(publication.file.open("rb"), first, length),
                status=206,
                content_type=content_type,
            )
            response["Content-Range"] = f"bytes {first}-{last}/{size}"
            response["Content-Length"] = str(length)
        else:
            response = FileResponse(publication.file.open("rb"), content_type=content_type)
        response["Accept-Ranges"] = "bytes"
    if etag:
        response["ETag"] = etag
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
