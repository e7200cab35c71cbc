"""Template tags of the event pages: country names and the event's JSON-LD."""

from django import template

from events.models import OrganiserRole
from portal import countries, jsonld

register = template.Library()


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
