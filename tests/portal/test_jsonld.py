"""Schema.org JSON-LD on the detail pages: valid JSON, the page's language, no personal data."""

import json
import re

import pytest

from networks.models import Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_site):
    """The demo site, loaded once for this module (tests/conftest.py)."""


def json_ld(client, path) -> list[dict]:
    response = client.get(path)
    assert response.status_code == 200, path
    html = response.content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    # The breadcrumbs' BreadcrumbList is tested with them (tests/portal/test_wayfinding.py).
    data = [json.loads(block) for block in blocks]
    return [item for item in data if item.get("@type") != "BreadcrumbList"]


def test_home_page_declares_the_website_and_its_search(client, demo):
    (data,) = json_ld(client, "/th/")
    assert data["@type"] == "WebSite" and data["inLanguage"] == "th"
    assert data["potentialAction"]["target"]["urlTemplate"].endswith(
        "/th/search/?q={search_term_string}"
    )


@pytest.mark.parametrize(
    ("lang", "name"),
    [("th", "สถาบันสิ่งแวดล้อมไทย"), ("en", "Thailand Environment Institute")],
)
def test_programme_page_describes_the_project_in_the_page_language(client, demo, lang, name):
    (data,) = json_ld(client, f"/{lang}/programmes/delgosea/")
    assert data["@type"] == "Project" and data["alternateName"] == "DELGOSEA"
    # DELGOSEA's dates are known to the month only, and say so.
    assert data["foundingDate"] == "2010-03" and data["dissolutionDate"] == "2012-08"
    assert [f["url"] for f in data["funder"]] == [
        f"http://testserver/{lang}/organisations/european-commission/"
    ]
    assert data["parentOrganization"]["name"] == name


def test_organisation_page_names_its_parent(client, demo):
    (data,) = json_ld(client, "/en/organisations/csnm/")
    assert data["@type"] == "Organization"
    assert data["parentOrganization"]["url"].endswith(
        "/en/organisations/kku-faculty-of-humanities-and-social-sciences/"
    )


def test_publication_page_says_partners_only_access(client, demo):
    (data,) = json_ld(client, "/en/publications/delgosea-national-network-seminar-documents/")
    assert data["conditionsOfAccess"] == "Partners only"
    assert data["inLanguage"] == ["th"]
    assert data["sourceOrganization"]["url"].endswith("/en/programmes/delgosea/")
    assert data["isAccessibleForFree"] is False


def test_network_page_is_an_organisation_with_its_coordinator(client, demo):
    (data,) = json_ld(client, "/th/networks/sddc/")
    assert data["@type"] == "Organization" and data["alternateName"]
    assert "parentOrganization" in data


def test_no_contact_data_in_any_json_ld(client, demo):
    Person.objects.update(email="hidden.person@example.org", phone="+66 81 234 5678")
    for path in (
        "/th/",
        "/th/programmes/delgosea/",
        "/en/organisations/tei/",
        "/en/networks/sddc/",
        "/en/publications/delgosea-trainers-manual-16-good-practices/",
    ):
        text = json.dumps(json_ld(client, path), ensure_ascii=False)
        assert "hidden.person@example.org" not in text and "81 234" not in text


def test_text_cannot_close_the_script_element(client, demo):
    from networks.models import Organisation

    Organisation.objects.filter(slug="tei").update(description_en="</script><b>x</b> & more")
    (data,) = json_ld(client, "/en/organisations/tei/")
    assert data["description"] == "</script><b>x</b> & more"
    html = client.get("/en/organisations/tei/").content.decode()
    assert "</script><b>x</b>" not in html.split("<body")[0]


@pytest.mark.parametrize(("lang", "city"), [("th", "กรุงเทพมหานคร"), ("en", "Bangkok")])
def test_event_page_describes_the_event_with_its_venue_and_organisers(client, demo, lang, city):
    (data,) = json_ld(client, f"/{lang}/events/sddc-allied-networks-forum-2022/")
    assert data["@type"] == "Event"
    assert (data["startDate"], data["endDate"]) == ("2022-08-24", "2022-08-25")
    assert data["location"]["address"]["addressLocality"] == city
    assert data["location"]["address"]["addressCountry"] == "TH"
    assert any(o["url"].endswith(f"/{lang}/organisations/ect/") for o in data["organizer"])
    assert "performer" not in data and "attendee" not in data
