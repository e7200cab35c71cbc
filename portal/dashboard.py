"""The admin home's dashboard: counts by status, recent changes and the data-quality list.

Apps say what is counted and checked through `portal.registry`
(`register_status_count`, `register_quality_check`) from their `AppConfig.ready()`;
this module never names an app's fields. Every figure is computed by the database
with a fixed number of queries whatever the data: one per counted model, one for
the recent changes, and two per check (its count and its first `ROWS_PER_CHECK`
rows); a check with more rows links to its model's changelist filtered by
`?quality=<key>` (`QualityFilter`), which shows them all.
"""

from dataclasses import dataclass, field

from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.db.models import Count, Q, QuerySet
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from portal import admin_dates, registry, thaidates
from portal.models import Status

ROWS_PER_CHECK = 5
RECENT_CHANGES = 10
QUALITY_PARAMETER = "quality"


def missing_text(*fields: str, lang: str):
    """A check's `narrow`: records with any of these translated fields empty in `lang`.

    `missing_text("title", "summary", lang="th")` finds records with no Thai title or
    no Thai summary (modeltranslation stores an empty translation as "" or NULL).
    """

    def narrow(queryset: QuerySet) -> QuerySet:
        condition = Q()
        for name in fields:
            column = f"{name}_{lang}"
            condition |= Q(**{column: ""}) | Q(**{f"{column}__isnull": True})
        return queryset.filter(condition)

    return narrow


class QualityFilter(admin.SimpleListFilter):
    """The changelist filter the dashboard links to: one choice per registered check of
    the admin's model. Add it to a model admin's `list_filter`."""

    title = _("data quality")
    parameter_name = QUALITY_PARAMETER

    def lookups(self, request, model_admin):
        return [
            (check.key, check.label)
            for check in registry.quality_checks_for(model_admin.model._meta.label)
        ]

    def queryset(self, request, queryset):
        for check in registry.quality_checks_for(queryset.model._meta.label):
            if check.key == self.value():
                return check.narrow(queryset)
        return queryset


@dataclass
class StatusRow:
    label: str
    changelist_url: str
    counts: list[tuple[str, int, str]]  # (status label, count, filtered changelist URL)
    total: int


@dataclass
class QualityItem:
    check: registry.QualityCheck
    count: int
    rows: list[tuple[str, str]]  # (record, admin change URL)
    more_url: str

    @property
    def has_more(self) -> bool:
        return self.count > len(self.rows)


@dataclass
class Change:
    entry: LogEntry
    who: str
    what: str
    kind: str
    when: str
    url: str
    message: str
    name: str = ""  # the record's name in the reader's language (the log keeps the saver's)


@dataclass
class Dashboard:
    statuses: list[StatusRow] = field(default_factory=list)
    quality: list[QualityItem] = field(default_factory=list)


def _can_view(user, model) -> bool:
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.view_{opts.model_name}") or user.has_perm(
        f"{opts.app_label}.change_{opts.model_name}"
    )


def _admin_url(model, name: str, *args) -> str:
    opts = model._meta
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_{name}", args=args)
    except NoReverseMatch:
        return ""


def format_when(value) -> str:
    """A moment in the page's calendar: `2 ธันวาคม 2569 14:05 น.` / `2 December 2026 14:05`."""
    value = timezone.localtime(value)
    date = thaidates.format_date(value)
    time = value.strftime("%H:%M")
    return f"{date} {time} น." if thaidates._language(None) == "th" else f"{date} {time}"


def status_rows(user) -> list[StatusRow]:
    rows = []
    for model in registry.status_counts:
        if not _can_view(user, model):
            continue
        found = dict(
            model._default_manager.order_by()
            .values("status")
            .annotate(n=Count("pk"))
            .values_list("status", "n")
        )
        changelist = _admin_url(model, "changelist")
        counts = [
            (
                status.label,
                found.get(status.value, 0),
                f"{changelist}?{urlencode({'status__exact': status.value})}" if changelist else "",
            )
            for status in Status
        ]
        rows.append(
            StatusRow(
                label=str(model._meta.verbose_name_plural),
                changelist_url=changelist,
                counts=counts,
                total=sum(found.values()),
            )
        )
    return rows


def quality_items(user) -> list[QualityItem]:
    items = []
    for check in registry.quality_checks:
        model = check.model
        if not _can_view(user, model):
            continue
        queryset = check.narrow(model._default_manager.all())
        count = queryset.order_by().count()
        if not count:
            continue
        rows = [
            (str(obj) or f"#{obj.pk}", _admin_url(model, "change", obj.pk))
            for obj in queryset.order_by("-pk")[:ROWS_PER_CHECK]
        ]
        changelist = _admin_url(model, "changelist")
        more_url = f"{changelist}?{urlencode({QUALITY_PARAMETER: check.key})}" if changelist else ""
        items.append(QualityItem(check=check, count=count, rows=rows, more_url=more_url))
    return items


def recent_changes(user, limit: int = RECENT_CHANGES) -> list[Change]:
    """Everyone's latest changes in the admin (who, what, when), newest first."""
    kinds = {1: _("added"), 2: _("changed"), 3: _("deleted")}
    entries = LogEntry.objects.select_related("user", "content_type").order_by("-action_time")[
        :limit
    ]
    entries = list(entries)
    names = _current_names(entries)
    changes = []
    for entry in entries:
        who = entry.user.get_full_name() or entry.user.get_username()
        content = entry.content_type.name if entry.content_type else ""
        changes.append(
            Change(
                entry=entry,
                who=who,
                what=f"{content[:1].upper()}{content[1:]}" if content else "",
                kind=str(kinds.get(entry.action_flag, "")),
                when=format_when(entry.action_time),
                url="" if entry.is_deletion() else (entry.get_admin_url() or ""),
                message=admin_dates.change_message(entry),
                name=names.get((entry.content_type_id, entry.object_id)) or entry.object_repr,
            )
        )
    return changes


def _current_names(entries) -> dict[tuple[int, str], str]:
    """Each logged record's name now, in the reader's language: one query per kind of
    record among the entries (at most `RECENT_CHANGES`)."""
    wanted: dict = {}
    for entry in entries:
        if entry.content_type is not None and not entry.is_deletion():
            wanted.setdefault(entry.content_type, set()).add(entry.object_id)
    names = {}
    for content_type, ids in wanted.items():
        model = content_type.model_class()
        if model is None:
            continue
        try:
            found = model._base_manager.in_bulk([model._meta.pk.to_python(i) for i in ids])
        except Exception:  # an id the model cannot read: keep the logged name
            continue
        for pk, obj in found.items():
            names[(content_type.pk, str(pk))] = str(obj)
    return names


def build(user) -> Dashboard:
    if not (user.is_active and user.is_staff):
        return Dashboard()
    return Dashboard(statuses=status_rows(user), quality=quality_items(user))
