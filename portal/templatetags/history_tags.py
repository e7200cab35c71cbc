from django import template

from portal.history import format_when

register = template.Library()


@register.filter
def history_when(value) -> str:
    """A saved-at time as staff read it: `20 กรกฎาคม 2567 17:00 น.` / `20 July 2024 17:00`."""
    return format_when(value)
