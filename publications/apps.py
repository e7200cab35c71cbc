from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicationsConfig(AppConfig):
    name = "publications"
    verbose_name = _("Publications")

    def ready(self):
        from portal.registry import register_archive_generator
        from publications import archive

        register_archive_generator(
            "publications", archive.generate, remove=archive.remove, pages=archive.pages
        )
