"""Organisations' statistics (`registry.Statistic`), by database aggregates over published
organisations: the whole directory, or a network's members."""

from django.db.models import Count, QuerySet
from django.utils.translation import gettext as _

from networks.models import Organisation, OrganisationKind
from portal.charts import Row, Table
from portal.countries import country_name, sort_key
from portal.registry import Statistic, register_statistic

COUNTRY_LIMIT = 15


def _organisations(obj) -> QuerySet:
    organisations = Organisation.objects.published()
    if obj is None:
        return organisations
    if obj._meta.label == "networks.Network":
        return organisations.filter(memberships__network=obj).distinct()
    return organisations.none()


def organisations_by_kind(obj=None) -> Table | None:
    rows = _organisations(obj).values("kind").annotate(n=Count("pk", distinct=True)).order_by()
    counts = {row["kind"]: row["n"] for row in rows}
    kinds = [kind for kind, _label in OrganisationKind.choices if counts.get(kind)]
    if not kinds:
        return None
    return Table(
        key="organisations-by-kind",
        title=_("Organisations by kind") if obj is None else _("Member organisations by kind"),
        label_heading=_("Kind"),
        columns=(_("Organisations"),),
        rows=tuple(
            Row(label=str(OrganisationKind(kind).label), values=(counts[kind],))
            for kind in sorted(kinds, key=lambda kind: -counts[kind])
        ),
    )


def organisations_by_country(obj=None) -> Table | None:
    rows = (
        _organisations(obj)
        .exclude(country="")
        .values("country")
        .annotate(n=Count("pk", distinct=True))
        .order_by("-n", "country")[: COUNTRY_LIMIT * 2]
    )
    ranked = sorted(
        ((country_name(row["country"]), row["n"]) for row in rows),
        key=lambda pair: (-pair[1], sort_key(pair[0])),
    )[:COUNTRY_LIMIT]
    if not ranked:
        return None
    return Table(
        key="organisations-by-country",
        title=_("Organisations by country")
        if obj is None
        else _("Member organisations by country"),
        label_heading=_("Country"),
        columns=(_("Organisations"),),
        rows=tuple(Row(label=name, values=(count,)) for name, count in ranked),
    )


def register() -> None:
    register_statistic(
        Statistic(
            "organisations-by-kind", organisations_by_kind, ("statistics", "networks.Network"), 50
        )
    )
    register_statistic(
        Statistic(
            "organisations-by-country",
            organisations_by_country,
            ("statistics", "networks.Network", "home"),
            60,
        )
    )
