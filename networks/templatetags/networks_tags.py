from django import template
from django.utils.html import format_html

from portal import jsonld
from portal.countries import country_name
from portal.i18n import page_language

register = template.Library()


@register.simple_tag
def country_label(code) -> str:
    """A country's name in the page's language."""
    return country_name(code)


@register.simple_tag
def person_name(person) -> str:
    """A person's name (honorific included); text in the other language is marked with `lang`."""
    name, lang = person.display_name, person.display_name_lang
    if lang != page_language():
        return format_html('<span lang="{}">{}</span>', lang, name)
    return name


@register.simple_tag
def person_position(person) -> str:
    position, lang = person.display_position, person.display_position_lang
    if position and lang != page_language():
        return format_html('<span lang="{}">{}</span>', lang, position)
    return position


@register.simple_tag(takes_context=True)
def organisation_json_ld(context, organisation):
    """Schema.org Organization for an organisation's page."""
    return jsonld.script(jsonld.organisation(context.get("request"), organisation))


@register.simple_tag(takes_context=True)
def network_json_ld(context, network):
    """Schema.org Organization for a network's page, with its coordinator."""
    request = context.get("request")
    data = {
        "@type": "Organization",
        "name": jsonld.text(network, "name"),
        "alternateName": jsonld.text(network, "acronym"),
        "url": jsonld.absolute(request, network.get_absolute_url()),
        "description": jsonld.text(network, "description"),
        "foundingDate": str(network.founded) if network.founded else "",
    }
    if network.coordinator_id:
        data["parentOrganization"] = jsonld.organisation(
            request, network.coordinator, with_parent=False
        )
    return jsonld.script(data)
