"""This app's part of the year archive (registered in `apps.py`): the year's events, and
the good practices presented or recognised at them."""

from django.db.models import Exists, OuterRef
from django.db.models.functions import ExtractYear
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from events.models import Event, EventGoodPractice
from portal import registry
from programmes.models import GoodPractice


def event_rows(year: int, programme=None):
    found = Event.objects.published().filter(start_date__year=year)
    if programme is not None:
        found = found.filter(programme=programme)
    return found.order_by("start_date", "pk")


def event_years(programme=None) -> list:
    found = Event.objects.published()
    if programme is not None:
        found = found.filter(programme=programme)
    return [found.annotate(year=ExtractYear("start_date"))]


def event_more_url(year: int, programme=None) -> str:
    query = {"year": year, **({"programme": programme.slug} if programme is not None else {})}
    return f"{reverse('events:list')}?{urlencode(query)}"


def _presented(year: int | None = None, programme=None):
    links = EventGoodPractice.objects.filter(
        good_practice=OuterRef("pk"), event__in=Event.objects.published()
    )
    if year is not None:
        links = links.filter(event__start_date__year=year)
    if programme is not None:
        links = links.filter(event__programme=programme)
    return links


def practice_rows(year: int, programme=None):
    return (
        GoodPractice.objects.published()
        .filter(Exists(_presented(year, programme)))
        .order_by("title", "pk")
    )


def practice_years(programme=None) -> list:
    links = EventGoodPractice.objects.filter(
        good_practice__in=GoodPractice.objects.published(),
        event__in=Event.objects.published(),
    )
    if programme is not None:
        links = links.filter(event__programme=programme)
    return [links.annotate(year=ExtractYear("event__start_date"))]


EVENTS = registry.YearSection(
    key="events",
    label=_("Events"),
    template="events/includes/_year_events.html",
    rows=event_rows,
    years=event_years,
    more_url=event_more_url,
    order=10,
)

GOOD_PRACTICES = registry.YearSection(
    key="good_practices",
    label=_("Good practices presented at events"),
    template="events/includes/_year_good_practices.html",
    rows=practice_rows,
    years=practice_years,
    limit=20,
    order=30,
)
