"""History and restore of content records, with django-reversion (pinned in pyproject).

Why django-reversion rather than django-simple-history:

- Inlines. A record is edited together with its inline rows (an event's sessions,
  roles, organisers). reversion saves the record and every followed inline row in
  one *revision*, and restoring a revision restores the rows too, deleting rows
  added since. simple-history keeps one table per model with no grouping, so
  restoring an event with its sessions would have to be written by hand.
- Migrations. simple-history adds a historical table per model, a copy of every
  column, and every later field change (each `_th`/`_en` pair modeltranslation
  adds) needs a second migration for the copy. reversion keeps all versions in two
  tables of its own, serialised as JSON: 10,000 events with some ten inline rows
  and a few saves each are a few hundred thousand rows in one indexed table and no
  migration at all in the apps.
- modeltranslation. reversion serialises the concrete fields at save time, when
  modeltranslation's `title_th`/`title_en` columns exist, so both languages are
  kept; simple-history builds its copy at class-preparation time, before
  modeltranslation has added them, unless registration is carefully delayed.
- Admin. `VersionAdmin` adds the history list and a restore view that shows the
  earlier version in the normal change form, to be confirmed with Save; the
  restore is saved as a new revision, so it is itself in the history.

Field-level differences are computed here by comparing each version with the one
before it, and shown in the reader's language with Buddhist-Era dates on Thai pages.
"""

import datetime
import itertools
import json
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.contrib import messages
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.text import capfirst
from django.utils.translation import get_language, gettext, pgettext_lazy
from reversion.admin import VersionAdmin
from reversion.models import Version

from portal import thaidates

# Kept by every save, never a difference a reader cares about.
SKIPPED_FIELDS = {"version", "created_at", "updated_at", "search_document"}
RESTORE_MARK = "portal:restored"
BASELINE_MARK = "portal:baseline"
# Saves outside the admin: `portal:imported <file name>`, `portal:demo`, `portal:recomputed`.
IMPORT_MARK = "portal:imported"
DEMO_MARK = "portal:demo"
RECOMPUTE_MARK = "portal:recomputed"
LANGUAGE_LABELS = {
    "th": pgettext_lazy("language of a field", "Thai"),
    "en": pgettext_lazy("language of a field", "English"),
}


