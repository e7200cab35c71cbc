"""What site search looks through in this app (registered in `apps.py`)."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from networks.models import Network, Organisation
from portal.search import Source, value_key

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


def person_with_role(role_labels: dict):
    """`describe` of a related person: "Name — role" in one language (no contact details)."""

    def describe(values: dict, lang: str) -> str:
        name = " ".join(
            v
            for name in ("person__given_name", "person__family_name")
            if (v := values.get(value_key(name, lang)))
        )
        if not name:
            return ""
        honorific = values.get(value_key("person__honorific", lang)) or ""
        if honorific:
            name = f"{honorific}{'' if lang == 'th' else ' '}{name}"
        role = role_labels.get(values.get(value_key("role")))
        if not role:
            return name
        with translation.override(lang):  # the role in the passage's language
            return f"{name} — {role}"

    return describe


SOURCES = (ORGANISATIONS, NETWORKS)
