from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from programmes import selectors
from programmes.models import (
    GoodPractice,
    Programme,
)
from publications.models import Publication


class ProgrammeSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"
    priority = 0.7

    def items(self):
        return Programme.objects.published().order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at


class ProgrammeYearSitemap(Sitemap):
    """The year archive: one page per year some published programme ran."""

    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"
    priority = 0.4

    def items(self):
        return selectors.programme_years()

    def location(self, item):
        return reverse("programmes:year", kwargs={"year": item})


class GoodPracticeSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return GoodPractice.objects.published().order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at


class PublicationSitemap(Sitemap):
    """Publication pages (partners-only ones too: their page is public, their file is not)."""

    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return Publication.objects.published().order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at
