"""Template tags of the event pages: country names and the event's JSON-LD."""

import datetime

from django import template
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from events.models import OrganiserRole, TotalQualifier
from portal import countries, jsonld

register = template.Library()


def qualified_number(qualifier: str, number: int) -> str:
    """A declared figure as the source words it: “more than 150”, “มากกว่า 150”."""
    if qualifier == TotalQualifier.MORE_THAN:
        return _("more than %(number)s") % {"number": number}
    if qualifier == TotalQualifier.ABOUT:
        return _("about %(number)s") % {"number": number}
    if qualifier == TotalQualifier.AT_LEAST:
        return _("at least %(number)s") % {"number": number}
    return str(number)


@register.filter
def participants_text(event, style: str = "") -> str:
    """The event's participant figure with its qualifier: “more than 150 people”
    (`"row"`: “more than 150 participants”, as the lists word it)."""
    total = event.participant_total
    if total is None:
        return ""
    qualifier = event.participant_total_qualifier
    if style == "row":
        if qualifier == TotalQualifier.MORE_THAN:
            text = ngettext(
                "more than %(count)s participant", "more than %(count)s participants", total
            )
        elif qualifier == TotalQualifier.ABOUT:
            text = ngettext("about %(count)s participant", "about %(count)s participants", total)
        elif qualifier == TotalQualifier.AT_LEAST:
            text = ngettext(
                "at least %(count)s participant", "at least %(count)s participants", total
            )
        else:
            text = ngettext("%(count)s participant", "%(count)s participants", total)
        return text % {"count": total}
    if qualifier == TotalQualifier.MORE_THAN:
        text = ngettext("more than %(count)s person", "more than %(count)s people", total)
    elif qualifier == TotalQualifier.ABOUT:
        text = ngettext("about %(count)s person", "about %(count)s people", total)
    elif qualifier == TotalQualifier.AT_LEAST:
        text = ngettext("at least %(count)s person", "at least %(count)s people", total)
    else:
        text = ngettext("%(count)s person", "%(count)s people", total)
    return text % {"count": total}


@register.filter
def qualified(check) -> str:
    """A ParticipantCheck's declared total with its qualifier."""
    return qualified_number(check.qualifier, check.declared)


@register.filter
def event_time(event) -> str:
    """The event's own start (and end) time, “09:00–16:30” / “เวลา 09.00–16.30 น.”."""
    if not event.start_time:
        return ""
    # Thai writes 09.00 น. (the catalogue adds เวลา … น.); English 09:00.
    pattern = "%H.%M" if (get_language() or "th").startswith("th") else "%H:%M"
    start = event.start_time.strftime(pattern)
    if event.end_time:
        end = event.end_time.strftime(pattern)
        return _("%(start)s–%(end)s") % {"start": start, "end": end}
    return _("from %(start)s") % {"start": start}


@register.filter
def country_name(country) -> str:
    """A country (code or Country) named in the page's language."""
    return countries.country_name(country)


def _moment(day, time):
    """A date, or the date and time in the site's zone when the event has its own time."""
    if time is None:
        return day
    return datetime.datetime.combine(day, time, tzinfo=timezone.get_current_timezone())


@register.simple_tag(takes_context=True)
def event_json_ld(context, event):
    """Schema.org Event for an event's page: dates, venue, organisers, photos (never people).

    The venue is left out when the record has none (no empty Place); the images are the
    event's own photos, never a placeholder.
    """
    request = context.get("request")
    photos = [p for p in event.photos.all() if not p.is_placeholder]  # prefetched
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
        "startDate": _moment(event.start_date, event.start_time),
        "endDate": _moment(event.end_date, event.end_time),
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
        "image": [jsonld.absolute(request, photo.image.url) for photo in photos[:3]],
    }
    return jsonld.script(data)
