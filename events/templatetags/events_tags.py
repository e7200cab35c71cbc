"""Event lists for other apps' pages, without those apps importing `events`.

    {% load events_tags %}
    {% events_for_programme programme %}
    {% events_for_network network %}
    {% events_for_organisation organisation %}

Each tag runs one query (published events only) and renders
`events/includes/_related_events.html`, which prints nothing when there are none.
"""

from django import template

from events import selectors
from events.models import OrganiserRole
from portal import countries, jsonld

register = template.Library()

TEMPLATE = "events/includes/_related_events.html"


@register.inclusion_tag(TEMPLATE)
def events_for_programme(programme, limit: int | None = None) -> dict:
    """The programme's published events, most recent first."""
    return {"events": selectors.events_for_programme(programme, limit)}


@register.inclusion_tag(TEMPLATE)
def events_for_network(network, limit: int | None = None) -> dict:
    """The network's published events, most recent first."""
    return {"events": selectors.events_for_network(network, limit)}


@register.inclusion_tag(TEMPLATE)
def events_for_organisation(organisation, limit: int | None = None) -> dict:
    """Published events the organisation organised, co-organised, hosted or sponsored."""
    return {"events": selectors.events_for_organisation(organisation, limit)}


@register.filter
def country_name(country) -> str:
    """A country (code or Country) named in the page's language."""
    return countries.country_name(country)


@register.simple_tag(takes_context=True)
def event_json_ld(context, event):
    """Schema.org Event for an event's page: dates, venue, organisers (never people)."""
    request = context.get("request")
    organisers = list(event.event_organisers.all())  # prefetched by the page's selector

    def organisations(*roles):
        return [
            jsonld.organisation(request, row.organisation, with_parent=False)
            for row in organisers
            if row.role in roles
        ]

    data = {
        "@type": "Event",
        "name": jsonld.text(event, "title"),
        "url": jsonld.absolute(request, event.get_absolute_url()),
        "description": jsonld.text(event, "summary"),
        "startDate": event.start_date,
        "endDate": event.end_date,
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "eventStatus": "https://schema.org/EventScheduled",
        "location": {
            "@type": "Place",
            "name": jsonld.text(event, "venue_name"),
            "address": {
                "@type": "PostalAddress",
                "streetAddress": jsonld.text(event, "venue_address"),
                "addressLocality": jsonld.text(event, "venue_city"),
                "addressCountry": str(event.venue_country) if event.venue_country else "",
            },
        },
        "organizer": organisations(
            OrganiserRole.ORGANISER, OrganiserRole.CO_ORGANISER, OrganiserRole.HOST
        ),
        "sponsor": organisations(OrganiserRole.SPONSOR),
    }
    return jsonld.script(data)
