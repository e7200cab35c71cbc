"""Every admin list to CSV or XLSX, as filtered and searched on screen.

The export link of a changelist (templates/admin/change_list.html) carries the list's
query string to `export_view`, which builds the same `ChangeList` the page shows —
filters, search, date hierarchy and ordering included — and writes its columns
(`list_display`) for every matching row, not only the page's. Exports of lists that hold
personal data (names, contacts, accounts) need the model's view permission and are
recorded in `ExportLog`, which staff read in the admin and nobody edits.
"""

import datetime
import html

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import display_for_field, label_for_field, lookup_field
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from portal import spreadsheets, thaidates
from portal.models import ExportLog

# Lists whose rows name or contact people ("app_label.model_name"; strings, not imports,
# so portal names no higher app's code).
PERSONAL_DATA: set[str] = {
    "auth.user",
    "events.participation",
    "networks.person",
    "publications.partneraccount",
    "publications.downloadrecord",
    "portal.exportlog",
}


def registered_admin(label: str):
    """The ModelAdmin of the admin list "app_label.model_name", or None."""
    for model, model_admin in admin.site._registry.items():
        if model._meta.label_lower == label.lower():
            return model_admin
    return None


def is_personal(model) -> bool:
    return model._meta.label_lower in PERSONAL_DATA


def _text(value, field=None) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime.datetime):
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        return f"{thaidates.format_for_input(local.date())} {local:%H:%M}"
    if isinstance(value, datetime.date):
        return thaidates.format_for_input(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    if field is not None and not isinstance(field, models.ForeignKey):
        value = display_for_field(value, field, "")
    return html.unescape(strip_tags(str(value))).strip()


def changelist_rows(request, model_admin):
    """(headings, rows, changelist) of the list `request` shows, every page of it."""
    changelist = model_admin.get_changelist_instance(request)
    names = [n for n in changelist.list_display if n != "action_checkbox"]
    headings = [
        capfirst(html.unescape(strip_tags(str(label_for_field(n, model_admin.model, model_admin)))))
        for n in names
    ]
    rows = []
    for obj in changelist.queryset.iterator(chunk_size=2000):
        row = []
        for name in names:
            try:
                field, _attr, value = lookup_field(name, obj, model_admin)
            except (AttributeError, models.ObjectDoesNotExist):
                field, value = None, None
            if field is not None and getattr(field, "flatchoices", None):
                key = getattr(value, "code", value)  # a django-countries Country
                value = dict(field.flatchoices).get(key, value)
                field = None
            row.append(_text(value, field))
        rows.append(row)
    return headings, rows, changelist


def export_view(request, app_label, model_name, fmt):
    if fmt not in spreadsheets.FORMATS:
        raise Http404
    model_admin = registered_admin(f"{app_label}.{model_name}")
    if model_admin is None:
        raise Http404
    model = model_admin.model
    if not model_admin.has_view_or_change_permission(request):
        raise PermissionDenied
    personal = is_personal(model)
    if personal and not request.user.has_perm(f"{app_label}.view_{model_name}"):
        raise PermissionDenied
    try:
        headings, rows, _changelist = changelist_rows(request, model_admin)
    except IncorrectLookupParameters:
        return HttpResponseRedirect(reverse(f"admin:{app_label}_{model_name}_changelist") + "?e=1")
    title = str(model._meta.verbose_name_plural)
    if fmt == "csv":
        data = spreadsheets.write_csv(headings, rows)
    else:
        data = spreadsheets.write_xlsx(headings, rows, title=title.replace("/", "-"))
    if personal:
        ExportLog.objects.create(
            user=request.user,
            username=request.user.get_username(),
            model=model._meta.label_lower,
            filters=request.GET.urlencode(),
            row_count=len(rows),
            file_format=fmt,
        )
    response = HttpResponse(data, content_type=spreadsheets.CONTENT_TYPES[fmt])
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="{model_name}-{stamp}.{fmt}"'
    return response
