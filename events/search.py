"""What site search looks through in this app (registered in `apps.py`).

An event is also found by its sessions' topics and by the names of the people
in public roles at it (name and role only, never contact details).
"""

from django.utils.translation import gettext_lazy as _

from events.models import Event, EventSeries, Role, RoleKind, Session
from networks.search import person_with_role
from portal.search import Related, Source

SESSIONS = Related(
    key="sessions",
    model=Session,
    link="event",
    fields=("title",),
    label=_("Session topic"),
)

ROLES = Related(
    key="roles",
    model=Role,
    link="event",
    fields=("person__given_name", "person__family_name"),
    label=_("Speakers and roles"),
    extra=("role", "person__honorific_th", "person__honorific_en"),
    describe=person_with_role(dict(RoleKind.choices)),
)

EVENTS = Source(
    key="events",
    model=Event,
    label=_("Events"),
    type_label=_("Event"),
    title="title",
    title_fields=("title",),
    other_fields=("summary", "venue_city", "objectives", "body"),
    snippet="summary",
    newest=("start_date",),
    date_kind="days",
    date_fields=("start_date", "end_date"),
    order=20,
    related=(SESSIONS, ROLES),
)

SERIES = Source(
    key="event-series",
    model=EventSeries,
    label=_("Event series"),
    type_label=_("Event series"),
    title="title",
    title_fields=("title",),
    other_fields=("summary",),
    snippet="summary",
    newest=("created_at",),
    order=21,
)

SOURCES = (EVENTS, SERIES)
