"""Hostile requests against every URL pattern: what `manage.py fuzz` sends to a running
server and what the Hypothesis test (tests/portal/test_fuzz.py) draws from.

Every pattern of the URL configuration is turned into a path template whose slots (a slug,
a year, an admin object id, a regular-expression group) are filled either with values that
exist in the database, so the views run their whole way, or with hostile text. Around the
path go a hostile query string, method, Host header, cookies and Accept-Language. No answer
may be a 5xx, and no page may carry the marker `<x-fz` unescaped.
"""

import random
import re
from dataclasses import dataclass, field
from urllib.parse import quote

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern

MARKER = "<x-fz"
MARKUP = '"><x-fz a=1>'

HOSTILE_TEXT = [
    "",
    " ",
    "\x00",
    "abcdefghij\x00klmno",
    MARKUP,
    f"'{MARKUP}",
    f"</script>{MARKUP}",
    f"javascript:alert(1)//{MARKUP}",
    f"ภาษาไทย{MARKUP}",
    "\u202egnp.exe",
    "\ufeff\ufffe\uffff",
    "😀" * 8,
    "../../../../etc/passwd",
    "..\\..\\windows\\win.ini",
    "-1",
    "0",
    "00",
    "1.5",
    "1e400",
    "9" * 40,
    "-" + "9" * 25,
    "2565",
    "NaN",
    "null",
    "true",
    "[]",
    "{}",
    "%",
    "%00",
    "%ff%fe",
    "%%%",
    "{{7*7}}${7*7}",
    "%s%s%s%n",
    "' OR '1'='1' --",
    "\r\nSet-Cookie: fz=1",
    "a" * 3000,
    "https://evil.example/",
    "//evil.example",
    "/\\evil.example",
]
# Query parameter names the views and the admin read.
PARAM_NAMES = [
    "q",
    "page",
    "year",
    "kind",
    "theme",
    "programme",
    "network",
    "country",
    "organisation",
    "access",
    "language",
    "status",
    "stage",
    "upcoming",
    "sort",
    "next",
    "format",
    "o",
    "p",
    "e",
    "all",
    "quality",
    "event",
    "term",
    "app_label",
    "model_name",
    "field_name",
    "_popup",
    "_to_field",
    "_changelist_filters",
    "start_date__gte",
    "programme__id__exact",
    "id__in",
]
RAW_QUERIES = [
    "%ff%fe=%c0%af",
    "q=%00",
    "q=%ed%a0%80",
    "page=%00",
    "&&&==&",
    "q[]=1&q[]=2",
    "a=" + "b" * 5000,
    ";".join(f"k{i}=v" for i in range(200)),
]
# GET most often, so most requests reach the views' insides.
METHODS = ["GET"] * 8 + ["HEAD", "POST", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"]
HOSTILE_HOSTS = [
    "evil.example",
    "evil.example:443",
    "127.0.0.1.evil.example",
    "[::1",
    "localhost:99999",
    "local host",
    "localhost\x00.evil",
    "a" * 300,
    "évil.example",
    "evil.example, localhost",
    "evil.example@localhost",
    "",
]
ACCEPT_LANGUAGES = [
    "th",
    "en-GB,en;q=0.9",
    "*",
    "xx-YY",
    "th;q=abc",
    "th;q=-1, en;q=2",
    ",,,;;;",
    "\x00",
    "zh-Hant-TW;q=0.5, en;q=0.4",
    "a" * 600,
    MARKUP,
]
COOKIE_NAMES = ["sessionid", "csrftoken", "phakhi_language", "messages"]
COOKIE_VALUES = [
    "abcdefghij\x00klmno",
    "\x00",
    "th",
    "en",
    "xx",
    "a" * 5000,
    MARKUP,
    "..%2f..%2f",
    "0" * 32,
    "Z" * 40,
    "ab:cd:ef",
    "e30:1fz:bad",
]


@dataclass(frozen=True)
class Slot:
    """A variable part of a path: a converter's or a regular-expression group's."""

    name: str
    regex: str


@dataclass(frozen=True)
class Template:
    parts: tuple  # str literals and Slot instances
    label: str = field(compare=False, default="")


_GROUP = re.compile(r"\((?:\?P<(?P<name>\w+)>)?(?P<body>[^()]*)\)")
_CONVERTER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


def _regex_parts(pattern: str) -> list:
    pattern = pattern.removeprefix("^").removesuffix("$").removesuffix(r"\Z")
    parts, last = [], 0
    for number, match in enumerate(_GROUP.finditer(pattern)):
        parts.append(pattern[last : match.start()].replace("\\", ""))
        parts.append(Slot(match.group("name") or f"group{number}", match.group("body")))
        last = match.end()
    parts.append(pattern[last:].replace("\\", ""))
    return [part for part in parts if part != ""]


def _pattern_parts(pattern) -> list:
    if isinstance(pattern, LocalePrefixPattern):
        return [Slot("language_prefix", "th|en"), "/"]
    if isinstance(pattern, RegexPattern):
        return _regex_parts(pattern._regex)
    if isinstance(pattern, RoutePattern):
        route, parts, last = str(pattern._route), [], 0
        for match in _CONVERTER.finditer(route):
            parts.append(route[last : match.start()])
            converter = pattern.converters[match.group("name")]
            parts.append(Slot(match.group("name"), converter.regex))
            last = match.end()
        parts.append(route[last:])
        return [part for part in parts if part != ""]
    return [str(pattern)]


def url_templates(resolver=None) -> list[Template]:
    """Every URL pattern of the project, as a path template (admin and media included)."""

    def walk(patterns, prefix):
        for entry in patterns:
            parts = prefix + _pattern_parts(entry.pattern)
            if isinstance(entry, URLResolver):
                yield from walk(entry.url_patterns, parts)
            elif isinstance(entry, URLPattern):
                label = "".join(p if isinstance(p, str) else f"<{p.name}>" for p in parts)
                yield Template(tuple(parts), label=label)

    return list(walk((resolver or get_resolver()).url_patterns, []))


def known_values() -> dict[str, list[str]]:
    """Values that exist, by slot name, so fuzzed requests also reach the views' insides."""
    from django.contrib import admin
    from django.contrib.contenttypes.models import ContentType

    from portal.sitemaps import all_sitemaps

    slugs, ids = [], []
    for model in admin.site._registry:
        names = {f.name for f in model._meta.get_fields()}
        if "slug" in names:
            slugs += [str(s) for s in model._base_manager.values_list("slug", flat=True)[:20]]
        ids += [str(pk) for pk in model._base_manager.values_list("pk", flat=True)[:3]]
    registered = [model._meta for model in admin.site._registry]
    return {
        "slug": sorted(set(slugs)) or ["no-such-slug"],
        "year": ["2018", "2022", "2565", "1900", "9999"],
        "object_id": sorted(set(ids)) or ["1"],
        "content_type_id": [str(pk) for pk in ContentType.objects.values_list("pk", flat=True)],
        "app_label": sorted({opts.app_label for opts in registered}),
        "model_name": sorted({opts.model_name for opts in registered}),
        "section": sorted(all_sitemaps()),
        "fmt": ["csv", "xlsx", "json"],
        "language_prefix": ["th", "en"],
    }


def _alternatives(regex: str) -> list[str]:
    """The words of a group made only of alternatives (`auth|portal|events`)."""
    words = regex.split("|")
    return words if all(re.fullmatch(r"[\w-]+", w) for w in words) else []


def encode(text: str) -> str:
    """Text as it travels in a path or query: percent-encoded UTF-8 (lone surrogates too)."""
    return quote(text.encode("utf-8", "surrogatepass"), safe="")


@dataclass
class FuzzRequest:
    method: str
    path: str  # percent-encoded
    query: str
    host: str | None
    cookies: dict[str, str]
    accept_language: str | None
    body: str


def random_request(templates, known, rng: random.Random) -> FuzzRequest:
    """One hostile request for `manage.py fuzz` (the test draws its own with Hypothesis)."""
    # Half to the admin's many patterns, half to the rest, so public pages are not drowned.
    admin = [t for t in templates if t.label.startswith("admin/")]
    public = [t for t in templates if not t.label.startswith("admin/")]
    template = rng.choice(admin if rng.random() < 0.5 and admin else public or admin)
    path = ""
    for part in template.parts:
        if isinstance(part, str):
            path += part
            continue
        good = known.get(part.name) or _alternatives(part.regex) or ["1"]
        value = rng.choice(good) if rng.random() < 0.75 else rng.choice(HOSTILE_TEXT)
        path += encode(value)
    if rng.random() < 0.05:
        path += rng.choice(["%00", "%ff", "//", "/..%2f", encode(MARKUP), "/"])
    pairs = [
        f"{encode(rng.choice(PARAM_NAMES))}={encode(rng.choice(HOSTILE_TEXT))}"
        for _ in range(rng.choice([0, 1, 1, 2, 3]))
    ]
    if rng.random() < 0.15:
        pairs.append(rng.choice(RAW_QUERIES))
    cookies = {name: rng.choice(COOKIE_VALUES) for name in COOKIE_NAMES if rng.random() < 0.25}
    return FuzzRequest(
        method=rng.choice(METHODS),
        path="/" + path,
        query="&".join(pairs),
        host=rng.choice(HOSTILE_HOSTS) if rng.random() < 0.1 else None,
        cookies=cookies,
        accept_language=rng.choice(ACCEPT_LANGUAGES) if rng.random() < 0.5 else None,
        body="&".join(pairs) if rng.random() < 0.5 else "",
    )


def reflects_markup(content_type: str, body: bytes) -> bool:
    """Whether a page (HTML or XML) carries the hostile marker unescaped."""
    kind = content_type.split(";")[0].strip().lower()
    if not (kind.endswith("html") or kind.endswith("xml")):
        return False
    return MARKER.encode() in body


def raw_request(request: FuzzRequest, default_host: str) -> bytes:
    """The request as bytes on the wire: header values in UTF-8, cookies quoted as
    browsers and `http.cookies` quote them (a NUL becomes `"…\\000…"`)."""
    from http.cookies import SimpleCookie

    target = request.path + (f"?{request.query}" if request.query else "")
    lines = [
        f"{request.method} {target} HTTP/1.1",
        f"Host: {default_host if request.host is None else request.host}",
        "Connection: close",
        "User-Agent: phakhi-fuzz",
    ]
    if request.cookies:
        jar = SimpleCookie()
        for name, value in request.cookies.items():
            jar[name] = value
        lines.append("Cookie: " + jar.output(header="", sep=";").strip())
    if request.accept_language is not None:
        lines.append(f"Accept-Language: {request.accept_language}")
    body = request.body.encode("utf-8", "surrogatepass")
    if request.method in {"POST", "PUT", "PATCH"}:
        lines.append("Content-Type: application/x-www-form-urlencoded")
        lines.append(f"Content-Length: {len(body)}")
    else:
        body = b""
    head = "\r\n".join(lines) + "\r\n\r\n"
    return head.encode("utf-8", "surrogatepass") + body


def read_response(data: bytes) -> tuple[int, str, bytes]:
    """Status, content type and body of a raw HTTP/1.1 response read to its end."""
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    content_type = next(
        (
            line.split(":", 1)[1].strip()
            for line in lines[1:]
            if line.lower().startswith("content-type:")
        ),
        "",
    )
    return status, content_type, body


def status_table(counts: dict) -> str:
    """Counts by status, one line each, and the total."""
    total = sum(counts.values())
    rows = [f"  {status!s:>6}  {count:>7}" for status, count in sorted(counts.items(), key=str)]
    return "\n".join(["  status    count", *rows, f"  {'total':>6}  {total:>7}"])
