"""What every feed and calendar of the portal shares: stable identifiers and clean XML.

Each app's feeds subclass `PortalFeed` (Atom) and get an RSS 2.0 twin with `rss()`.
Identifiers never come from database ids: a record is named by its kind and slug under
the configured domain (`PHAKHI_UID_DOMAIN`), so a feed reader or a calendar that
subscribed keeps one entry per record on any server, after a restore or a move.
"""

import re
import uuid

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpResponseNotAllowed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# Characters XML 1.0 cannot carry at all (a title pasted from a word processor may hold
# them); Django's feed writer refuses them with an exception, so they are dropped first.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def uid_domain() -> str:
    return settings.PHAKHI_UID_DOMAIN


def record_uid(kind: str, slug: str) -> str:
    """`event-<slug>@<domain>`: the iCalendar UID of a record (RFC 5545 3.8.4.7)."""
    return f"{kind}-{slug}@{uid_domain()}"


def record_urn(kind: str, slug: str) -> str:
    """The same identity as an absolute IRI, as Atom's `id` needs: a name-based UUID."""
    return uuid.uuid5(uuid.NAMESPACE_DNS, record_uid(kind, slug)).urn


def xml_text(value):
    """A value with the characters XML 1.0 forbids removed (lists cleaned item by item)."""
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str):
        return _NOT_XML.sub("", value)
    if isinstance(value, list | tuple):
        return [xml_text(item) for item in value]
    return value


class _CleanXml:
    """A feed writer that cleans every text it is given before writing it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*xml_text(list(args)), **{k: xml_text(v) for k, v in kwargs.items()})

    def add_item(self, *args, **kwargs):
        super().add_item(*xml_text(list(args)), **{k: xml_text(v) for k, v in kwargs.items()})


class AtomFeed(_CleanXml, Atom1Feed):
    pass


class RssFeed(_CleanXml, Rss201rev2Feed):
    pass


class PortalFeed(Feed):
    """An Atom 1.0 feed (RFC 4287) with the portal as its author; GET and HEAD only."""

    feed_type = AtomFeed
    author_name = _("Phakhi")
    item_guid_is_permalink = False
    # URL names of the feed as Atom and as RSS (its `rel="self"` link).
    atom_url_name = ""
    rss_url_name = ""

    def feed_url(self):
        return reverse(self.rss_url_name if self.feed_type is RssFeed else self.atom_url_name)

    def description(self):
        # RSS 2.0 requires a channel description; Atom uses the subtitle.
        return self.subtitle

    def __call__(self, request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        return super().__call__(request, *args, **kwargs)

    @classmethod
    def rss(cls):
        """The same feed as RSS 2.0."""
        return type(f"{cls.__name__}Rss", (cls,), {"feed_type": RssFeed})()
