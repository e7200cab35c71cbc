from events.models import Event
from portal.sitemaps import PublishedSitemap


class EventSitemap(PublishedSitemap):
    model = Event
