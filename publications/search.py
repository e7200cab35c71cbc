"""What site search looks through in this app (registered in `apps.py`)."""

from django.utils.translation import gettext_lazy as _

from portal.search import Source
from publications.models import Publication

PUBLICATIONS = Source(
    key="publications",
    model=Publication,
    label=_("Publications"),
    type_label=_("Publication"),
    title="title",
    title_fields=("title",),
    other_fields=("authors", "abstract"),
    snippet="abstract",
    newest=("year", "published_at"),
    date_kind="years",
    date_fields=("year",),
    order=60,
)

SOURCES = (PUBLICATIONS,)
