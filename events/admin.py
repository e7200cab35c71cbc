from django.contrib import admin
from django.db.models.functions import ExtractYear
from django.http import HttpResponseRedirect
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from events.forms import (
    EventAdminForm,
    ParticipantGroupFormSet,
)
from events.models import (
    Event,
    EventAlbum,
    EventOrganiser,
    ParticipantGroup,
    Participation,
    Photo,
    Role,
    Session,
)
from portal import thaidates
from portal.admin_filters import CountryListFilter, country_filter
from portal.history import ContentAdminMixin


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


class SessionInline(TranslationTabularInline):
    model = Session
    extra = 0
    fields = ["kind", "number", "title", "description", "starts_at", "ends_at", "order"]


class RoleInline(TranslationTabularInline):
    model = Role
    extra = 0
    autocomplete_fields = ["person"]
    fields = ["person", "role", "session", "position_held", "order"]

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


class EventAlbumInline(TranslationTabularInline):
    model = EventAlbum
    extra = 0
    fields = ["label", "url", "order"]


class PhotoInline(TranslationTabularInline):
    model = Photo
    extra = 0
    fields = ["image", "caption", "credit", "is_placeholder", "order"]


@admin.register(Event)
class EventAdmin(ContentAdminMixin, TabbedTranslationAdmin):
    form = EventAdminForm
    change_form_template = "events/admin/event_change_form.html"
    inlines = [
        EventOrganiserInline,
        SessionInline,
        RoleInline,
        ParticipantGroupInline,
        EventAlbumInline,
        PhotoInline,
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
    ]
    search_fields = ["title_th", "title_en", "slug", "venue_city_th", "venue_city_en"]
    autocomplete_fields = ["programme", "network", "reporter", "documents"]
    prepopulated_fields = {"slug": ("title_en",)}
    readonly_fields = ["participant_check_display"]
    list_select_related = ["programme", "network"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "theme", "edition", "status", "published_at"]}),
        (_("Programme and network"), {"fields": ["programme", "network"]}),
        (
            _("Dates and venue"),
            {
                "fields": [
                    ("start_date", "end_date"),
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
                    "declared_participants",
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
        (_("Documents"), {"fields": ["documents"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_participant_totals()

    @admin.display(description=_("dates"), ordering="start_date")
    def dates(self, obj):
        return thaidates.format_range(obj.start_date, obj.end_date)

    @admin.display(description=_("participants"), ordering="declared_participants")
    def participants(self, obj):
        return obj.participant_total if obj.participant_total is not None else "–"

    @admin.display(description=_("groups vs total"))
    def totals_flag(self, obj):
        check = obj.participant_check
        if check.differs:
            text = _("do not add up (%(groups)s ≠ %(declared)s)") % {
                "groups": check.groups_total,
                "declared": check.declared,
            }
            if obj.totals_difference_confirmed:
                text = _("%(text)s, confirmed") % {"text": text}
            return format_html('<span style="color:#a33;font-weight:bold">⚠ {}</span>', text)
        if check.reconciles:
            return format_html('<span style="color:#262">✓ {}</span>', _("add up"))
        return "–"

    @admin.display(description=_("title in both languages"))
    def languages_flag(self, obj):
        missing = obj.missing_languages
        if not missing:
            return format_html('<span style="color:#262">{}</span>', "✓")
        names = {"th": _("no Thai title"), "en": _("no English title")}
        return format_html(
            '<span style="color:#a33;font-weight:bold">⚠ {}</span>',
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
                "declared": check.declared,
            }
        if check.reconciles:
            return _("The groups add up to the declared total (%(total)s).") % {
                "total": check.groups_total
            }
        return check.label

    def _view_on_site(self, request, obj, response):
        if "_viewonsite" in request.POST:
            return HttpResponseRedirect(obj.get_absolute_url())
        return response

    def response_add(self, request, obj, post_url_continue=None):
        return self._view_on_site(
            request, obj, super().response_add(request, obj, post_url_continue)
        )

    def response_change(self, request, obj):
        return self._view_on_site(request, obj, super().response_change(request, obj))


@admin.register(Participation)
class ParticipationAdmin(admin.ModelAdmin):
    """Individual attendance: staff only, never shown on public pages."""

    list_display = ["__str__", "event", "organisation", "group", "country", "attended"]
    list_filter = ["attended", CountryListFilter, ("event", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["event", "person", "organisation", "group"]
    autocomplete_fields = ["event", "person", "organisation"]
    search_fields = ["name", "event__title_th", "event__title_en"]
