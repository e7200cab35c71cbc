"""The participant breakdown as a server-rendered SVG bar chart (no JavaScript).

The geometry is computed here; `templates/events/includes/_participant_chart.html`
draws it. The chart carries `role="img"` with a title and a description that
reads out every figure, and the page puts a data table beside it.
"""

from dataclasses import dataclass

from portal.i18n import Text, translated

WIDTH = 640
LABEL_HEIGHT = 20
BAR_HEIGHT = 20
ROW_GAP = 14
VALUE_SPACE = 56


@dataclass(frozen=True)
class Bar:
    label: Text  # marked with its language in the SVG when it fell back
    count: int
    y_label: int
    y_bar: int
    width: float
    value_x: float


@dataclass(frozen=True)
class Chart:
    bars: list[Bar]
    width: int
    height: int
    bar_height: int
    total: int

    @property
    def description(self) -> str:
        return "; ".join(f"{bar.label}: {bar.count}" for bar in self.bars)


def participant_chart(groups) -> Chart | None:
    """A horizontal bar per participant group, scaled to the largest group."""
    groups = list(groups)
    if not groups:
        return None
    largest = max(g.count for g in groups) or 1
    usable = WIDTH - VALUE_SPACE
    bars = []
    y = 0
    for group in groups:
        width = round(usable * group.count / largest, 1)
        bars.append(
            Bar(
                label=translated(group, "label"),
                count=group.count,
                y_label=y + LABEL_HEIGHT - 6,
                y_bar=y + LABEL_HEIGHT,
                width=max(width, 1.0) if group.count else 0.0,
                value_x=width + 6,
            )
        )
        y += LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP
    return Chart(
        bars=bars,
        width=WIDTH,
        height=y - ROW_GAP + 2,
        bar_height=BAR_HEIGHT,
        total=sum(g.count for g in groups),
    )
