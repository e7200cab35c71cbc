"""The admin home's dashboard tags (templates/admin/index.html)."""

from django import template

from portal import dashboard as dashboard_module

register = template.Library()


def _user(context):
    request = context.get("request")
    return getattr(request, "user", None) or context.get("user")


@register.simple_tag(takes_context=True)
def dashboard(context):
    """`{% dashboard as board %}`: counts by status and the data-quality list."""
    return dashboard_module.build(_user(context))


@register.simple_tag(takes_context=True)
def recent_changes(context):
    """`{% recent_changes as changes %}`: everyone's latest changes (the sidebar is its own block)."""
    user = _user(context)
    if not (user and user.is_active and user.is_staff):
        return []
    return dashboard_module.recent_changes(user)
