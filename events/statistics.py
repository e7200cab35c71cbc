"""Events' statistics (`registry.Statistic`): each a `portal.charts.Table` computed by
database aggregates over published events, for the whole portal or one programme/network."""

from django.db.models import CharField, Count, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce, ExtractYear, NullIf
from django.utils import translation
from django.utils.translation import gettext as _

from events.models import Event, EventKind, ParticipantGroup
from portal.charts import Row, Table
from portal.countries import country_codes, country_name, sort_key
from portal.registry import Statistic, register_statistic
from portal.thaidates import calendar_year

CATEGORY_LIMIT = 10
COUNTRY_LIMIT = 15


def _events(obj) -> QuerySet:
    events = Event.objects.published()
    if obj is None:
        return events
    label = obj._meta.label
    if label == "programmes.Programme":
        return events.filter(programme=obj)
    if label == "networks.Network":
        return events.filter(network=obj)
    return events.none()


def events_per_year(obj=None) -> Table | None:
    """Published events per year, stacked by kind (one GROUP BY query)."""
    rows = (
        _events(obj)
        .annotate(year=ExtractYear("start_date"))
        .values("year", "kind")
        .annotate(n=Count("pk"))
        .order_by("year", "kind")
    )
    kinds = [kind for kind, _label in EventKind.choices]
    per_year: dict[int, dict[str, int]] = {}
    for row in rows:
        per_year.setdefault(row["year"], {})[row["kind"]] = row["n"]
    used = [kind for kind in kinds if any(kind in counts for counts in per_year.values())]
    if not per_year:
        return None
    return Table(
        key="events-per-year",
        by_year=True,
        title=_("Events per year, by kind"),
        label_heading=_("Year"),
        columns=tuple(str(EventKind(kind).label) for kind in used),
        rows=tuple(
            Row(
                label=str(calendar_year(year)),
                values=tuple(per_year[year].get(kind, 0) for kind in used),
            )
            for year in sorted(per_year)
        ),
    )


def participants_per_year(obj=None) -> Table | None:
    """People taking part per year: the declared total of each event, or the sum of its
    participant groups where no total is declared (two GROUP BY queries)."""
    events = _events(obj).annotate(year=ExtractYear("start_date"))
    declared = (
        events.exclude(declared_participants=None)
        .values("year")
        .annotate(n=Sum("declared_participants"))
        .order_by()
    )
    grouped = (
        events.filter(declared_participants=None)
        .values("year")
        .annotate(n=Sum("participant_groups__count"))
        .order_by()
    )
    per_year: dict[int, int] = {}
    for row in [*declared, *grouped]:
        if row["n"]:
            per_year[row["year"]] = per_year.get(row["year"], 0) + row["n"]
    if not per_year:
        return None
    return Table(
        key="participants-per-year",
        by_year=True,
        title=_("Participants per year"),
        label_heading=_("Year"),
        columns=(_("Participants"),),
        rows=tuple(
            Row(label=str(calendar_year(year)), values=(per_year[year],))
            for year in sorted(per_year)
        ),
        note=_("The total each event's record declares, or the sum of its groups."),
    )


def participants_by_category(obj=None) -> Table | None:
    """The largest participant categories over the events (one GROUP BY query)."""
    lang = translation.get_language() or "th"
    other = "en" if lang.startswith("th") else "th"
    own = "th" if lang.startswith("th") else "en"
    rows = (
        ParticipantGroup.objects.filter(event__in=_events(obj).values("pk"))
        .annotate(
            name=Coalesce(
                NullIf(f"label_{own}", _empty()),
                NullIf(f"label_{other}", _empty()),
                output_field=CharField(),
            )
        )
        .exclude(name=None)
        .values("name")
        .annotate(n=Sum("count"))
        .order_by("-n", "name")[:CATEGORY_LIMIT]
    )
    rows = [row for row in rows if row["n"]]
    if not rows:
        return None
    return Table(
        key="participants-by-category",
        title=_("Participants by category (the largest categories)"),
        label_heading=_("Category"),
        columns=(_("Participants"),),
        rows=tuple(Row(label=row["name"], values=(row["n"],)) for row in rows),
    )


def _empty() -> Value:
    return Value("", output_field=CharField())


def countries_represented(obj=None) -> Table | None:
    """Events that each country took part in: the distinct stored country lists first (the
    database folds repeats), then one conditional count per country in one query."""
    events = _events(obj)
    values = events.exclude(countries_represented="").values_list(
        "countries_represented", flat=True
    )
    codes = sorted(
        {code for value in values.distinct().order_by() for code in country_codes(value)}
    )
    if not codes:
        return None
    counts = events.aggregate(
        **{code: Count("pk", filter=Q(countries_represented__contains=code)) for code in codes}
    )
    ranked = sorted(
        ((country_name(code), counts[code]) for code in codes if counts[code]),
        key=lambda pair: (-pair[1], sort_key(pair[0])),
    )[:COUNTRY_LIMIT]
    return Table(
        key="countries-represented",
        title=_("Countries represented at events"),
        label_heading=_("Country"),
        columns=(_("Events"),),
        rows=tuple(Row(label=name, values=(count,)) for name, count in ranked),
    )


def register() -> None:
    everywhere = ("statistics", "programmes.Programme", "networks.Network")
    register_statistic(
        Statistic("events-per-year", events_per_year, (*everywhere, "home", "events:list"), 10)
    )
    register_statistic(Statistic("participants-per-year", participants_per_year, everywhere, 20))
    register_statistic(
        Statistic("participants-by-category", participants_by_category, ("statistics",), 30)
    )
    register_statistic(
        Statistic(
            "countries-represented",
            countries_represented,
            ("statistics", "programmes.Programme"),
            40,
        )
    )
