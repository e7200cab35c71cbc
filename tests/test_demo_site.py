"""The whole demo, loaded as `make run` loads it, seen through the public pages.

Each app tests its own pages; this checks that the apps' records meet on each
other's pages: a programme lists its events and publications, an organisation
its programmes, events and publications, the home page all sections.
"""

import io
import re

import pytest
from django.core.management import call_command

from tests.sitemaps import sitemap_paths, sitemap_xml

pytestmark = pytest.mark.django_db

LANGS = ["th", "en"]


@pytest.fixture
def demo(demo_site):
    """The demo site, loaded once for this module (tests/conftest.py)."""


def page(client, path) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


@pytest.mark.parametrize("lang", LANGS)
def test_delgosea_page_lists_its_publications_with_their_files(client, demo, lang):
    html = page(client, f"/{lang}/programmes/delgosea/")
    for slug in (
        "delgosea-trainers-manual-16-good-practices",
        "delgosea-16-good-practices-summary-thai",
        "delgosea-national-network-seminar-documents",
    ):
        assert f"/{lang}/publications/{slug}/" in html
    assert "PDF" in html


@pytest.mark.parametrize("lang", LANGS)
def test_cspp_page_lists_the_mekong_conference(client, demo, lang):
    html = page(client, f"/{lang}/programmes/cspp/")
    assert f"/{lang}/events/csos-regional-conference-2018/" in html


@pytest.mark.parametrize("lang", LANGS)
def test_organisation_pages_gather_programmes_events_and_publications(client, demo, lang):
    tei = page(client, f"/{lang}/organisations/tei/")
    assert f"/{lang}/programmes/delgosea/" in tei
    assert f"/{lang}/publications/delgosea-trainers-manual-16-good-practices/" in tei
    csnm = page(client, f"/{lang}/organisations/csnm/")
    assert f"/{lang}/programmes/cspp/" in csnm
    assert f"/{lang}/events/csos-regional-conference-2018/" in csnm
    assert f"/{lang}/publications/csos-regional-conference-2018-papers/" in csnm


@pytest.mark.parametrize("lang", LANGS)
def test_event_page_lists_the_conference_papers(client, demo, lang):
    html = page(client, f"/{lang}/events/csos-regional-conference-2018/")
    assert f"/{lang}/publications/csos-regional-conference-2018-papers/" in html
    assert f"/{lang}/publications/csos-regional-conference-2018-presentations/" in html


@pytest.mark.parametrize("lang", LANGS)
def test_home_page_shows_every_section(client, demo, lang):
    html = page(client, f"/{lang}/")
    assert f"/{lang}/programmes/delgosea/" in html
    assert f"/{lang}/events/sddc-allied-networks-forum-2022/" in html
    assert f"/{lang}/networks/sddc/" in html


def test_sitemap_lists_every_kind_of_page_in_both_languages(client, demo):
    xml = sitemap_xml(client)
    for path in (
        "/programmes/delgosea/",
        "/events/csos-regional-conference-2018/",
        "/organisations/tei/",
        "/networks/sddc/",
        "/publications/delgosea-trainers-manual-16-good-practices/",
    ):
        for lang in LANGS:
            assert f"/{lang}{path}<" in xml, (lang, path)


@pytest.mark.heavy
def test_every_demo_page_in_the_sitemap_answers_200_in_both_languages(client, demo):
    paths = sitemap_paths(client)
    assert len(paths) > 40
    for path in sorted(paths):
        assert client.get(path).status_code == 200, path


def test_demo_loads_twice_without_change(demo):
    from django.apps import apps

    def counts():
        return {
            model._meta.label: model.objects.count()
            for app in ("networks", "programmes", "events")
            for model in apps.get_app_config(app).get_models()
        }

    before = counts()
    call_command("load_demo", stdout=io.StringIO())
    assert counts() == before


