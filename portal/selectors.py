"""Reads for the home page: the blocks and figures the apps register (`portal.registry`)."""

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from portal import pagecache, registry


@dataclass(frozen=True)
class FigureValue:
    key: str
    label: Any
    value: int


def countries_count() -> int:
    """How many countries published records name, from the sources the apps register."""
    codes: set[str] = set()
    for source in registry.country_sources:
        codes |= {str(code) for code in source() if code}
    return len(codes)


# Gathers what several apps know, so portal registers it itself (`PortalConfig.ready`).
COUNTRIES = registry.Figure("countries", _("countries"), countries_count, order=50)


def figures() -> list[FigureValue]:
    """The registered figures at a glance (none while the portal holds nothing yet).

    Each is one database query (the countries figure one per country source).
    """

    def compute() -> list[FigureValue]:
        values = [FigureValue(f.key, f.label, f.value()) for f in registry.figures]
        return values if any(figure.value for figure in values) else []

    return pagecache.cached("home:figures", compute)


def home_page_context() -> dict:
    """What the home page shows: the figures at a glance and each registered block's data."""
    return {
        "figures": figures(),
        # Each block is a fragment: its latest records change only when a record does (and
        # "upcoming" with the date, within the fragment's few minutes).
        "home_blocks": [
            (block.template, pagecache.cached(f"home:{block.key}", block.context))
            for block in registry.home_blocks
        ],
    }
