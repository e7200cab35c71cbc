import datetime

from django.contrib import admin
from django.db import models
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modeltranslation.admin import (
    TabbedTranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from portal import registry, thaidates
from portal.admin_filters import CountryListFilter, country_filter
from portal.admin_queries import CheckedQueryAdminMixin
from portal.admin_sources import SourceInlineBase
from portal.dashboard import QualityFilter
from portal.history import ContentAdminMixin
from programmes import selectors
from programmes.forms import OrderedInlineFormSet, ProgrammeAdminForm
from programmes.models import (
    GoodPractice,
    GoodPracticeImage,
    ImpactStatement,
    Programme,
    ProgrammeLink,
    ProgrammePartner,
    ProgrammeSource,
    Stage,
    TeamMember,
    Theme,
    Transfer,
    TransferSource,
)
from programmes.templatetags.programmes_tags import programme_period


def missing_language_mark(obj, field: str = "title"):
    """✓ when the text exists in both languages, else ✗ and the language that is missing."""
    missing = [
        (label, note)
        for code, label, note in (
            ("th", pgettext_lazy("missing language", "Thai"), _("The Thai title is missing")),
            ("en", pgettext_lazy("missing language", "English"), _("The English title is missing")),
        )
        if not getattr(obj, f"{field}_{code}", "")
    ]
    if not missing:
        return format_html('<span title="{}">✓</span>', _("Title in both languages"))
    label, note = missing[0]
    return format_html('<span title="{}" class="admin-flag-bad">✗ {}</span>', note, label)


class StartYearListFilter(admin.SimpleListFilter):
    """Programmes by the year they started, named in the staff member's calendar."""

    title = _("start year")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        dates = model_admin.get_queryset(request).dates("start_date", "year", order="DESC")
        return [
            (str(d.year), thaidates.format_date(datetime.date(d.year, 1, 1), thaidates.YEAR))
            for d in dates
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(start_date__year=int(value))
        return queryset


class StageListFilter(admin.SimpleListFilter):
    """The stage staff set, or the one the dates give today."""

    title = _("programme status")
    parameter_name = "stage"

    def lookups(self, request, model_admin):
        return Stage.choices

    def queryset(self, request, queryset):
        if self.value() in Stage.values:
            return queryset.filter(selectors.stage_q(self.value()))
        return queryset


class PartnerInline(admin.TabularInline):
    model = ProgrammePartner
    extra = 0
    autocomplete_fields = ["organisation"]
    fields = ["organisation", "role", "order"]


class TeamInline(admin.TabularInline):
    model = TeamMember
    extra = 0
    autocomplete_fields = ["person"]
    fields = ["person", "role", "order"]


class ImpactInline(TranslationStackedInline):
    model = ImpactStatement
    formset = OrderedInlineFormSet
    extra = 0
    fields = ["order", "text"]
    formfield_overrides = {
        models.TextField: {"widget": admin.widgets.AdminTextareaWidget(attrs={"rows": 3})}
    }


class LinkInline(TranslationTabularInline):
    model = ProgrammeLink
    formset = OrderedInlineFormSet
    extra = 0
    fields = ["label", "url", "order"]


class ProgrammeSourceInline(SourceInlineBase):
    model = ProgrammeSource


@admin.register(Theme)
class ThemeAdmin(CheckedQueryAdminMixin, TabbedTranslationAdmin):
    list_display = ["name_th", "name_en", "order", "slug"]
    list_editable = ["order"]
    search_fields = ["name_th", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(Programme)
class ProgrammeAdmin(ContentAdminMixin, TabbedTranslationAdmin):
    form = ProgrammeAdminForm
    fieldsets = [
        (None, {"fields": ["title", "acronym", "themes", "summary", "objectives", "body"]}),
        (
            _("Dates and status"),
            {
                "fields": [
                    "start_date",
                    "end_date",
                    "date_precision",
                    "stage",
                    "derived_stage_label",
                ]
            },
        ),
        (
            _("Who and where"),
            {"fields": ["lead_organisation", "countries", "networks", "dac_sector", "parent"]},
        ),
        (_("Cover image"), {"fields": ["cover", "cover_credit"]}),
        (_("Publishing"), {"fields": ["slug", "status", "published_at"]}),
        (_("Staff notes (private)"), {"fields": ["staff_notes"]}),
    ]
    readonly_fields = ["derived_stage_label"]
    list_display = [
        "title_th",
        "title_en",
        "period",
        "stage_label",
        "missing_language",
        "status",
    ]
    list_select_related = ["lead_organisation"]
    list_filter = [
        "themes",
        StageListFilter,
        country_filter("countries", _("country"), multiple=True, parameter_name="country"),
        StartYearListFilter,
        "status",
        QualityFilter,
    ]
    search_fields = ["title_th", "title_en", "acronym_th", "acronym_en", "slug"]
    autocomplete_fields = ["lead_organisation", "networks", "themes", "parent"]
    prepopulated_fields = {"slug": ["title_en"]}
    inlines = [PartnerInline, TeamInline, ImpactInline, LinkInline, ProgrammeSourceInline]

    @admin.display(description=_("dates"), ordering="start_date")
    def period(self, obj):
        return programme_period(obj) or "—"

    @admin.display(description=_("programme status"))
    def stage_label(self, obj):
        return obj.get_current_stage_display() or "—"

    @admin.display(description=_("status the dates give today"))
    def derived_stage_label(self, obj):
        """Offered beside the stated status, never put in its place."""
        derived = obj.get_derived_stage_display() if obj and obj.pk else ""
        if not derived:
            return "—"
        if obj.stage and obj.stage != obj.derived_stage:
            return format_html(
                '{} <span class="admin-flag-warn">({})</span>',
                derived,
                _(
                    "differs from the status the source states; the public page shows the stated one"
                ),
            )
        return derived

    @admin.display(description=_("both languages"))
    def missing_language(self, obj):
        return missing_language_mark(obj)


class GoodPracticeImageInline(TranslationTabularInline):
    model = GoodPracticeImage
    formset = OrderedInlineFormSet
    extra = 0
    fields = ["image", "caption", "credit", "order"]


class GoodPracticeTransferInline(TranslationTabularInline):
    """Where the case went: one row per local government and stage (sources on the row's page)."""

    model = Transfer
    fk_name = "good_practice"
    formset = OrderedInlineFormSet
    extra = 0
    fields = ["organisation", "status", "start_year", "end_year", "programme", "note", "order"]
    autocomplete_fields = ["organisation", "programme"]
    show_change_link = True
    verbose_name_plural = _("where this practice went")


class OrganisationTransferInline(TranslationTabularInline):
    """On an organisation's admin page: the good practices it took up."""

    model = Transfer
    fk_name = "organisation"
    extra = 0
    fields = ["good_practice", "status", "start_year", "end_year", "programme", "note"]
    autocomplete_fields = ["good_practice", "programme"]
    show_change_link = True
    verbose_name_plural = _("good practices it took up")


registry.register_admin_inline("networks.Organisation", OrganisationTransferInline)


class TransferSourceInline(SourceInlineBase):
    model = TransferSource


@admin.register(Transfer)
class TransferAdmin(CheckedQueryAdminMixin, TabbedTranslationAdmin):
    list_display = [
        "good_practice",
        "organisation",
        "status",
        "start_year",
        "programme",
        "is_sample",
    ]
    list_select_related = ["good_practice", "organisation", "programme"]
    list_filter = ["status", "is_sample", "programme"]
    search_fields = [
        "good_practice__title_th",
        "good_practice__title_en",
        "organisation__name_th",
        "organisation__name_en",
    ]
    autocomplete_fields = ["good_practice", "organisation", "programme"]
    fields = [
        "good_practice",
        "organisation",
        "status",
        "start_year",
        "end_year",
        "programme",
        "note",
        "order",
        "is_sample",
    ]
    inlines = [TransferSourceInline]


@admin.register(GoodPractice)
class GoodPracticeAdmin(ContentAdminMixin, TabbedTranslationAdmin):
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "programme",
                    "local_government",
                    "country",
                    "themes",
                    "summary",
                    "body",
                    "is_sample",
                ]
            },
        ),
        (_("Publishing"), {"fields": ["slug", "status", "published_at"]}),
    ]
    list_display = [
        "title_th",
        "title_en",
        "programme",
        "country",
        "is_sample",
        "missing_language",
        "status",
    ]
    list_select_related = ["programme"]
    list_filter = ["is_sample", "themes", CountryListFilter, "programme", "status", QualityFilter]
    search_fields = ["title_th", "title_en", "slug"]
    autocomplete_fields = ["programme", "local_government", "themes"]
    prepopulated_fields = {"slug": ["title_en"]}
    inlines = [GoodPracticeImageInline, GoodPracticeTransferInline]

    @admin.display(description=_("both languages"))
    def missing_language(self, obj):
        return missing_language_mark(obj)
