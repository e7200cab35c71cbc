"""Admin for the publication library (imported by programmes.admin).

Staff upload files here; the form checks them by content and fills in size,
type, SHA-256 and page count, which are then shown read-only.
"""

from django.contrib import admin
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationAdmin

from portal.admin_queries import CheckedQueryAdminMixin
from portal.dashboard import QualityFilter
from portal.history import ContentAdminMixin
from publications.forms import PublicationAdminForm
from publications.models import (
    DownloadRecord,
    Language,
    PartnerAccount,
    Publication,
)
from publications.uploads import type_label


@admin.register(Publication)
class PublicationAdmin(ContentAdminMixin, TabbedTranslationAdmin):
    form = PublicationAdminForm
    list_display = [
        "__str__",
        "kind",
        "year",
        "access",
        "status",
        "is_placeholder",
        "file_summary",
        "download_count",
    ]
    list_filter = ["kind", "access", "year", "programme", "status", "is_placeholder", QualityFilter]
    search_fields = ["title_th", "title_en", "slug"]
    autocomplete_fields = ["publisher", "programme", "good_practices"]
    filter_horizontal = ["languages"]
    readonly_fields = [
        "original_filename",
        "size_display",
        "type_display",
        "page_count",
        "sha256",
        "download_count",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (None, {"fields": ["title", "kind", "languages", "year", "authors", "publisher"]}),
        (_("Where it belongs"), {"fields": ["programme", "good_practices"]}),
        (None, {"fields": ["abstract", "cover"]}),
        (
            _("File"),
            {
                "fields": [
                    "file",
                    "is_placeholder",
                    "access",
                    "original_filename",
                    "size_display",
                    "type_display",
                    "page_count",
                    "sha256",
                    "download_count",
                ],
                "description": _(
                    "Size, type, pages and SHA-256 are read from the file when it is uploaded. "
                    "The file is downloaded under its original name. Events list their documents "
                    "on the event's own admin page."
                ),
            },
        ),
        (
            _("Publishing"),
            {"fields": ["slug", "status", "published_at", "created_at", "updated_at"]},
        ),
    ]

    @admin.display(description=_("size"))
    def size_display(self, obj):
        return filesizeformat(obj.file_size) if obj.file_size is not None else "–"

    @admin.display(description=_("file type"))
    def type_display(self, obj):
        if not obj.content_type:
            return "–"
        return f"{type_label(obj.content_type) or '?'} ({obj.content_type})"

    @admin.display(description=_("file"))
    def file_summary(self, obj):
        if not obj.file:
            return "–"
        return f"{type_label(obj.content_type)}, {filesizeformat(obj.file_size or 0)}"


@admin.register(Language)
class LanguageAdmin(CheckedQueryAdminMixin, TranslationAdmin):
    list_display = ["code", "name"]
    search_fields = ["code", "name_th", "name_en"]


@admin.register(PartnerAccount)
class PartnerAccountAdmin(CheckedQueryAdminMixin, admin.ModelAdmin):
    list_display = ["user", "organisation", "is_active", "valid_until", "current", "created_at"]
    list_filter = ["is_active", "valid_until"]
    search_fields = [
        "user__username",
        "user__first_name",
        "user__last_name",
        "user__email",
        "organisation__name_th",
        "organisation__name_en",
    ]
    autocomplete_fields = ["user", "organisation"]
    list_select_related = ["user", "organisation"]
    readonly_fields = ["created_at"]

    @admin.display(description=_("may download now"), boolean=True)
    def current(self, obj):
        return obj.is_current


@admin.register(DownloadRecord)
class DownloadRecordAdmin(CheckedQueryAdminMixin, admin.ModelAdmin):
    """The log of partners-only downloads, for staff to review; nobody edits it."""

    list_display = ["downloaded_at", "publication", "user"]
    list_filter = ["downloaded_at", "publication__access"]
    date_hierarchy = "downloaded_at"
    search_fields = ["user__username", "publication__title_th", "publication__title_en"]
    list_select_related = ["publication", "user"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        # Old records may be removed under the data-retention policy, by superusers only.
        return request.user.is_superuser
