"""Dates the local way: Buddhist-Era years and Thai month names on Thai pages,
Gregorian dates on English pages.

Django's `th` locale translates the month names but keeps the Gregorian year,
so the year arithmetic lives here (BE = CE + 543), and so does the parsing of
dates that Thai staff type with Buddhist-Era years.
"""

import datetime
import re

from django.utils import timezone, translation
from django.utils.dates import MONTHS

BE_OFFSET = 543
# A four-digit year above this is read as Buddhist Era (2401 BE = 1858 CE).
BE_THRESHOLD = 2400
DASH = "\u2013"  # en dash, as in "24–25 August 2022"

DAY, MONTH, YEAR = "day", "month", "year"
PRECISIONS = (DAY, MONTH, YEAR)


def _language(lang: str | None) -> str:
    lang = (lang or translation.get_language() or "th").split("-")[0]
    return "th" if lang == "th" else "en"


def _as_date(value) -> datetime.date:
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.date()
    return value


def calendar_year(year: int, lang: str | None = None) -> int:
    """The year as the page's calendar counts it: BE on Thai pages, CE otherwise."""
    return year + BE_OFFSET if _language(lang) == "th" else year


def month_name(month: int, lang: str | None = None) -> str:
    with translation.override(_language(lang)):
        return str(MONTHS[month])


def format_date(value, precision: str = DAY, lang: str | None = None) -> str:
    """`24 สิงหาคม 2565` / `24 August 2022`; `มีนาคม 2553` / `March 2010`; `พ.ศ. 2553` / `2010`."""
    if value in (None, ""):
        return ""
    lang = _language(lang)
    value = _as_date(value)
    year = calendar_year(value.year, lang)
    if precision == YEAR:
        return f"พ.ศ. {year}" if lang == "th" else str(year)
    if precision == MONTH:
        return f"{month_name(value.month, lang)} {year}"
    return f"{value.day} {month_name(value.month, lang)} {year}"


def format_range(start, end=None, precision: str = DAY, lang: str | None = None) -> str:
    """A date range that reads naturally, sharing the month and year where they match.

    `24–25 สิงหาคม 2565`, `30 มีนาคม – 2 เมษายน 2565`, `28 ธันวาคม 2565 – 3 มกราคม 2566`;
    in English `24–25 August 2022`, `30 March – 2 April 2022`,
    `28 December 2022 – 3 January 2023`.
    """
    if start in (None, ""):
        return format_date(end, precision, lang) if end else ""
    if end in (None, ""):
        return format_date(start, precision, lang)
    lang = _language(lang)
    start, end = _as_date(start), _as_date(end)
    same_year = start.year == end.year
    same_month = same_year and start.month == end.month
    if precision == YEAR:
        if same_year:
            return format_date(start, YEAR, lang)
        first, last = calendar_year(start.year, lang), calendar_year(end.year, lang)
        return f"พ.ศ. {first}{DASH}{last}" if lang == "th" else f"{first}{DASH}{last}"
    if precision == MONTH:
        if same_month:
            return format_date(start, MONTH, lang)
        if same_year:
            return f"{month_name(start.month, lang)} {DASH} {format_date(end, MONTH, lang)}"
        return f"{format_date(start, MONTH, lang)} {DASH} {format_date(end, MONTH, lang)}"
    if start == end:
        return format_date(start, DAY, lang)
    if same_month:
        return f"{start.day}{DASH}{format_date(end, DAY, lang)}"
    if same_year:
        return f"{start.day} {month_name(start.month, lang)} {DASH} {format_date(end, DAY, lang)}"
    return f"{format_date(start, DAY, lang)} {DASH} {format_date(end, DAY, lang)}"


_YEAR_RE = re.compile(r"(?<!\d)(\d{4})(?!\d)")


def common_era_year(year: int) -> int:
    """A typed year in the Common Era: one above BE_THRESHOLD is read as Buddhist Era."""
    return year - BE_OFFSET if year > BE_THRESHOLD else year


def normalise_be_input(text: str) -> str:
    """Rewrite any four-digit Buddhist-Era year in typed input to its Gregorian year.

    `24/08/2565` becomes `24/08/2022`. The rewrite happens on the text, before
    parsing, so 29 February of a BE leap year (2563 = 2020) parses correctly.
    """

    return _YEAR_RE.sub(lambda match: str(common_era_year(int(match.group(1)))), text)


def format_for_input(value: datetime.date, lang: str | None = None) -> str:
    """A date as a staff member types it: `24/08/2565` in Thai, `2022-08-24` in English."""
    if _language(lang) == "th":
        return f"{value.day:02d}/{value.month:02d}/{value.year + BE_OFFSET}"
    return value.isoformat()
