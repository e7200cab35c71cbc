from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, User
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from portal import thaidates
from portal.admin_queries import CheckedQueryAdminMixin
from portal.exports import registered_admin
from portal.history import RecordAdminMixin
from portal.models import ExportLog, SitePage


@admin.register(ExportLog)
class ExportLogAdmin(CheckedQueryAdminMixin, admin.ModelAdmin):
    """The record of personal-data exports: staff with the view permission read it, and
    nobody adds, changes or deletes a row."""

    list_display = ["when", "username", "model_label", "filters", "row_count", "file_format"]
    fields = ["when", "username", "user", "model_label", "filters", "row_count", "file_format"]
    readonly_fields = fields
    list_filter = ["model", "file_format"]
    search_fields = ["username", "model", "filters"]
    date_hierarchy = "exported_at"

    @admin.display(description=_("exported at"), ordering="exported_at")
    def when(self, obj):
        local = timezone.localtime(obj.exported_at)
        return f"{thaidates.format_date(local)} {local:%H:%M}"

    @admin.display(description=_("list"), ordering="model")
    def model_label(self, obj):
        model_admin = registered_admin(obj.model)
        return model_admin.opts.verbose_name_plural if model_admin else obj.model

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(SitePage)
class SitePageAdmin(RecordAdminMixin, TabbedTranslationAdmin):
    """The about, accessibility and privacy pages: staff edit their text in both
    languages; the three pages exist from the first `migrate` and are never added or
    deleted (the footer links to each)."""

    list_display = ["__str__", "updated_at"]
    fields = ["title", "body"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# Django's own user and group admins, with the same checks of their query strings.
admin.site.unregister(User)
admin.site.unregister(Group)


@admin.register(User)
class CheckedUserAdmin(CheckedQueryAdminMixin, UserAdmin):
    pass


@admin.register(Group)
class CheckedGroupAdmin(CheckedQueryAdminMixin, GroupAdmin):
    pass
