"""The four feeds (events and publications, Atom and RSS 2.0) in both languages.

Each is read by a real feed parser (feedparser, which must report no error) and checked
for what its standard requires: RFC 4287 for Atom (one id, title and updated per feed and
entry, an author for every entry, absolute IRIs), RSS 2.0 (channel title, link and
description; each item a title or description). Hostile text cannot break them, and they
answer GET and HEAD only.
"""

import datetime
import re
import xml.etree.ElementTree as ET

import feedparser
import pytest

from portal.feeds import record_uid, record_urn
from portal.models import Status
from tests.events.factories import EventFactory
from tests.publications.factories import PublicationFactory

pytestmark = pytest.mark.django_db

A = "{http://www.w3.org/2005/Atom}"
FEEDS = [
    ("events", "atom"),
    ("events", "rss"),
    ("publications", "atom"),
    ("publications", "rss"),
]
LANGS = ["th", "en"]
HOSTILE = 'Bad <script>alert("x")</script> & ]]> \x01\x0b\x1f {braces} % end\r\nTY  - GEN'
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
ABSOLUTE_IRI = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$")


@pytest.fixture
def records():
    EventFactory(
        slug="forum",
        title_th="งานทดสอบ",
        title_en="Test forum",
        summary_en="A forum.",
        start_date=datetime.date(2022, 8, 24),
        end_date=datetime.date(2022, 8, 25),
        status=Status.PUBLISHED,
    )
    EventFactory(slug="hostile-event", title_th=HOSTILE, title_en=HOSTILE, summary_en=HOSTILE,
                 status=Status.PUBLISHED)  # fmt: skip
    PublicationFactory(slug="manual", title_th="คู่มือ", title_en="Manual", status=Status.PUBLISHED)
    PublicationFactory(slug="hostile-pub", title_th=HOSTILE, title_en=HOSTILE,
                       abstract_en=HOSTILE, authors_en=HOSTILE, status=Status.PUBLISHED)  # fmt: skip


def feed_path(lang, section, kind):
    return f"/{lang}/{section}/feed.{kind}"


def _one(element, name, where):
    found = element.findall(f"{A}{name}")
    assert len(found) == 1, f"{where}: {len(found)} × atom:{name}"
    return found[0]


def atom_problems_checked(content: bytes) -> int:
    """Assert RFC 4287's required elements (section 4.1); returns the number of entries."""
    feed = ET.fromstring(content)
    assert feed.tag == f"{A}feed"
    assert ABSOLUTE_IRI.match(_one(feed, "id", "feed").text)
    assert _one(feed, "title", "feed").text
    assert RFC3339.match(_one(feed, "updated", "feed").text)
    feed_authors = feed.findall(f"{A}author")
    for author in feed_authors:
        assert _one(author, "name", "feed author").text
    self_links = [link for link in feed.findall(f"{A}link") if link.get("rel") == "self"]
    assert len(self_links) == 1 and self_links[0].get("href").startswith("http")
    entries = feed.findall(f"{A}entry")
    ids = set()
    for entry in entries:
        entry_id = _one(entry, "id", "entry").text
        assert ABSOLUTE_IRI.match(entry_id)
        ids.add(entry_id)
        assert _one(entry, "title", "entry").text is not None
        assert RFC3339.match(_one(entry, "updated", "entry").text)
        # An author for every entry: its own or the feed's.
        assert entry.findall(f"{A}author") or feed_authors
        alternate = [
            link for link in entry.findall(f"{A}link") if link.get("rel") in (None, "alternate")
        ]
        assert entry.findall(f"{A}content") or alternate
        for link in alternate:
            assert link.get("href").startswith("http")
    assert len(ids) == len(entries)
    return len(entries)


def rss_checked(content: bytes) -> int:
    rss = ET.fromstring(content)
    assert rss.tag == "rss" and rss.get("version") == "2.0"
    (channel,) = rss.findall("channel")
    for name in ("title", "link", "description"):
        assert channel.findtext(name), f"channel has no {name}"
    items = channel.findall("item")
    for item in items:
        assert item.findtext("title") or item.findtext("description")
        guid = item.find("guid")
        assert guid is not None and guid.get("isPermaLink") == "false"
        assert item.findtext("link").startswith("http")
    return len(items)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("section", "kind"), FEEDS)
def test_each_feed_parses_and_has_what_its_standard_requires(client, records, lang, section, kind):
    response = client.get(feed_path(lang, section, kind))
    assert response.status_code == 200
    expected_type = {"atom": "application/atom+xml", "rss": "application/rss+xml"}[kind]
    assert response["Content-Type"].startswith(expected_type)
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == {"atom": "atom10", "rss": "rss20"}[kind]
    if kind == "atom":  # RSS 2.0 has no channel author but an editor's e-mail address
        assert parsed.feed.get("author") or all(e.get("author") for e in parsed.entries)
    assert len(parsed.entries) == 2
    count = (
        atom_problems_checked(response.content) if kind == "atom" else rss_checked(response.content)
    )
    assert count == 2
    # The hostile title arrives as text, whole but for the characters XML cannot carry.
    titles = [entry.title for entry in parsed.entries]
    assert any('<script>alert("x")</script> & ]]>' in title for title in titles)
    assert not any("\x01" in title or "\x0b" in title for title in titles)
    assert b"<script>" not in response.content


@pytest.mark.parametrize(("section", "kind"), FEEDS)
def test_feeds_name_their_own_address_and_language(client, records, section, kind):
    parsed = feedparser.parse(client.get(feed_path("en", section, kind)).content)
    assert parsed.feed.get("language", parsed.feed.get("title_detail", {}).get("language")) in (
        "en",
        None,
    )
    links = {link.get("rel"): link["href"] for link in parsed.feed.get("links", [])}
    if kind == "atom":
        assert links["self"] == f"http://testserver{feed_path('en', section, kind)}"


def test_entry_ids_come_from_the_slug_and_domain_never_the_database_id(client, settings):
    settings.PHAKHI_UID_DOMAIN = "phakhi.example.org"
    event = EventFactory(slug="forum", status=Status.PUBLISHED)
    first = feedparser.parse(client.get("/en/events/feed.atom").content).entries[0].id
    assert first == record_urn("event", "forum")
    assert record_uid("event", "forum") == "event-forum@phakhi.example.org"
    # The same record saved again under another id (a restore, another server): same id.
    event.delete()
    EventFactory(slug="forum", status=Status.PUBLISHED, title_en="Renamed")
    again = feedparser.parse(client.get("/en/events/feed.atom").content).entries[0].id
    assert again == first
    settings.PHAKHI_UID_DOMAIN = "another.example.org"
    assert record_urn("event", "forum") != first


@pytest.mark.parametrize(("section", "kind"), FEEDS)
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options"])
def test_feeds_refuse_methods_other_than_get_and_head(client, section, kind, method):
    response = getattr(client, method)(feed_path("en", section, kind))
    assert response.status_code == 405
    assert set(response["Allow"].replace(" ", "").split(",")) == {"GET", "HEAD"}


@pytest.mark.parametrize(("section", "kind"), FEEDS)
def test_feeds_answer_head(client, records, section, kind):
    assert client.head(feed_path("th", section, kind)).status_code == 200


@pytest.mark.parametrize("section", ["events", "publications"])
def test_the_lists_link_both_feeds(client, section):
    html = client.get(f"/en/{section}/").content.decode()
    assert 'type="application/atom+xml"' in html and f"/en/{section}/feed.atom" in html
    assert 'type="application/rss+xml"' in html and f"/en/{section}/feed.rss" in html
