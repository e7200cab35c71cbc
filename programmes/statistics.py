"""Programmes' statistics (`registry.Statistic`), by database aggregates: good-practice
cases by country and how far the cases travelled."""

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from portal.charts import Row, Table
from portal.countries import country_name, sort_key
from portal.registry import Statistic, register_statistic
from programmes.models import GoodPractice, Transfer, TransferStatus

COUNTRY_LIMIT = 15


def cases_by_country(obj=None) -> Table | None:
    cases = GoodPractice.objects.published().exclude(country="")
    if obj is not None:
        cases = cases.filter(programme=obj)
    rows = cases.values("country").annotate(n=Count("pk")).order_by("-n", "country")
    ranked = sorted(
        ((country_name(row["country"]), row["n"]) for row in rows[: COUNTRY_LIMIT * 2]),
        key=lambda pair: (-pair[1], sort_key(pair[0])),
    )[:COUNTRY_LIMIT]
    if not ranked:
        return None
    return Table(
        key="cases-by-country",
        title=_("Good-practice cases by country"),
        label_heading=_("Country"),
        columns=(_("Cases"),),
        rows=tuple(Row(label=name, values=(count,)) for name, count in ranked),
    )


def transfers_by_status(obj=None) -> Table | None:
    transfers = Transfer.objects.public()
    if obj is not None:
        transfers = transfers.filter(Q(programme=obj) | Q(good_practice__programme=obj))
    counts = dict(transfers.values_list("status").annotate(n=Count("pk")).order_by())
    if not counts:
        return None
    samples = transfers.filter(is_sample=True).exists()
    return Table(
        key="transfers-by-status",
        title=_("Good practices taken up, by stage reached"),
        label_heading=_("Stage reached"),
        columns=(_("Local governments and cases"),),
        rows=tuple(
            Row(label=str(label), values=(counts[value],))
            for value, label in TransferStatus.choices
            if value in counts
        ),
        note=_("Includes generated sample transfers, not real records.") if samples else "",
    )


def register() -> None:
    register_statistic(Statistic("cases-by-country", cases_by_country, ("statistics",), 70))
    register_statistic(
        Statistic(
            "transfers-by-status", transfers_by_status, ("statistics", "programmes.Programme"), 80
        )
    )
