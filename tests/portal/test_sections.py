"""Sections higher apps register on lower apps' pages, and the filtered lists they link to.

Each case below is one registered section: the page of a lower app's record
(an organisation, a network, a programme, a good-practice case, a publication)
and the way a record of a higher app comes to belong on it.
"""

import datetime
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from events.models import Event
from portal import registry
from portal.models import Status
from programmes.models import Programme
from publications.models import Publication
from tests.events.factories import EventFactory, EventOrganiserFactory
from tests.networks.factories import NetworkFactory, OrganisationFactory
from tests.programmes.factories import GoodPracticeFactory, PartnerFactory, ProgrammeFactory
from tests.publications.factories import PublicationFactory

pytestmark = pytest.mark.django_db

LIMIT = 5


def _titled(title: str) -> dict:
    return {"title_en": title, "title_th": title}


def _event(n: int, **extra):
    return EventFactory(
        title_en=f"Related event {n}",
        title_th=f"Related event {n}",
        start_date=datetime.date(2020, 1, 1) + datetime.timedelta(days=n),
        end_date=datetime.date(2020, 1, 1) + datetime.timedelta(days=n),
        **extra,
    )


def _organised_event(organisation, n):
    EventOrganiserFactory(organisation=organisation, event=_event(n))
    return f"Related event {n}"


def _led_programme(organisation, n):
    if n % 2:
        PartnerFactory(
            organisation=organisation,
            programme__title_en=f"Related programme {n}",
            programme__title_th=f"Related programme {n}",
        )
    else:
        ProgrammeFactory(lead_organisation=organisation, **_titled(f"Related programme {n}"))
    return f"Related programme {n}"


def _published(organisation, n):
    PublicationFactory(publisher=organisation, **_titled(f"Related publication {n}"))
    return f"Related publication {n}"


def _network_event(network, n):
    _event(n, network=network)
    return f"Related event {n}"


def _programme_event(programme, n):
    _event(n, programme=programme)
    return f"Related event {n}"


def _programme_publication(programme, n):
    PublicationFactory(programme=programme, **_titled(f"Related publication {n}"))
    return f"Related publication {n}"


def _presenting(case, n):
    PublicationFactory(**_titled(f"Related publication {n}")).good_practices.add(case)
    return f"Related publication {n}"


def _presented_at(publication, n):
    _event(n).documents.add(publication)
    return f"Related event {n}"


@dataclass
class Case:
    name: str
    record: Callable
    add: Callable  # (record, n) -> the title of the row it adds
    heading: str  # the id of the section's heading
    more: str  # the "see all" link without the language prefix, {slug} filled in

    def __str__(self):
        return self.name


CASES = [
    Case("organisation-events", OrganisationFactory, _organised_event, "related-events-heading", "/events/?organisation={slug}"),
    Case("organisation-programmes", OrganisationFactory, _led_programme, "related-programmes-heading", "/programmes/?organisation={slug}"),
    Case("organisation-publications", OrganisationFactory, _published, "publications-heading", "/publications/?publisher={slug}"),
    Case("network-events", NetworkFactory, _network_event, "related-events-heading", "/events/?network={slug}"),
    Case("programme-events", ProgrammeFactory, _programme_event, "related-events-heading", "/events/?programme={slug}"),
    Case("programme-publications", ProgrammeFactory, _programme_publication, "publications-heading", "/publications/?programme={slug}"),
    Case("good-practice-publications", GoodPracticeFactory, _presenting, "published-in-heading", "/publications/?good_practice={slug}"),
    Case("publication-events", PublicationFactory, _presented_at, "publication-events-heading", "/events/?publication={slug}"),
]  # fmt: skip


