"""The data page, in both languages: every dataset, its fields, formats and licence."""

import pytest

from portal import registry


@pytest.mark.parametrize("lang", ["th", "en"])
def test_data_page_describes_every_dataset(client, archive, lang):
    response = client.get(f"/{lang}/data/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}"' in html
    for dataset in registry.datasets:
        assert f'id="dataset-{dataset.key}"' in html
        for fmt in ("csv", "json", "xlsx"):
            assert dataset.export_url(fmt).replace("/th/", f"/{lang}/", 1) in html
        for column in dataset.columns:
            assert f"<code>{column.name}</code>" in html
    assert f'href="/{lang}/data/datapackage.json"' in html
    assert f'href="/{lang}/organisations/popolo.json"' in html
    assert f'href="/{lang}/programmes/iati.xml"' in html
    assert 'href="https://creativecommons.org/licenses/by/4.0/"' in html


def test_data_page_speaks_the_page_language(client, archive):
    thai = client.get("/th/data/").content.decode()
    assert "ข้อมูลเปิด" in thai
    assert "ชื่อภาษาไทย" in thai
    english = client.get("/en/data/").content.decode()
    assert "Open data" in english and "Name in Thai." in english


def test_licence_is_configurable(client, archive, settings):
    settings.PHAKHI_DATA_LICENSE_NAME = "ODbL-1.0"
    settings.PHAKHI_DATA_LICENSE_TITLE = "Open Data Commons Open Database License"
    settings.PHAKHI_DATA_LICENSE_URL = "https://opendatacommons.org/licenses/odbl/1-0/"
    assert "Open Data Commons Open Database License" in client.get("/en/data/").content.decode()
    package = client.get("/en/data/datapackage.json").json()
    assert package["licenses"] == [
        {
            "name": "ODbL-1.0",
            "title": "Open Data Commons Open Database License",
            "path": "https://opendatacommons.org/licenses/odbl/1-0/",
        }
    ]
