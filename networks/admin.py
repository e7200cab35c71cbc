from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from networks.forms import OrganisationAdminForm, PersonAdminForm
from networks.models import Membership, Network, Organisation, OrganisationSource, Person
from networks.resources import OrganisationImporter
from portal import registry
from portal.admin_filters import CountryListFilter
from portal.admin_sources import SourceInlineBase
from portal.dashboard import QualityFilter
from portal.history import ContentAdminMixin, RecordAdminMixin
from portal.imports import ImportAdminMixin


class NetworkListFilter(admin.SimpleListFilter):
    title = _("network")
    parameter_name = "network"

    def lookups(self, request, model_admin):
        return [(str(n.pk), str(n)) for n in Network.objects.order_by("name")]

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(memberships__network_id=int(value)).distinct()
        return queryset


class OrganisationMembershipInline(TranslationTabularInline):
    model = Membership
    fk_name = "organisation"
    extra = 0
    autocomplete_fields = ["network"]
    fields = ["network", "role", "start", "end"]
    verbose_name = _("network membership")
    verbose_name_plural = _("network memberships")


class NetworkMembershipInline(TranslationTabularInline):
    model = Membership
    fk_name = "network"
    extra = 0
    autocomplete_fields = ["organisation"]
    fields = ["organisation", "role", "start", "end"]
    verbose_name = _("member organisation")
    verbose_name_plural = _("member organisations")


class OrganisationSourceInline(SourceInlineBase):
    model = OrganisationSource


@admin.register(Organisation)
class OrganisationAdmin(ContentAdminMixin, ImportAdminMixin, TabbedTranslationAdmin):
    form = OrganisationAdminForm
    # Import from a spreadsheet (issue 12, point 3).
    imports = {
        "organisations": {
            "title": _("Import organisations"),
            "importer": OrganisationImporter,
            "allowed": lambda request: request.user.has_perms(
                ["networks.add_organisation", "networks.change_organisation"]
            ),
        }
    }
    # The duplicate guard's "save anyway" box comes first, right under its warning.
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "confirm_not_duplicate",
                    "name",
                    "acronym",
                    "kind",
                    "parent",
                    "country",
                    "city",
                    "website",
                    "logo",
                    "description",
                ]
            },
        ),
        (_("Publishing"), {"fields": ["slug", "status", "published_at"]}),
        (_("Staff notes (private)"), {"fields": ["staff_notes"]}),
    ]
    list_display = ["name", "acronym", "kind", "country", "parent", "status"]
    list_select_related = ["parent"]
    list_filter = ["kind", CountryListFilter, NetworkListFilter, "status", QualityFilter]
    search_fields = ["name_th", "name_en", "acronym_th", "acronym_en", "slug"]
    autocomplete_fields = ["parent"]
    prepopulated_fields = {"slug": ["name_en"]}
    inlines = [OrganisationMembershipInline, OrganisationSourceInline]

    def get_inlines(self, request, obj):
        # Higher apps add theirs (the practices an organisation took up) through the registry.
        return [
            *super().get_inlines(request, obj),
            *registry.admin_inlines_for("networks.Organisation"),
        ]


@admin.register(Network)
class NetworkAdmin(ContentAdminMixin, TabbedTranslationAdmin):
    list_display = ["name", "acronym", "coordinator", "founded", "status"]
    list_select_related = ["coordinator"]
    list_filter = ["status", QualityFilter]
    search_fields = ["name_th", "name_en", "acronym_th", "acronym_en", "slug"]
    autocomplete_fields = ["coordinator"]
    prepopulated_fields = {"slug": ["name_en"]}
    inlines = [NetworkMembershipInline]


@admin.register(Person)
class PersonAdmin(RecordAdminMixin, TabbedTranslationAdmin):
    form = PersonAdminForm
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "confirm_not_duplicate",
                    "honorific",
                    "given_name",
                    "family_name",
                    "position",
                    "organisation",
                    "country",
                    "public_consent",
                    "slug",
                ]
            },
        ),
        (_("Private contact details"), {"fields": ["email", "phone"]}),
    ]
    list_display = ["__str__", "position", "organisation", "public_consent"]
    list_select_related = ["organisation"]
    list_filter = ["public_consent", CountryListFilter, "organisation__kind"]
    search_fields = [
        "given_name_th",
        "given_name_en",
        "family_name_th",
        "family_name_en",
        "organisation__name_th",
        "organisation__name_en",
        "organisation__acronym_th",
        "organisation__acronym_en",
    ]
    autocomplete_fields = ["organisation"]
