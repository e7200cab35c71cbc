"""What site search looks through in this app (registered in `apps.py`)."""

from django.utils.translation import gettext_lazy as _

from networks.models import Network, Organisation
from portal.search import Source

ORGANISATIONS = Source(
    key="organisations",
    model=Organisation,
    label=_("Organisations"),
    type_label=_("Organisation"),
    title="name",
    title_fields=("name", "acronym"),
    other_fields=("description", "city"),
    snippet="description",
    newest=("published_at",),
    order=30,
)

NETWORKS = Source(
    key="networks",
    model=Network,
    label=_("Networks"),
    type_label=_("Network"),
    title="name",
    title_fields=("name", "acronym"),
    other_fields=("description",),
    snippet="description",
    newest=("founded", "published_at"),
    date_kind="years",
    date_fields=("founded",),
    order=40,
)

SOURCES = (ORGANISATIONS, NETWORKS)
