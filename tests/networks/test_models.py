import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from networks.models import Membership, Network, Organisation, Person
from portal.i18n import Text
from portal.models import Status
from tests.networks.factories import (
    MembershipFactory,
    NetworkFactory,
    OrganisationFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


def test_slugs_are_unique():
    OrganisationFactory(slug="tei")
    with pytest.raises(IntegrityError), transaction.atomic():
        OrganisationFactory(slug="tei")
    NetworkFactory(slug="sddc")
    with pytest.raises(IntegrityError), transaction.atomic():
        NetworkFactory(slug="sddc")


def test_organisation_cannot_be_its_own_parent_in_the_database():
    org = OrganisationFactory()
    org.parent = org
    with pytest.raises(IntegrityError), transaction.atomic():
        org.save()


def test_organisation_cannot_be_its_own_ancestor():
    university = OrganisationFactory()
    faculty = OrganisationFactory(parent=university)
    centre = OrganisationFactory(parent=faculty)
    assert centre.ancestors() == [faculty, university]
    university.parent = centre
    with pytest.raises(ValidationError) as excinfo:
        university.full_clean()
    assert "parent" in excinfo.value.message_dict
    university.parent = university
    with pytest.raises(ValidationError):
        university.full_clean()


def test_membership_cannot_end_before_it_starts():
    membership = MembershipFactory.build(
        network=NetworkFactory(),
        organisation=OrganisationFactory(),
        start=datetime.date(2022, 8, 25),
        end=datetime.date(2022, 8, 24),
    )
    with pytest.raises(ValidationError) as excinfo:
        membership.full_clean()
    assert "end" in excinfo.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        membership.save()
    membership.end = datetime.date(2022, 8, 25)
    membership.full_clean()
    membership.save()
    assert Membership.objects.count() == 1


def test_network_founded_in_buddhist_era_is_stored_in_common_era():
    network = NetworkFactory.build(founded=2553)
    network.full_clean()
    assert network.founded == 2010


def test_published_querysets_hide_drafts():
    OrganisationFactory(slug="public")
    OrganisationFactory(slug="draft", status=Status.DRAFT)
    assert list(Organisation.objects.published().values_list("slug", flat=True)) == ["public"]
    NetworkFactory(status=Status.DRAFT)
    assert not Network.objects.published().exists()


def test_organisation_str_and_url():
    org = OrganisationFactory(
        name_th="ศูนย์ประชาสังคมและการจัดการองค์กรเอกชนสาธารณประโยชน์",
        name_en="Center for Civil Society and Nonprofit Management",
        acronym_th="ศปส.",
        acronym_en="CSNM",
        slug="csnm",
    )
    with translation.override("en"):
        assert str(org) == "Center for Civil Society and Nonprofit Management (CSNM)"
        assert org.get_absolute_url() == "/en/organisations/csnm/"
    with translation.override("th"):
        assert str(org) == "ศูนย์ประชาสังคมและการจัดการองค์กรเอกชนสาธารณประโยชน์ (ศปส.)"


def test_person_display_name_falls_back_to_thai_and_says_so():
    person = PersonFactory(
        honorific_th="นาย",
        given_name_th="อิทธิพร",
        family_name_th="บุญประคอง",
        honorific_en="",
        given_name_en="",
        family_name_en="",
        position_th="ประธานกรรมการการเลือกตั้ง",
        position_en="",
    )
    with translation.override("en"):
        assert person.display_name == Text("นายอิทธิพร บุญประคอง", "th", is_fallback=True)
        assert person.display_position == Text("ประธานกรรมการการเลือกตั้ง", "th", is_fallback=True)
    person.honorific_en, person.given_name_en, person.family_name_en = (
        "Mr",
        "Itthiporn",
        "Boonpracong",
    )
    with translation.override("en"):
        assert person.display_name == Text("Mr Itthiporn Boonpracong", "en", is_fallback=False)
    with translation.override("th"):
        assert person.display_name == Text("นายอิทธิพร บุญประคอง", "th", is_fallback=False)


def test_public_people_are_the_consenting_ones():
    yes = PersonFactory(public_consent=True)
    PersonFactory(public_consent=False)
    assert list(Person.objects.public()) == [yes]
