"""Reads of events for the public pages, the home page and other apps' pages.

Every read starts from `Event.objects.published()` (or `visible_to(user)` for
staff previews) and says which relations it loads, so page query counts stay
constant however many sessions, roles or groups an event has.
"""

from dataclasses import dataclass, field
from itertools import chain

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from events.models import (
    Award,
    Event,
    EventGoodPractice,
    EventOrganiser,
    EventSeries,
    Participation,
    Role,
    RoleKind,
    Session,
    SessionKind,
)
from networks.models import Network
from portal import pagecache
from portal.countries import country_codes
from portal.models import PublishedQuerySet
from programmes.models import Programme
from publications.models import Publication

HOME_LIMIT = 3


def event_rows(queryset: QuerySet | None = None) -> QuerySet:
    """Events as list rows: programme, network and the groups' total loaded in the same query."""
    queryset = Event.objects.published() if queryset is None else queryset
    return queryset.select_related("programme", "network").with_participant_totals()


def event_detail_queryset(user=None) -> QuerySet:
    """Everything the event page shows, in a fixed number of queries."""
    attended = (
        Participation.objects.filter(event=OuterRef("pk"), attended=True)
        .order_by()
        .values("event")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        Event.objects.visible_to(user)
        .select_related("programme", "network", "series", "reporter", "reporter__organisation")
        .annotate(
            attended_count=Coalesce(Subquery(attended, output_field=IntegerField()), 0),
        )
        .prefetch_related(
            Prefetch(
                "event_organisers",
                queryset=EventOrganiser.objects.select_related(
                    "organisation", "organisation__parent", "organisation__parent__parent"
                ),
            ),
            Prefetch("sessions", queryset=Session.objects.all()),
            Prefetch(
                "roles",
                queryset=Role.objects.select_related("person", "person__organisation", "session"),
            ),
            "participant_groups",
            "albums",
            "photos",
            Prefetch("documents", queryset=Publication.objects.published()),
            Prefetch(
                "awards",
                queryset=Award.objects.select_related(
                    "organisation", "person", "person__organisation"
                ),
            ),
            Prefetch(
                "good_practice_links",
                queryset=EventGoodPractice.objects.filter(
                    PublishedQuerySet.published_q("good_practice__")
                ).select_related("good_practice"),
            ),
            "sources",
            # The other batches of the series, for the links between them (none without one).
            Prefetch(
                "series__events",
                queryset=Event.objects.published().order_by("batch_number", "start_date", "pk"),
                to_attr="batches",
            ),
        )
    )


@dataclass
class SessionBlock:
    """A session with the people in each of its roles, in display order."""

    session: Session
    roles_by_kind: list[tuple[str, list[Role]]] = field(default_factory=list)

    @property
    def moderators(self) -> list[Role]:
        return [
            r for kind, roles in self.roles_by_kind if kind == RoleKind.MODERATOR for r in roles
        ]


@dataclass
class EventProgramme:
    """The event's sessions, breakout groups and roles, grouped for the event page."""

    sessions: list[SessionBlock]
    breakouts: list[Session]
    event_roles: list[tuple[str, str, list[Role]]]

    @property
    def is_empty(self) -> bool:
        return not (self.sessions or self.breakouts or self.event_roles)


ROLE_ORDER = [kind.value for kind in RoleKind]


def _group_roles(roles: list[Role]) -> list[tuple[str, list[Role]]]:
    grouped: dict[str, list[Role]] = {}
    for role in sorted(roles, key=lambda r: (ROLE_ORDER.index(r.role), r.order, r.pk)):
        grouped.setdefault(role.role, []).append(role)
    return list(grouped.items())


