"""The Frictionless Data Package of the whole catalogue passes `frictionless validate`."""

import json
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from portal import registry
from tests.opendata.conftest import body

FRICTIONLESS = Path(sys.executable).with_name("frictionless")


def download_package(client, lang: str, folder: Path) -> dict:
    """The package as served, with each resource's CSV fetched from the portal and saved
    beside it (its `path` made relative, as a downloaded copy of the package would be)."""
    response = client.get(f"/{lang}/data/datapackage.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    package = json.loads(response.content)
    for resource in package["resources"]:
        url = urlsplit(resource["path"])
        assert url.scheme == "http" and url.netloc == "testserver", "absolute addresses"
        data = client.get(url.path + (f"?{url.query}" if url.query else ""))
        assert data.status_code == 200
        name = f"{resource['name']}.csv"
        (folder / name).write_bytes(body(data))
        resource["path"] = name
    (folder / "datapackage.json").write_text(json.dumps(package, ensure_ascii=False), "utf-8")
    return package


@pytest.mark.parametrize("lang", ["th", "en"])
def test_frictionless_validate_passes(client, archive, tmp_path, lang):
    package = download_package(client, lang, tmp_path)
    assert [r["name"] for r in package["resources"]] == [d.key for d in registry.datasets]
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    result = subprocess.run(
        [str(FRICTIONLESS), "validate", "--json", "datapackage.json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    report = json.loads(result.stdout)
    errors = [
        (task["name"], error["type"], error.get("note", ""))
        for task in report["tasks"]
        for error in task["errors"]
    ] + [(e["type"], e.get("note", "")) for e in report["errors"]]
    assert errors == []
    assert report["valid"] is True and result.returncode == 0
    rows = {task["name"]: task["stats"]["rows"] for task in report["tasks"]}
    assert rows["events"] == 2 and rows["organisations"] == 3 and rows["publications"] == 2


def test_the_validator_catches_a_broken_table(client, archive, tmp_path):
    """The check is real: a date that is not a date, or a slug named twice, fails it."""
    download_package(client, "en", tmp_path)
    events = tmp_path / "events.csv"
    text = events.read_text("utf-8-sig")
    events.write_text(text.replace("2019-05-01", "1 May 2019", 1), "utf-8-sig")
    result = subprocess.run(
        [str(FRICTIONLESS), "validate", "--json", "datapackage.json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    report = json.loads(result.stdout)
    assert report["valid"] is False
    types = {e["type"] for task in report["tasks"] for e in task["errors"]}
    assert "type-error" in types


def test_package_describes_every_field_in_both_languages(client, archive):
    for lang, word in (("th", "ชื่อ"), ("en", "Name")):
        package = json.loads(client.get(f"/{lang}/data/datapackage.json").content)
        organisations = next(r for r in package["resources"] if r["name"] == "organisations")
        fields = {f["name"]: f for f in organisations["schema"]["fields"]}
        assert word in fields["name_th"]["description"]
        assert organisations["schema"]["primaryKey"] == ["slug"]
        assert {"fields": "parent", "reference": {"resource": "", "fields": "slug"}} in (
            organisations["schema"]["foreignKeys"]
        )
