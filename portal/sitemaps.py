"""The site map: one base for every app's sitemap, and the index of sections.

Each app defines its sitemaps on `PublishedSitemap` and registers them, with the
URL names of its list pages, from its `AppConfig.ready()`
(`registry.register_sitemap`); this module never names an app.
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from portal import registry


class I18nSitemap(Sitemap):
    """Pages in both languages, each with its alternates and an x-default."""

    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"


class PublishedSitemap(I18nSitemap):
    """The published records of `model`; lastmod is the record's last change."""

    model = None

    def items(self):
        return self.model.objects.published().order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at


class SectionSitemap(I18nSitemap):
    """Home and the section indexes (the list pages the apps register)."""

    changefreq = "weekly"

    def items(self):
        return ["home", *registry.list_pages]

    def location(self, item):
        return reverse(item)


def all_sitemaps() -> dict[str, type[Sitemap]]:
    return {"sections": SectionSitemap, **registry.sitemaps}
