"""Programmes as IATI 2.03 activities, validated against the official XSD and codelists.

The schema and codelists are pyIATI 0.4.1's resource files, vendored in `iati/` (see its
README for why and where from).
"""

import datetime
from pathlib import Path

import pytest
from lxml import etree

from portal.models import Status
from programmes.models import Stage
from tests.networks.factories import OrganisationFactory
from tests.programmes.factories import PartnerFactory, ProgrammeFactory

IATI = Path(__file__).with_name("iati")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(scope="module")
def schema():
    return etree.XMLSchema(etree.parse(str(IATI / "iati-activities-schema.xsd")))


def codes(name: str) -> set[str]:
    tree = etree.parse(str(IATI / "codelists" / f"{name}.xml"))
    return {item.findtext("code") for item in tree.iter("codelist-item")}


# Which codelist each coded attribute of the activity file must come from.
CODED = [
    ("participating-org", "role", "OrganisationRole"),
    ("participating-org", "type", "OrganisationType"),
    ("reporting-org", "type", "OrganisationType"),
    ("activity-status", "code", "ActivityStatus"),
    ("activity-date", "type", "ActivityDateType"),
    ("recipient-country", "code", "Country"),
    ("sector", "code", "Sector"),
    ("sector", "vocabulary", "SectorVocabulary"),
    ("document-link", "format", "FileFormat"),
    ("category", "code", "DocumentCategory"),
    ("language", "code", "Language"),
    ("related-activity", "type", "RelatedActivityType"),
    ("description", "type", "DescriptionType"),
]


def parse(response) -> etree._Element:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    return etree.fromstring(response.content)


def assert_valid(root, schema):
    assert schema.validate(root), "\n".join(str(e) for e in schema.error_log)
    for element, attribute, codelist in CODED:
        allowed = codes(codelist)
        for node in root.iter(element):
            if attribute in node.attrib:
                assert node.get(attribute) in allowed, (element, attribute, node.get(attribute))


@pytest.mark.parametrize("lang", ["th", "en"])
def test_activities_file_is_valid_iati(client, archive, schema, lang):
    root = parse(client.get(f"/{lang}/programmes/iati.xml"))
    assert root.tag == "iati-activities" and root.get("version") == "2.03"
    assert_valid(root, schema)
    identifiers = [a.findtext("iati-identifier") for a in root.iter("iati-activity")]
    assert identifiers == ["XI-PHAKHI-good-governance", "XI-PHAKHI-good-governance-phase-2"]


def test_activity_says_what_the_programme_record_says(client, archive, schema):
    root = parse(client.get("/en/programmes/good-governance/iati.xml"))
    assert_valid(root, schema)
    (activity,) = root.iter("iati-activity")
    assert activity.findtext("reporting-org/narrative") == "Phakhi"
    titles = {n.get(XML_LANG): n.text for n in activity.find("title")}
    assert titles == {"th": "โครงการธรรมาภิบาล", "en": "Good governance programme"}
    descriptions = {
        (d.get("type"), n.get(XML_LANG)): n.text for d in activity.iter("description") for n in d
    }
    assert descriptions == {
        ("1", "th"): "สรุปภาษาไทย",
        ("1", "en"): "Summary in English",
        ("2", "en"): "Objectives in English",
    }
    organisations = [
        (o.get("role"), o.get("type"), {n.get(XML_LANG): n.text for n in o})
        for o in activity.iter("participating-org")
    ]
    # The implementing (lead) organisation, the funder, the extending partner; the draft
    # organisation partnering as lead is left out.
    assert [(role, kind) for role, kind, _names in organisations] == [
        ("4", "10"),
        ("1", "40"),
        ("3", "22"),
    ]
    assert organisations[0][2] == {"th": "กระทรวงทดสอบ", "en": "Test Ministry"}
    assert activity.find("activity-status").get("code") == "4"
    dates = {d.get("type"): d.get("iso-date") for d in activity.iter("activity-date")}
    assert dates == {"1": "2015-01-01", "2": "2015-01-01", "3": "2016-12-31", "4": "2016-12-31"}
    assert {c.get("code") for c in activity.iter("recipient-country")} == {"TH", "LA"}
    assert [(s.get("vocabulary"), s.get("code")) for s in activity.iter("sector")] == [
        ("1", "15150")
    ]
    links = [(d.get("url"), d.find("category").get("code")) for d in activity.iter("document-link")]
    assert links == [
        ("http://testserver/en/programmes/good-governance/", "A12"),
        ("http://testserver/en/publications/final-report/", "A08"),
    ], "the partners-only paper is not linked"
    report = activity.findall("document-link")[1]
    assert {lang.get("code") for lang in report.iter("language")} == {"th", "en"}
    related = [(r.get("ref"), r.get("type")) for r in activity.iter("related-activity")]
    assert related == [("XI-PHAKHI-good-governance-phase-2", "2")]


