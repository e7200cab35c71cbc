"""The site map: one base for every app's sitemap, and the index of sections.

Each app defines its sitemaps on `PublishedSitemap` and registers them, with the
URL names of its list pages, from its `AppConfig.ready()`
(`registry.register_sitemap`); this module never names an app.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from portal import registry


class I18nSitemap(Sitemap):
    """Pages in both languages, each with its alternates and an x-default."""

    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"
    # Addresses per page of a section (each language counts): well under the protocol's
    # 50,000, so that a page stays about a megabyte and renders in a fraction of a second.
    limit = 2000


class PublishedSitemap(I18nSitemap):
    """The published records of `model`; lastmod is the record's last change."""

    model = None
    # What `get_absolute_url` and `lastmod` read; long texts are never loaded.
    fields = ("pk", "slug", "updated_at")

    def items(self):
        return self.model.objects.published().only(*self.fields).order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at

    def get_latest_lastmod(self):
        """For the index: one aggregate, not a pass over every record."""
        return self.model.objects.published().aggregate(latest=Max("updated_at"))["latest"]


class SectionSitemap(I18nSitemap):
    """Home and the section indexes (the list pages the apps register)."""

    changefreq = "weekly"

    def items(self):
        return ["home", *registry.list_pages]

    def location(self, item):
        return reverse(item)


def all_sitemaps() -> dict[str, type[Sitemap]]:
    return {"sections": SectionSitemap, **registry.sitemaps}
