"""What site search looks through in this app (registered in `apps.py`)."""

from django.utils.translation import gettext_lazy as _

from events.models import Event
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

SOURCES = (EVENTS,)
