"""Publications' statistics (`registry.Statistic`): downloads over time, from the monthly
counters (`DownloadMonth`) and the running totals, by database aggregates."""

from django.db.models import Sum
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext as _

from portal.charts import Row, Table, shorten
from portal.registry import Statistic, register_statistic
from portal.thaidates import calendar_year
from publications.models import DownloadMonth, Publication

TOP = 5
TOP_TOTAL = 10


def _publications(obj):
    publications = Publication.objects.published()
    if obj is not None and obj._meta.label == "programmes.Programme":
        publications = publications.filter(programme=obj)
    return publications


def most_downloaded(obj=None) -> Table | None:
    rows = list(
        _publications(obj)
        .filter(download_count__gt=0)
        .order_by("-download_count", "pk")[:TOP_TOTAL]
    )
    if not rows:
        return None
    return Table(
        key="most-downloaded",
        title=_("Most downloaded publications"),
        label_heading=_("Publication"),
        columns=(_("Downloads"),),
        rows=tuple(
            Row(label=str(p), values=(p.download_count,), url=p.get_absolute_url()) for p in rows
        ),
    )


def downloads_per_year(obj=None) -> Table | None:
    """Downloads per year of the most downloaded publications, one series each (two queries)."""
    top = list(
        _publications(obj)
        .filter(download_months__count__gt=0)
        .annotate(total=Sum("download_months__count"))
        .order_by("-total", "pk")[:TOP]
    )
    if not top:
        return None
    rows = (
        DownloadMonth.objects.filter(publication__in=[p.pk for p in top])
        .annotate(year=ExtractYear("month"))
        .values("year", "publication")
        .annotate(n=Sum("count"))
        .order_by("year")
    )
    per_year: dict[int, dict[int, int]] = {}
    for row in rows:
        per_year.setdefault(row["year"], {})[row["publication"]] = row["n"]
    return Table(
        key="downloads-per-year",
        by_year=True,
        title=_("Downloads per year of the most downloaded publications"),
        label_heading=_("Year"),
        columns=tuple(shorten(str(p), 40) for p in top),
        rows=tuple(
            Row(
                label=str(calendar_year(year)),
                values=tuple(per_year[year].get(p.pk, 0) for p in top),
            )
            for year in sorted(per_year)
        ),
        note=_("Counted month by month since the portal began keeping monthly figures."),
    )


def register() -> None:
    register_statistic(Statistic("downloads-per-year", downloads_per_year, ("statistics",), 90))
    register_statistic(
        Statistic("most-downloaded", most_downloaded, ("statistics", "programmes.Programme"), 95)
    )
