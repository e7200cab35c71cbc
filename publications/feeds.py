"""Feeds of new publications (Atom and RSS 2.0), in the language of their URL."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.feeds import PortalFeed, record_urn
from portal.i18n import translated
from publications.models import (
    Publication,
)

FEED_LENGTH = 20


class NewPublicationsFeed(PortalFeed):
    title = _("Phakhi: new publications")
    subtitle = _("Manuals, summaries, papers and reports of civic-network programmes.")
    atom_url_name = "publications:feed"
    rss_url_name = "publications:rss"

    def link(self):
        return reverse("publications:list")

    def items(self):
        return (
            Publication.objects.published()
            .select_related("publisher")
            .order_by("-published_at", "-pk")[:FEED_LENGTH]
        )

    def item_title(self, item):
        return str(translated(item, "title"))

    def item_description(self, item):
        return str(translated(item, "abstract"))

    def item_link(self, item):
        return item.get_absolute_url()

    def item_guid(self, item):
        return record_urn("publication", item.slug)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return str(translated(item, "authors")) or (str(item.publisher) if item.publisher else None)

    def item_categories(self, item):
        return [item.get_kind_display()]
