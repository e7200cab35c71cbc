"""This app's part of the year archive (registered in `apps.py`): the year's publications."""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from portal import registry
from publications.models import Publication


def rows(year: int, programme=None):
    found = Publication.objects.published().filter(year=year)
    if programme is not None:
        found = found.filter(programme=programme)
    return found.order_by("-published_at", "-pk")


def years(programme=None) -> list:
    found = Publication.objects.published().filter(year__isnull=False)
    if programme is not None:
        found = found.filter(programme=programme)
    return [found]


def more_url(year: int, programme=None) -> str:
    query = {"year": year, **({"programme": programme.slug} if programme is not None else {})}
    return f"{reverse('publications:list')}?{urlencode(query)}"


PUBLICATIONS = registry.YearSection(
    key="publications",
    label=_("Publications"),
    template="publications/includes/_year_publications.html",
    rows=rows,
    years=years,
    more_url=more_url,
    order=20,
)
