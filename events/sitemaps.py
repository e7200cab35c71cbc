from events.models import Event, EventSeries
from portal.sitemaps import PublishedSitemap


class EventSitemap(PublishedSitemap):
    model = Event


class EventSeriesSitemap(PublishedSitemap):
    model = EventSeries
