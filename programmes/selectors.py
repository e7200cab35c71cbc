"""Reads for the public pages: programme list and year archive, programme page, good practices.

Every read starts from `.published()` and says which relations it loads, so the
pages cost the same number of queries however many records there are.
"""

import datetime
from dataclasses import dataclass, field
from itertools import chain

from django.db.models import CharField, Count, F, Prefetch, Q, QuerySet, Value
from django.db.models.functions import Cast, Coalesce, Concat, NullIf
from django.utils import timezone
from django.utils.translation import gettext

from networks.models import Network
from portal import pagecache, registry
from portal.charts import Flow, flow_chart
from portal.collation import collated
from portal.countries import country_codes, country_name, sort_key
from portal.models import PublishedQuerySet
from portal.sources import disagreements
from portal.thaidates import calendar_year
from programmes.models import (
    GoodPractice,
    GoodPracticeImage,
    PartnerRole,
    Programme,
    ProgrammePartner,
    Stage,
    TeamMember,
    TeamRole,
    Theme,
    Transfer,
    TransferStatus,
)

# Years a page may ask for (Common Era); anything else is not a page.
FIRST_YEAR, LAST_YEAR = 1900, 2200
HOME_LIMIT = 3


def stage_q(stage: str, today: datetime.date | None = None) -> Q:
    """Programmes in a stage: the one staff set, or the one the dates give today."""
    today = today or timezone.localdate()
    derived = Q(stage="")
    if stage == Stage.PLANNED:
        derived &= Q(start_date__gt=today)
    elif stage == Stage.COMPLETED:
        derived &= Q(end_date__lt=today)
    elif stage == Stage.ONGOING:
        derived &= Q(start_date__lte=today) & (Q(end_date__isnull=True) | Q(end_date__gte=today))
    else:
        return Q(pk__in=[])
    return Q(stage=stage) | derived


def years_spanned(rows) -> list[int]:
    """The Common-Era years that (start, end) date pairs cover, most recent first."""
    today = timezone.localdate()
    years: set[int] = set()
    for start, end in rows:
        if start is None:
            continue
        last = end or max(start, today)
        years.update(range(start.year, last.year + 1))
    return sorted(years, reverse=True)


def programme_years() -> list[int]:
    """Years in which some published programme ran, most recent first (one query)."""
    return years_spanned(
        Programme.objects.published()
        .exclude(start_date=None)
        .values_list("start_date", "end_date")
        .order_by()
    )


# --- programme list and year archive -------------------------------------------------------


def programme_filter_choices() -> dict:
    """What the list filters offer, computed once per change of the records (pagecache)."""
    return pagecache.cached("programme_filter_choices", _programme_filter_choices)


def _programme_filter_choices() -> dict:
    """What the programme filters offer: only values some published programme has (2 queries)."""
    rows = list(
        Programme.objects.published().values_list("countries", "start_date", "end_date").order_by()
    )
    codes = {code for countries, _start, _end in rows for code in country_codes(countries)}
    themes = Theme.objects.filter(programmes__in=Programme.objects.published()).distinct()
    return {
        "theme": [(t.slug, str(t)) for t in themes.order_by("order", collated("name"), "pk")],
        "stage": list(Stage.choices),
        "country": sorted(codes),
        # Values are Common-Era years; labels in the reader's calendar.
        "year": [
            (year, calendar_year(year)) for year in years_spanned((s, e) for _c, s, e in rows)
        ],
    }


def programme_rows(queryset: QuerySet | None = None) -> QuerySet:
    """Programmes as list rows, with their themes and implementing organisation."""
    queryset = Programme.objects.published() if queryset is None else queryset
    return (
        queryset.select_related("lead_organisation")
        .prefetch_related("themes")
        .order_by(F("start_date").desc(nulls_last=True), collated("title"), "pk")
    )


def programme_list(*, filters: dict | None = None) -> QuerySet:
    """Published programmes matching the filters, most recent first."""
    filters = filters or {}
    queryset = Programme.objects.published()
    if filters.get("theme"):
        queryset = queryset.filter(themes__slug=filters["theme"])
    if filters.get("stage"):
        queryset = queryset.filter(stage_q(filters["stage"]))
    if filters.get("country"):
        # Codes are two letters joined by commas, so a substring match is exact.
        queryset = queryset.filter(countries__contains=filters["country"])
    if filters.get("year"):
        queryset = queryset.spanning_year(filters["year"])
    if filters.get("organisation"):
        queryset = queryset.filter(_led_or_partnered_by(filters["organisation"]))
    return programme_rows(queryset)


def programmes_in_year(year: int) -> QuerySet:
    return programme_rows(Programme.objects.published().spanning_year(year))


# --- programme page ------------------------------------------------------------------------


def programme_detail_queryset(user=None) -> QuerySet:
    """A programme with everything its page shows, in a fixed number of queries."""
    return (
        Programme.objects.visible_to(user)
        .prefetch_related(
            "themes",
            Prefetch(
                "partners",
                queryset=ProgrammePartner.objects.select_related(
                    "organisation", "organisation__parent", "organisation__parent__parent"
                ),
            ),
            Prefetch(
                "team",
                queryset=TeamMember.objects.select_related("person"),
            ),
            "impacts",
            "links",
            "sources",
            Prefetch("networks", queryset=Network.objects.published().order_by(collated("name"))),
        )
        .select_related("lead_organisation__parent__parent")
    )


