"""Where the visitor is: the main menu with its current section, and breadcrumbs.

    {% load wayfinding %}{% main_nav %}
    {% breadcrumbs "events" event.programme event|tr:"title" %}

The sections are the site's list pages, in menu order; a page belongs to the
section of its URL name (`programmes:goodpractice_detail` → good practices).
"""

from django import template
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.i18n import Text, translated

register = template.Library()

# key, URL name of the list page, label, URL-name prefixes of the pages in the section
SECTIONS = (
    ("programmes", "programmes:list", _("Programmes"), ("programmes:",)),
    ("events", "events:list", _("Events"), ("events:",)),
    ("organisations", "networks:organisation_list", _("Organisations"), ("networks:organisation",)),
    ("networks", "networks:network_list", _("Networks"), ("networks:network",)),
    (
        "good_practices",
        "programmes:goodpractice_list",
        _("Good practices"),
        ("programmes:goodpractice",),
    ),
    ("publications", "publications:list", _("Publications"), ("publications:",)),
)


# Pages outside the menu that breadcrumbs still name: key → URL name, label
PLACES = {"years": ("years", _("Outputs by year"))}


def current_section(request) -> str:
    """The key of the section the page belongs to ("" for the home page, search, years…)."""
    match = getattr(request, "resolver_match", None)
    view_name = match.view_name if match else ""
    best, best_length = "", 0
    for key, _url_name, _label, prefixes in SECTIONS:
        for prefix in prefixes:
            if view_name.startswith(prefix) and len(prefix) > best_length:
                best, best_length = key, len(prefix)
    return best


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_nav(context):
    request = context.get("request")
    section = current_section(request) if request else ""
    path = request.path if request else ""
    items = []
    for key, url_name, label, _prefixes in SECTIONS:
        url = reverse(url_name)
        # "page" on the section's own list, "true" on a page inside the section.
        current = ("page" if path == url else "true") if key == section else ""
        items.append({"url": url, "label": label, "current": current})
    return {"items": items}


def _label(item) -> Text:
    if isinstance(item, Text):
        return item
    if isinstance(item, str | int):
        return Text(str(item))
    for field in ("title", "name"):
        if hasattr(item, f"{field}_th"):
            return translated(item, field)
    return Text(str(item))


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, section: str, *trail):
    """Home › the section's list › each record of `trail` (linked) › the page itself.

    `section` is a key of `SECTIONS` or `PLACES` ("" for none); the last
    item of `trail` is the current page (a record or a `Text`), not linked. Records
    that are not public or missing (None) are left out of the trail.
    """
    crumbs = [{"label": _("Home"), "url": reverse("home")}]
    if section in PLACES:
        url_name, label = PLACES[section]
        crumbs.append({"label": label, "url": reverse(url_name)})
    else:
        for key, url_name, label, _prefixes in SECTIONS:
            if key == section:
                crumbs.append({"label": label, "url": reverse(url_name)})
    *parents, current = trail
    for parent in parents:
        if parent is None or getattr(parent, "is_public", True) is False:
            continue
        crumbs.append({"label": _label(parent), "url": parent.get_absolute_url()})
    current = _label(current)
    request = context.get("request")
    json_ld = ""
    if request is not None:
        from portal import jsonld

        items = [*crumbs, {"label": current, "url": request.path}]
        json_ld = jsonld.script(
            {
                "@type": "BreadcrumbList",
                "itemListElement": [
                    {
                        "@type": "ListItem",
                        "position": position,
                        "name": str(item["label"]),
                        # A Thing (schema.org's range of `item`): the page itself.
                        "item": {
                            "@type": "WebPage",
                            "@id": jsonld.absolute(request, item["url"]),
                            "name": str(item["label"]),
                        },
                    }
                    for position, item in enumerate(items, start=1)
                ],
            }
        )
    return {"crumbs": crumbs, "current": current, "json_ld": json_ld}


@register.filter
def parents(organisation, depth: int = 3) -> list:
    """The organisation's parents, nearest first ("Faculty of …" → "Khon Kaen University"),
    as far as the page loaded them with `select_related("…__parent__parent")`: never a query.
    """
    chain, seen, node = [], {getattr(organisation, "pk", None)}, organisation
    while node is not None and len(chain) < int(depth):
        field = type(node)._meta.get_field("parent") if hasattr(node, "parent_id") else None
        if field is None or node.parent_id is None or not field.is_cached(node):
            break
        node = node.parent
        if node.pk in seen:
            break
        seen.add(node.pk)
        chain.append(node)
    return chain


@register.simple_tag
def site_contact() -> dict:
    """The publishing organisation and its contact (settings), in the page's language."""
    from django.conf import settings

    from portal.i18n import first_text

    def value(name):
        return first_text(lambda code: getattr(settings, f"{name}_{code.upper()}", ""))

    return {
        "operator": value("PHAKHI_OPERATOR"),
        "address": value("PHAKHI_CONTACT_ADDRESS"),
        "email": settings.PHAKHI_CONTACT_EMAIL,
        "phone": settings.PHAKHI_CONTACT_PHONE,
    }
