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


# Times as staff type them: `09.00`, `9.00`, `09:00`, `9:00`, `09.00 น.`, `17:30:00`.
_TIME_RE = re.compile(
    r"^(?P<hour>\d{1,2})\s*[.:]\s*(?P<minute>\d{2})(?:\s*[.:]\s*(?P<second>\d{2}))?"
    r"\s*(?:น\.?|นาฬิกา)?$"
)
_TIME_SHAPE_RE = re.compile(r"^\d{1,2}\s*[.:]\s*\d{1,2}")


class ImpossibleTime(ValueError):
    """A time written the right way that no clock shows (`25.00`, `09.75`)."""


def parse_time(text: str) -> datetime.time | None:
    """A time as Thai or English staff write it, or None when the text is no time at all.

    Raises ImpossibleTime for `25.00` or `09.75`: the shape of a time, but no real one.
    """
    text = " ".join(text.split())
    match = _TIME_RE.match(text)
    if not match:
        if _TIME_SHAPE_RE.match(text):
            raise ImpossibleTime(text)
        return None
    hour, minute = int(match["hour"]), int(match["minute"])
    second = int(match["second"] or 0)
    if hour > 23 or minute > 59 or second > 59:
        raise ImpossibleTime(text)
    return datetime.time(hour, minute, second)


def format_time_for_input(value: datetime.time, lang: str | None = None) -> str:
    """A time as staff write it: `09.00 น.` in Thai, `09:00` in English (seconds if any)."""
    if _language(lang) == "th":
        text = f"{value.hour:02d}.{value.minute:02d}"
        if value.second:
            text += f".{value.second:02d}"
        return f"{text} น."
    return value.strftime("%H:%M:%S" if value.second else "%H:%M")


# A day/month/year that looks like a date: `29/02/2566`, `31-04-2022`, `31.04.2565`.
_DMY_RE = re.compile(r"^(?P<day>\d{1,2})\s*[/.\-]\s*(?P<month>\d{1,2})\s*[/.\-]\s*(?P<year>\d{4})$")
_ISO_RE = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})$")


def impossible_day(text: str) -> dict | None:
    """Why a typed day/month/year is no real date, when the month exists but the day does not.

    `29/02/2566` → {"reason": "leap", "year": 2566, "ce_year": 2023, ...};
    `31/04/2565` → {"reason": "month_length", "month": 4, "days": 30, ...}; None otherwise.
    """
    import calendar

    match = _DMY_RE.match(text.strip()) or _ISO_RE.match(text.strip())
    if not match:
        return None
    day, month, typed_year = int(match["day"]), int(match["month"]), int(match["year"])
    if not 1 <= month <= 12 or day < 1:
        return None
    year = common_era_year(typed_year)
    days = calendar.monthrange(year, month)[1]
    if day <= days:
        return None
    info = {"day": day, "month": month, "typed_year": typed_year, "ce_year": year, "days": days}
    if month == 2 and day == 29:
        return {**info, "reason": "leap"}
    return {**info, "reason": "month_length"} if day <= 31 else None
