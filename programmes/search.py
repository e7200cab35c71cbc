"""What site search looks through in this app (registered in `apps.py`).

A programme is also found by its impact statements and by the names of the
people in its team (a public role: name and role only, never contact details).
"""

from django.utils.translation import gettext_lazy as _

from networks.search import person_with_role
from portal.search import Related, Source
from programmes.models import GoodPractice, ImpactStatement, Programme, TeamMember, TeamRole

IMPACTS = Related(
    key="impacts",
    model=ImpactStatement,
    link="programme",
    fields=("text",),
    label=_("Social impact"),
)

TEAM = Related(
    key="team",
    model=TeamMember,
    link="programme",
    fields=("person__given_name", "person__family_name"),
    label=_("Programme team"),
    extra=("role", "person__honorific_th", "person__honorific_en"),
    describe=person_with_role(dict(TeamRole.choices)),
)

PROGRAMMES = Source(
    key="programmes",
    model=Programme,
    label=_("Programmes"),
    type_label=_("Programme"),
    title="title",
    title_fields=("title", "acronym"),
    other_fields=("summary", "objectives", "body"),
    snippet="summary",
    newest=("start_date",),
    date_kind="years",
    date_fields=("start_date", "end_date"),
    order=10,
    related=(IMPACTS, TEAM),
)

GOOD_PRACTICES = Source(
    key="good_practices",
    model=GoodPractice,
    label=_("Good practices"),
    type_label=_("Good practice"),
    title="title",
    title_fields=("title",),
    other_fields=("summary", "body"),
    snippet="summary",
    newest=("published_at",),
    order=50,
)

SOURCES = (PROGRAMMES, GOOD_PRACTICES)
