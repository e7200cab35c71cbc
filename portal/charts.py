"""Server-rendered SVG charts with their tables: the figures are a `Table`, the picture
is geometry computed here, and `templates/portal/includes/_chart.html` draws both.

Apps compute a `Table` by database aggregates and register it as a
`registry.Statistic`; the `{% statistics place obj %}` tag (portal_tags) renders every
statistic registered for a place, each cached under the content version. The chart's
numbers come from the same `Table` rows as the table beside it, so they cannot differ.

Sizes are chosen for phones: the drawing is 320 units wide and shown at most a little
wider, so a 14-unit label stays at least 12 px on a 375 px screen.
"""

from dataclasses import dataclass, field, replace

from django.utils.translation import ngettext

WIDTH = 320
FONT = 14
LABEL_HEIGHT = 18
BAR_HEIGHT = 16
ROW_GAP = 10
VALUE_SPACE = 48
LEGEND_ROW = 22
MAX_SERIES = 6
LABEL_CHARS = 38


@dataclass(frozen=True)
class Row:
    label: str
    values: tuple[int, ...]
    url: str = ""
    lang: str = ""  # set when the label is in the other language (a fallback)

    @property
    def total(self) -> int:
        return sum(self.values)


@dataclass(frozen=True)
class Table:
    """What a statistic shows: rows of figures under column headings (one per series)."""

    key: str
    title: str
    label_heading: str  # the heading of the rows' labels ("Year", "Country")
    columns: tuple[str, ...]  # the series; one column for a plain bar chart
    rows: tuple[Row, ...]
    note: str = ""  # what the figures count, where they come from
    by_year: bool = False  # rows are years, oldest first

    @property
    def stacked(self) -> bool:
        return len(self.columns) > 1

    @property
    def column_totals(self) -> list[int]:
        return [sum(row.values[i] for row in self.rows) for i in range(len(self.columns))]

    @property
    def total(self) -> int:
        return sum(row.total for row in self.rows)

    def bounded(self, limit: int) -> "Table":
        """At most `limit` rows, for a record's page: the latest years of a chart by year,
        the first rows (the largest) of any other; the statistics page shows them all."""
        if len(self.rows) <= limit:
            return self
        rows = self.rows[-limit:] if self.by_year else self.rows[:limit]
        shown = (
            ngettext(
                "The latest %(shown)s of %(count)s year; the statistics page has them all.",
                "The latest %(shown)s of %(count)s years; the statistics page has them all.",
                len(self.rows),
            )
            if self.by_year
            else ngettext(
                "The first %(shown)s of %(count)s row; the statistics page has them all.",
                "The first %(shown)s of %(count)s rows; the statistics page has them all.",
                len(self.rows),
            )
        ) % {"shown": limit, "count": len(self.rows)}
        return replace(self, rows=rows, note=f"{self.note} {shown}".strip())

    @property
    def summary(self) -> str:
        """One visible sentence beside the chart: the total and the largest row."""
        if not self.rows:
            return ""
        largest = max(self.rows, key=lambda row: row.total)
        return ngettext(
            "%(total)s in all, in %(count)s row; the largest is %(label)s, with %(value)s.",
            "%(total)s in all, in %(count)s rows; the largest is %(label)s, with %(value)s.",
            len(self.rows),
        ) % {
            "total": self.total,
            "count": len(self.rows),
            "label": largest.label,
            "value": largest.total,
        }


@dataclass(frozen=True)
class Segment:
    x: float
    width: float
    value: int
    series: int
    column: str


@dataclass(frozen=True)
class Bar:
    row: Row
    y_label: int
    y_bar: int
    segments: list[Segment]
    value_x: float
    short_label: str


@dataclass(frozen=True)
class LegendItem:
    label: str
    series: int
    y: int


@dataclass(frozen=True)
class BarChart:
    table: Table
    legend: list[LegendItem]
    bars: list[Bar]
    width: int = WIDTH
    height: int = 0
    bar_height: int = BAR_HEIGHT
    font: int = FONT
    extra: dict = field(default_factory=dict)


