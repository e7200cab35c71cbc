from django.urls import reverse

from portal.sitemaps import I18nSitemap, PublishedSitemap
from programmes import selectors
from programmes.models import GoodPractice, Programme


class ProgrammeSitemap(PublishedSitemap):
    model = Programme
    priority = 0.7


class ProgrammeYearSitemap(I18nSitemap):
    """The year archive: one page per year some published programme ran."""

    priority = 0.4

    def items(self):
        return selectors.programme_years()

    def location(self, item):
        return reverse("programmes:year", kwargs={"year": item})


class GoodPracticeSitemap(PublishedSitemap):
    model = GoodPractice
    priority = 0.5
