"""An Atom feed of published events, newest first, in the language of its URL."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from events.models import Event
from portal import thaidates
from portal.i18n import translated

FEED_LENGTH = 20


class EventsFeed(Feed):
    feed_type = Atom1Feed
    title = _("Phakhi: events")
    subtitle = _("Forums, seminars, conferences and workshops of civic-network programmes.")

    def link(self):
        return reverse("events:list")

    def feed_url(self):
        return reverse("events:feed")

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
        return f"phakhi:event:{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.get_kind_display()]
