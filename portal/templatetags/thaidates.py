import datetime

from django import template

from portal import thaidates

register = template.Library()


@register.filter
def caldate(value, arg=None) -> str:
    """A date or a date range in the page's calendar.

    `{{ d|caldate }}` → `24 สิงหาคม 2565` / `24 August 2022`;
    `{{ start|caldate:end }}` → `24–25 สิงหาคม 2565`;
    `{{ d|caldate:"month" }}` → `มีนาคม 2553`; `{{ d|caldate:"year" }}` → `พ.ศ. 2553`.
    """
    if isinstance(arg, datetime.date):
        return thaidates.format_range(value, arg)
    if arg in thaidates.PRECISIONS:
        return thaidates.format_date(value, arg)
    return thaidates.format_date(value)


@register.filter
def calyear(value) -> int | str:
    """A year number (int or date) in the page's calendar: 2022 → 2565 on Thai pages."""
    if value in (None, ""):
        return ""
    year = value.year if isinstance(value, datetime.date) else int(value)
    return thaidates.calendar_year(year)
