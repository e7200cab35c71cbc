"""iCalendar (RFC 5545) for one event and for all published events.

Events are all-day unless they have a time of their own, and may span several days:
DTSTART is the first day and
DTEND the day after the last (DTEND is exclusive for dates). The UID is the event's slug
under the configured domain (`event-<slug>@<domain>`, `portal.feeds.record_uid`): never a
database id, so it is the same on every server and after a restore, and calendars that
subscribed keep one entry per event when its title or dates change. Every text is
escaped by the icalendar library (commas, semicolons, backslashes, newlines) and lines
are folded. Text is in the language of the URL (/th/ or /en/).
"""

import datetime

import icalendar
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from portal.countries import country_name
from portal.feeds import record_uid, xml_text
from portal.i18n import translated

PRODID = "-//Phakhi//Events//TH-EN"
# The all-events calendar holds what a subscriber needs: what is coming and the last year.
WINDOW_DAYS = 365
# Years a calendar may be asked for (Common Era); anything else is not a calendar.
FIRST_YEAR, LAST_YEAR = 1900, 2200
# No calendar grows without bound: a subscriber re-reads it every few hours (about 1 KB
# an event).
MAX_EVENTS = 200
FIELDS = (
    "pk",
    "slug",
    "start_date",
    "end_date",
    "start_time",
    "end_time",
    "updated_at",
    "venue_country",
    *(
        f"{name}_{lang}"
        for name in ("title", "summary", "venue_name", "venue_address", "venue_city")
        for lang in ("th", "en")
    ),
)


def in_window(events, today: datetime.date | None = None):
    """Events not yet over, and those that ended within the last `WINDOW_DAYS` days."""
    today = today or timezone.localdate()
    return events.filter(end_date__gte=today - datetime.timedelta(days=WINDOW_DAYS))


def calendar_rows(events):
    """The calendar's events, latest first when there are more than `MAX_EVENTS`, read with
    only the columns a VEVENT needs; in date order."""
    rows = list(events.only(*FIELDS).order_by("-start_date", "-pk")[:MAX_EVENTS])
    return sorted(rows, key=lambda e: (e.start_date, e.pk))


def event_uid(event) -> str:
    return record_uid("event", event.slug)


def _location(event, lang: str) -> str:
    parts = [
        str(translated(event, name, lang)) for name in ("venue_name", "venue_address", "venue_city")
    ]
    if event.venue_country:
        parts.append(country_name(event.venue_country))
    seen, unique = set(), []
    for part in parts:
        if part and part not in seen:
            seen.add(part)
            unique.append(part)
    return ", ".join(unique)


def ical_event(event, *, lang: str, url: str) -> icalendar.Event:
    vevent = icalendar.Event()
    vevent.add("uid", event_uid(event))
    stamp = event.updated_at or timezone.now()
    vevent.add("dtstamp", stamp.astimezone(datetime.UTC))
    vevent.add("last-modified", stamp.astimezone(datetime.UTC))
    if event.start_time:
        # A time of day of its own: local times in the site's zone (Asia/Bangkok).
        zone = timezone.get_current_timezone()
        start = datetime.datetime.combine(event.start_date, event.start_time, tzinfo=zone)
        end_time = event.end_time or event.start_time
        end = datetime.datetime.combine(event.end_date, end_time, tzinfo=zone)
        vevent.add("dtstart", start)
        vevent.add("dtend", max(end, start))
    else:
        vevent.add("dtstart", event.start_date)
        vevent.add("dtend", event.end_date + datetime.timedelta(days=1))
    # Control characters have no place in iCalendar TEXT (RFC 5545 3.3.11): dropped.
    vevent.add("summary", xml_text(str(translated(event, "title", lang))) or event.slug)
    description = xml_text(str(translated(event, "summary", lang)))
    if description:
        vevent.add("description", f"{description}\n\n{url}")
    else:
        vevent.add("description", url)
    location = xml_text(_location(event, lang))
    if location:
        vevent.add("location", location)
    vevent.add("url", url)
    vevent.add("transp", "TRANSPARENT")
    vevent.add("status", "CONFIRMED")
    return vevent


def calendar_for(events, *, lang: str, build_url, name: str | None = None) -> bytes:
    """An iCalendar document with one VEVENT per event. `build_url(event)` gives its page URL."""
    with translation.override(lang):
        calendar = icalendar.Calendar()
        calendar.add("prodid", PRODID)
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("method", "PUBLISH")
        calendar.add("x-wr-calname", xml_text(name or _("Phakhi events")))
        for event in events:
            calendar.add_component(ical_event(event, lang=lang, url=build_url(event)))
        return calendar.to_ical()
