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
            sitemaps,
        )

        self.grant_roles()
        admin_dates.install()
        images.set_pixel_limit()
        pagecache.connect_signals()
        roles.connect_signals()
        registry.register_figure(selectors.COUNTRIES)
        for url_name in ("about", "accessibility", "privacy", "years"):
            registry.register_list_page(url_name)
        registry.register_sitemap("years", sitemaps.YearArchiveSitemap)
        registry.register_list_page("statistics")

    def grant_roles(self):
        """Editors and Publishers keep the site's own pages (about, accessibility, privacy)."""
        from portal import roles
        from portal.models import SitePage

        roles.grant_editing(SitePage, actions=("change", "view"))