def event_programme(event: Event) -> EventProgramme:
    """Group a prefetched event's sessions and roles (no queries of its own).

    Breakout groups are listed together; every other session carries its own
    roles (a panel with its panellists and moderator, a lecture with its
    lecturer); roles not tied to a session are grouped by kind. The reporter
    role is left out here: the page shows the reporter with the credits.
    """
    roles = list(event.roles.all())
    by_session: dict[int, list[Role]] = {}
    event_level: list[Role] = []
    for role in roles:
        if role.session_id:
            by_session.setdefault(role.session_id, []).append(role)
        elif role.role != RoleKind.REPORTER:
            event_level.append(role)
    blocks, breakouts = [], []
    for session in event.sessions.all():
        session_roles = by_session.get(session.pk, [])
        if session.kind == SessionKind.BREAKOUT and not session_roles:
            breakouts.append(session)
        else:
            blocks.append(SessionBlock(session, _group_roles(session_roles)))
    labels = dict(RoleKind.choices)
    event_roles = [(kind, labels[kind], rs) for kind, rs in _group_roles(event_level)]
    return EventProgramme(sessions=blocks, breakouts=breakouts, event_roles=event_roles)


def event_reporters(event: Event) -> list[Role]:
    return [role for role in event.roles.all() if role.role == RoleKind.REPORTER]


def series_detail_queryset(user=None) -> QuerySet:
    """A series with its batches (the published ones; staff see drafts too), in two queries."""
    return (
        EventSeries.objects.visible_to(user)
        .select_related("programme")
        .prefetch_related(
            Prefetch(
                "events",
                queryset=Event.objects.visible_to(user).order_by(
                    "batch_number", "start_date", "pk"
                ),
                to_attr="batches",
            )
        )
    )


def awards_for_organisation(organisation) -> QuerySet:
    """Awards an organisation received at published events, most recent first."""
    return (
        Award.objects.filter(organisation=organisation)
        .filter(PublishedQuerySet.published_q("event__"))
        .select_related("event")
        .order_by("-event__start_date", "order", "pk")
    )


def events_for_good_practice(good_practice) -> QuerySet:
    """A good practice's presentations and awards at published events, most recent first."""
    return (
        EventGoodPractice.objects.filter(good_practice=good_practice)
        .filter(PublishedQuerySet.published_q("event__"))
        .select_related("event")
        .order_by("-event__start_date", "order", "pk")
    )


def home_page() -> dict:
    """Upcoming and recent published events for the home page (two queries)."""
    today = timezone.localdate()
    rows = event_rows()
    return {
        "events_upcoming": list(rows.upcoming(today)[:HOME_LIMIT]),
        "events_recent": list(rows.past(today)[:HOME_LIMIT]),
    }


# --- sections of other apps' pages (registered in apps.py) ---------------------------------


# What an event's row on another record's page shows: its title, dates and city.
SECTION_FIELDS = (
    "pk",
    "slug",
    "start_date",
    "end_date",
    "title_th",
    "title_en",
    "venue_city_th",
    "venue_city_en",
)


def _newest_first(queryset: QuerySet) -> QuerySet:
    return queryset.only(*SECTION_FIELDS).order_by("-start_date", "-pk")


def events_for_programme(programme) -> QuerySet:
    """Published events of a programme, most recent first."""
    return _newest_first(Event.objects.published().filter(programme=programme))


def events_for_network(network) -> QuerySet:
    """Published events of a network, most recent first."""
    return _newest_first(Event.objects.published().filter(network=network))


def events_for_organisation(organisation) -> QuerySet:
    """Published events an organisation organised, co-organised, hosted or sponsored."""
    ids = EventOrganiser.objects.filter(organisation=organisation).values("event_id")
    return _newest_first(Event.objects.published().filter(pk__in=ids))


def events_for_publication(publication) -> QuerySet:
    """Published events that list the publication among their documents."""
    return _newest_first(Event.objects.published().filter(documents=publication))


def presented_at_prefetch() -> Prefetch:
    """A publication's published events, as `presented_at` (read by its citations)."""
    return Prefetch(
        "events",
        queryset=Event.objects.published().order_by("-start_date", "pk"),
        to_attr="presented_at",
    )


