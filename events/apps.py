from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from events import archive
        from portal.registry import register_archive_generator

        register_archive_generator(
            "events", archive.generate, remove=archive.remove, pages=archive.pages
        )
