"""CSV, JSON and XLSX exports of every public list: filters, contents, cost and privacy."""

import csv
import io
import json

import pytest
from openpyxl import load_workbook

from portal import opendata, registry
from tests.events.factories import ParticipantGroupFactory, ParticipationFactory, bulk_events
from tests.opendata.conftest import body

LANGS = ["th", "en"]
EXPORTS = {
    "events": "/{lang}/events/export.{fmt}",
    "event-participant-groups": "/{lang}/events/export/participants.{fmt}",
    "event-attendance-by-country": "/{lang}/events/export/countries.{fmt}",
    "organisations": "/{lang}/organisations/export.{fmt}",
    "networks": "/{lang}/networks/export.{fmt}",
    "network-memberships": "/{lang}/networks/export/memberships.{fmt}",
    "programmes": "/{lang}/programmes/export.{fmt}",
    "programme-partners": "/{lang}/programmes/export/partners.{fmt}",
    "good-practices": "/{lang}/good-practices/export.{fmt}",
    "publications": "/{lang}/publications/export.{fmt}",
}


def read_csv(response) -> list[dict]:
    data = body(response)
    assert data.startswith(b"\xef\xbb\xbf"), "Excel needs the byte-order mark to read Thai"
    return list(csv.DictReader(io.StringIO(data[3:].decode("utf-8"))))


def read_json(response) -> list[dict]:
    return json.loads(body(response))["data"]


def read_xlsx(response) -> list[dict]:
    book = load_workbook(io.BytesIO(body(response)), read_only=True)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


READERS = {"csv": read_csv, "json": read_json, "xlsx": read_xlsx}


def test_every_dataset_has_a_documented_stable_address():
    assert {d.key for d in registry.datasets} == set(EXPORTS)
    for dataset in registry.datasets:
        for fmt in opendata.FORMATS:
            assert dataset.export_url(fmt) == EXPORTS[dataset.key].format(lang="th", fmt=fmt)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("fmt", opendata.FORMATS)
@pytest.mark.parametrize("key", list(EXPORTS))
def test_each_export_answers_with_its_columns(client, archive, key, fmt, lang):
    response = client.get(EXPORTS[key].format(lang=lang, fmt=fmt))
    assert response.status_code == 200
    assert response["Content-Type"] == opendata.CONTENT_TYPES[fmt]
    assert "attachment" in response["Content-Disposition"]
    rows = READERS[fmt](response)
    assert rows, f"{key} should have rows"
    columns = [c.name for c in registry.dataset(key).columns]
    assert list(rows[0]) == columns


@pytest.mark.parametrize("lang", LANGS)
def test_events_carry_participant_figures_by_category_and_country(client, archive, lang):
    rows = {r["slug"]: r for r in read_csv(client.get(f"/{lang}/events/export.csv"))}
    forum = rows["forum-2022"]
    assert forum["title_th"] == archive.event.title_th
    assert forum["title_en"] == archive.event.title_en
    assert forum["declared_participants"] == "120"
    assert forum["participants_by_category"] == "ผู้แทนท้องถิ่น: 100; นักศึกษา: 20"
    assert forum["participant_groups_total"] == "120"
    assert forum["countries_represented"] == "TH LA" or forum["countries_represented"] == "LA TH"
    assert forum["attendance_by_country"] == "TH: 5"  # the one from Laos is not published
    assert forum["programme"] == "good-governance"
    assert forum["organisers"] == "ministry"
    groups = read_csv(client.get(f"/{lang}/events/export/participants.csv"))
    assert [(g["category_en"], g["count"]) for g in groups] == [
        ("Local officials", "100"),
        ("Students", "20"),
    ]
    countries = read_json(client.get(f"/{lang}/events/export/countries.json"))
    assert countries == [{"event": "forum-2022", "country": "TH", "count": 5}]