def events_with_documents_in(publications: QuerySet) -> QuerySet:
    """Published events that list one of these publications among their documents."""
    return Event.objects.published().filter(documents__in=publications).distinct()


def publications_presented_at(queryset: QuerySet, event: Event) -> QuerySet:
    """The publications of `queryset` that a published event (the filter's record) lists
    among its documents."""
    linked = Event.documents.through.objects.filter(event=event).values("publication_id")
    return queryset.filter(pk__in=linked)


def country_codes_of_events() -> set[str]:
    """Countries of published events: venues and countries represented (one query)."""
    codes: set[str] = set()
    rows = Event.objects.published().values_list("venue_country", "countries_represented")
    for venue, represented in rows.order_by():
        codes.update(code for code in [str(venue), *country_codes(represented)] if code)
    return codes


def filter_choices() -> dict:
    """What the list filters offer, computed once per change of the records (pagecache)."""
    return pagecache.cached("events:filter-choices", _filter_choices)


def _filter_choices() -> dict:
    """What the list filters offer: only values that published events actually have."""
    published = Event.objects.published()
    years = sorted({d.year for d in published.dates("start_date", "year")}, reverse=True)
    countries = sorted(
        set(published.exclude(venue_country="").values_list("venue_country", flat=True))
    )
    return {
        "years": years,
        "programmes": list(
            Programme.objects.published().filter(events__in=published).distinct().order_by("pk")
        ),
        "networks": list(
            Network.objects.published().filter(events__in=published).distinct().order_by("pk")
        ),
        "countries": countries,
    }


def filter_events(queryset: QuerySet, filters: dict) -> QuerySet:
    """Apply the cleaned list filters (each optional)."""
    if filters.get("year"):
        year = int(filters["year"])
        queryset = queryset.filter(Q(start_date__year=year) | Q(end_date__year=year))
    if filters.get("kind"):
        queryset = queryset.filter(kind=filters["kind"])
    if filters.get("programme"):
        queryset = queryset.filter(programme__slug=filters["programme"])
    if filters.get("network"):
        queryset = queryset.filter(network__slug=filters["network"])
    if filters.get("organisation"):
        organised = EventOrganiser.objects.filter(organisation=filters["organisation"])
        queryset = queryset.filter(pk__in=organised.values("event_id"))
    if filters.get("publication"):
        queryset = queryset.filter(documents=filters["publication"])
    if filters.get("country"):
        country = filters["country"]
        queryset = queryset.filter(
            Q(venue_country=country) | Q(countries_represented__contains=country)
        )
    return queryset


def organiser_pairs(scope, obj, first_year, last_year):
    """Organisers and awardees of published events (each event a context), for the
    partnership picture."""
    events = Event.objects.published()
    if first_year is not None:
        events = events.filter(start_date__year__gte=first_year)
    if last_year is not None:
        events = events.filter(start_date__year__lte=last_year)
    if scope == "programme":
        events = events.filter(programme=obj)
    elif scope == "network":
        events = events.filter(network=obj)
    ids = events.values("pk")
    organisers = (
        EventOrganiser.objects.filter(event__in=ids)
        .filter(PublishedQuerySet.published_q("organisation__"))
        .values_list("event_id", "organisation_id")
        .order_by()
    )
    awardees = (
        Award.objects.filter(event__in=ids)
        .exclude(organisation=None)
        .filter(PublishedQuerySet.published_q("organisation__"))
        .values_list("event_id", "organisation_id")
        .order_by()
    )
    return chain(organisers, awardees)


def transfer_events_prefetch() -> Prefetch:
    """The published events a good-practice transfer happened through (`transfer.via_events`)."""
    return Prefetch(
        "events",
        queryset=Event.objects.published()
        .only("pk", "slug", "title", "title_th", "title_en", "start_date", "end_date")
        .order_by("start_date", "pk"),
        to_attr="via_events",
    )
