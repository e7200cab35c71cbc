"""Buddhist-Era dates and Thai times everywhere the admin lets staff type or read them.

Django's admin knows nothing of the Buddhist Era: it splits a date-time into plain
date and time halves (so `20/07/2560` + `17:00` is stored in the year 2560 CE), shows
dates in changelists and read-only fields with the Gregorian year, accepts only
`09:00` for a time, and keeps the change messages of the history page as English
fragments (it renders field labels and object names with translations switched off).

`install()` (called from PortalConfig.ready) fixes that once for every admin of every
app, so no app's admin has to remember it:
- every date, date-time and time field gets portal.forms' BE-aware form fields
  (with the admin's own widgets, so the calendar and clock shortcuts stay);
- changelist columns and read-only fields show dates with BE years on Thai pages;
- change messages also keep field labels and object names in every language, so
  the history page (templates/admin/object_history.html) reads in the viewer's.
"""

import json

from django import forms as django_forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin import helpers, options, widgets
from django.contrib.admin import utils as admin_utils
from django.contrib.admin.models import LogEntry
from django.contrib.admin.templatetags import admin_list
from django.db import models
from django.utils import timezone, translation
from django.utils.text import capfirst, get_text_list
from django.utils.translation import gettext

from portal import fields as portal_fields
from portal import forms as portal_forms
from portal import thaidates

FORM_FIELDS = {
    models.DateTimeField: {
        "form_class": portal_forms.BuddhistEraSplitDateTimeField,
        "widget": widgets.AdminSplitDateTime,
    },
    models.DateField: {
        "form_class": portal_forms.BuddhistEraDateField,
        "widget": widgets.AdminDateWidget,
    },
    models.TimeField: {"form_class": portal_forms.ThaiTimeField, "widget": widgets.AdminTimeWidget},
}
# Django's own form classes, which an admin's formfield_overrides may have left in place.
_DJANGO_CLASSES = {None, django_forms.SplitDateTimeField, django_forms.DateField}
_DJANGO_CLASSES |= {django_forms.TimeField, django_forms.DateTimeField}


def install() -> None:
    # ModelAdmins copy these defaults when created: inlines (made per request) read the
    # module's dict, the registered admins (made before this app's ready()) are updated.
    for field_class, overrides in FORM_FIELDS.items():
        options.FORMFIELD_FOR_DBFIELD_DEFAULTS.setdefault(field_class, {}).update(overrides)
    for model_admin in admin.site._registry.values():
        _use_be_fields(model_admin.formfield_overrides)
    admin_list.display_for_field = display_for_field
    helpers.display_for_field = display_for_field
    options.ModelAdmin.construct_change_message = construct_change_message
    # A YearField's list filter names its years in the staff member's calendar.
    admin.FieldListFilter.register(
        lambda field: isinstance(field, portal_fields.YearField),
        CalendarYearListFilter,
        take_priority=True,
    )


class CalendarYearListFilter(admin.AllValuesFieldListFilter):
    """The years records carry, `2565` on Thai pages, filtering by the stored CE year."""

    def choices(self, changelist):
        for choice in super().choices(changelist):
            display = str(choice["display"])
            if display.isdigit():
                choice = {**choice, "display": str(thaidates.calendar_year(int(display)))}
            yield choice


def _use_be_fields(overrides: dict) -> None:
    for field_class, defaults in FORM_FIELDS.items():
        current = overrides.setdefault(field_class, {})
        if current.get("form_class") in _DJANGO_CLASSES:
            current["form_class"] = defaults["form_class"]
        current.setdefault("widget", defaults["widget"])


_display_for_field = admin_utils.display_for_field


def display_for_field(value, field, empty_value_display, avoid_link=False):
    """Django's display_for_field, with BE years on Thai pages for dates, date-times, years."""
    if value is not None and not getattr(field, "flatchoices", None):
        if isinstance(field, models.DateTimeField):
            return format_datetime(value)
        if isinstance(field, models.DateField):
            return thaidates.format_date(value)
        if isinstance(field, portal_fields.YearField):
            return str(thaidates.calendar_year(value))
    return _display_for_field(value, field, empty_value_display, avoid_link)


