"""The two programme fields IATI reads: a DAC sector staff choose, and the parent programme."""

import pytest
from django.core.exceptions import ValidationError

from programmes import dac_sectors
from programmes.models import Programme
from tests.opendata.test_iati import codes
from tests.programmes.factories import ProgrammeFactory


def test_sector_choices_are_the_iati_sector_codelist():
    offered = {code for code, _label in Programme._meta.get_field("dac_sector").choices}
    assert offered and offered <= codes("Sector")
    assert ("15150", "15150 – Democratic participation and civil society") in dac_sectors.choices()


def test_an_unknown_sector_is_refused(db):
    programme = ProgrammeFactory(dac_sector="99999")
    with pytest.raises(ValidationError) as error:
        programme.full_clean()
    assert "dac_sector" in error.value.message_dict


def test_a_programme_cannot_be_its_own_ancestor(db):
    outer = ProgrammeFactory()
    inner = ProgrammeFactory(parent=outer)
    outer.parent = inner
    with pytest.raises(ValidationError) as error:
        outer.full_clean()
    assert error.value.message_dict["parent"] == ["โครงการไม่อาจเป็นส่วนหนึ่งของตัวเองได้"]


@pytest.mark.parametrize("lang", ["th", "en"])
def test_admin_form_offers_both_fields(admin_client_in, db, lang):
    programme = ProgrammeFactory()
    client = admin_client_in(lang)
    html = client.get(f"/admin/programmes/programme/{programme.pk}/change/").content.decode()
    assert 'name="dac_sector"' in html and '<option value="15150"' in html
    assert 'name="parent"' in html
