"""The partnership picture: who is linked through what, in which period, drawn the same way
every time, listed as text, and at the same cost however many organisations."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from networks import partnerships
from portal.models import Status
from tests.events.factories import AwardFactory, EventFactory, EventOrganiserFactory
from tests.networks.factories import MembershipFactory, NetworkFactory, OrganisationFactory
from tests.programmes.factories import PartnerFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db

LANGS = ["th", "en"]


def url(lang: str, name: str = "networks:partnerships", **kwargs) -> str:
    with translation.override(lang):
        return reverse(name, kwargs=kwargs or None)


@pytest.fixture
def linked():
    ect = OrganisationFactory(name_en="Election Commission", name_th="กกต.", slug="ect")
    tei = OrganisationFactory(name_en="Environment Institute", name_th="สถาบันสิ่งแวดล้อม", slug="tei")
    eu = OrganisationFactory(name_en="European Union", name_th="สหภาพยุโรป", slug="eu")
    sddc = OrganisationFactory(name_en="Phimonrat Centre", name_th="ศูนย์พิมลราช", slug="sddc")
    loner = OrganisationFactory(name_en="Lonely Office", slug="loner")
    draft = OrganisationFactory(name_en="Secret Partner", slug="secret", status=Status.DRAFT)
    forum = EventFactory(
        slug="forum", start_date=datetime.date(2022, 8, 24), end_date=datetime.date(2022, 8, 25)
    )
    EventOrganiserFactory(event=forum, organisation=ect)
    EventOrganiserFactory(event=forum, organisation=draft)
    AwardFactory(event=forum, organisation=sddc)
    programme = ProgrammeFactory(
        slug="mekong", lead_organisation=tei,
        start_date=datetime.date(2010, 1, 1), end_date=datetime.date(2012, 6, 30),
    )  # fmt: skip
    PartnerFactory(programme=programme, organisation=eu)
    network = NetworkFactory(slug="cso", coordinator=tei)
    MembershipFactory(network=network, organisation=ect)
    del loner
    return {"programme": programme, "network": network}


def _pairs(graph) -> set[frozenset[str]]:
    return {frozenset((edge.source.name, edge.target.name)) for edge in graph.edges}


def test_organisations_sharing_an_event_a_programme_or_a_network_are_linked(linked):
    with translation.override("en"):
        graph = partnerships.build()
    assert _pairs(graph) == {
        frozenset(("Election Commission", "Phimonrat Centre")),  # organiser and awardee
        frozenset(("Environment Institute", "European Union")),  # lead and partner
        frozenset(("Election Commission", "Environment Institute")),  # member and coordinator
    }
    names = {node.name for node in graph.nodes}
    assert "Lonely Office" not in names and "Secret Partner" not in names
    # The same data draws the same picture.
    with translation.override("en"):
        again = partnerships.build()
    assert [(n.name, n.y) for n in again.nodes] == [(n.name, n.y) for n in graph.nodes]
    assert [e.path for e in again.edges] == [e.path for e in graph.edges]


def test_a_period_keeps_what_happened_in_it(linked):
    with translation.override("en"):
        early = partnerships.build(first_year=2010, last_year=2012)
        late = partnerships.build(first_year=2020, last_year=2023)
    assert frozenset(("Environment Institute", "European Union")) in _pairs(early)
    assert frozenset(("Election Commission", "Phimonrat Centre")) not in _pairs(early)
    assert frozenset(("Election Commission", "Phimonrat Centre")) in _pairs(late)
    assert frozenset(("Environment Institute", "European Union")) not in _pairs(late)


def test_a_programme_and_a_network_have_pictures_of_their_own(linked):
    with translation.override("en"):
        programme = partnerships.build("programme", linked["programme"])
        network = partnerships.build("network", linked["network"])
    assert _pairs(programme) == {frozenset(("Environment Institute", "European Union"))}
    assert _pairs(network) == {frozenset(("Election Commission", "Environment Institute"))}


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_draws_the_picture_with_links_and_lists_the_relations(client, linked, lang):
    response = client.get(url(lang))
    assert response.status_code == 200
    html = response.content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    # A document of links, not an image (axe: no links inside an image), named by its title.
    assert (
        'aria-labelledby="partnership-graph-title partnership-graph-desc"' in svg
        and "<title" in svg
        and "<desc" in svg
    )
    assert 'aria-labelledby="partnership-graph-title partnership-graph-desc"' in svg
    assert (
        int(re.search(r'data-edges="(\d+)"', svg).group(1)) == svg.count('class="graph-edge"') == 3
    )
    for slug in ("ect", "tei", "eu", "sddc"):
        assert f'href="/{lang}/organisations/{slug}/"' in svg
    listing = html[html.index('class="relations"') :]
    assert {"th": "กกต.", "en": "Election Commission"}[lang] in listing
    assert {"th": "1 กิจกรรม", "en": "1 event"}[lang] in listing
    assert {"th": "1 เครือข่าย", "en": "1 network"}[lang] in listing
    assert {"th": "1 โครงการ", "en": "1 programme"}[lang] in listing
    assert 'font-size="14"' in svg


@pytest.mark.parametrize("lang", LANGS)
def test_scoped_pages_and_periods_in_either_calendar(client, linked, lang):
    programme = client.get(url(lang, "networks:partnerships_of", scope="programme", slug="mekong"))
    assert programme.status_code == 200
    assert "European" in programme.content.decode() or "สหภาพยุโรป" in programme.content.decode()
    network = client.get(url(lang, "networks:partnerships_of", scope="network", slug="cso"))
    assert network.status_code == 200
    be = client.get(url(lang) + "?start=2553&end=2555").content.decode()
    ce = client.get(url(lang) + "?start=2010&end=2012").content.decode()
    # The programme of 2010–2012, and the membership that has no dates (always).
    assert be.count('class="graph-edge"') == ce.count('class="graph-edge"') == 2


@pytest.mark.parametrize("query", ["?start=abc", "?start=2015&end=2010", "?start=1200"])
def test_a_bad_period_is_a_clear_400(client, linked, query):
    response = client.get(url("en") + query)
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()


def test_unknown_scopes_and_records_are_404(client, linked):
    assert client.get(url("en") + "nothing/mekong/").status_code == 404
    assert (
        client.get(url("en", "networks:partnerships_of", scope="programme", slug="x")).status_code
        == 404
    )


def _crowd(count: int, prefix: str) -> None:
    """`count` organisations, each organising an event with the next one."""
    organisations = [OrganisationFactory(slug=f"{prefix}-{i}") for i in range(count)]
    for i, organisation in enumerate(organisations):
        event = EventFactory(slug=f"{prefix}-event-{i}")
        EventOrganiserFactory(event=event, organisation=organisation)
        EventOrganiserFactory(event=event, organisation=organisations[(i + 1) % count])
        EventOrganiserFactory(event=event, organisation=organisations[(i + 7) % count])


def test_a_big_network_shows_the_most_connected_and_lists_more(client):
    _crowd(partnerships.LIMIT + 20, "big")
    html = client.get(url("en")).content.decode()
    assert html.count('class="graph-node"') == partnerships.LIMIT
    more = html[html.index('id="more-heading"') :]
    more = more[: more.index("</ul>")]  # the list only (the footer has list items too)
    assert more.count("<li>") == 20


def test_the_page_costs_the_same_queries_however_many_organisations(client):
    _crowd(5, "small")
    with CaptureQueriesContext(connection) as small:
        client.get(url("th"))
    _crowd(60, "large")
    for lang in LANGS:
        with CaptureQueriesContext(connection) as large:
            assert client.get(url(lang)).status_code == 200
        assert len(large.captured_queries) == len(small.captured_queries)