def get(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def section_of(html: str, heading: str) -> str | None:
    match = re.search(rf'<section[^>]*aria-labelledby="{heading}".*?</section>', html, re.S)
    return match.group(0) if match else None


def page_of(record, lang: str) -> str:
    with translation.override(lang):
        return record.get_absolute_url()


@pytest.mark.parametrize("case", CASES, ids=str)
@pytest.mark.parametrize("lang", ["th", "en"])
def test_a_section_shows_a_few_rows_and_links_to_all_exactly_when_there_are_more(
    client, case, lang
):
    record = case.record()
    unrelated = case.add(case.record(), 99)
    titles = [case.add(record, n) for n in range(LIMIT)]
    more = f"/{lang}" + case.more.format(slug=record.slug)

    section = section_of(get(client, page_of(record, lang)), case.heading)
    assert section is not None
    assert all(title in section for title in titles)
    assert unrelated not in section
    assert 'class="see-all"' not in section

    titles.append(case.add(record, LIMIT))
    section = section_of(get(client, page_of(record, lang)), case.heading)
    assert sum(title in section for title in titles) == LIMIT
    assert f'<a href="{more.replace("&", "&amp;")}">' in section

    listing = get(client, more)
    assert all(title in listing for title in titles)
    assert unrelated not in listing


@pytest.mark.parametrize("case", CASES, ids=str)
def test_a_section_with_nothing_to_show_renders_nothing(client, case):
    record = case.record()
    case.add(case.record(), 1)  # belongs to another record
    assert section_of(get(client, page_of(record, "en")), case.heading) is None


@pytest.mark.parametrize("case", CASES, ids=str)
def test_drafts_are_not_shown_in_a_section(client, case):
    record = case.record()
    shown = case.add(record, 1)
    for model in (Event, Programme, Publication):
        model.objects.filter(title_en=shown).update(status=Status.DRAFT)
    assert section_of(get(client, page_of(record, "en")), case.heading) is None


@pytest.mark.parametrize("case", CASES, ids=str)
def test_pages_with_sections_cost_the_same_queries_with_30_related_rows(
    client, case, django_assert_num_queries
):
    record = case.record()
    case.add(record, 0)
    path = page_of(record, "en")
    with CaptureQueriesContext(connection) as one_row:
        get(client, path)
    for n in range(1, 30):
        case.add(record, n)
    with django_assert_num_queries(len(one_row.captured_queries)):
        html = get(client, path)
    assert 'class="see-all"' in section_of(html, case.heading)


def test_the_organisation_page_shows_programmes_events_and_publications_in_that_order(client):
    organisation = OrganisationFactory()
    _organised_event(organisation, 1)
    _led_programme(organisation, 2)
    _published(organisation, 3)
    html = get(client, page_of(organisation, "en"))
    positions = [
        html.index(f'aria-labelledby="{heading}"')
        for heading in (
            "related-programmes-heading",
            "related-events-heading",
            "publications-heading",
        )
    ]
    assert positions == sorted(positions)


def test_lower_pages_render_nothing_when_nothing_is_registered_for_them(client, monkeypatch):
    organisation = OrganisationFactory()
    _organised_event(organisation, 1)
    _led_programme(organisation, 2)
    _published(organisation, 3)
    assert "Related event 1" in get(client, page_of(organisation, "en"))

    monkeypatch.setattr(registry, "sections", defaultdict(list))
    html = get(client, page_of(organisation, "en"))
    assert "Related event 1" not in html
    assert "Related programme 2" not in html
    assert "Related publication 3" not in html
    for heading in ("related-programmes-heading", "related-events-heading", "publications-heading"):
        assert section_of(html, heading) is None


def test_the_sections_tag_renders_nothing_for_a_model_nothing_is_registered_for():
    from networks.models import Person

    assert registry.sections_for(Person()) == []
    html = Template("{% load portal_tags %}[{% sections obj %}]").render(Context({"obj": Person()}))
    assert html == "[]"


# --- the filters the "see all" links use ------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/en/events/?organisation=../../etc",
        "/en/events/?organisation=nope%00",
        "/en/events/?organisation=a&organisation=b",
        "/en/events/?publication=nope",
        "/en/publications/?publisher=nope",
        "/en/publications/?good_practice=%00",
        "/en/programmes/?organisation=%E0%B8%81",
        "/th/programmes/?organisation[]=x",
    ],
)
def test_junk_record_filters_are_ignored(client, path):
    EventFactory(title_en="Any event")
    assert client.get(path).status_code == 200


def test_a_filter_by_an_unpublished_record_is_ignored(client):
    draft = OrganisationFactory(status=Status.DRAFT, name_en="Secret organisation")
    _organised_event(draft, 1)
    EventFactory(title_en="Another organisers event")
    html = get(client, f"/en/events/?organisation={draft.slug}")
    assert "Another organisers event" in html
    assert "Secret organisation" not in html


@pytest.mark.parametrize("lang", ["th", "en"])
def test_a_filtered_list_names_the_record_and_keeps_it_with_the_other_filters(client, lang):
    organisation = OrganisationFactory(name_en="Mekong partnership", name_th="ภาคีลุ่มน้ำโขง")
    _organised_event(organisation, 1)
    EventFactory(title_en="Another organisers event")
    html = get(client, f"/{lang}/events/?organisation={organisation.slug}")
    assert f'<input type="hidden" name="organisation" value="{organisation.slug}"' in html
    name = {"th": "ภาคีลุ่มน้ำโขง", "en": "Mekong partnership"}[lang]
    assert re.search(
        rf'class="active-filter">[^<]+<a href="{page_of(organisation, lang)}">{name}', html
    )
    assert "Another organisers event" not in html


def test_the_library_filter_by_event_comes_from_the_events_app(client, monkeypatch):
    shown = PublicationFactory(title_en="Presented paper")
    PublicationFactory(title_en="Other paper")
    event = _event(1)
    event.documents.add(shown)
    html = get(client, f"/en/publications/?event={event.slug}")
    assert 'name="event"' in html
    assert "Presented paper" in html and "Other paper" not in html

    monkeypatch.setattr(registry, "list_filters", defaultdict(list))
    html = get(client, f"/en/publications/?event={event.slug}")
    assert 'name="event"' not in html
    assert "Presented paper" in html and "Other paper" in html
