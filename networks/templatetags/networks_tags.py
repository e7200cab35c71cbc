from django import template

from portal import jsonld
from portal.countries import country_name

register = template.Library()


@register.simple_tag
def country_label(code) -> str:
    """A country's name in the page's language."""
    return country_name(code)


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
