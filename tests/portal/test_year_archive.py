"""The year archive of outputs (issue 15, point 6): a year's events, publications, good
practices and programme milestones, across the portal and per programme, each app adding
its rows through the registry; Buddhist-Era years on Thai pages; bounded queries."""

import datetime
import re

import pytest

from portal import registry
from portal.models import Status
from tests.events.factories import EventFactory, EventGoodPracticeFactory
from tests.programmes.factories import GoodPracticeFactory, ProgrammeFactory
from tests.publications.factories import PublicationFactory

pytestmark = pytest.mark.django_db


def html_of(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def section(html: str, key: str) -> str:
    found = re.search(rf'<section class="year-section" id="year-{key}".*?</section>', html, re.S)
    return found.group(0) if found else ""


def titles(html: str) -> list[str]:
    return [
        re.sub(r"<[^>]+>", "", t).strip()
        for t in re.findall(r'<li><a href="[^"]+">(.*?)</a>', html, re.S)
    ]


@pytest.fixture
def outputs():
    delgosea = ProgrammeFactory(
        title_en="DELGOSEA",
        title_th="เดลโกเซีย",
        slug="delgosea",
        start_date=datetime.date(2010, 1, 1),
        end_date=datetime.date(2012, 12, 31),
    )
    other = ProgrammeFactory(
        title_en="Other programme",
        slug="other",
        start_date=datetime.date(2012, 3, 1),
        end_date=datetime.date(2014, 3, 1),
    )
    seminar = EventFactory(
        title_en="National seminar",
        title_th="สัมมนาระดับชาติ",
        programme=delgosea,
        start_date=datetime.date(2012, 5, 10),
        end_date=datetime.date(2012, 5, 11),
    )
    EventFactory(
        title_en="Other forum",
        programme=other,
        start_date=datetime.date(2012, 9, 1),
        end_date=datetime.date(2012, 9, 1),
    )
    EventFactory(
        title_en="Draft forum",
        start_date=datetime.date(2012, 1, 5),
        end_date=datetime.date(2012, 1, 5),
        status=Status.DRAFT,
    )
    EventFactory(
        title_en="Later forum",
        start_date=datetime.date(2013, 1, 5),
        end_date=datetime.date(2013, 1, 5),
    )
    PublicationFactory(title_en="Seminar documents", programme=delgosea, year=2012)
    PublicationFactory(title_en="Other manual", programme=other, year=2012)
    PublicationFactory(title_en="Old manual", year=2011)
    case = GoodPracticeFactory(title_en="Participatory budgeting", programme=delgosea)
    EventGoodPracticeFactory(event=seminar, good_practice=case)
    return delgosea


def test_a_year_lists_the_outputs_of_every_app(client, outputs):
    html = html_of(client, "/en/years/2012/")
    assert "<h1>Outputs of 2012" in html
    assert titles(section(html, "events")) == ["National seminar", "Other forum"]
    assert sorted(titles(section(html, "publications"))) == ["Other manual", "Seminar documents"]
    assert titles(section(html, "good_practices")) == ["Participatory budgeting"]
    milestones = section(html, "milestones")
    assert titles(milestones) == ["DELGOSEA", "Other programme"]
    assert "ended December 2012" in milestones
    assert "started March 2012" in milestones
    assert "Draft forum" not in html and "Later forum" not in html and "Old manual" not in html


def test_thai_pages_give_the_year_in_the_buddhist_era(client, outputs):
    html = html_of(client, "/th/years/2012/")
    assert "<h1>ผลงานปี พ.ศ. 2555" in html
    assert "สัมมนาระดับชาติ" in section(html, "events")
    assert "10–11 พฤษภาคม 2555" in section(html, "events")
    index = html_of(client, "/th/years/")
    assert '<a href="/th/years/2012/">2555</a>' in index
    assert '<a href="/th/years/2010/">2553</a>' in index  # DELGOSEA started
    assert '<a href="/en/years/2013/">2013</a>' in html_of(client, "/en/years/")


def test_a_buddhist_era_year_in_the_address_redirects_and_a_bad_one_is_a_404(client, outputs):
    response = client.get("/th/years/2555/")
    assert response.status_code == 302
    assert response["Location"] == "/th/years/2012/"
    response = client.get("/th/programmes/delgosea/years/2555/")
    assert response["Location"] == "/th/programmes/delgosea/years/2012/"
    for path in ("/th/years/1066/", "/th/years/99999/", "/en/years/abc/"):
        assert client.get(path).status_code == 404, path
    assert client.get("/en/programmes/no-such/years/2012/").status_code == 404


def test_a_year_of_one_programme_shows_only_its_outputs(client, outputs):
    html = html_of(client, "/en/programmes/delgosea/years/2012/")
    assert titles(section(html, "events")) == ["National seminar"]
    assert titles(section(html, "publications")) == ["Seminar documents"]
    assert titles(section(html, "good_practices")) == ["Participatory budgeting"]
    assert titles(section(html, "milestones")) == ["DELGOSEA"]
    assert '<h2 id="year-milestones-heading">Start and end of the programme</h2>' in html
    main = re.search(r"<main.*</main>", html, re.S).group(0)
    for other in ("Other programme", "Other forum", "Other manual"):
        assert other not in main
    # The programme's own years only: it started in 2010, ended in 2012.
    assert '<a href="/en/programmes/delgosea/years/2010/">2010</a>' in html
    assert "/years/2013/" not in html


def test_an_empty_year_says_so(client, outputs):
    html = html_of(client, "/en/years/1990/")
    assert "Nothing is recorded for 1990." in html
    assert "ยังไม่มีผลงานที่บันทึกไว้ในปี พ.ศ. 2533" in html_of(client, "/th/years/1990/")


def test_long_sections_are_bounded_with_a_see_all_link(client, outputs):
    for i in range(15):
        day = datetime.date(2012, 10, 1 + i)
        EventFactory(title_en=f"Bulk event {i}", start_date=day, end_date=day)
    html = html_of(client, "/en/years/2012/")
    events = section(html, "events")
    limit = next(s.limit for s in registry.year_sections if s.key == "events")
    assert len(titles(events)) == limit
    assert 'href="/en/events/?year=2012">See all: Events, 2012</a>' in events
    programme_page = html_of(client, "/en/programmes/delgosea/years/2012/")
    assert "See all" not in section(programme_page, "events")


@pytest.mark.parametrize("path", ["/en/years/2012/", "/th/programmes/delgosea/years/2012/"])
def test_the_query_count_does_not_grow_with_the_data(
    client, django_assert_num_queries, outputs, path
):
    client.get(path)  # warm caches (site pages, sessions)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as before:
        assert client.get(path).status_code == 200
    for i in range(30):
        year = 2012 if i % 2 else 2000 + i
        day = datetime.date(year, 1, 1 + i % 28)
        event = EventFactory(programme=outputs, start_date=day, end_date=day)
        PublicationFactory(programme=outputs, year=year)
        EventGoodPracticeFactory(event=event, good_practice=GoodPracticeFactory())
        ProgrammeFactory(start_date=datetime.date(year, 2, 1), end_date=None)
    with django_assert_num_queries(len(before.captured_queries)):
        assert client.get(path).status_code == 200
    assert len(before.captured_queries) <= len(registry.year_sections) + 3


def test_the_year_pages_are_linked_from_the_footer_and_the_programme(client, outputs):
    assert '<a href="/en/years/">Outputs by year</a>' in html_of(client, "/en/")
    programme_page = html_of(client, "/en/programmes/delgosea/")
    assert 'href="/en/programmes/delgosea/years/2012/"' in programme_page
