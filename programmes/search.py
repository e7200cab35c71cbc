"""What site search looks through in this app (registered in `apps.py`)."""

from django.utils.translation import gettext_lazy as _

from portal.search import Source
from programmes.models import GoodPractice, Programme

PROGRAMMES = Source(
    key="programmes",
    model=Programme,
    label=_("Programmes"),
    type_label=_("Programme"),
    title="title",
    title_fields=("title", "acronym"),
    other_fields=("summary",),
    snippet="summary",
    newest=("start_date",),
    date_kind="years",
    date_fields=("start_date", "end_date"),
    order=10,
)

GOOD_PRACTICES = Source(
    key="good_practices",
    model=GoodPractice,
    label=_("Good practices"),
    type_label=_("Good practice"),
    title="title",
    title_fields=("title",),
    other_fields=("summary",),
    snippet="summary",
    newest=("published_at",),
    order=50,
)

SOURCES = (PROGRAMMES, GOOD_PRACTICES)
