"""Reads for the public pages: what the directory, detail pages and home page show.

Higher apps add sections to the organisation and network pages through
`portal.registry` (rendered by `{% sections %}`); nothing here imports them.
"""

from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from networks.models import Membership, Network, Organisation, OrganisationKind, Person
from portal import pagecache
from portal.collation import collated
from portal.countries import country_name, sort_key
from portal.models import PublishedQuerySet
from portal.sources import disagreements

# --- organisations directory -------------------------------------------------------------


def organisation_filter_choices() -> dict:
    """What the list filters offer, computed once per change of the records (pagecache)."""
    return pagecache.cached("organisation_filter_choices", _organisation_filter_choices)


def _organisation_filter_choices() -> dict:
    """The choices the directory's filters offer: only values some published record has."""
    published = Organisation.objects.published()
    codes = published.exclude(country="").values_list("country", flat=True).distinct()
    networks = Network.objects.published().order_by(collated("name"), "pk")
    return {
        "kind": list(OrganisationKind.choices),
        "country": sorted({str(code) for code in codes}),
        "network": [(n.slug, str(n)) for n in networks],
    }


def organisation_directory(*, filters: dict | None = None) -> QuerySet:
    """Published organisations matching the filters, in the reader's name order."""
    filters = filters or {}
    queryset = Organisation.objects.published().select_related("parent")
    if filters.get("kind"):
        queryset = queryset.filter(kind=filters["kind"])
    if filters.get("country"):
        queryset = queryset.filter(country=filters["country"])
    if filters.get("parent"):
        queryset = queryset.filter(parent=filters["parent"])
    if filters.get("network"):
        # A current or past member of a published network.
        member_ids = Membership.objects.filter(
            PublishedQuerySet.published_q("network__"), network__slug=filters["network"]
        ).values("organisation_id")
        queryset = queryset.filter(pk__in=member_ids)
    query = (filters.get("q") or "").strip()
    if query:
        # modeltranslation does not fall back in queries: search both language columns.
        queryset = queryset.filter(
            Q(name_th__icontains=query)
            | Q(name_en__icontains=query)
            | Q(acronym_th__icontains=query)
            | Q(acronym_en__icontains=query)
        )
    return queryset.order_by(collated("name"), "pk")


# --- organisation page ---------------------------------------------------------------------


def organisation_detail_queryset(user=None) -> QuerySet:
    """Published organisations (active staff also preview drafts) with their parents."""
    return Organisation.objects.visible_to(user).select_related(
        "parent", "parent__parent", "parent__parent__parent"
    )


# Rows of each list on an organisation's or a network's page; the rest are a "see all" away.
PAGE_ROWS = 20
NETWORK_MEMBERS = 60


def _bounded(queryset, limit: int = PAGE_ROWS) -> tuple[list, bool]:
    """At most `limit` rows, and whether there are more (one query)."""
    rows = list(queryset[: limit + 1])
    return rows[:limit], len(rows) > limit


@dataclass
class OrganisationPage:
    organisation: Organisation
    ancestors: list[Organisation]
    children: list[Organisation]
    memberships: list[Membership]
    coordinated: list[Network]
    people: list[Person]
    more_children: bool = False
    more_memberships: bool = False
    more_coordinated: bool = False
    more_people: bool = False
    extra: dict = field(default_factory=dict)
    sources: list = field(default_factory=list)
    source_disagreements: list = field(default_factory=list)


def organisation_page(organisation: Organisation) -> OrganisationPage:
    """Everything the organisation page shows, in a fixed number of queries."""
    ancestors = [a for a in organisation.ancestors() if a.is_public]
    children, more_children = _bounded(
        organisation.children.published().order_by(collated("name"), "pk")
    )
    memberships, more_memberships = _bounded(
        Membership.objects.filter(
            PublishedQuerySet.published_q("network__"), organisation=organisation
        )
        .select_related("network")
        .order_by(collated("network__name"), "pk")
    )
    coordinated, more_coordinated = _bounded(
        organisation.coordinated_networks.published().order_by(collated("name"), "pk")
    )
    # People appear only with their recorded consent; never their contacts.
    people, more_people = _bounded(
        organisation.people.public().order_by(collated("family_name"), collated("given_name"), "pk")
    )
    return OrganisationPage(
        organisation=organisation,
        ancestors=list(reversed(ancestors)),
        children=children,
        memberships=memberships,
        coordinated=coordinated,
        people=people,
        more_children=more_children,
        more_memberships=more_memberships or more_coordinated,
        more_coordinated=more_coordinated,
        more_people=more_people,
        sources=(sources := list(organisation.sources.all())),
        source_disagreements=disagreements(sources),
    )


# --- networks ------------------------------------------------------------------------------


def network_list(*, filters: dict | None = None) -> QuerySet:
    """Published networks with their coordinator and how many published members they have."""
    filters = filters or {}
    networks = Network.objects.published()
    if filters.get("member"):
        networks = networks.filter(
            Q(memberships__organisation=filters["member"]) | Q(coordinator=filters["member"])
        ).distinct()
    return (
        networks.select_related("coordinator")
        # A subquery, not Count(): a GROUP BY would have to group by the collated name.
        .annotate(
            member_count=Coalesce(
                Subquery(
                    Membership.objects.filter(
                        PublishedQuerySet.published_q("organisation__"), network=OuterRef("pk")
                    )
                    .order_by()
                    .values("network")
                    .annotate(n=Count("organisation", distinct=True))
                    .values("n")
                ),
                0,
            )
        )
        .order_by(collated("name"), "pk")
    )


def network_detail_queryset(user=None) -> QuerySet:
    """Published networks (active staff also preview drafts) with their coordinator."""
    return Network.objects.visible_to(user).select_related("coordinator")


@dataclass
class CountryGroup:
    code: str
    name: str
    memberships: list[Membership]


@dataclass
class NetworkMembers:
    groups: list[CountryGroup]
    count: int  # all published members
    shown: int

    @property
    def has_more(self) -> bool:
        return self.count > self.shown


def network_members_by_country(network: Network, limit: int = NETWORK_MEMBERS) -> NetworkMembers:
    """The network's first published members (names in reading order) grouped by country,
    and how many there are in all (2 queries, whatever the size of the network); the
    directory filtered by the network has the rest."""
    memberships = Membership.objects.filter(
        PublishedQuerySet.published_q("organisation__"), network=network
    )
    shown = list(
        memberships.select_related("organisation").order_by(collated("organisation__name"), "pk")[
            :limit
        ]
    )
    count = memberships.count()
    groups: dict[str, CountryGroup] = {}
    for membership in shown:
        code = str(membership.organisation.country or "")
        if code not in groups:
            groups[code] = CountryGroup(code=code, name=country_name(code), memberships=[])
        groups[code].memberships.append(membership)
    # Countries in reading order; members without a country last.
    ordered = sorted(groups.values(), key=lambda g: (not g.code, sort_key(g.name)))
    return NetworkMembers(groups=ordered, count=count, shown=len(shown))


# --- home page -----------------------------------------------------------------------------


def home_page() -> dict:
    """What the home page shows from this app: two counts and a few networks (3 queries)."""
    networks = list(
        Network.objects.published()
        .select_related("coordinator")
        .order_by(collated("name"), "pk")[:4]
    )
    return {
        "networks_home": {
            "organisation_count": Organisation.objects.published().count(),
            "network_count": Network.objects.published().count(),
            "networks": networks,
        }
    }
