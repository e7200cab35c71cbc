"""Admin for the publication library (imported by programmes.admin)."""

from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from programmes.models import Publication


@admin.register(Publication)
class PublicationAdmin(TabbedTranslationAdmin):
    search_fields = ["title_th", "title_en", "slug"]