@pytest.mark.parametrize(
    ("lang", "labels"),
    [
        ("th", ["โครงการ", "กิจกรรม", "ผู้เข้าร่วมกิจกรรม", "องค์กร", "ประเทศ", "สิ่งพิมพ์"]),
        ("en", ["programmes", "events", "participants at events", "organisations", "countries"]),
    ],
)
def test_home_page_figures_count_the_published_demo_records(client, demo, lang, labels):
    html = page(client, f"/{lang}/")
    figures = re.search(r'<section class="figures".*?</section>', html, re.S).group(0)
    pairs = dict(re.findall(r"<dt>([^<]+)</dt><dd>(\d+)</dd>", figures))
    assert all(label in pairs for label in labels)
    # Two programmes, two events with 427 + 79 participants, five publications; the
    # countries: the events' KH LA MM TH VN and DELGOSEA's ID and PH besides.
    values = list(pairs.values())
    assert values[0] == "2" and values[1] == "2" and values[2] == str(427 + 79)
    assert values[4] == "7"
    assert values[5] == "5"


@pytest.mark.parametrize("lang", LANGS)
def test_home_page_shows_the_newest_publications(client, demo, lang):
    html = page(client, f"/{lang}/")
    assert html.count(f'href="/{lang}/publications/') >= 3


def test_home_page_query_count_does_not_grow_with_the_records(client, demo):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.events.factories import EventFactory
    from tests.programmes.factories import ProgrammeFactory
    from tests.publications.factories import PublicationFactory

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/th/").status_code == 200
        return len(captured)

    before = queries()
    for _ in range(15):
        ProgrammeFactory(status="published")
        EventFactory(status="published")
        PublicationFactory(status="published")
    assert queries() == before


JUNK_QUERIES = [
    "page=abc",
    "page=0",
    "page=99999999999999999999",
    "page=-1",
    # Every list filter's junk at once: each invalid value is dropped on its own, so one
    # request checks them all (the page junk above, which ends a list early, stays apart).
    "&".join(
        [
            "year=abc",
            "kind=nonsense",
            "country=ZZ",
            "theme=%00",
            "programme=no-such-programme",
            "network=no-such-network",
            "event=no-such-event",
            "organisation=no-such-organisation",
            "publisher=no-such-organisation",
            "publication=no-such-publication",
            "good_practice=no-such-case",
            "parent=no-such-organisation",
            "member=no-such-organisation",
            "language=xx",
            "access=everyone",
            "sort=price",
            "stage=done",
            "when=never",
            "q=%00%00",
        ]
    ),
    "year=99999&country=<script>&%ff%fe=%ff",
    "year=2565",
    "q=" + "ก" * 5000,
    "page=1&page=2&year=2010&year=x",
]


@pytest.mark.heavy
def test_no_public_page_answers_500_to_junk_parameters(client, demo):
    """Every page of the site map, with every kind of junk, answers 200, 3xx, 400 or 404."""
    paths = sitemap_paths(client)
    paths |= {"/th/search/", "/en/search/", "/th/events/calendar.ics", "/en/publications/feed.atom"}
    # One page per kind of page, in one language: the same view with another slug or in
    # the other language reads its parameters alike. Languages alternate between kinds.
    kinds: dict[tuple, list[str]] = {}
    for path in sorted(paths):
        parts = path.split("/")
        kinds.setdefault((len(parts), parts[2] if len(parts) > 3 else ""), []).append(path)
    sample = []
    for index, (_kind, candidates) in enumerate(sorted(kinds.items())):
        lang = LANGS[index % 2]
        sample.append(next((p for p in candidates if p.startswith(f"/{lang}/")), candidates[0]))
    assert {p.split("/")[1] for p in sample} == set(LANGS)
    failures = []
    for path in sample:
        for query in JUNK_QUERIES:
            status = client.get(f"{path}?{query}").status_code
            if status not in (200, 301, 302, 400, 404):
                failures.append((path, query, status))
    assert failures == []
