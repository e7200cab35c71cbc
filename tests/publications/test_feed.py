"""The Atom feed of new publications."""

import xml.etree.ElementTree as ET

import pytest

from portal.models import Status
from tests.publications.factories import PublicationFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.mark.parametrize(("lang", "title"), [("th", "คู่มือทดสอบ"), ("en", "Test manual")])
def test_feed_lists_published_publications_in_the_feed_language(client, lang, title):
    PublicationFactory(
        slug="manual", title_th="คู่มือทดสอบ", title_en="Test manual", status=Status.PUBLISHED
    )
    PublicationFactory(slug="draft-one", title_en="Unfinished", status=Status.DRAFT)
    response = client.get(f"/{lang}/publications/feed.atom")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [title]
    link = entries[0].find(f"{ATOM}link").get("href")
    assert link == f"http://testserver/{lang}/publications/manual/"


def test_library_page_links_its_feed(client):
    html = client.get("/en/publications/").content.decode()
    assert 'type="application/atom+xml" href="/en/publications/feed.atom"' in html


def test_feed_query_count_does_not_grow(client, django_assert_num_queries):
    for n in range(25):
        PublicationFactory(slug=f"p{n}", status=Status.PUBLISHED)
    with django_assert_num_queries(1):
        client.get("/en/publications/feed.atom")
