"""Feeds of published events (Atom and RSS 2.0), newest first, in the language of the URL."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from events.models import Event
from portal import thaidates
from portal.feeds import PortalFeed, record_urn
from portal.i18n import translated

FEED_LENGTH = 20


class EventsFeed(PortalFeed):
    title = _("Phakhi: events")
    subtitle = _("Forums, seminars, conferences and workshops of civic-network programmes.")
    atom_url_name = "events:feed"
    rss_url_name = "events:rss"

    def link(self):
        return reverse("events:list")

    def items(self):
        return Event.objects.published().order_by("-start_date", "-pk")[:FEED_LENGTH]

    def item_title(self, item):
        dates = thaidates.format_range(item.start_date, item.end_date) if item.start_date else ""
        title = str(translated(item, "title"))
        return f"{title} ({dates})" if dates else title

    def item_description(self, item):
        return str(translated(item, "summary"))

    def item_link(self, item):
        return item.get_absolute_url()

    def item_guid(self, item):
        return record_urn("event", item.slug)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.get_kind_display()]
