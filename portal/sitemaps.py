"""The site map: one base for every app's sitemap, and the index of sections.

Each app defines its sitemaps on `PublishedSitemap` and registers them, with the
URL names of its list pages, from its `AppConfig.ready()`
(`registry.register_sitemap`); this module never names an app.
"""

from collections.abc import Sequence

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import CharField, Count, Max, Value
from django.urls import reverse
from django.views.decorators.http import require_safe

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


class _RecordsInLanguages(Sequence):
    """(record, language) pairs of a queryset, counted and sliced by the database.

    Django's i18n sitemap builds the list of every pair before paginating it, so each
    page of a section would load every record; this reads only the page's records.
    """

    def __init__(self, queryset, languages: list[str], count: int):
        self.queryset = queryset
        self.languages = languages
        self._count = count

    def count(self) -> int:
        return self._count * len(self.languages)

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop, _step = index.indices(len(self))
        per = len(self.languages)
        records = self.queryset[start // per : (stop + per - 1) // per]
        pairs = [(record, lang) for record in records for lang in self.languages]
        offset = (start // per) * per
        return pairs[start - offset : stop - offset]


class PublishedSitemap(I18nSitemap):
    """The published records of `model`; lastmod is the record's last change."""

    model = None
    # What `get_absolute_url` and `lastmod` read; long texts are never loaded.
    fields = ("pk", "slug", "updated_at")

    def items(self):
        return self.model.objects.published().only(*self.fields).order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at

    def _stats(self) -> dict:
        """How many records and when the latest changed: one aggregate for the index."""
        if not hasattr(self, "_stats_cache"):
            self._stats_cache = self.model.objects.published().aggregate(
                count=Count("pk"), latest=Max("updated_at")
            )
        return self._stats_cache

    def get_latest_lastmod(self):
        return self._stats()["latest"]

    def _items(self):
        return _RecordsInLanguages(self.items(), self._languages(), self._stats()["count"])


class SectionSitemap(I18nSitemap):
    """Home and the section indexes (the list pages the apps register).

    A list page's lastmod is the latest change among the records of its app's sitemaps
    (`events:list` ← `events-…`); home's is the latest change anywhere.
    """

    changefreq = "weekly"

    def items(self):
        return ["home", *registry.list_pages]

    def location(self, item):
        return reverse(item)

    def _latest_by_app(self) -> dict[str, object]:
        """The latest change of each app's published records, in one query (a UNION of
        one aggregate per sitemap model), so the index costs one query more, not seven."""
        if not hasattr(self, "_latest_cache"):
            queries = [
                sitemap.model.objects.published()
                .order_by()
                .annotate(app=Value(name.split("-", 1)[0], output_field=CharField()))
                .values("app")
                .annotate(latest=Max("updated_at"))
                .values_list("app", "latest")
                for name, sitemap in registry.sitemaps.items()
                if getattr(sitemap, "model", None) is not None
            ]
            latest: dict[str, object] = {}
            rows = queries[0].union(*queries[1:], all=True) if queries else []
            for app, value in rows:
                if value is not None and (app not in latest or value > latest[app]):
                    latest[app] = value
            self._latest_cache = latest
        return self._latest_cache

    def lastmod(self, item):
        latest = self._latest_by_app()
        everything = max(latest.values(), default=None)
        if item == "home":
            return everything
        return latest.get(item.split(":", 1)[0], everything)

    def get_latest_lastmod(self):
        return max(self._latest_by_app().values(), default=None)


def all_sitemaps() -> dict[str, type[Sitemap]]:
    return {"sections": SectionSitemap, **registry.sitemaps}


class YearArchiveSitemap(I18nSitemap):
    """The year archive of outputs: one page per year with outputs (one query)."""

    priority = 0.4

    def items(self):
        from portal import yeararchive

        return yeararchive.years()

    def location(self, item):
        return reverse("year", kwargs={"year": item})

    def _latest(self):
        """The latest change of any published record (a year's page can change only then):
        the sections' one UNION query, read once."""
        if not hasattr(self, "_latest_cache"):
            self._latest_cache = SectionSitemap().get_latest_lastmod()
        return self._latest_cache

    def lastmod(self, item):
        return self._latest()

    def get_latest_lastmod(self):
        return self._latest()


# The sitemap views answer GET and HEAD only (405 for any other method).
index_view = require_safe(sitemap_views.index)
section_view = require_safe(sitemap_views.sitemap)
