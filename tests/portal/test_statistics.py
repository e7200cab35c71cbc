"""Statistics: every chart's numbers are its table's, text alternatives are there, Thai pages
count years in the Buddhist Era, and the pages cost the same queries however much data."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from portal import charts
from programmes.models import TransferStatus
from publications import services
from tests.events.factories import EventFactory, ParticipantGroupFactory
from tests.networks.factories import MembershipFactory, NetworkFactory, OrganisationFactory
from tests.programmes.factories import ProgrammeFactory, TransferFactory
from tests.publications.factories import PublicationFactory

pytestmark = pytest.mark.django_db

LANGS = ["th", "en"]


def url(lang: str, name: str, **kwargs) -> str:
    with translation.override(lang):
        return reverse(name, kwargs=kwargs or None)


def figures(html: str) -> dict[str, str]:
    """Each chart figure of the page by its id."""
    found = {}
    for match in re.finditer(r'<figure class="chart" id="([^"]+)"', html):
        end = html.index("</figure>", match.end())
        found[match.group(1)] = html[match.start() : end]
    return found


def chart_numbers(figure: str) -> list[tuple[str, int]]:
    return [
        (label, int(value))
        for label, value in re.findall(
            r'<g class="bar" data-label="([^"]*)" data-value="(\d+)"', figure
        )
    ]


def table_numbers(figure: str) -> list[tuple[str, int]]:
    body = figure[figure.index("<tbody>") : figure.index("</tbody>")]
    rows = re.findall(
        r'<th scope="row"[^>]*>(?:<a [^>]*>)?(.*?)(?:</a>)?</th>.*?<td class="total">(\d+)</td>',
        body,
    )
    return [(label, int(value)) for label, value in rows]


def grow(scale: int, programme=None, network=None) -> None:
    """Events of several years and kinds, participants, countries, organisations, transfers
    and downloads, `scale` times over."""
    for i in range(scale):
        event = EventFactory(
            start_date=datetime.date(2018 + i % 4, 3, 1),
            end_date=datetime.date(2018 + i % 4, 3, 2),
            kind=["forum", "seminar", "workshop"][i % 3],
            declared_participants=100 + i if i % 2 else None,
            countries_represented=["TH", "KH,LA", "VN,TH"][i % 3],
            programme=programme,
            network=network,
        )
        ParticipantGroupFactory(event=event, label_en=f"Group {i % 4}", label_th=f"กลุ่ม {i % 4}")
        organisation = OrganisationFactory(
            kind=["cso", "academic"][i % 2], country=["TH", "KH"][i % 2]
        )
        if network is not None:
            MembershipFactory(network=network, organisation=organisation)
        TransferFactory(status=list(TransferStatus)[i % 4], good_practice__programme=programme)
        publication = PublicationFactory(programme=programme)
        services.publication_record_download(publication=publication)


@pytest.mark.parametrize("lang", LANGS)
def test_every_chart_of_the_statistics_page_draws_the_numbers_of_its_table(client, lang):
    grow(8)
    response = client.get(url(lang, "statistics"))
    assert response.status_code == 200
    html = response.content.decode()
    found = figures(html)
    expected = {
        "events-per-year",
        "participants-per-year",
        "participants-by-category",
        "countries-represented",
        "organisations-by-kind",
        "organisations-by-country",
        "transfers-by-status",
        "downloads-per-year",
        "most-downloaded",
    }
    assert expected <= {key.removeprefix("statistics-") for key in found}
    for key, figure in found.items():
        drawn, tabled = chart_numbers(figure), table_numbers(figure)
        assert drawn and [v for _l, v in drawn] == [v for _l, v in tabled], key
        assert 'role="img"' in figure and f'aria-labelledby="{key}-title {key}-desc"' in figure
        assert re.search(r"<title id=\"[^\"]+\">[^<]+</title>", figure)
        # The figures are said once, in the table: the picture's description is its summary.
        desc = re.search(r"<desc id=\"[^\"]+\">([^<]+)</desc>", figure)
        assert desc and re.search(r'<p class="chart-summary">([^<]+)</p>', figure).group(
            1
        ) in desc.group(1)
    years = [label for label, _v in table_numbers(found["statistics-events-per-year"])]
    assert (
        years
        == {"th": ["2561", "2562", "2563", "2564"], "en": ["2018", "2019", "2020", "2021"]}[lang]
    )
    # 8 events: 3 forums, 3 seminars, 2 workshops; each year's bar is the sum of its kinds.
    events = found["statistics-events-per-year"]
    assert sum(v for _l, v in chart_numbers(events)) == 8
    assert {"th": "สัมมนา", "en": "Seminar"}[lang] in events
    # Each chart says in one visible sentence what it adds up to and which row is largest.
    for key, figure in found.items():
        tabled = table_numbers(figure)
        summary = re.search(r'<p class="chart-summary">([^<]+)</p>', figure)
        assert summary, key
        total, largest = sum(v for _l, v in tabled), max(v for _l, v in tabled)
        words = {"th": f"รวม {total} จาก {len(tabled)} รายการ", "en": f"{total} in all, in"}
        assert words[lang] in summary.group(1), (key, summary.group(1))
        assert summary.group(1).rstrip(".").endswith(str(largest)), key


def test_participants_per_year_take_the_declared_total_or_else_the_groups():
    EventFactory(
        start_date=datetime.date(2022, 1, 1),
        end_date=datetime.date(2022, 1, 1),
        declared_participants=300,
    )
    grouped = EventFactory(start_date=datetime.date(2022, 5, 1), end_date=datetime.date(2022, 5, 1))
    ParticipantGroupFactory(event=grouped, count=40)
    ParticipantGroupFactory(event=grouped, count=2)
    from events.statistics import participants_per_year

    with translation.override("en"):
        table = participants_per_year()
    assert [(row.label, row.total) for row in table.rows] == [("2022", 342)]


def test_countries_represented_count_events_per_country():
    EventFactory(countries_represented=["TH", "KH"])
    EventFactory(countries_represented=["TH"])
    EventFactory(countries_represented=["LA", "KH", "TH"])
    from events.statistics import countries_represented

    with translation.override("en"):
        table = countries_represented()
    assert [(row.label, row.total) for row in table.rows] == [
        ("Thailand", 3),
        ("Cambodia", 2),
        ("Laos", 1),
    ]


@pytest.mark.parametrize("name", ["statistics", "home", "events:list"])
def test_statistics_cost_the_same_queries_however_much_data(client, name):
    grow(3)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url("th", name)).status_code == 200
    grow(30)
    for lang in LANGS:
        with CaptureQueriesContext(connection) as large:
            assert client.get(url(lang, name)).status_code == 200
        assert len(large.captured_queries) == len(small.captured_queries)


def test_programme_and_network_pages_show_their_own_statistics(client):
    programme = ProgrammeFactory(slug="p")
    network = NetworkFactory(slug="n")
    grow(4, programme=programme, network=network)
    grow(5)  # elsewhere: not counted on those pages
    programme_page = figures(client.get(url("en", "programmes:detail", slug="p")).content.decode())
    events = programme_page["programmes-Programme-events-per-year"]
    assert sum(v for _l, v in chart_numbers(events)) == 4
    network_page = figures(
        client.get(url("en", "networks:network_detail", slug="n")).content.decode()
    )
    members = network_page["networks-Network-organisations-by-kind"]
    assert sum(v for _l, v in chart_numbers(members)) == 4
    assert sum(v for _l, v in chart_numbers(network_page["networks-Network-events-per-year"])) == 4


def test_the_home_page_and_event_list_carry_small_charts(client):
    grow(3)
    home = client.get(url("th", "home")).content.decode()
    assert "home-events-per-year" in home and "/th/statistics/" in home
    events = client.get(url("en", "events:list")).content.decode()
    assert "events-list-events-per-year" in events


def test_a_download_is_counted_in_its_month():
    publication = PublicationFactory()
    services.publication_record_download(publication=publication)
    services.publication_record_download(publication=publication)
    month = publication.download_months.get()
    assert month.count == 2 and month.month.day == 1


def test_a_stacked_chart_is_drawn_to_scale_and_deterministically():
    table = charts.Table(
        key="t",
        title="T",
        label_heading="Year",
        columns=("a", "b"),
        rows=(charts.Row("2020", (2, 2)), charts.Row("2021", (1, 0))),
    )
    chart = charts.bar_chart(table)
    assert chart == charts.bar_chart(table)
    first, second = chart.bars
    assert sum(s.width for s in first.segments) == pytest.approx(charts.WIDTH - charts.VALUE_SPACE)
    assert [s.value for s in second.segments] == [1]  # no empty segment
    assert len(chart.legend) == 2
    with translation.override("en"):
        assert table.summary == "5 in all, in 2 rows; the largest is 2020, with 4."


def test_a_flow_diagram_gives_each_pair_a_band_as_wide_as_its_count():
    flows = [charts.Flow("Thailand", "Cambodia", 2), charts.Flow("Thailand", "Laos", 1)]
    chart = charts.flow_chart(flows)
    assert chart == charts.flow_chart(list(reversed(flows)))  # the order given does not matter
    assert [band.flow.count for band in chart.bands] == [2, 1]
    assert chart.bands[0].width == 2 * chart.bands[1].width
    assert [node.label for node in chart.sources] == ["Thailand"]
    assert [node.label for node in chart.targets] == ["Cambodia", "Laos"]
    assert chart.total == 3 and "Thailand → Laos: 1" in chart.description
    assert charts.flow_chart([]) is None


@pytest.mark.parametrize("lang", LANGS)
def test_a_record_page_shows_the_latest_ten_years_and_the_statistics_page_every_year(client, lang):
    programme = ProgrammeFactory(slug="long")
    for year in range(2008, 2022):  # fourteen years of events
        EventFactory(
            programme=programme,
            start_date=datetime.date(year, 5, 1),
            end_date=datetime.date(year, 5, 1),
        )
    shift = 543 if lang == "th" else 0
    page = figures(client.get(url(lang, "programmes:detail", slug="long")).content.decode())
    chart = page["programmes-Programme-events-per-year"]
    assert [label for label, _v in table_numbers(chart)] == [
        str(year + shift) for year in range(2012, 2022)
    ]
    note = {
        "en": "The latest 10 of 14 years; the statistics page has them all.",
        "th": "แสดง 10 ปีล่าสุดจากทั้งหมด 14 ปี หน้าสถิติแสดงครบทุกปี",
    }[lang]
    assert note in chart
    whole = figures(client.get(url(lang, "statistics")).content.decode())
    assert len(table_numbers(whole["statistics-events-per-year"])) == 14