@dataclass
class Group:
    """Records sharing a role, under the role's label."""

    role: str
    label: str
    items: list = field(default_factory=list)


def _grouped(records, choices) -> list[Group]:
    groups = {value: Group(role=value, label=str(label)) for value, label in choices}
    for record in records:
        groups[record.role].items.append(record)
    return [group for group in groups.values() if group.items]


@dataclass
class ProgrammePage:
    programme: Programme
    funders: list[ProgrammePartner]
    partner_groups: list[Group]
    team_groups: list[Group]
    countries: list[tuple[str, str]]
    cases: list[GoodPractice] = field(default_factory=list)
    more_cases: bool = False
    source_disagreements: list = field(default_factory=list)


PAGE_CASES = 6


def programme_page(programme: Programme) -> ProgrammePage:
    """The programme's partners and team grouped by role, its countries named, and its first
    good-practice cases (one query; the case library filtered by the programme has them all)."""
    partners = list(programme.partners.all())
    cases = list(
        GoodPractice.objects.published()
        .filter(programme=programme)
        .select_related("local_government")
        .defer("summary", "summary_th", "summary_en", "body", "body_th", "body_en")
        .order_by(collated("title"), "pk")[: PAGE_CASES + 1]
    )
    return ProgrammePage(
        programme=programme,
        funders=[p for p in partners if p.role == PartnerRole.FUNDER],
        partner_groups=_grouped(
            (p for p in partners if p.role != PartnerRole.FUNDER), PartnerRole.choices
        ),
        team_groups=_grouped(programme.team.all(), TeamRole.choices),
        source_disagreements=disagreements(programme.sources.all()),
        countries=sorted(
            ((code, country_name(code)) for code in country_codes(programme.countries)),
            key=lambda pair: sort_key(pair[1]),
        ),
        cases=cases[:PAGE_CASES],
        more_cases=len(cases) > PAGE_CASES,
    )


# --- good practices ------------------------------------------------------------------------


def good_practice_filter_choices() -> dict:
    """What the list filters offer, computed once per change of the records (pagecache)."""
    return pagecache.cached("good_practice_filter_choices", _good_practice_filter_choices)


def _good_practice_filter_choices() -> dict:
    """What the case-library filters offer: values some published case has (3 queries)."""
    cases = GoodPractice.objects.published()
    codes = cases.exclude(country="").values_list("country", flat=True).distinct().order_by()
    themes = Theme.objects.filter(good_practices__in=cases).distinct()
    programmes = Programme.objects.published().filter(good_practices__in=cases).distinct()
    transfers = Transfer.objects.public()
    adopted = transfers.exclude(organisation__country="").values_list(
        "organisation__country", flat=True
    )
    stages = set(transfers.values_list("status", flat=True).distinct().order_by())
    return {
        "adopted_in": sorted({str(c) for c in adopted.distinct().order_by()}),
        "stage": [
            (value, str(label)) for value, label in TransferStatus.choices if value in stages
        ],
        "country": sorted({str(c) for c in codes}),
        "theme": [(t.slug, str(t)) for t in themes.order_by("order", collated("name"), "pk")],
        "programme": [(p.slug, str(p)) for p in programmes.order_by(collated("title"), "pk")],
    }


def good_practice_list(*, filters: dict | None = None) -> QuerySet:
    """Published cases matching the filters, in the reader's title order."""
    filters = filters or {}
    queryset = GoodPractice.objects.published()
    if filters.get("country"):
        queryset = queryset.filter(country=filters["country"])
    if filters.get("theme"):
        queryset = queryset.filter(themes__slug=filters["theme"])
    if filters.get("programme"):
        queryset = queryset.filter(
            programme__in=Programme.objects.published().filter(slug=filters["programme"])
        )
    if filters.get("adopted_in") or filters.get("stage"):
        transfers = Transfer.objects.public()
        if filters.get("adopted_in"):
            transfers = transfers.filter(organisation__country=filters["adopted_in"])
        if filters.get("stage"):
            transfers = transfers.filter(status=filters["stage"])
        queryset = queryset.filter(pk__in=transfers.values("good_practice_id"))
    return queryset.select_related("programme", "local_government").order_by(
        collated("title"), "pk"
    )


def good_practice_detail_queryset(user=None) -> QuerySet:
    return (
        GoodPractice.objects.visible_to(user)
        .select_related("programme", "local_government__parent__parent")
        .prefetch_related("themes", Prefetch("images", queryset=GoodPracticeImage.objects.all()))
    )


# --- other pages ---------------------------------------------------------------------------


def _led_or_partnered_by(organisation) -> Q:
    partnered = ProgrammePartner.objects.filter(organisation=organisation).values("programme_id")
    return Q(lead_organisation=organisation) | Q(pk__in=partnered)


