from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from programmes.library import admin as library_admin  # noqa: F401  (registers Publication)
from programmes.models import Programme


@admin.register(Programme)
class ProgrammeAdmin(TabbedTranslationAdmin):
    search_fields = ["title_th", "title_en", "acronym_th", "acronym_en", "slug"]
