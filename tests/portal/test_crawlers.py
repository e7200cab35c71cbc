"""What crawlers are told and given: robots.txt, and a site map with a lastmod on every
address that answers GET and HEAD only."""

import re
import urllib.robotparser

import pytest

from tests.sitemaps import HOST

pytestmark = pytest.mark.django_db


def robots(client) -> str:
    response = client.get("/robots.txt")
    assert response.status_code == 200
    return response.content.decode()


def _rules(text: str) -> list[str]:
    return [
        line.split(":", 1)[1].strip() for line in text.splitlines() if line.startswith("Disallow")
    ]


def _blocked(rules: list[str], path: str) -> bool:
    """RFC 9309 matching: `*` is any run of characters, `$` the end of the path."""
    for rule in rules:
        pattern = re.escape(rule).replace(r"\*", ".*").replace(r"\$", "$")
        if re.match(pattern, path):
            return True
    return False


@pytest.mark.parametrize(
    "path",
    [
        "/th/publications/คู่มือ/download/",
        "/en/publications/delgosea-manual/download/",
        "/th/search/?q=ประชาธิปไตย",
        "/en/search/",
        "/en/accounts/sign-in/?next=/en/publications/x/download/",
        "/en/events/export.xlsx",
        "/th/networks/export/memberships.xlsx",
        "/en/organisations/export.csv?country=TH",
        "/admin/",
        "/healthz",
    ],
)
def test_robots_keeps_crawlers_out_of_downloads_search_and_heavy_exports(client, path):
    assert _blocked(_rules(robots(client)), path)


@pytest.mark.parametrize(
    "path",
    [
        "/th/",
        "/en/publications/",
        "/en/publications/delgosea-manual/",
        "/th/events/sddc-forum/",
        "/en/events/feed.atom",
        "/en/events/calendar.ics",
        "/en/organisations/export.csv",
        "/en/data/",
        "/sitemap.xml",
    ],
)
def test_robots_leaves_pages_feeds_and_plain_exports_open(client, path):
    assert not _blocked(_rules(robots(client)), path)


def test_robots_is_read_by_pythons_own_parser_and_names_the_sitemap(client):
    parser = urllib.robotparser.RobotFileParser()
    parser.parse(robots(client).splitlines())
    assert parser.site_maps() == ["http://testserver/sitemap.xml"]
    assert not parser.can_fetch("*", "/admin/")
    assert parser.can_fetch("*", "/en/publications/")


def test_every_sitemap_address_has_a_lastmod(client, demo_site):
    index = client.get("/sitemap.xml").content.decode()
    sections = re.findall(r"<sitemap>(.*?)</sitemap>", index, re.S)
    urls = 0
    for section in sections:
        loc = re.search(r"<loc>([^<]+)</loc>", section)[1]
        page = client.get(HOST.sub("", loc)).content.decode()
        found = re.findall(r"<url>(.*?)</url>", page, re.S)
        # A section with addresses says when its latest changed (an empty one cannot).
        assert bool(found) == ("<lastmod>" in section), section
        for url in found:
            assert re.search(r"<lastmod>\d{4}-\d{2}-\d{2}", url), url
            urls += 1
    assert urls >= 40


def test_section_pages_lastmod_follows_their_records(client, demo_site):
    from events.models import Event

    event = Event.objects.published().first()
    Event.objects.filter(pk=event.pk).update(updated_at="2031-05-04T03:02:01Z")
    page = client.get("/sitemap-sections.xml").content.decode()
    blocks = re.findall(r"<url>(.*?)</url>", page, re.S)
    events_list = next(b for b in blocks if "<loc>http://testserver/th/events/</loc>" in b)
    home = next(b for b in blocks if "<loc>http://testserver/th/</loc>" in b)
    programmes = next(b for b in blocks if "<loc>http://testserver/th/programmes/</loc>" in b)
    assert "<lastmod>2031-05-04" in events_list and "<lastmod>2031-05-04" in home
    assert "<lastmod>2031-05-04" not in programmes


@pytest.mark.parametrize("path", ["/sitemap.xml", "/sitemap-sections.xml"])
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_sitemap_refuses_methods_other_than_get_and_head(client, path, method):
    response = getattr(client, method)(path)
    assert response.status_code == 405
    assert client.head(path).status_code == 200
