"""No lost edits: optimistic locking of content records with a version number.

Every content record carries `version`, raised by one on every save. The admin
form carries the version it was opened on (a hidden `lock_version` field); when
the record has been saved since, the save is refused with a message in the
staff member's language that lists, field by field and from the history
(`portal.history`), what the other person changed. The refused form keeps what
was typed, so nothing is lost: the staff member reloads the record (which now
shows the other edit) and reapplies their own.

The check reads the stored version with `select_for_update()` inside the admin's
transaction, so two saves that pass the form at the same moment still run one
after the other on PostgreSQL (SQLite serialises writes anyway).
"""

from django import forms
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

LOCK_FIELD = "lock_version"


class VersionedModel(models.Model):
    """A record whose every save raises `version` (saves from the admin are checked)."""

    version = models.PositiveIntegerField(
        _("save count"),
        default=0,
        editable=False,
        help_text=_("Raised by one on every save; guards against lost edits."),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.version = (self.version or 0) + 1
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "version"}
        super().save(*args, **kwargs)


def stale_form_errors(obj, opened_version: int) -> list[str]:
    """The refusal message and one line per field changed since `opened_version`."""
    from portal.history import changes_since

    saves = changes_since(obj, opened_version)
    messages = [
        gettext(
            "Someone else saved this record after you opened it, so your changes were not "
            "saved. Your values are still in the form below: open the record again to see "
            "the current version, then reapply what you typed."
        )
    ]
    if not saves:
        messages.append(gettext("The earlier changes were made outside the admin."))
    for save in saves:
        messages.append(
            gettext("Saved by %(user)s on %(when)s:") % {"user": save.user, "when": save.when}
        )
        messages.extend(f"• {line}" for line in save.lines)
    return messages


def locked_form(form_class):
    """`form_class` with the hidden version it was opened on, checked on save."""

    class LockedForm(form_class):
        lock_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            if self.instance.pk is not None:
                self.fields[LOCK_FIELD].initial = self.instance.version

        def clean(self):
            cleaned = super().clean()
            opened = cleaned.get(LOCK_FIELD)
            if self.instance.pk is None or opened is None:
                return cleaned
            current = (
                type(self.instance)
                ._base_manager.select_for_update()
                .filter(pk=self.instance.pk)
                .values_list("version", flat=True)
                .first()
            )
            if current is not None and current != opened:
                raise forms.ValidationError(stale_form_errors(self.instance, opened), code="stale")
            return cleaned

    LockedForm.__name__ = form_class.__name__
    return LockedForm


class LockingAdminMixin:
    """ModelAdmin mixin: the change form carries and checks the record's version."""

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs.setdefault("form", locked_form(self.form))
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        names = {
            name
            for _name, options in fieldsets
            for line in options.get("fields", ())
            for name in (line if isinstance(line, (list, tuple)) else (line,))
        }
        if LOCK_FIELD not in names and fieldsets:
            title, options = fieldsets[-1]
            fieldsets[-1] = (title, {**options, "fields": [*options["fields"], LOCK_FIELD]})
        return fieldsets
