import pytest

from networks.models import Organisation, Person
from networks.services import (
    normalise_name,
    organisation_find_duplicates,
    person_find_duplicates,
)
from tests.networks.factories import OrganisationFactory, PersonFactory


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("สำนักงานคณะกรรมการการเลือกตั้ง", "สนง. คณะกรรมการ การเลือกตั้ง"),
        ("มหาวิทยาลัยขอนแก่น", "ม.ขอนแก่น"),
        ("Thailand Environment Institute", "the thailand  environment inst."),
        (
            "Center for Civil Society and Nonprofit Management",
            "Centre for Civil Society & Nonprofit Management",
        ),
    ],
)
def test_organisation_names_fold_case_spaces_and_abbreviations(a, b):
    assert normalise_name(a) == normalise_name(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("ดร.จำเนียร  วรรัตน์ชัยพันธ์", "จำเนียร วรรัตน์ชัยพันธ์"),
        ("นายอิทธิพร บุญประคอง", "อิทธิพร บุญประคอง"),
        ("นางสาว ศิรินาฎ มาตรา", "ศิรินาฎ มาตรา"),
        ("Mr. Itthiporn Boonpracong", "itthiporn boonpracong"),
        ("Dr Chamniern Vorratnchaiphan", "CHAMNIERN VORRATNCHAIPHAN"),
    ],
)
def test_person_names_fold_honorifics(a, b):
    assert normalise_name(a, person=True) == normalise_name(b, person=True)


def test_different_names_stay_different():
    assert normalise_name("มหาวิทยาลัยขอนแก่น") != normalise_name("มหาวิทยาลัยมหาสารคาม")
    assert normalise_name("กทม.") != normalise_name("ม.")


@pytest.mark.django_db
def test_finds_matching_organisation_by_either_language_or_acronym():
    kku = OrganisationFactory(name_th="มหาวิทยาลัยขอนแก่น", name_en="Khon Kaen University")
    tei = OrganisationFactory(name_th="สถาบันสิ่งแวดล้อมไทย", acronym_en="TEI")
    assert organisation_find_duplicates(names=["ม. ขอนแก่น"]) == [kku]
    assert organisation_find_duplicates(names=["khon kaen univ."]) == [kku]
    assert organisation_find_duplicates(names=["Something else"], acronyms=["tei"]) == [tei]
    assert organisation_find_duplicates(names=["มหาวิทยาลัยขอนแก่น"], exclude_pk=kku.pk) == []
    assert Organisation.objects.count() == 2


@pytest.mark.django_db
def test_finds_matching_person_across_honorifics():
    person = PersonFactory(given_name_th="อิทธิพร", family_name_th="บุญประคอง")
    assert person_find_duplicates(given_name_th="นายอิทธิพร", family_name_th="บุญประคอง") == [person]
    assert person_find_duplicates(given_name_th="อิทธิพล", family_name_th="บุญประคอง") == []
    assert Person.objects.count() == 1
