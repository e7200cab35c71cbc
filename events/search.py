"""What site search looks through in this app (registered in `apps.py`)."""

from django.utils.translation import gettext_lazy as _

from events.models import Event, EventSeries
from portal.search import Source

EVENTS = Source(
    key="events",
    model=Event,
    label=_("Events"),
    type_label=_("Event"),
    title="title",
    title_fields=("title",),
    other_fields=("summary", "venue_city"),
    snippet="summary",
    newest=("start_date",),
    date_kind="days",
    date_fields=("start_date", "end_date"),
    order=20,
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