def format_datetime(value, lang: str | None = None) -> str:
    """`20 กรกฎาคม 2560, 17.00 น.` / `20 July 2017, 17:00` in the current time zone."""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    day = thaidates.format_date(value.date(), lang=lang)
    return f"{day}, {thaidates.format_time_for_input(value.time().replace(second=0), lang)}"


def _in_each_language(render) -> dict:
    texts = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            texts[code] = str(render())
    return texts


def construct_change_message(self, request, form, formsets, add=False):
    """Django's change message, plus its labels and object names in every language.

    Django stores them rendered with translations off (English), and the history page
    can then translate only the labels that happen to be msgids; `fields_i18n` and
    `object_i18n` let change_message() give the viewer's language for each.
    """
    message = admin_utils.construct_change_message(form, formsets, add)
    # What each sub-message describes, in the order Django writes them.
    described = []
    if add:
        described.append((None, None, None))
    elif form.changed_data:
        described.append((form, form.changed_data, None))
    for formset in formsets or []:
        described += [(None, None, obj) for obj in formset.new_objects]
        described += [
            (_form_for(formset, obj), fields, obj) for obj, fields in formset.changed_objects
        ]
        described += [(None, None, obj) for obj in formset.deleted_objects]
    if len(described) != len(message):
        return message  # not Django's usual shape: keep its message as it is
    for sub, (sub_form, fields, obj) in zip(message, described, strict=True):
        body = next(iter(sub.values()))
        if fields and sub_form is not None:
            body["fields_i18n"] = _in_each_language(
                lambda f=sub_form, names=fields: "\x1f".join(_label(f, n) for n in names)
            )
        if obj is not None:
            body["object_i18n"] = _in_each_language(lambda o=obj: o)
            body["name_i18n"] = _in_each_language(lambda o=obj: o._meta.verbose_name)
    return message


def _form_for(formset, obj):
    for inline_form in formset.forms:
        if inline_form.instance is obj or (obj.pk and inline_form.instance.pk == obj.pk):
            return inline_form
    return None


def _label(form, name) -> str:
    try:
        return str(form.fields[name].label or capfirst(name.replace("_", " ")))
    except KeyError:
        return name


def change_message(entry: LogEntry) -> str:
    """The entry's change message in the current language (the history page's)."""
    text = entry.change_message
    if not text or text[0] != "[":
        return entry.get_change_message()
    try:
        subs = json.loads(text)
    except json.JSONDecodeError:
        return text
    lang = translation.get_language() or settings.LANGUAGE_CODE
    lang = "th" if lang.startswith("th") else "en"
    messages = []
    for sub in subs:
        for action in ("added", "changed", "deleted"):
            if action in sub:
                messages.append(_sub_message(action, sub[action], lang))
                break
    return " ".join(messages) or gettext("No fields changed.")


def _sub_message(action: str, body: dict, lang: str) -> str:
    def pick(key, fallback):
        return body.get(f"{key}_i18n", {}).get(lang) or fallback

    if action == "added" and not body:
        return gettext("Added.")
    values = {}
    if "name" in body:
        name = body["name"]
        values["name"] = pick("name", gettext(name))
        values["object"] = pick("object", body.get("object", ""))
    if action == "changed":
        labels = body.get("fields_i18n", {}).get(lang)
        labels = labels.split("\x1f") if labels else [_translate_label(f) for f in body["fields"]]
        values["fields"] = get_text_list(labels, gettext("and"))
        if "name" in body:
            return gettext("Changed {fields} for {name} “{object}”.").format(**values)
        return gettext("Changed {fields}.").format(**values)
    if action == "added":
        return gettext("Added {name} “{object}”.").format(**values)
    return gettext("Deleted {name} “{object}”.").format(**values)


def _translate_label(label: str) -> str:
    """An English label kept by Django (`Published at`), translated if its field's
    verbose name (`published at`) is in the catalogue: older entries have no i18n."""
    translated = gettext(label)
    if translated == label and label:
        lowered = label[0].lower() + label[1:]
        translated = gettext(lowered)
        if translated != lowered:
            return capfirst(translated)
    return translated
