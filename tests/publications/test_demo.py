"""The library's demo content: the seeds' publications, placeholder files, the demo partner."""

import pytest
from django.contrib.auth import get_user_model

from networks.models import Organisation
from portal.models import Status
from programmes.models import Programme
from publications import demo
from publications.models import (
    Access,
    Language,
    PartnerAccount,
    Publication,
)
from tests.publications.test_downloads import fetch


@pytest.fixture
def seed_records(db):
    Organisation.objects.create(slug="tei", name_en="Thailand Environment Institute", kind="cso")
    Organisation.objects.create(slug="csnm", name_en="CSNM", kind="academic")
    Programme.objects.create(slug=demo.DELGOSEA, title_en="DELGOSEA", status=Status.PUBLISHED)


def stored_files(settings) -> list:
    return sorted(p for p in settings.PROTECTED_MEDIA_ROOT.rglob("*") if p.is_file())


@pytest.mark.django_db
def test_demo_loads_the_seed_publications_linked_and_is_idempotent(settings, seed_records):
    settings.DEBUG = True
    demo.load()
    files = stored_files(settings)
    snapshot = list(
        Publication.objects.order_by("slug").values_list(
            "slug", "sha256", "file", "programme__slug"
        )
    )
    summary = demo.load()
    assert "partner" in summary and demo.DEFAULT_PARTNER_PASSWORD in summary
    assert stored_files(settings) == files and len(files) == 5
    assert (
        list(
            Publication.objects.order_by("slug").values_list(
                "slug", "sha256", "file", "programme__slug"
            )
        )
        == snapshot
    )
    assert Publication.objects.count() == 5
    assert Language.objects.count() == 2
    assert PartnerAccount.objects.count() == 1
    delgosea = Publication.objects.filter(programme__slug=demo.DELGOSEA)
    assert delgosea.count() == 3
    conference_papers = Publication.objects.filter(slug__startswith="csos-regional-conference-2018")
    assert sorted(conference_papers.values_list("kind", flat=True)) == ["paper", "presentation"]
    assert Publication.objects.filter(access=Access.PARTNERS).count() == 1
    assert all(p.is_placeholder and p.page_count == 1 for p in Publication.objects.all())


@pytest.mark.django_db
def test_demo_tolerates_a_missing_programme(settings):
    settings.DEBUG = True
    summary = demo.load()
    assert "programmes.Programme:delgosea" in summary
    assert Publication.objects.filter(programme__isnull=True).count() == 5


@pytest.mark.django_db
def test_demo_partner_account_only_with_debug(settings):
    settings.DEBUG = False
    summary = demo.load()
    assert not get_user_model().objects.filter(username="partner").exists()
    assert "not created" in summary


@pytest.mark.django_db
def test_the_demo_partner_can_download_the_partners_only_demo_file(client, settings, monkeypatch):
    settings.DEBUG = True
    monkeypatch.setenv("DEMO_PARTNER_PASSWORD", "another-demo-pass")
    demo.load()
    restricted = Publication.objects.get(access=Access.PARTNERS)
    url = restricted.get_download_url()
    assert fetch(client, url).status_code == 302
    assert client.login(username="partner", password="another-demo-pass")
    response = fetch(client, url)
    assert response.status_code == 200
    assert response.body.startswith(b"%PDF-")
    assert b"Placeholder" in response.body
