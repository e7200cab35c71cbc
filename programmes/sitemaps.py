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
        # The same rows give the years and their lastmod: one query for both.
        return sorted(self._latest_by_year(), reverse=True)

    def location(self, item):
        return reverse("programmes:year", kwargs={"year": item})

    def _latest_by_year(self) -> dict:
        """Each year's latest change among the programmes that ran in it (one query)."""
        if not hasattr(self, "_latest"):
            rows = (
                Programme.objects.published()
                .exclude(start_date=None)
                .values_list("start_date", "end_date", "updated_at")
                .order_by()
            )
            latest: dict = {}
            for start, end, updated in rows:
                # The years of `selectors.programme_years()`, each with its latest change.
                for year in selectors.years_spanned([(start, end)]):
                    if year not in latest or updated > latest[year]:
                        latest[year] = updated
            self._latest = latest
        return self._latest

    def lastmod(self, item):
        return self._latest_by_year().get(item)

    def get_latest_lastmod(self):
        return max(self._latest_by_year().values(), default=None)


class GoodPracticeSitemap(PublishedSitemap):
    model = GoodPractice
    priority = 0.5
