from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from programmes.models import Programme, Publication


@admin.register(Programme)
class ProgrammeAdmin(TabbedTranslationAdmin):
    search_fields = ["title_th", "title_en", "acronym_th", "acronym_en", "slug"]


@admin.register(Publication)
class PublicationAdmin(TabbedTranslationAdmin):
    search_fields = ["title_th", "title_en", "slug"]
