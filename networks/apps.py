from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworksConfig(AppConfig):
    name = "networks"
    verbose_name = _("Organisations and networks")

    def ready(self):
        from networks import archive
        from portal.registry import register_archive_generator

        register_archive_generator(
            "networks", archive.generate, remove=archive.remove, pages=archive.pages
        )
