"""The year archive: what the programmes produced in a year (events, publications, good
practices, programme milestones), across the portal or of one programme.

Each app contributes its rows with `registry.register_year_section` from its
`AppConfig.ready()`, so portal names no app. The address holds the Common-Era year;
a Buddhist-Era year typed into it redirects once; the page shows the year in the
visitor's calendar. Queries: one per section for its rows and one for the years of
every section together (a union), whatever the data.
"""

from dataclasses import dataclass
from typing import Any

from django.db.models import Model
from django.http import Http404

from portal import registry, thaidates

FIRST_YEAR, LAST_YEAR = 1900, 2200


def common_era_year(year: int) -> int | None:
    """The Common-Era year the address means, or None when there is no such archive year."""
    if year > thaidates.BE_THRESHOLD:
        year -= thaidates.BE_OFFSET
    return year if FIRST_YEAR <= year <= LAST_YEAR else None


def check_year(year: int) -> int:
    """The Common-Era year of the address: 404 for a year out of range."""
    ce = common_era_year(year)
    if ce is None:
        raise Http404("No such year")
    return ce


def years(programme: Model | None = None) -> list[int]:
    """Every year with outputs, most recent first (one query)."""
    querysets = [
        queryset.order_by().values_list("year", flat=True)
        for section in registry.year_sections
        for queryset in section.years(programme)
    ]
    if not querysets:
        return []
    first, *others = querysets
    union = first.union(*others) if others else first.distinct()
    return sorted({year for year in union if year}, reverse=True)


@dataclass
class Block:
    section: registry.YearSection
    rows: list
    has_more: bool
    more_url: str


def blocks(year: int, programme: Model | None = None) -> list[Block]:
    """The year's sections that have rows, each at most `limit` rows (one query each)."""
    found = []
    for section in registry.year_sections:
        rows = list(section.rows(year, programme)[: section.limit + 1])
        if not rows:
            continue
        has_more = len(rows) > section.limit
        more_url = section.more_url(year, programme) if has_more and section.more_url else ""
        found.append(Block(section, rows[: section.limit], has_more, more_url))
    return found


def page_context(year: int, programme: Model | None = None) -> dict[str, Any]:
    all_years = years(programme)
    newer = [y for y in all_years if y > year]
    older = [y for y in all_years if y < year]
    return {
        "year": year,
        "programme": programme,
        "blocks": blocks(year, programme),
        "years": all_years,
        "newer_year": newer[-1] if newer else None,
        "older_year": older[0] if older else None,
    }
