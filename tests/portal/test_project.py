from io import StringIO

import pytest
from django.core.management import call_command

from portal import catalogues


@pytest.mark.django_db
def test_no_model_change_lacks_a_migration():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)


@pytest.mark.parametrize("domain", catalogues.domains(), ids=lambda d: d.label)
def test_thai_catalogue_is_complete(domain):
    assert catalogues.untranslated(domain, "th") == []


@pytest.mark.parametrize("domain", catalogues.domains(), ids=lambda d: d.label)
def test_compiled_catalogue_matches_its_source(domain):
    mo = domain.mo_path("th")
    assert mo.exists(), f"run `make messages` to compile {mo}"
    assert mo.read_bytes() == catalogues.compiled(catalogues.load(domain, "th"))