def programmes_for_organisation(organisation) -> QuerySet:
    """Published programmes the organisation implemented or took part in, most recent first."""
    return (
        Programme.objects.published()
        .filter(_led_or_partnered_by(organisation))
        .order_by(F("start_date").desc(nulls_last=True), collated("title"), "pk")
    )


def country_codes_of_programmes() -> set[str]:
    """Countries of published programmes (one query)."""
    rows = Programme.objects.published().values_list("countries", flat=True).order_by()
    return {code for value in rows for code in country_codes(value)}


def home_page() -> dict:
    """What the home page shows from this app: a count and the latest programmes (2 queries)."""
    published = Programme.objects.published()
    return {
        "programmes_home": {
            "programme_count": published.count(),
            "programmes": list(
                published.order_by(F("start_date").desc(nulls_last=True), "pk")[:HOME_LIMIT]
            ),
        }
    }


# --- good-practice transfers (issue 16) ----------------------------------------------------


def transfers_of_case(case: GoodPractice) -> list[Transfer]:
    """Where the case went: local governments and the stage they reached (one query, plus one
    for each relation a higher app adds, such as the events it happened through)."""
    return list(
        Transfer.objects.filter(good_practice=case)
        .filter(PublishedQuerySet.published_q("organisation__"))
        .select_related("organisation", "programme")
        .prefetch_related("sources", *registry.prefetches_for("programmes.Transfer"))
        .order_by("order", "start_year", "pk")
    )


def transfers_of_organisation(organisation) -> QuerySet:
    """The published good practices an organisation took up (the organisation page's section)."""
    return (
        Transfer.objects.filter(organisation=organisation)
        .filter(PublishedQuerySet.published_q("good_practice__"))
        .select_related("good_practice")
        .order_by(F("start_year").desc(nulls_last=True), "pk")
    )


def _home_country():
    """A case's home: its own country, or its local government's."""
    return Coalesce(
        NullIf("good_practice__country", Value("")),
        NullIf("good_practice__local_government__country", Value("")),
        Value(""),
    )


@dataclass
class TransferSummary:
    cases: int  # cases that moved
    organisations: int  # local governments that took one up
    flows: list  # portal.charts.Flow, country to country
    statuses: list  # (label, count)
    has_samples: bool

    @property
    def table_total(self) -> int:
        return sum(flow.count for flow in self.flows)


def transfer_summary(programme: Programme | None = None) -> TransferSummary | None:
    """How many cases moved and from which countries to which (three aggregate queries).

    A flow counts pairs of a case and a local government, whatever stage was reached."""
    transfers = Transfer.objects.public()
    if programme is not None:
        transfers = transfers.filter(Q(programme=programme) | Q(good_practice__programme=programme))
    figures = transfers.aggregate(
        cases=Count("good_practice", distinct=True),
        organisations=Count("organisation", distinct=True),
        samples=Count("pk", filter=Q(is_sample=True)),
    )
    if not figures["cases"]:
        return None
    pair = Concat(
        Cast("good_practice_id", CharField()), Value("-"), Cast("organisation_id", CharField())
    )
    rows = (
        transfers.annotate(home=_home_country())
        .values("home", "organisation__country")
        .annotate(n=Count(pair, distinct=True))
        .order_by()
    )
    unknown = gettext("Country not given")
    flows = [
        Flow(
            source=country_name(row["home"]) or unknown,
            target=country_name(row["organisation__country"]) or unknown,
            count=row["n"],
        )
        for row in rows
    ]
    flows.sort(key=lambda f: (-f.count, sort_key(f.source), sort_key(f.target)))
    statuses = dict(transfers.values_list("status").annotate(n=Count("pk")).order_by())
    return TransferSummary(
        cases=figures["cases"],
        organisations=figures["organisations"],
        flows=flows,
        statuses=[
            (str(label), statuses[value])
            for value, label in TransferStatus.choices
            if value in statuses
        ],
        has_samples=bool(figures["samples"]),
    )


def transfer_picture(programme: Programme | None = None):
    """The summary and its flow diagram, kept under the content version."""
    key = f"transfers:{programme.pk if programme else '-'}"

    def compute():
        summary = transfer_summary(programme)
        return (summary, flow_chart(summary.flows) if summary else None)

    return pagecache.cached(key, compute)


def partner_pairs(scope, obj, first_year, last_year):
    """Lead organisations and partners of published programmes (each programme a context)."""
    from networks.partnerships import period_q

    programmes = Programme.objects.published().filter(
        period_q(first_year, last_year, "start_date", "end_date")
    )
    if scope == "programme":
        programmes = programmes.filter(pk=obj.pk)
    elif scope == "network":
        programmes = programmes.filter(networks=obj)
    ids = programmes.values("pk")
    partners = (
        ProgrammePartner.objects.filter(programme__in=ids)
        .filter(PublishedQuerySet.published_q("organisation__"))
        .values_list("programme_id", "organisation_id")
        .order_by()
    )
    leads = (
        Programme.objects.filter(pk__in=ids)
        .exclude(lead_organisation=None)
        .filter(PublishedQuerySet.published_q("lead_organisation__"))
        .values_list("pk", "lead_organisation_id")
        .order_by()
    )
    return chain(partners, leads)
