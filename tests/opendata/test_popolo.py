"""Popolo JSON of organisations, networks, memberships, posts and people in public roles,
validated against the Popolo JSON schemas (vendored in `popolo/`, resolved offline)."""

import json
from pathlib import Path

import pytest
from jsonschema import Draft3Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT3

from portal.models import Status
from tests.events.factories import EventFactory, RoleFactory
from tests.networks.factories import PersonFactory

POPOLO = Path(__file__).with_name("popolo")
LISTS = {
    "organizations": "organization",
    "memberships": "membership",
    "posts": "post",
    "persons": "person",
}


def _registry() -> Registry:
    resources = []
    for path in POPOLO.glob("*.json"):
        schema = json.loads(path.read_text("utf-8"))
        resource = Resource(contents=schema, specification=DRAFT3)
        for host in ("http://www.popoloproject.com", "http://popoloproject.com"):
            resources.append((f"{host}/schemas/{path.name}", resource))
            resources.append((f"{host}/schemas/{path.name}#", resource))
    return Registry().with_resources(resources)


REGISTRY = _registry()


def validator(name: str) -> Draft3Validator:
    schema = json.loads((POPOLO / f"{name}.json").read_text("utf-8"))
    return Draft3Validator(schema, registry=REGISTRY, format_checker=Draft3Validator.FORMAT_CHECKER)


def assert_valid(document: dict, *, whole: bool = False):
    """Each item valid against its Popolo schema; every id a membership names is in the
    file (and, in the whole-portal file, every parent too)."""
    for key, name in LISTS.items():
        check = validator(name)
        for item in document[key]:
            errors = sorted(check.iter_errors(item), key=str)
            assert not errors, (key, item, [e.message for e in errors])
    ids = {o["id"] for o in document["organizations"]}
    persons = {p["id"] for p in document["persons"]}
    posts = {p["id"] for p in document["posts"]}
    for membership in document["memberships"]:
        assert membership["organization_id"] in ids
        if "member" in membership:
            assert membership["member"]["id"] in ids
        else:
            assert membership["person_id"] in persons
        if "post_id" in membership:
            assert membership["post_id"] in posts
    for organisation in document["organizations"]:
        if whole and "parent_id" in organisation:
            assert organisation["parent_id"] in ids


def get(client, address) -> dict:
    response = client.get(address)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content)


@pytest.mark.parametrize("lang", ["th", "en"])
def test_whole_portal_file_is_valid_popolo(client, archive, lang):
    document = get(client, f"/{lang}/organisations/popolo.json")
    assert_valid(document, whole=True)
    organisations = {o["id"]: o for o in document["organizations"]}
    assert set(organisations) == {
        "organisation/ministry",
        "organisation/bureau",
        "organisation/funder",
        "network/city-network",
    }
    ministry = organisations["organisation/ministry"]
    assert ministry["name"] == {"th": "กระทรวงทดสอบ", "en": "Test Ministry"}[lang]
    assert {"identifier": "ministry", "scheme": "phakhi"} in ministry["identifiers"]
    assert ministry["classification"] == {"th": "หน่วยงานภาครัฐ", "en": "Government agency"}[lang]
    other = {"th": "Test Ministry", "en": "กระทรวงทดสอบ"}[lang]
    assert other in [n["name"] for n in ministry["other_names"]]
    assert organisations["organisation/bureau"]["parent_id"] == "organisation/ministry"
    assert organisations["network/city-network"]["founding_date"] == "2010"
    network_memberships = [m for m in document["memberships"] if "member" in m]
    assert network_memberships == [
        {
            "id": "membership/city-network/bureau/2010-03-01",
            "organization_id": "network/city-network",
            "member": {"@type": "Organization", "id": "organisation/bureau"},
            "role": {"th": "สมาชิกผู้ก่อตั้ง", "en": "founding member"}[lang],
            "start_date": "2010-03-01",
            "end_date": "2014-12-31",
        }
    ]


def test_people_only_in_public_roles_and_never_their_contacts(client, archive):
    document = get(client, "/en/organisations/popolo.json")
    persons = {p["id"]: p for p in document["persons"]}
    # The keynote speaker and the programme's coordinator; not the attendee.
    assert set(persons) == {"person/speaker", "person/coordinator"}
    speaker = persons["person/speaker"]
    assert speaker["honorific_prefix"] == "Mr"
    assert speaker["name"].startswith("Mr Somchai")
    assert set(speaker) <= {
        "id",
        "name",
        "honorific_prefix",
        "given_name",
        "family_name",
        "other_names",
    }
    posts = {p["label"]: p for p in document["posts"]}
    assert posts["Director-General"]["organization_id"] == "organisation/ministry"
    (held,) = [m for m in document["memberships"] if m.get("person_id") == "person/speaker"]
    assert held["post_id"] == posts["Director-General"]["id"]
    assert held["role"] == "Director-General"
    text = json.dumps(document, ensure_ascii=False)
    for secret in archive.secrets:
        assert secret not in text


def test_a_role_at_a_draft_event_makes_nobody_public(client, archive):
    hidden = PersonFactory(slug="hidden")
    RoleFactory(event=EventFactory(status=Status.DRAFT), person=hidden)
    PersonFactory(slug="consenting", public_consent=True)
    persons = {p["id"] for p in get(client, "/en/organisations/popolo.json")["persons"]}
    assert "person/hidden" not in persons
    assert "person/consenting" in persons


@pytest.mark.parametrize("lang", ["th", "en"])
def test_per_record_files(client, archive, lang):
    ministry = get(client, f"/{lang}/organisations/ministry/popolo.json")
    assert_valid(ministry)
    assert [o["id"] for o in ministry["organizations"]] == [
        "organisation/ministry",
        "organisation/bureau",
    ]
    assert [p["id"] for p in ministry["persons"]] == ["person/speaker"]
    network = get(client, f"/{lang}/networks/city-network/popolo.json")
    assert_valid(network)
    assert [o["id"] for o in network["organizations"]] == [
        "network/city-network",
        "organisation/bureau",
    ]
    assert client.get(f"/{lang}/organisations/draft-org/popolo.json").status_code == 404
    assert client.get(f"/{lang}/networks/nothing/popolo.json").status_code == 404


def test_the_schema_check_is_real():
    """A membership whose start date is not a date fails the Popolo schema."""
    errors = list(validator("membership").iter_errors({"id": "m", "start_date": "1 May 2019"}))
    assert errors


def test_popolo_file_costs_the_same_for_more_records(client, archive):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.networks.factories import MembershipFactory, OrganisationFactory

    with CaptureQueriesContext(connection) as few:
        client.get("/en/organisations/popolo.json")
    for _ in range(10):
        member = OrganisationFactory(parent=archive.ministry)
        MembershipFactory(network=archive.network, organisation=member)
        RoleFactory(event=archive.event, person=PersonFactory(organisation=member, position_en="x"))
    with CaptureQueriesContext(connection) as many:
        client.get("/en/organisations/popolo.json")
    assert len(many) == len(few)
