"""The participant breakdown as a bar chart in HTML and CSS (no JavaScript, no SVG).

Each bar is a row: its label, a bar whose width is the group's share of the largest
group, and the figure, so labels keep the page's text size on a phone and long labels
wrap. `templates/events/includes/_participant_chart.html` draws it with a one-sentence
summary, and the page puts the data table under it.
"""

from dataclasses import dataclass

from portal.i18n import Text, translated


@dataclass(frozen=True)
class Bar:
    label: Text  # marked with its language when it fell back
    count: int
    width: float  # percent of the largest group's bar
    percent: int  # share of the groups' total, rounded


@dataclass(frozen=True)
class Chart:
    bars: list[Bar]
    total: int

    @property
    def largest(self) -> Bar:
        return max(self.bars, key=lambda bar: bar.count)

    @property
    def description(self) -> str:
        return "; ".join(f"{bar.label}: {bar.count}" for bar in self.bars)


def participant_chart(groups) -> Chart | None:
    """A horizontal bar per participant group, scaled to the largest group."""
    groups = list(groups)
    if not groups:
        return None
    largest = max(g.count for g in groups) or 1
    total = sum(g.count for g in groups)
    bars = [
        Bar(
            label=translated(group, "label"),
            count=group.count,
            width=(max(round(100 * group.count / largest, 1), 0.5) if group.count else 0.0),
            percent=round(100 * group.count / total) if total else 0,
        )
        for group in groups
    ]
    return Chart(bars=bars, total=total)