def format_when(value) -> str:
    """A date and time as staff read it: `20 กรกฎาคม 2567 17:00` / `20 July 2024 17:00`."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        suffix = " น." if (get_language() or "th").startswith("th") else ""
        return f"{thaidates.format_date(value.date())} {value:%H:%M}{suffix}"
    return thaidates.format_date(value)


def _label(model, name: str) -> str:
    model_field = model._meta.get_field(name)
    original = getattr(model_field, "translated_field", None)
    if original is not None:
        language = LANGUAGE_LABELS.get(model_field.language, model_field.language)
        return f"{capfirst(original.verbose_name)} ({language})"
    return str(capfirst(model_field.verbose_name))


def _compared_fields(model) -> list[str]:
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    originals = {f.translated_field.name for f in fields if getattr(f, "translated_field", None)}
    return [
        f.attname if f.is_relation else f.name
        for f in fields
        if f.name not in originals and f.name not in SKIPPED_FIELDS
    ]


def _display(model, name: str, value) -> str:
    if value in (None, ""):
        return "—"
    try:
        model_field = model._meta.get_field(name)
    except FieldDoesNotExist:
        model_field = next((f for f in model._meta.concrete_fields if f.attname == name), None)
    if model_field is not None and model_field.is_relation:
        related = model_field.related_model._base_manager.filter(pk=value).first()
        return str(related) if related is not None else f"#{value}"
    if model_field is not None and model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if isinstance(value, (datetime.date, datetime.datetime)):
        return format_when(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return number_format(value, force_grouping=True)
    text = str(value)
    return text if len(text) <= 120 else f"{text[:117]}…"


def _around_difference(old: str, new: str, context: int = 40) -> tuple[str, str]:
    """The stretch of two long texts where they differ, with a little context each side:
    `…เป็นประธานในพิธีเปิด` → `…เป็นประธานในพิธีเปิด แก้ไขแล้ว`."""
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    begin = max(0, start - context)

    def cut(text: str) -> str:
        stop = len(text) - max(0, end - context)
        piece = text[begin:stop]
        if len(piece) > 2 * context + 80:
            piece = f"{piece[: context + 40]}…{piece[-(context + 40) :]}"
        return f"{'…' if begin else ''}{piece}{'…' if stop < len(text) else ''}" or "—"

    return cut(old), cut(new)


def _field_name(model, attname: str) -> str:
    for f in model._meta.concrete_fields:
        if f.attname == attname:
            return f.name
    return attname


def field_changes(model, before: dict | None, after: dict) -> list[str]:
    """`Label: old → new` for every compared field that differs."""
    lines = []
    for name in _compared_fields(model):
        key = _field_name(model, name)
        new = after.get(key, after.get(name))
        old = None if before is None else before.get(key, before.get(name))
        if before is not None and old == new:
            continue
        if before is None and new in (None, "", False):
            continue
        shown_old, shown_new = _display(model, key, old), _display(model, key, new)
        if before is not None and shown_old == shown_new:
            if isinstance(old, str) and isinstance(new, str) and old.strip() != new.strip():
                # A long text changed past the part shown: show the part that changed.
                shown_old, shown_new = _around_difference(old, new)
            else:
                continue  # "" and None, or seconds the form does not keep
        lines.append(f"{_label(model, key)}: {shown_old} → {shown_new}")
    return lines


def _field_dict(version: Version) -> dict | None:
    try:
        return version.field_dict
    except Exception:  # a field removed since: show what can still be read
        try:
            return json.loads(version.serialized_data)[0]["fields"]
        except (ValueError, LookupError, TypeError):
            return None


def _row_name(version: Version) -> str:
    """A row's name in the reader's language (the stored name is in the saver's)."""
    try:
        return str(version._object_version.object)
    except Exception:  # a field or a related record removed since
        return version.object_repr


def _row_key(version: Version):
    return (version.content_type_id, version.object_id)


def _inline_changes(main: Version, previous: Version | None) -> list[str]:
    """Rows of the inlines added, removed or changed between two revisions."""
    rows_after = {
        _row_key(v): v for v in main.revision.version_set.all() if _row_key(v) != _row_key(main)
    }
    rows_before = (
        {}
        if previous is None
        else {
            _row_key(v): v
            for v in previous.revision.version_set.all()
            if _row_key(v) != _row_key(main)
        }
    )
    lines = []
    for key, version in rows_after.items():
        model = version.content_type.model_class()
        if model is None:
            continue
        kind = capfirst(model._meta.verbose_name)
        if key not in rows_before:
            if previous is not None:
                lines.append(
                    gettext("%(kind)s added: %(row)s") % {"kind": kind, "row": _row_name(version)}
                )
            continue
        before, after = _field_dict(rows_before[key]), _field_dict(version)
        if before is None or after is None:
            continue
        fk_names = {
            f.name
            for f in model._meta.concrete_fields
            if f.is_relation and f.related_model is main.content_type.model_class()
        }
        for line in field_changes(model, before, {**after}):
            if line.split(":", 1)[0] in {_label(model, n) for n in fk_names}:
                continue
            lines.append(f"{kind} “{_row_name(version)}”: {line}")
    for key, version in rows_before.items():
        if key not in rows_after:
            model = version.content_type.model_class()
            kind = capfirst(model._meta.verbose_name) if model else ""
            lines.append(
                gettext("%(kind)s removed: %(row)s") % {"kind": kind, "row": _row_name(version)}
            )
    return lines


@dataclass
class Entry:
    """One save of a record as the history page shows it."""

    version: Version
    user: str
    when: str
    action: str
    lines: list[str] = field(default_factory=list)
    url: str = ""


def _user(revision) -> str:
    user = revision.user
    if user is None:
        return "—"
    return user.get_full_name() or user.get_username()


def _action(version: Version, previous: Version | None) -> str:
    comment = version.revision.comment or ""
    if comment.startswith(RESTORE_MARK):
        restored = comment.removeprefix(RESTORE_MARK).strip()
        try:
            when = format_when(datetime.datetime.fromisoformat(restored))
        except ValueError:
            when = restored
        return gettext("Restored the version of %(when)s") % {"when": when}
    if comment == BASELINE_MARK:
        return gettext("As it was when its history began")
    if comment.startswith(IMPORT_MARK):
        name = comment.removeprefix(IMPORT_MARK).strip()
        if previous is None:
            return gettext("Created by importing “%(file)s”") % {"file": name}
        return gettext("Changed by importing “%(file)s”") % {"file": name}
    if comment == DEMO_MARK:
        if previous is None:
            return gettext("Created by loading the demonstration content")
        return gettext("Changed by loading the demonstration content")
    if comment == RECOMPUTE_MARK:
        return gettext("Participant groups recomputed from the attendance")
    if previous is None:
        return gettext("Created")
    return gettext("Changed")


def entries(model, object_id, limit: int | None = None) -> list[Entry]:
    """The saves of a record, newest first, each with its field-level difference."""
    versions = list(
        Version.objects.get_for_object_reference(model, object_id)
        .select_related("revision__user", "content_type")
        .prefetch_related("revision__version_set__content_type")
        .order_by("-pk")
    )
    result = []
    for index, version in enumerate(versions):
        if limit is not None and index >= limit:
            break
        previous = versions[index + 1] if index + 1 < len(versions) else None
        after = _field_dict(version) or {}
        before = _field_dict(previous) if previous is not None else None
        lines = field_changes(model, before, after) if previous is not None else []
        lines += _inline_changes(version, previous)
        result.append(
            Entry(
                version=version,
                user=_user(version.revision),
                when=format_when(version.revision.date_created),
                action=_action(version, previous),
                lines=lines,
            )
        )
    return result


def changes_since(obj, opened_version: int, limit: int = 50) -> list[Entry]:
    """The saves of `obj` after the one that left it at `opened_version`, oldest first."""
    found = []
    for entry in entries(type(obj), obj.pk, limit=limit):
        data = _field_dict(entry.version) or {}
        if data.get("version") is not None and data["version"] <= opened_version:
            break
        found.append(entry)
    return list(reversed(found))


class HistoryAdminMixin(VersionAdmin):
    """ModelAdmin base: history with differences in the reader's language, and restore.

    The restore view is reversion's: the chosen version is shown in the change form
    and applied only when the staff member presses Save (the confirmation); the
    version number is carried past the newest, so the lock is never confused.
    """

    object_history_template = "admin/portal/history.html"
    revision_form_template = "admin/portal/restore_form.html"
    history_latest_first = True

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "POST":
            self._keep_baseline(request, object_id)
        return super().change_view(request, object_id, form_url, extra_context)

    def _keep_baseline(self, request, object_id):
        """A record saved before it had a history (seeds, imports) gets its state kept
        first, so the first admin save shows what it changed and can be undone."""
        import reversion
        from django.contrib.admin.utils import unquote

        obj = self.get_object(request, unquote(object_id))
        if obj is None or Version.objects.get_for_object(obj).exists():
            return
        with reversion.create_revision(atomic=True):
            reversion.set_comment(BASELINE_MARK)
            reversion.add_to_revision(obj)

    def history_view(self, request, object_id, extra_context=None):
        from django.contrib.admin.utils import quote, unquote
        from django.urls import reverse

        opts = self.model._meta
        rows = entries(self.model, unquote(object_id))
        can_restore = self.has_change_permission(request)
        for entry in rows:
            if can_restore:
                entry.url = reverse(
                    f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_revision",
                    args=(quote(entry.version.object_id), entry.version.pk),
                )
        context = {"history_entries": rows, **(extra_context or {})}
        return super().history_view(request, object_id, context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        from django.contrib.admin.utils import unquote

        version = Version.objects.filter(pk=version_id, object_id=unquote(object_id)).first()
        context = {
            "restored_when": format_when(version.revision.date_created) if version else "",
            **(extra_context or {}),
        }
        if request.method == "POST":
            current = (
                self.model._base_manager.filter(pk=unquote(object_id))
                .values_list("version", flat=True)
                .first()
            )
            request._portal_version_floor = current or 0
        response = super().revision_view(request, object_id, version_id, context)
        if request.method == "POST" and response.status_code == 302 and version is not None:
            latest = Version.objects.get_for_object_reference(self.model, unquote(object_id))
            latest = latest.order_by("-pk").select_related("revision").first()
            if latest is not None:
                stamp = version.revision.date_created.isoformat()
                type(latest.revision)._base_manager.filter(pk=latest.revision_id).update(
                    comment=f"{RESTORE_MARK} {stamp}"
                )
            messages.success(
                request,
                gettext("The version of %(when)s was restored; the restore is in the history.")
                % {"when": context["restored_when"]},
            )
        return response

    def save_model(self, request, obj, form, change):
        floor = getattr(request, "_portal_version_floor", None)
        if floor is not None and getattr(obj, "version", None) is not None:
            obj.version = max(obj.version, floor)
        super().save_model(request, obj, form, change)


def _roots_of() -> dict[type[models.Model], list[tuple[type[models.Model], str | None]]]:
    """For each model the admin keeps a history of, the records whose history a save of it
    belongs to: itself (a record with its own history) and, for an inline row, the record
    the row belongs to, by the attribute naming it."""
    from django.contrib import admin
    from django.forms.models import _get_foreign_key

    roots: dict = {}
    for model, model_admin in admin.site._registry.items():
        if not isinstance(model_admin, HistoryAdminMixin):
            continue
        roots.setdefault(model, []).append((model, None))
        for inline in model_admin.inlines:
            try:
                fk = _get_foreign_key(model, inline.model, fk_name=inline.fk_name)
            except ValueError:
                continue
            roots.setdefault(inline.model, []).append((model, fk.attname))
    return roots


_recording = itertools.count()


@contextmanager
def recorded(comment: str, *, user=None, records=()):
    """Saves made outside the admin (imports, the demo, admin actions) leave a history entry.

    Inside the block, every save or deletion of a record with a history, or of one of its
    inline rows, is noted; when the block ends without an error, each record noted (and each
    of `records`) gets one revision of its own, with its inline rows, `comment` and `user`:
    its history page then shows that save and what it changed, like an admin save. Rows
    written with `bulk_create` send no signal: pass their record in `records`.
    """
    import reversion

    roots = _roots_of()
    touched: dict[tuple, None] = {}
    checked: set[tuple] = set()

    def keep_baseline(model, pk):
        """A record about to change that has no history yet gets its state kept first, so
        the entry of this save shows what it changed (as `_keep_baseline` in the admin)."""
        if (model, pk) in checked or not is_versioned(model):
            return
        checked.add((model, pk))
        obj = model._base_manager.filter(pk=pk).first()
        if obj is None or Version.objects.get_for_object(obj).exists():
            return
        with reversion.create_revision(atomic=True):
            reversion.set_comment(BASELINE_MARK)
            reversion.add_to_revision(obj)

    def records_of(sender, instance):
        for model, attname in roots.get(sender, ()):
            pk = instance.pk if attname is None else getattr(instance, attname, None)
            if pk is not None:
                yield model, pk

    def before(sender, instance, **kwargs):
        for model, pk in records_of(sender, instance):
            keep_baseline(model, pk)

    def after(sender, instance, created=False, **kwargs):
        if created and sender in roots:
            checked.add((sender, instance.pk))  # new here: its first entry says so
        for key in records_of(sender, instance):
            touched[key] = None

    for record in records:
        keep_baseline(type(record), record.pk)
    uid = f"portal-history-recorded-{next(_recording)}"
    pre_save.connect(before, weak=False, dispatch_uid=uid)
    pre_delete.connect(before, weak=False, dispatch_uid=uid)
    post_save.connect(after, weak=False, dispatch_uid=uid)
    post_delete.connect(after, weak=False, dispatch_uid=uid)
    try:
        yield
    finally:
        for signal in (pre_save, pre_delete, post_save, post_delete):
            signal.disconnect(dispatch_uid=uid)
    for record in records:
        touched[(type(record), record.pk)] = None
    for model, pk in touched:
        obj = model._base_manager.filter(pk=pk).first()
        if obj is None or not is_versioned(model):
            continue
        with reversion.create_revision(atomic=True):
            reversion.set_comment(comment)
            if user is not None:
                reversion.set_user(user)
            reversion.add_to_revision(obj)
        _drop_if_unchanged(obj)


def _drop_if_unchanged(obj) -> None:
    """Forget the newest revision of `obj` when it holds exactly what the one before held
    (a save that wrote the same values: the demo loaded twice)."""
    newest, before = (list(Version.objects.get_for_object(obj)[:2]) + [None, None])[:2]
    if newest is None or before is None:
        return

    def rows(version):
        return {
            (v.content_type_id, v.object_id): v.serialized_data
            for v in version.revision.version_set.all()
        }

    if rows(newest) == rows(before):
        newest.revision.delete()


def is_versioned(model: type[models.Model]) -> bool:
    from reversion import is_registered

    return is_registered(model)


def _content_admins():
    from portal.admin_queries import CheckedQueryAdminMixin
    from portal.locking import LockingAdminMixin
    from portal.roles import PublishingAdminMixin

    class RecordAdminMixin(CheckedQueryAdminMixin, LockingAdminMixin, HistoryAdminMixin):
        """A content record without a status: locked against lost edits, with history."""

    class ContentAdminMixin(PublishingAdminMixin, RecordAdminMixin):
        """A content record with a status: also only publishers set it."""

    return RecordAdminMixin, ContentAdminMixin


RecordAdminMixin, ContentAdminMixin = _content_admins()
