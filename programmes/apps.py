from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "programmes"
    verbose_name = _("Programmes")

    def ready(self):
        from portal.registry import register_archive_generator
        from programmes import archive

        register_archive_generator(
            "programmes", archive.generate, remove=archive.remove, pages=archive.pages
        )