@pytest.mark.parametrize("lang", LANGS)
def test_attendance_by_country_leaves_out_a_country_too_small_to_publish(
    client, archive, settings, lang
):
    """A "1" beside a country points to the one person who came from it: a group of fewer
    than PHAKHI_MIN_PUBLISHED_COUNT people is left out of both exports, and the data's
    descriptions say so in the reader's language."""
    ParticipationFactory(event=archive.event, person=None, name="Attendee LA 2", country="LA")
    ParticipationFactory(event=archive.event, person=None, name="Attendee LA 3", country="LA")
    settings.PHAKHI_MIN_PUBLISHED_COUNT = 3
    forum = {r["slug"]: r for r in read_csv(client.get(f"/{lang}/events/export.csv"))}
    assert forum["forum-2022"]["attendance_by_country"] == "TH: 5; LA: 3"
    countries = read_json(client.get(f"/{lang}/events/export/countries.json"))
    assert {(c["country"], c["count"]) for c in countries} == {("TH", 5), ("LA", 3)}

    settings.PHAKHI_MIN_PUBLISHED_COUNT = 6
    forum = {r["slug"]: r for r in read_csv(client.get(f"/{lang}/events/export.csv"))}
    assert forum["forum-2022"]["attendance_by_country"] == ""
    assert read_json(client.get(f"/{lang}/events/export/countries.json")) == []
    package = client.get(f"/{lang}/data/datapackage.json").json()
    resource = next(r for r in package["resources"] if r["name"] == "event-attendance-by-country")
    said = {"th": "น้อยกว่า 6 คน", "en": "fewer than 6 people"}[lang]
    assert said in resource["description"]


def test_organisations_name_their_parent_and_networks_their_memberships(client, archive):
    organisations = {r["slug"]: r for r in read_csv(client.get("/en/organisations/export.csv"))}
    assert organisations["bureau"]["parent"] == "ministry"
    assert organisations["ministry"]["parent"] == ""
    assert organisations["ministry"]["acronym_en"] == "TM"
    memberships = read_csv(client.get("/en/networks/export/memberships.csv"))
    assert memberships == [
        {
            "network": "city-network",
            "organisation": "bureau",
            "organisation_name_th": archive.bureau.name_th,
            "organisation_name_en": "Elections Bureau",
            "role_th": "สมาชิกผู้ก่อตั้ง",
            "role_en": "founding member",
            "start": "2010-03-01",
            "end": "2014-12-31",
        }
    ]


def test_programmes_carry_partners_with_roles(client, archive):
    programmes = {r["slug"]: r for r in read_json(client.get("/en/programmes/export.json"))}
    programme = programmes["good-governance"]
    assert programme["partners"] == "funder (funder); bureau (extending)"
    assert programme["dac_sector"] == "15150"
    assert programme["status"] == "completed"
    assert programme["iati_url"] == "/en/programmes/good-governance/iati.xml"
    assert programmes["good-governance-phase-2"]["parent"] == "good-governance"
    partners = read_csv(client.get("/en/programmes/export/partners.csv"))
    assert [(p["organisation"], p["role"]) for p in partners] == [
        ("funder", "funder"),
        ("bureau", "extending"),
    ]


def test_publications_catalogue(client, archive):
    rows = {r["slug"]: r for r in read_xlsx(client.get("/th/publications/export.xlsx"))}
    assert set(rows) == {"final-report", "partners-paper"}
    report = rows["final-report"]
    assert report["languages"] == "en th"
    assert report["file_type"] == "application/pdf"
    assert report["download_url"] == "/th/publications/final-report/download/"
    assert len(report["sha256"]) == 64
    assert rows["partners-paper"]["access"] == "partners"


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("/en/events/export.csv?year=2019", {"workshop-2019"}),
        ("/en/events/export.csv?programme=good-governance", {"forum-2022"}),
        ("/en/events/export.csv?country=VN", {"workshop-2019"}),
        ("/en/events/export.csv?when=upcoming", set()),
        ("/en/events/export.csv?year=not-a-year", {"forum-2022", "workshop-2019"}),
        ("/en/organisations/export.csv?kind=government", {"ministry"}),
        ("/en/organisations/export.csv?parent=ministry", {"bureau"}),
        ("/en/organisations/export.csv?q=Bureau", {"bureau"}),
        ("/en/programmes/export.csv?year=2030", {"good-governance-phase-2"}),
        ("/en/publications/export.csv?access=partners", {"partners-paper"}),
        ("/en/publications/export.csv?kind=report", {"final-report"}),
    ],
)
def test_exports_honour_the_lists_filters(client, archive, address, expected):
    assert {row["slug"] for row in read_csv(client.get(address))} == expected


