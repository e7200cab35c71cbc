"""Charts with their tables (`portal.charts`): the statistics apps register, drawn anywhere."""

from django import template
from django.db.models import Model
from django.utils.safestring import mark_safe

from portal import charts, pagecache, registry

register = template.Library()

ROWS_ELSEWHERE = 10


def _tables(place: str, obj: Model | None) -> list[charts.Table]:
    """The place's statistics (database aggregates), kept under the content version."""
    suffix = f"{obj._meta.label}:{obj.pk}" if obj is not None else "-"

    def compute():
        tables = []
        for statistic in registry.statistics_for(place):
            table = statistic.data(obj)
            if table is not None and table.rows:
                tables.append(table)
        return tables

    return pagecache.cached(f"statistics:{place}:{suffix}", compute)


@register.simple_tag(takes_context=True)
def statistics(context, place: str, obj: Model | None = None, heading: bool = True) -> str:
    """Every statistic registered for `place` ("statistics", "home", "events:list", or a model
    label with its record), each as an SVG chart with its data table; nothing without data."""
    tables = _tables(place, obj)
    if not tables:
        return ""
    if place != "statistics":
        # A record's page, the home page and the event list stay small however long the
        # record's history: a few rows of each chart (the statistics page has every row).
        tables = [table.bounded(ROWS_ELSEWHERE) for table in tables]
    engine = context.template.engine
    with context.push(
        charts_list=[charts.bar_chart(table) for table in tables],
        charts_place=place.replace(".", "-").replace(":", "-"),
        charts_heading=heading,
    ):
        return mark_safe(engine.get_template("portal/includes/_statistics.html").render(context))


@register.simple_tag(takes_context=True)
def bar_chart(context, table: charts.Table, id_prefix: str = "chart") -> str:
    """One table as a chart and its table."""
    chart = charts.bar_chart(table)
    if chart is None:
        return ""
    with context.push(chart=chart, chart_id=f"{id_prefix}-{table.key}"):
        return mark_safe(
            context.template.engine.get_template("portal/includes/_chart.html").render(context)
        )