def test_planned_phase_has_planned_dates_only(client, archive, schema):
    root = parse(client.get("/th/programmes/good-governance-phase-2/iati.xml"))
    assert_valid(root, schema)
    (activity,) = root.iter("iati-activity")
    assert activity.get("hierarchy") == "2"
    assert activity.find("activity-status").get("code") == "1"
    assert [d.get("type") for d in activity.iter("activity-date")] == ["1", "3"]
    assert [(r.get("ref"), r.get("type")) for r in activity.iter("related-activity")] == [
        ("XI-PHAKHI-good-governance", "1")
    ]
    # No partner named: the reporting organisation answers for the record.
    (org,) = activity.iter("participating-org")
    assert org.get("role") == "2" and org.get("ref") == "XI-PHAKHI"


def test_reporting_organisation_comes_from_the_settings(client, archive, schema, settings):
    settings.PHAKHI_IATI_REPORTING_ORG_REF = "TH-DAC-99"
    settings.PHAKHI_IATI_REPORTING_ORG_NAME = "Thai Institute"
    root = parse(client.get("/en/programmes/iati.xml"))
    assert_valid(root, schema)
    assert root.find("iati-activity/iati-identifier").text == "TH-DAC-99-good-governance"
    assert root.find("iati-activity/reporting-org").get("ref") == "TH-DAC-99"


@pytest.mark.parametrize("stage", [Stage.PLANNED, Stage.ONGOING, Stage.COMPLETED, ""])
def test_every_stage_and_partner_role_is_valid(client, db, schema, stage):
    programme = ProgrammeFactory(slug="p", stage=stage, end_date=None, countries=["KH"])
    for role in ("funder", "implementer", "lead", "local", "associate", "extending"):
        for kind in ("local_government", "lg_association", "cso", "academic", "government",
                     "international", "media", "business"):  # fmt: skip
            PartnerFactory(
                programme=programme, role=role, organisation=OrganisationFactory(kind=kind)
            )
    root = parse(client.get("/en/programmes/p/iati.xml"))
    assert_valid(root, schema)
    assert len(list(root.iter("participating-org"))) == 48


def test_drafts_and_undated_programmes_have_no_iati_record(client, db):
    ProgrammeFactory(slug="draft", status=Status.DRAFT)
    ProgrammeFactory(slug="undated", start_date=None, end_date=None)
    assert client.get("/en/programmes/draft/iati.xml").status_code == 404
    assert client.get("/en/programmes/undated/iati.xml").status_code == 404
    root = etree.fromstring(client.get("/en/programmes/iati.xml").content)
    assert list(root.iter("iati-activity")) == []


@pytest.mark.parametrize("lang", ["th", "en"])
def test_programme_page_and_data_page_link_the_iati_records(client, archive, lang):
    page = client.get(f"/{lang}/programmes/good-governance/").content.decode()
    assert f'href="/{lang}/programmes/good-governance/iati.xml"' in page
    data = client.get(f"/{lang}/data/").content.decode()
    assert f'href="/{lang}/programmes/iati.xml"' in data
    undated = ProgrammeFactory(slug="undated", start_date=None, end_date=None)
    assert "iati.xml" not in client.get(undated.get_absolute_url()).content.decode()


def test_iati_file_costs_the_same_for_more_programmes(
    client, archive, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get("/en/programmes/iati.xml")
    for _n in range(10):
        PartnerFactory(programme=ProgrammeFactory(start_date=datetime.date(2015, 6, 1)))
    with CaptureQueriesContext(connection) as many:
        client.get("/en/programmes/iati.xml")
    assert len(many) == len(few)


def test_the_schema_check_is_real(client, archive, schema):
    """An activity without its title, or with a status code of no codelist, is refused."""
    root = parse(client.get("/en/programmes/good-governance/iati.xml"))
    activity = root.find("iati-activity")
    activity.remove(activity.find("title"))
    assert not schema.validate(root)
    assert "999" not in codes("ActivityStatus")
