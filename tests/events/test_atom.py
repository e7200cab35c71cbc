"""The Atom feed of events."""

import xml.etree.ElementTree as ET

import pytest

from tests.events.factories import EventFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.mark.parametrize(
    ("lang", "title"),
    [("th", "งานทดสอบ (24–25 สิงหาคม 2565)"), ("en", "Test forum (24–25 August 2022)")],
)
def test_feed_lists_published_events_with_dates_in_the_feed_calendar(client, lang, title):
    import datetime

    EventFactory(
        slug="forum",
        title_th="งานทดสอบ",
        title_en="Test forum",
        start_date=datetime.date(2022, 8, 24),
        end_date=datetime.date(2022, 8, 25),
        status="published",
    )
    EventFactory(slug="hidden", title_en="Not yet", status="draft")
    response = client.get(f"/{lang}/events/feed.atom")
    assert response.status_code == 200
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [title]
    assert entries[0].find(f"{ATOM}link").get("href").endswith(f"/{lang}/events/forum/")


def test_event_list_links_the_feed(client):
    html = client.get("/th/events/").content.decode()
    assert 'type="application/atom+xml"' in html and "/th/events/feed.atom" in html


def test_feed_query_count_does_not_grow(client, django_assert_num_queries):
    for _ in range(25):
        EventFactory(status="published")
    with django_assert_num_queries(1):
        client.get("/en/events/feed.atom")
