"""An organisation's sources and its private notes (issue 12)."""

import re

import pytest

from tests.networks.factories import OrganisationFactory, OrganisationSourceFactory
from tests.sitemaps import sitemap_xml

pytestmark = pytest.mark.django_db

LANGS = ["th", "en"]
SECRET = "Zqx-organisation-staff-note"


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize("lang", LANGS)
def test_the_organisation_page_lists_its_sources(client, lang):
    organisation = OrganisationFactory(status="published")
    OrganisationSourceFactory(
        organisation=organisation,
        title_th="รายงานประจำปี 2567",
        title_en="Annual report 2567",
        publisher_th="สำนักงาน",
        publisher_en="The Office",
        supports=["name"],
        url="https://example.org/annual-report",
    )
    html = page(client, f"/{lang}/organisations/{organisation.slug}/")
    assert "https://example.org/annual-report" in html
    assert ("รายงานประจำปี 2567" if lang == "th" else "Annual report 2567") in text_of(html)
    assert ("แหล่งข้อมูล" if lang == "th" else "Sources") in text_of(html)


def test_the_organisation_page_costs_the_same_queries_however_many_sources(
    client, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    organisation = OrganisationFactory(status="published")
    OrganisationSourceFactory(organisation=organisation)
    with CaptureQueriesContext(connection) as ctx:
        page(client, f"/en/organisations/{organisation.slug}/")
    for n in range(15):
        OrganisationSourceFactory(
            organisation=organisation, supports=["name"], stated_value_en=str(n)
        )
    with django_assert_num_queries(len(ctx.captured_queries)):
        page(client, f"/th/organisations/{organisation.slug}/")


def test_staff_notes_never_reach_a_public_page(client, admin_client):
    organisation = OrganisationFactory(status="published", staff_notes=SECRET)
    for url in (
        f"/th/organisations/{organisation.slug}/",
        f"/en/organisations/{organisation.slug}/",
        "/en/organisations/",
    ):
        assert SECRET not in page(client, url), url
    assert SECRET not in sitemap_xml(client)
    html = admin_client.get(
        f"/admin/networks/organisation/{organisation.pk}/change/"
    ).content.decode()
    assert SECRET in html and 'name="sources-TOTAL_FORMS"' in html
