import datetime
import re

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


@register.filter
def caldatetime(value) -> str:
    """A date and time in the page's calendar: `20 กรกฎาคม 2560, 17.00 น.` / `20 July 2017, 17:00`."""
    if value in (None, ""):
        return ""
    from portal.admin_dates import format_datetime

    return format_datetime(value)


_YEAR_IN_TEXT = re.compile(r"(?<!\d)(1[89]\d\d|2[01]\d\d|2200)(?!\d)")


@register.filter
def calyears(text) -> str:
    """Every Common-Era year in a short label shown in the page's calendar (the admin's
    date hierarchy: `2022` → `2565`, `สิงหาคม 2022` → `สิงหาคม 2565` on Thai pages)."""
    return _YEAR_IN_TEXT.sub(lambda m: str(thaidates.calendar_year(int(m.group(1)))), str(text))


@register.filter
def change_message(entry) -> str:
    """A history entry's change message in the viewer's language (portal.admin_dates)."""
    from portal.admin_dates import change_message as message

    return message(entry)


@register.simple_tag
def today():
    """Today's date where the portal is (`{% today as date %}{{ date|caldate }}`): the
    print date of a page."""
    from django.utils import timezone

    return timezone.localdate()
