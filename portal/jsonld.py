"""Schema.org JSON-LD for the detail pages, so search engines read records as records.

Each app's template tags build a dict for its record (names in the page's language,
absolute URLs, no personal data) and render it with `script()`.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from portal.i18n import translated
from portal.weblinks import web_url

CONTEXT = "https://schema.org"
# As django.utils.html.json_script: nothing in the data can close the <script> element.
_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def text(obj, field: str) -> str:
    """A translated field as plain text (its fallback included): JSON carries no markup."""
    return str(translated(obj, field))


def partial_date(date, precision: str = "day") -> str:
    """ISO 8601 at the precision the source gives: 2010-03-01, 2010-03 or 2010."""
    if date is None:
        return ""
    return {"month": f"{date:%Y-%m}", "year": f"{date:%Y}"}.get(precision, date.isoformat())


def absolute(request, path: str) -> str:
    return request.build_absolute_uri(path) if request is not None else path


def _empty(value) -> bool:
    # A node that says only what it is ({"@type": "Place"}) says nothing.
    return value in (None, "", [], {}) or (isinstance(value, dict) and set(value) <= {"@type"})


def compact(data):
    """The data without empty values or empty nodes (schema.org readers ignore them; pages
    stay small)."""
    if isinstance(data, dict):
        items = ((key, compact(value)) for key, value in data.items())
        return {key: value for key, value in items if not _empty(value)}
    if isinstance(data, list):
        return [value for value in (compact(v) for v in data) if not _empty(value)]
    return data


def people(names: list[str]) -> list[dict]:
    """Authors typed as names: schema.org's `author` takes a Person or an Organization."""
    return [{"@type": "Person", "name": name} for name in names]


def script(data: dict) -> SafeString:
    payload = json.dumps(
        {"@context": CONTEXT, **compact(data)}, cls=DjangoJSONEncoder, ensure_ascii=False
    ).translate(_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))


def organisation(request, org, *, with_parent: bool = True) -> dict:
    """An organisation; inside another record (`with_parent=False`) only its name and URL.

    An unpublished organisation has no page, so it gets no URL.
    """
    url = absolute(request, org.get_absolute_url()) if org.is_public else ""
    if not with_parent:
        return {
            "@type": "Organization",
            "name": text(org, "name"),
            "alternateName": text(org, "acronym"),
            "url": url,
        }
    data = {
        "@type": "Organization",
        "name": text(org, "name"),
        "alternateName": text(org, "acronym"),
        "url": url,
        "sameAs": [web_url(org.website)] if web_url(org.website) else [],
        "description": text(org, "description"),
        "address": {
            "@type": "PostalAddress",
            "addressLocality": text(org, "city"),
            "addressCountry": str(org.country) if org.country else "",
        },
    }
    if with_parent and org.parent_id:
        data["parentOrganization"] = organisation(request, org.parent, with_parent=False)
    return data
