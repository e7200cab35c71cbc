from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from portal import (
            admin_dates,
            collation,  # noqa: F401  (registers the SQLite Thai collation)
            images,
            pagecache,
            registry,
            roles,
            selectors,
        )

        admin_dates.install()
        images.set_pixel_limit()
        pagecache.connect_signals()
        roles.connect_signals()
        registry.register_figure(selectors.COUNTRIES)
        registry.register_list_page("statistics")
