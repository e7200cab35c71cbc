"""The open datasets of this app: events with their participant figures, the figures by
category (participant groups) and by country.

Attendance rows (`Participation`) are private: the datasets hold only figures the database
counts from them (how many attended from each country), never a name, an organisation of a
participant or a row. A country with fewer than `PHAKHI_MIN_PUBLISHED_COUNT` people at an
event (5 by default) is left out of the counts, so that no figure points to a person: the
database drops those groups itself (HAVING), so a small count never leaves it. No person,
contact, staff note or draft appears.
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import Count
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from events import selectors
from events.forms import When
from events.models import (
    Event,
    EventKind,
    ParticipantGroup,
    Participation,
    Role,
    TotalQualifier,
)
from portal.opendata import (
    SLUG_COLUMN,
    Column,
    Dataset,
    ForeignKey,
    batched,
    path_for,
    public_slug,
    public_values,
)


def _codes(value) -> str:
    if not value:
        return ""
    if isinstance(value, str):
        return " ".join(code for code in value.split(",") if code)
    return " ".join(str(getattr(code, "code", code)) for code in value)


def event_queryset(filters: dict):
    """The published events the events list's filters select: past and upcoming, unless
    `when` narrows them (`?when=upcoming`, `?when=past`)."""
    events = selectors.filter_events(Event.objects.published(), filters)
    today = timezone.localdate()
    if filters.get("when") == When.UPCOMING:
        events = events.filter(end_date__gte=today)
    elif filters.get("when") == When.PAST:
        events = events.filter(end_date__lt=today)
    return events


# --- events -----------------------------------------------------------------------------

# The smallest count of people published, read when a description is shown.
MIN_COUNT = lazy(lambda: str(settings.PHAKHI_MIN_PUBLISHED_COUNT), str)()

EVENT_COLUMNS = (
    SLUG_COLUMN,
    Column("title_th", "string", _("Title in Thai.")),
    Column("title_en", "string", _("Title in English.")),
    Column(
        "kind",
        "string",
        _("Kind: forum, seminar, conference, workshop, training, meeting or other."),
        enum=tuple(EventKind.values),
    ),
    Column("start_date", "date", _("First day (YYYY-MM-DD).")),
    Column("end_date", "date", _("Last day (YYYY-MM-DD).")),
    Column("programme", "string", _("Slug of the programme the event belongs to.")),
    Column("network", "string", _("Slug of the network the event belongs to.")),
    Column("organisers", "string", _("Slugs of the organising organisations, by spaces.")),
    Column("venue_th", "string", _("Venue in Thai.")),
    Column("venue_en", "string", _("Venue in English.")),
    Column("city_th", "string", _("City in Thai.")),
    Column("city_en", "string", _("City in English.")),
    Column("country", "string", _("Country of the venue, ISO 3166-1 alpha-2.")),
    Column("declared_participants", "integer", _("Participant total the organisers reported.")),
    Column(
        "declared_participants_qualifier",
        "string",
        _("How the source words that total: empty (exactly), more_than, about or at_least."),
        enum=tuple(v for v in TotalQualifier.values if v),
    ),
    Column(
        "participants_by_category",
        "string",
        _("Participants by category: “category: count”, by semicolons (in Thai, else English)."),
    ),  # fmt: skip
    Column("participant_groups_total", "integer", _("Sum of the participant groups' counts.")),
    Column("organisations_represented", "integer", _("Number of organisations represented.")),
    Column("countries_represented", "string", _("Countries represented, ISO codes by spaces.")),
    Column(
        "attendance_by_country",
        "string",
        format_lazy(
            _(
                "People recorded as attending, by country: “TH: 120; LA: 12” (counts only; a "
                "country with fewer than {} people at the event is left out)."
            ),
            MIN_COUNT,
        ),
    ),  # fmt: skip
    Column("url", "string", _("Page of the event on this portal (path).")),
)


def _organisers(ids: list[int]) -> dict[int, str]:
    from events.models import EventOrganiser

    found: dict[int, list[str]] = defaultdict(list)
    rows = (
        EventOrganiser.objects.filter(event_id__in=ids)
        .filter(Event.objects.published_q("organisation__"))
        .order_by("event_id", "order", "pk")
        .values_list("event_id", "organisation__slug")
    )
    for event_id, slug in rows:
        if slug not in found[event_id]:
            found[event_id].append(slug)
    return {key: " ".join(value) for key, value in found.items()}


def _groups(ids: list[int]) -> tuple[dict[int, str], dict[int, int]]:
    text: dict[int, list[str]] = defaultdict(list)
    totals: dict[int, int] = defaultdict(int)
    rows = (
        ParticipantGroup.objects.filter(event_id__in=ids)
        .order_by("event_id", "order", "pk")
        .values_list("event_id", "label_th", "label_en", "count")
    )
    for event_id, label_th, label_en, count in rows:
        label = (label_th or label_en or "").replace(";", ",")
        text[event_id].append(f"{label}: {'' if count is None else count}".strip())
        totals[event_id] += count or 0
    return {k: "; ".join(v) for k, v in text.items()}, dict(totals)


def _attendance_by_country(events):
    """People recorded as attending each of `events` from each country, counted by the
    database, groups of fewer than `PHAKHI_MIN_PUBLISHED_COUNT` people left out there."""
    return (
        Participation.objects.filter(event__in=events, attended=True)
        .exclude(country="")
        .order_by()
        .values("event_id", "country")
        .annotate(n=Count("pk"))
        .filter(n__gte=settings.PHAKHI_MIN_PUBLISHED_COUNT)
    )


def _by_country(ids: list[int]) -> dict[int, str]:
    """Attended rows counted by country in the database; only the counts leave it."""
    found: dict[int, list[str]] = defaultdict(list)
    rows = _attendance_by_country(ids).order_by("event_id", "-n", "country")
    for row in rows:
        found[row["event_id"]].append(f"{row['country']}: {row['n']}")
    return {key: "; ".join(value) for key, value in found.items()}


def event_rows(queryset):
    fields = [
        "pk",
        "slug",
        "title_th",
        "title_en",
        "kind",
        "start_date",
        "end_date",
        "venue_name_th",
        "venue_name_en",
        "venue_city_th",
        "venue_city_en",
        "venue_country",
        "declared_participants",
        "participants_qualifier",
        "organisations_represented",
        "countries_represented",
        *public_values("programme"),
        *public_values("network"),
    ]
    values = queryset.order_by("start_date", "pk").values(*fields)
    now, path = timezone.now(), path_for("events:detail")
    for batch in batched(values.iterator(chunk_size=1000)):
        ids = [row["pk"] for row in batch]
        organisers, (groups, totals), countries = _organisers(ids), _groups(ids), _by_country(ids)
        for row in batch:
            pk = row["pk"]
            yield {
                "slug": row["slug"],
                "title_th": row["title_th"],
                "title_en": row["title_en"],
                "kind": row["kind"],
                "start_date": row["start_date"],
                "end_date": row["end_date"],
                "programme": public_slug(row, "programme", now),
                "network": public_slug(row, "network", now),
                "organisers": organisers.get(pk, ""),
                "venue_th": row["venue_name_th"],
                "venue_en": row["venue_name_en"],
                "city_th": row["venue_city_th"],
                "city_en": row["venue_city_en"],
                "country": str(row["venue_country"] or ""),
                "declared_participants": row["declared_participants"],
                "declared_participants_qualifier": row["participants_qualifier"] or "",
                "participants_by_category": groups.get(pk, ""),
                "participant_groups_total": totals.get(pk) if pk in groups else None,
                "organisations_represented": row["organisations_represented"],
                "countries_represented": _codes(row["countries_represented"]),
                "attendance_by_country": countries.get(pk, ""),
                "url": path(row["slug"]),
            }


# --- participant groups -----------------------------------------------------------------

GROUP_COLUMNS = (
    Column("event", "string", _("Slug of the event."), required=True),
    Column("category_th", "string", _("Category of participants in Thai.")),
    Column("category_en", "string", _("Category of participants in English.")),
    Column("count", "integer", _("How many came in this category.")),
    Column(
        "units",
        "integer",
        _("Number of units (77 provinces …), where the figure is units × per unit."),
    ),  # fmt: skip
    Column("unit_th", "string", _("What a unit is, in Thai.")),
    Column("unit_en", "string", _("What a unit is, in English.")),
    Column("per_unit", "integer", _("People per unit.")),
    Column("order", "integer", _("Position in the event's breakdown.")),
)


def group_queryset(filters: dict):
    events = event_queryset(filters).order_by().values("pk")
    return ParticipantGroup.objects.filter(event__in=events).order_by("event_id", "order", "pk")


def group_rows(queryset):
    values = queryset.values(
        "event__slug",
        "label_th",
        "label_en",
        "count",
        "units",
        "unit_label_th",
        "unit_label_en",
        "per_unit",
        "order",
    )
    for row in values.iterator(chunk_size=2000):
        yield {
            "event": row["event__slug"],
            "category_th": row["label_th"],
            "category_en": row["label_en"],
            "count": row["count"],
            "units": row["units"],
            "unit_th": row["unit_label_th"],
            "unit_en": row["unit_label_en"],
            "per_unit": row["per_unit"],
            "order": row["order"],
        }


# --- attendance by country --------------------------------------------------------------

COUNTRY_COLUMNS = (
    Column("event", "string", _("Slug of the event."), required=True),
    Column("country", "string", _("Country, ISO 3166-1 alpha-2."), required=True),
    Column(
        "count",
        "integer",
        format_lazy(
            _(
                "People recorded as attending from that country; never fewer than {} (a "
                "smaller group is left out, so that no count points to a person)."
            ),
            MIN_COUNT,
        ),
    ),
)


def country_queryset(filters: dict):
    events = event_queryset(filters).order_by().values("pk")
    return (
        _attendance_by_country(events)
        .values("event_id", "event__slug", "country", "n")
        .order_by("event_id", "country")
    )


def country_rows(queryset):
    for row in queryset.iterator(chunk_size=2000):
        yield {
            "event": row["event__slug"],
            "country": str(row["country"]),
            "count": row["n"],
        }


def people_in_public_roles():
    """Ids of people with a public role (speaker, chair, rapporteur …) at a published event;
    attendance never makes anyone public."""
    published = Event.objects.published().values("pk")
    return Role.objects.filter(event__in=published).order_by().values("person_id")


def event_reporters():
    """Ids of the people named as the reporter of a published event."""
    return Event.objects.published().filter(reporter__isnull=False).order_by().values("reporter_id")


def datasets() -> list[Dataset]:
    from events.views import EventListView

    return [
        Dataset(
            key="events",
            title=_("Events"),
            description=_(
                "Every published event: title in Thai and English, kind, dates, programme, "
                "network, organisers, venue, the declared participant total, participants by "
                "category, countries represented and attendance by country."
            ),
            columns=EVENT_COLUMNS,
            queryset=event_queryset,
            rows=event_rows,
            list_url_name="events:list",
            export_url_name="events:export",
            list_view=EventListView,
            primary_key=("slug",),
            foreign_keys=(
                ForeignKey("programme", "programmes"),
                ForeignKey("network", "networks"),
            ),
            order=20,
        ),
        Dataset(
            key="event-participant-groups",
            title=_("Event participants by category"),
            description=_(
                "How many people came to each event in each category, as the organisers "
                "reported it (77 provinces × 4 where the figure explains itself)."
            ),
            columns=GROUP_COLUMNS,
            queryset=group_queryset,
            rows=group_rows,
            list_url_name="events:list",
            export_url_name="events:group_export",
            list_view=EventListView,
            foreign_keys=(ForeignKey("event", "events"),),
            order=21,
        ),
        Dataset(
            key="event-attendance-by-country",
            title=_("Event attendance by country"),
            description=format_lazy(
                _(
                    "How many people the attendance records show at each event from each "
                    "country: counts only, never the records, and no country with fewer than "
                    "{} people at the event."
                ),
                MIN_COUNT,
            ),
            columns=COUNTRY_COLUMNS,
            queryset=country_queryset,
            rows=country_rows,
            list_url_name="events:list",
            export_url_name="events:country_export",
            list_view=EventListView,
            primary_key=("event", "country"),
            foreign_keys=(ForeignKey("event", "events"),),
            order=22,
        ),
    ]
