"""Outside addresses are http or https, whatever way they come in, and pages link only
those (issue 13, point 3)."""

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Value
from django.template import Context, Template

from events.models import Event, EventAlbum
from networks.models import Organisation
from programmes.models import ProgrammeLink
from tests.events.factories import EventAlbumFactory, EventFactory
from tests.networks.factories import OrganisationFactory
from tests.networks.test_import import confirm, csv_bytes, preview
from tests.programmes.factories import LinkFactory

pytestmark = pytest.mark.django_db

HOSTILE = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "ftp://example.org/file",
    "file:///etc/passwd",
]


@pytest.mark.parametrize("address", HOSTILE)
def test_full_clean_refuses_an_address_that_is_not_http(address):
    organisation = OrganisationFactory.build(website=address)
    with pytest.raises(ValidationError) as error:
        organisation.full_clean()
    assert "website" in error.value.message_dict


@pytest.mark.parametrize("address", HOSTILE)
def test_an_orm_save_refuses_an_address_that_is_not_http(address):
    with pytest.raises(ValidationError):
        OrganisationFactory(website=address)
    organisation = OrganisationFactory(website="https://example.org/")
    organisation.website = address
    with pytest.raises(ValidationError):
        organisation.save()
    # Refused before anything is written: the transaction goes on.
    assert Organisation.objects.filter(pk=organisation.pk).exists()
    with transaction.atomic(), pytest.raises(ValidationError):
        Organisation.objects.filter(pk=organisation.pk).update(website=address)
    with transaction.atomic(), pytest.raises(ValidationError):
        Organisation.objects.bulk_create([OrganisationFactory.build(slug="bulk", website=address)])
    organisation.refresh_from_db()
    assert organisation.website == "https://example.org/"


def test_every_url_field_of_every_model_refuses_javascript():
    event = EventFactory()
    with pytest.raises(ValidationError):
        EventAlbum.objects.create(event=event, label_en="Album", url="javascript:alert(1)")
    with pytest.raises(ValidationError):
        LinkFactory(url="javascript:alert(1)")
    event.source_url = "data:text/html,hi"
    with pytest.raises(ValidationError):
        event.save()


def test_http_and_https_addresses_and_empty_ones_are_kept():
    for address in ("https://example.org/a?b=c", "http://example.org/", "https://ไทย.example/"):
        organisation = OrganisationFactory(website=address)
        organisation.full_clean()
        assert Organisation.objects.get(pk=organisation.pk).website == address
    assert OrganisationFactory(website="").website == ""


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_organisation_import_refuses_a_javascript_website(admin_client_in, lang):
    client = admin_client_in(lang)
    data = csv_bytes(
        [
            "ชื่อองค์กร (ไทย),ชื่อองค์กร (อังกฤษ),อักษรย่อ,ประเภท,ประเทศ,จังหวัด/เมือง,เว็บไซต์",
            "องค์กรทดสอบ,Test organisation,,,,,javascript:alert(1)",
        ]
    )
    response = preview(client, data)
    assert [row.action for row in response.context["plan"].rows] == ["refuse"]
    confirm(client, response)
    assert not Organisation.objects.filter(name_en="Test organisation").exists()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://example.org/", "https://example.org/"),
        ("http://example.org/a?b=<c>", "http://example.org/a?b=&lt;c&gt;"),
        ("javascript:alert(1)", ""),
        (" JAVASCRIPT:alert(1)", ""),
        ("java\tscript:alert(1)", ""),
        ("\x01javascript:alert(1)", ""),
        ("data:text/html;base64,PHNjcmlwdD4=", ""),
        ("vbscript:msgbox", ""),
        ("//evil.example/", ""),
        ("/relative/path", ""),
        ("https:evil", ""),
        ("", ""),
        (None, ""),
    ],
)
def test_safe_url_lets_only_http_addresses_through(value, expected):
    template = Template("{% load portal_tags %}{{ value|safe_url }}")
    assert template.render(Context({"value": value})) == expected


def store_behind_the_models_back(model, pk, **values):
    """As data written before the rule, or by hand in the database, would be."""
    model.objects.filter(pk=pk).update(**{k: Value(v) for k, v in values.items()})


@pytest.mark.parametrize("lang", ["th", "en"])
def test_pages_do_not_link_a_stored_javascript_address(client, lang):
    organisation = OrganisationFactory(slug="org", website="https://example.org/")
    store_behind_the_models_back(Organisation, organisation.pk, website="javascript:alert(1)")
    event = EventFactory(slug="ev", source_url="https://example.org/report")
    store_behind_the_models_back(Event, event.pk, source_url="javascript:alert(2)")
    album = EventAlbumFactory(event=event, url="https://example.org/album")
    store_behind_the_models_back(EventAlbum, album.pk, url="data:text/html,alert(3)")
    link = LinkFactory(url="https://example.org/link")
    store_behind_the_models_back(ProgrammeLink, link.pk, url="javascript:alert(4)")
    for path in (
        f"/{lang}/organisations/org/",
        f"/{lang}/events/ev/",
        f"/{lang}/programmes/{link.programme.slug}/",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        assert 'href="javascript:' not in html.lower(), path
        assert 'href="data:' not in html.lower(), path
        assert "alert(" not in html or "href" not in html.split("alert(")[0][-40:], path