def shorten(text: str, limit: int = LABEL_CHARS) -> str:
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def bar_chart(table: Table) -> BarChart | None:
    """Horizontal bars, one per row, stacked by series, scaled to the largest row."""
    if not table.rows:
        return None
    largest = max(row.total for row in table.rows) or 1
    usable = WIDTH - VALUE_SPACE
    legend = []
    y = 0
    if table.stacked:
        for index, column in enumerate(table.columns):
            legend.append(LegendItem(label=shorten(column), series=index % MAX_SERIES, y=y))
            y += LEGEND_ROW
        y += 4
    bars = []
    for row in table.rows:
        x = 0.0
        segments = []
        for index, (column, value) in enumerate(zip(table.columns, row.values, strict=True)):
            if not value:
                continue
            width = round(usable * value / largest, 1)
            segments.append(
                Segment(
                    x=round(x, 1),
                    width=max(width, 1.0),
                    value=value,
                    series=index % MAX_SERIES,
                    column=column,
                )
            )
            x += width
        bars.append(
            Bar(
                row=row,
                y_label=y + LABEL_HEIGHT - 4,
                y_bar=y + LABEL_HEIGHT,
                segments=segments,
                value_x=round(x + 6, 1),
                short_label=shorten(row.label),
            )
        )
        y += LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP
    return BarChart(table=table, legend=legend, bars=bars, height=y - ROW_GAP + 4)


# --- flows (good practice travelling from one place to another) ---------------------------

FLOW_LABEL = 112  # room for a place's name on each side
FLOW_NODE = 8
FLOW_GAP = 12
FLOW_MIN = 20
FLOW_CHARS = 14


@dataclass(frozen=True)
class Flow:
    source: str
    target: str
    count: int


@dataclass(frozen=True)
class FlowNode:
    label: str
    short_label: str
    total: int
    x: float
    y: float
    height: float
    text_x: float
    anchor: str


@dataclass(frozen=True)
class FlowBand:
    flow: Flow
    path: str
    width: float


@dataclass(frozen=True)
class FlowChart:
    sources: list[FlowNode]
    targets: list[FlowNode]
    bands: list[FlowBand]
    width: int
    height: int
    total: int

    @property
    def description(self) -> str:
        return "; ".join(f"{b.flow.source} → {b.flow.target}: {b.flow.count}" for b in self.bands)


def flow_chart(flows: list[Flow]) -> FlowChart | None:
    """Places of origin on the left, places that took the practice up on the right, a band
    for each pair as wide as its count. Deterministic: biggest first, then by name."""
    flows = [f for f in flows if f.count > 0]
    if not flows:
        return None
    flows.sort(key=lambda f: (-f.count, f.source, f.target))

    def totals(attribute: str) -> list[tuple[str, int]]:
        sums: dict[str, int] = {}
        for flow in flows:
            sums[getattr(flow, attribute)] = sums.get(getattr(flow, attribute), 0) + flow.count
        return sorted(sums.items(), key=lambda item: (-item[1], item[0]))

    left, right = totals("source"), totals("target")
    total = sum(f.count for f in flows)
    unit = max(4.0, min(24.0, 240 / total))

    def place(items, x, text_x, anchor):
        nodes, y = {}, 4.0
        for label, count in items:
            height = max(count * unit, FLOW_MIN)
            nodes[label] = FlowNode(
                label=label,
                short_label=shorten(label, FLOW_CHARS),
                total=count,
                x=x,
                y=round(y, 1),
                height=round(height, 1),
                text_x=text_x,
                anchor=anchor,
            )
            y += height + FLOW_GAP
        return nodes, y

    x_left, x_right = FLOW_LABEL - FLOW_NODE, WIDTH - FLOW_LABEL
    sources, left_height = place(left, x_left, x_left - 4, "end")
    targets, right_height = place(right, x_right, x_right + FLOW_NODE + 4, "start")
    used_left = dict.fromkeys(sources, 0.0)
    used_right = dict.fromkeys(targets, 0.0)
    bands = []
    for flow in flows:
        src, dst = sources[flow.source], targets[flow.target]
        width = max(flow.count * unit, 2.0)
        y1 = src.y + used_left[flow.source] + width / 2
        y2 = dst.y + used_right[flow.target] + width / 2
        used_left[flow.source] += flow.count * src.height / src.total
        used_right[flow.target] += flow.count * dst.height / dst.total
        x1, x2 = x_left + FLOW_NODE, x_right
        mid = (x1 + x2) / 2
        path = f"M{x1:.1f},{y1:.1f} C{mid:.1f},{y1:.1f} {mid:.1f},{y2:.1f} {x2:.1f},{y2:.1f}"
        bands.append(FlowBand(flow=flow, path=path, width=round(width, 1)))
    return FlowChart(
        sources=list(sources.values()),
        targets=list(targets.values()),
        bands=bands,
        width=WIDTH,
        height=int(max(left_height, right_height)) + 4,
        total=total,
    )
