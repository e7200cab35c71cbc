from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db.models.functions import ExtractYear
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import (
    TabbedTranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from events.forms import (
    EventAdminForm,
    ParticipantGroupFormSet,
    RoleFormSet,
    RoleInlineForm,
)
from events.models import (
    Award,
    Event,
    EventAlbum,
    EventGoodPractice,
    EventOrganiser,
    EventSeries,
    EventSource,
    ParticipantGroup,
    Participation,
    Photo,
    Role,
    Session,
)
from events.resources import AttendanceImporter
from events.services import participant_groups_counted, participant_groups_recompute
from events.templatetags.events_tags import participants_text, qualified_number
from portal import history, thaidates
from portal.admin_filters import CountryListFilter, country_filter
from portal.admin_queries import CheckedQueryAdminMixin
from portal.admin_sources import SourceInlineBase
from portal.dashboard import QualityFilter
from portal.history import ContentAdminMixin
from portal.imports import ImportAdminMixin


class YearListFilter(admin.SimpleListFilter):
    """Filter by the year the event started, labelled in the staff member's calendar."""

    title = _("year")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = (
            Event.objects.annotate(y=ExtractYear("start_date"))
            .order_by("-y")
            .values_list("y", flat=True)
            .distinct()
        )
        return [(str(y), str(thaidates.calendar_year(y))) for y in years]

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(start_date__year=int(value))
        return queryset


class EventOrganiserInline(admin.TabularInline):
    model = EventOrganiser
    extra = 0
    autocomplete_fields = ["organisation"]
    fields = ["organisation", "role", "order"]

    def get_extra(self, request, obj=None, **kwargs):
        # A new event that follows another starts with that event's organisers.
        previous = getattr(request, "_previous_event", None)
        if obj is None and previous is not None:
            return len(previous.event_organisers.all())
        return super().get_extra(request, obj, **kwargs)


class SessionInline(TranslationStackedInline):
    """Stacked, a few fields a line, so it fits the page and each error shows by its field;
    the description (long, seldom given) is folded away."""

    model = Session
    extra = 0
    fieldsets = [
        (None, {"fields": [("kind", "number", "order"), ("starts_at", "ends_at"), "title"]}),
        (_("Description"), {"fields": ["description"], "classes": ["collapse"]}),
    ]


class RoleInline(TranslationStackedInline):
    """Stacked, two fields a line: as a table (a search box, a position held in two
    languages) it was wider than the page, hiding its last columns and their errors."""

    model = Role
    form = RoleInlineForm
    formset = RoleFormSet
    extra = 0
    autocomplete_fields = ["person"]
    # A session added in the same form is named by its number in the list (session_position).
    fields = [("person", "role"), ("session", "session_position"), ("position_held", "order")]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "session":
            # Only this event's sessions (none yet on a new event: save once, then assign).
            object_id = (
                request.resolver_match.kwargs.get("object_id") if request.resolver_match else None
            )
            queryset = Session.objects.none()
            if object_id and str(object_id).isdigit():
                queryset = Session.objects.filter(event_id=int(object_id))
            kwargs["queryset"] = queryset
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class ParticipantGroupInline(TranslationTabularInline):
    model = ParticipantGroup
    formset = ParticipantGroupFormSet
    extra = 0
    fields = ["label", "count", "units", "unit_label", "per_unit", "order"]
    # Narrower boxes than the admin's 20em, so the table fits the page at 1280 px
    # (classes of static/css/admin.css: the Content-Security-Policy allows no inline style).
    WIDTHS = {"label": "admin-box-16em", "unit_label": "admin-box-8em"}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        width = self.WIDTHS.get(getattr(db_field, "translated_field", db_field).name)
        if field is not None and width:
            classes = field.widget.attrs.get("class", "")
            field.widget.attrs["class"] = f"{classes} {width}".strip()
        return field


class EventAlbumInline(TranslationTabularInline):
    model = EventAlbum
    extra = 0
    fields = ["label", "url", "order"]


class PhotoInline(TranslationTabularInline):
    model = Photo
    extra = 0
    fields = ["image", "caption", "credit", "is_placeholder", "order"]


class AwardInline(TranslationStackedInline):
    """Stacked, like the sessions: as a table its citation box pushed the form far past the
    page's right edge."""

    model = Award
    extra = 0
    autocomplete_fields = ["organisation", "person"]
    fields = [("title", "category"), ("organisation", "person"), "citation", "order"]


class EventGoodPracticeInline(admin.TabularInline):
    model = EventGoodPractice
    extra = 0
    autocomplete_fields = ["good_practice"]
    fields = ["good_practice", "role", "order"]


class EventSourceInline(SourceInlineBase):
    model = EventSource


@admin.register(EventSeries)
class EventSeriesAdmin(CheckedQueryAdminMixin, TabbedTranslationAdmin):
    list_display = ["__str__", "programme", "status"]
    search_fields = ["title_th", "title_en", "slug"]
    autocomplete_fields = ["programme"]
    prepopulated_fields = {"slug": ("title_en",)}
    fields = ["title", "slug", "summary", "programme", "status", "published_at"]


def resolve_session_positions(roles, sessions) -> None:
    """Give each role that names its session by its number in the sessions list (already
    saved, so new sessions have their keys) that session."""
    rows = []
    if sessions is not None:
        deleted = set(map(id, sessions.deleted_forms))
        rows = [f.instance for f in sessions.forms if id(f) not in deleted]
    for role_form in roles.forms:
        position = (getattr(role_form, "cleaned_data", None) or {}).get("session_position")
        if position and position <= len(rows) and rows[position - 1].pk:
            role_form.instance.session = rows[position - 1]


class KeepEventOnAddAnotherMixin:
    """“Save and add another” opens the next form with the same event already chosen."""

    def _keep_event(self, request, obj, response):
        if (
            "_addanother" in request.POST
            and isinstance(response, HttpResponseRedirect)
            and getattr(obj, "event_id", None)
        ):
            location = response["Location"]
            separator = "&" if "?" in location else "?"
            return HttpResponseRedirect(f"{location}{separator}event={obj.event_id}")
        return response

    def response_add(self, request, obj, post_url_continue=None):
        return self._keep_event(request, obj, super().response_add(request, obj, post_url_continue))

    def response_change(self, request, obj):
        return self._keep_event(request, obj, super().response_change(request, obj))


# “Save and add another” on an event opens the next one with what it shares filled in.
PREVIOUS_EVENT = "after"


@admin.register(Event)
class EventAdmin(ContentAdminMixin, ImportAdminMixin, TabbedTranslationAdmin):
    form = EventAdminForm
    change_form_template = "events/admin/event_change_form.html"
    inlines = [
        EventOrganiserInline,
        SessionInline,
        RoleInline,
        ParticipantGroupInline,
        AwardInline,
        EventGoodPracticeInline,
        EventAlbumInline,
        PhotoInline,
        EventSourceInline,
    ]
    list_display = [
        "__str__",
        "dates",
        "kind",
        "venue_city",
        "participants",
        "totals_flag",
        "languages_flag",
        "status",
    ]
    list_filter = [
        YearListFilter,
        "kind",
        ("programme", admin.RelatedOnlyFieldListFilter),
        ("network", admin.RelatedOnlyFieldListFilter),
        country_filter("venue_country", _("country")),
        "status",
        QualityFilter,
    ]
    search_fields = ["title_th", "title_en", "slug", "venue_city_th", "venue_city_en"]
    autocomplete_fields = [
        "programme",
        "network",
        "series",
        "reporter",
        "documents",
        "transfers",
    ]
    prepopulated_fields = {"slug": ("title_en",)}
    readonly_fields = ["participant_check_display"]
    list_select_related = ["programme", "network"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "theme", "edition", "status", "published_at"]}),
        (_("Programme and network"), {"fields": ["programme", "network"]}),
        (_("Series"), {"fields": ["series", ("batch_number", "batch_place")]}),
        (
            _("Dates and venue"),
            {
                "fields": [
                    ("start_date", "end_date"),
                    ("start_time", "end_time"),
                    "venue_name",
                    "venue_address",
                    "venue_city",
                    "venue_country",
                ]
            },
        ),
        (
            _("Report"),
            {"fields": ["summary", "objectives", "body", "outcome_title", "outcome_statement"]},
        ),
        (
            _("Participants"),
            {
                "fields": [
                    ("participants_qualifier", "declared_participants"),
                    "participant_check_display",
                    "totals_difference_confirmed",
                    "organisations_represented",
                    "countries_represented",
                ]
            },
        ),
        (
            _("Credits and sources"),
            {"fields": ["reporter", "reporter_name", "image_credit", "source_url"]},
        ),
        (_("Documents"), {"fields": ["documents", "transfers"]}),
        (_("Staff notes (private)"), {"fields": ["staff_notes"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_participant_totals()

    @admin.display(description=_("dates"), ordering="start_date")
    def dates(self, obj):
        return thaidates.format_range(obj.start_date, obj.end_date)

    @admin.display(description=_("participants"), ordering="declared_participants")
    def participants(self, obj):
        return participants_text(obj) or "–"

    @admin.display(description=_("groups vs total"))
    def totals_flag(self, obj):
        check = obj.participant_check
        if check.differs:
            text = _("do not add up (%(groups)s ≠ %(declared)s)") % {
                "groups": check.groups_total,
                "declared": qualified_number(check.qualifier, check.declared),
            }
            if obj.totals_difference_confirmed:
                text = _("%(text)s, confirmed") % {"text": text}
                return format_html('<span class="admin-flag-muted">{}</span>', text)
            return format_html('<span class="admin-flag-bad">⚠ {}</span>', text)
        if check.reconciles:
            return format_html('<span class="admin-flag-good">✓ {}</span>', _("add up"))
        return "–"

    @admin.display(description=_("title in both languages"))
    def languages_flag(self, obj):
        missing = obj.missing_languages
        if not missing:
            return format_html('<span class="admin-flag-good">{}</span>', "✓")
        names = {"th": _("no Thai title"), "en": _("no English title")}
        return format_html(
            '<span class="admin-flag-bad">⚠ {}</span>',
            ", ".join(str(names[m]) for m in missing),
        )

    @admin.display(description=_("participant groups compared with the declared total"))
    def participant_check_display(self, obj):
        if obj is None or not obj.pk:
            return _("Checked when you save.")
        check = obj.participant_check
        if check.differs:
            return _("The groups add up to %(groups)s but the declared total is %(declared)s.") % {
                "groups": check.groups_total,
                "declared": qualified_number(check.qualifier, check.declared),
            }
        if check.reconciles and not check.qualifier:
            return _("The groups add up to the declared total (%(total)s).") % {
                "total": check.groups_total
            }
        if check.reconciles:
            return _("The groups (%(groups)s) agree with the declared total (%(total)s).") % {
                "groups": check.groups_total,
                "total": qualified_number(check.qualifier, check.declared),
            }
        return check.label

    # Import of individual attendance and the counts recomputed from it (issue 12, point 3).
    imports = {
        "attendance": {
            "title": _("Import attendance"),
            "importer": AttendanceImporter,
            "on_object": True,
            "allowed": lambda request: request.user.has_perms(
                ["events.add_participation", "events.change_participation"]
            ),
        }
    }
    actions = ["recompute_participant_groups"]

    @admin.action(
        description=_("Recompute participant groups from the imported attendance"),
        permissions=["change"],
    )
    def recompute_participant_groups(self, request, queryset):
        events = list(queryset.order_by("start_date", "pk"))
        if request.POST.get("confirm") != "yes":
            plans = [(event, *participant_groups_counted(event=event)) for event in events]
            return TemplateResponse(
                request,
                "events/admin/recompute_groups.html",
                {
                    **self.admin_site.each_context(request),
                    "opts": self.opts,
                    "title": _("Recompute participant groups?"),
                    "plans": plans,
                    "queryset": queryset,
                    "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
                },
            )
        changed = 0
        for event in events:
            with history.recorded(history.RECOMPUTE_MARK, user=request.user, records=[event]):
                changes, uncounted = participant_groups_recompute(event=event)
            changed += len(changes)
            for change in changes:
                self.message_user(
                    request,
                    gettext("%(event)s: “%(group)s” %(before)s → %(after)s people.")
                    % {
                        "event": event,
                        "group": change.group.label or change.group.label_en,
                        "before": "–" if change.before is None else change.before,
                        "after": change.after,
                    },
                    messages.SUCCESS,
                )
            if uncounted:
                self.message_user(
                    request,
                    ngettext(
                        "%(event)s: %(count)s attendee has no category and is in no group.",
                        "%(event)s: %(count)s attendees have no category and are in no group.",
                        uncounted,
                    )
                    % {"event": event, "count": uncounted},
                    messages.WARNING,
                )
        if not changed:
            self.message_user(
                request, gettext("Every group already matches the attendance."), messages.INFO
            )

    def save_related(self, request, form, formsets, change):
        """Sessions first, then roles naming a session by its number in the list get it."""
        formsets = sorted(formsets, key=lambda formset: formset.model is not Session)
        sessions = next((f for f in formsets if f.model is Session), None)
        form._session_formset = sessions
        super().save_related(request, form, formsets, change)

    def save_formset(self, request, form, formset, change):
        if formset.model is Role:
            resolve_session_positions(formset, getattr(form, "_session_formset", None))
        super().save_formset(request, form, formset, change)

    def _view_on_site(self, request, obj, response):
        if "_viewonsite" in request.POST:
            return HttpResponseRedirect(obj.get_absolute_url())
        if "_addanother" in request.POST and isinstance(response, HttpResponseRedirect):
            # The next event keeps this one's programme, network, series (next batch),
            # kind, country and organisers: the next batch or day of a series is dates,
            # place and title away.
            location = response["Location"]
            separator = "&" if "?" in location else "?"
            return HttpResponseRedirect(f"{location}{separator}{PREVIOUS_EVENT}={obj.pk}")
        return response

    def _previous_event(self, request):
        """The event named by `?after=` on the add form, if this staff member may see it."""
        if not hasattr(request, "_previous_event"):
            value = request.GET.get(PREVIOUS_EVENT, "") if request.method == "GET" else ""
            previous = None
            if value.isdigit():
                previous = (
                    self.get_queryset(request)
                    .prefetch_related("event_organisers")
                    .filter(pk=int(value))
                    .first()
                )
                if previous is not None and not self.has_view_permission(request, previous):
                    previous = None
            request._previous_event = previous
        return request._previous_event

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        initial.pop(PREVIOUS_EVENT, None)
        previous = self._previous_event(request)
        if previous is None:
            return initial
        shared = {
            "programme": previous.programme_id,
            "network": previous.network_id,
            "series": previous.series_id,
            "kind": previous.kind,
            "venue_country": previous.venue_country.code or "",
        }
        if previous.series_id:
            last = (
                Event.objects.filter(series_id=previous.series_id)
                .order_by("-batch_number")
                .values_list("batch_number", flat=True)
                .first()
            )
            shared["batch_number"] = (last or 0) + 1
        return {**{k: v for k, v in shared.items() if v not in (None, "")}, **initial}

    def add_view(self, request, form_url="", extra_context=None):
        self._previous_event(request)
        return super().add_view(request, form_url, extra_context)

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        previous = getattr(request, "_previous_event", None)
        if isinstance(inline, EventOrganiserInline) and previous is not None and not obj.pk:
            kwargs["initial"] = [
                {"organisation": row.organisation_id, "role": row.role, "order": row.order}
                for row in previous.event_organisers.all()
            ]
        return kwargs

    def response_add(self, request, obj, post_url_continue=None):
        return self._view_on_site(
            request, obj, super().response_add(request, obj, post_url_continue)
        )

    def response_change(self, request, obj):
        return self._view_on_site(request, obj, super().response_change(request, obj))


@admin.register(Participation)
class ParticipationAdmin(CheckedQueryAdminMixin, KeepEventOnAddAnotherMixin, admin.ModelAdmin):
    """Individual attendance: staff only, never shown on public pages."""

    list_display = ["__str__", "event", "organisation", "group", "country", "attended"]
    list_filter = ["attended", CountryListFilter, ("event", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["event", "person", "organisation", "group"]
    autocomplete_fields = ["event", "person", "organisation"]
    search_fields = ["name", "event__title_th", "event__title_en"]