def test_filtered_children_follow_the_parent_list(client, archive):
    rows = read_csv(client.get("/en/events/export/participants.csv?year=2019"))
    assert rows == []
    rows = read_csv(client.get("/en/networks/export/memberships.csv?member=funder"))
    assert rows == []


@pytest.mark.parametrize(
    "address", ["/en/events/export.pdf", "/th/events/export.", "/en/nothing/export.csv"]
)
def test_unknown_formats_are_404(client, archive, address):
    assert client.get(address).status_code == 404


def test_post_is_refused(client, archive):
    assert client.post("/en/events/export.csv").status_code == 405


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    ("page", "key"),
    [
        ("/{lang}/events/?year=2022", "events"),
        ("/{lang}/organisations/?kind=government", "organisations"),
        ("/{lang}/networks/", "networks"),
        ("/{lang}/programmes/", "programmes"),
        ("/{lang}/good-practices/", "good-practices"),
        ("/{lang}/publications/?kind=report", "publications"),
    ],
)
def test_lists_link_their_export_with_the_current_filters(client, archive, lang, page, key):
    address = page.format(lang=lang)
    html = client.get(address + ("&" if "?" in address else "?") + "page=1").content.decode()
    query = address.partition("?")[2]
    for fmt in opendata.FORMATS:
        link = registry.dataset(key).export_url(fmt).replace("/th/", f"/{lang}/", 1)
        expected = f'href="{link}?{query}"' if query else f'href="{link}"'
        assert expected in html, expected
    assert "page=1" not in html.split("export-links")[1].split("</p>")[0]


def _query_count(client, django_assert_max_num_queries, address) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
        body(response)
    return len(queries)


@pytest.mark.parametrize("fmt", opendata.FORMATS)
def test_events_export_cost_does_not_grow_with_the_archive(
    client, archive, fmt, django_assert_max_num_queries
):
    address = f"/en/events/export.{fmt}"
    few = _query_count(client, django_assert_max_num_queries, address)
    events = bulk_events(600, prefix="many")
    for event in events[::10]:
        ParticipantGroupFactory(event=event, count=3)
    many = _query_count(client, django_assert_max_num_queries, address)
    assert many == few, "no query per event: related rows are fetched per chunk"
    rows = READERS[fmt](client.get(address))
    assert len(rows) == 602


def test_every_export_keeps_private_data_private(client, archive):
    """No email, phone, staff note, draft or attendee name in any export, page or file."""
    addresses = [
        template.format(lang=lang, fmt=fmt)
        for template in EXPORTS.values()
        for lang in LANGS
        for fmt in ("csv", "json")
    ]
    addresses += [
        "/th/data/datapackage.json",
        "/en/programmes/iati.xml",
        "/th/programmes/good-governance/iati.xml",
        "/en/organisations/popolo.json",
        "/th/organisations/popolo.json",
        "/en/organisations/ministry/popolo.json",
        "/en/organisations/bureau/popolo.json",
        "/en/networks/city-network/popolo.json",
        "/th/data/",
        "/en/data/",
    ]
    for address in addresses:
        response = client.get(address)
        assert response.status_code == 200, address
        text = body(response).decode("utf-8")
        for secret in archive.secrets:
            assert secret not in text, f"{secret!r} leaked through {address}"
        for word in ("email", "phone", "staff_notes", "participation"):
            assert f'"{word}"' not in text and f",{word}," not in text, (word, address)
    for template in EXPORTS.values():
        for lang in LANGS:
            rows = read_xlsx(client.get(template.format(lang=lang, fmt="xlsx")))
            cells = " ".join(str(v) for row in rows for v in row.values())
            for secret in archive.secrets:
                assert secret not in cells


def test_no_dataset_declares_a_private_field():
    private = {"email", "phone", "staff_notes", "public_consent", "person", "name", "attended"}
    for dataset in registry.datasets:
        assert not private & {c.name for c in dataset.columns}, dataset.key
