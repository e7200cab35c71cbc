"""The duplicate guard sees through organisational prefixes and acronyms, without flooding."""

import pytest
from django.db import connection
from django.urls import reverse

from networks.models import Organisation
from networks.services import normalise_name, organisation_find_duplicates, organisation_names_match
from tests.networks.factories import OrganisationFactory

LANGS = ["th", "en"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # The case issue 12 names.
        ("มูลนิธิสถาบันสิ่งแวดล้อมไทย", "สถาบันสิ่งแวดล้อมไทย"),
        ("สำนักงานคณะกรรมการการเลือกตั้ง", "คณะกรรมการการเลือกตั้ง"),
        ("สนง.คณะกรรมการการเลือกตั้ง", "คณะกรรมการการเลือกตั้ง"),
        ("มูลนิธิ ม.ขอนแก่น", "มหาวิทยาลัยขอนแก่น"),
        ("Thailand Environment Institute", "Thailand Environment"),
        ("Thailand Environment Institute Foundation", "Thailand Environment Institute"),
        ("Foundation for Community Development", "Community Development"),
    ],
)
def test_a_name_with_prefixes_added_matches(a, b):
    assert organisation_names_match(normalise_name(a), normalise_name(b))
    assert organisation_names_match(normalise_name(b), normalise_name(a))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Different kinds of organisation with the same rest of the name are different bodies.
        ("สมาคมสิ่งแวดล้อมไทย", "สถาบันสิ่งแวดล้อมไทย"),
        ("มูลนิธิสถาบันสิ่งแวดล้อมไทย", "มูลนิธิสิ่งแวดล้อมไทย"),
        ("Thailand Environment Institute", "Thailand Environment Association"),
        # Too little is left once the prefix is gone to say anything.
        ("มูลนิธิไทย", "ไทย"),
        ("Foundation for Women", "Women"),
        # Same town, different bodies.
        ("เทศบาลนครขอนแก่น", "มหาวิทยาลัยขอนแก่น"),
        ("มหาวิทยาลัยขอนแก่น", "มหาวิทยาลัยมหาสารคาม"),
    ],
)
def test_near_misses_do_not_match(a, b):
    assert not organisation_names_match(normalise_name(a), normalise_name(b))


@pytest.mark.django_db
def test_finds_the_foundation_against_the_institute_and_nothing_else():
    tei = OrganisationFactory(name_th="สถาบันสิ่งแวดล้อมไทย", name_en="Thailand Environment Institute")
    OrganisationFactory(name_th="สมาคมสิ่งแวดล้อมไทย", name_en="Thai Environment Association")
    OrganisationFactory(name_th="มูลนิธิเพื่อการพัฒนาชุมชน", name_en="Community Foundation")
    OrganisationFactory(name_th="สถาบันพระปกเกล้า", name_en="King Prajadhipok's Institute")
    assert organisation_find_duplicates(names=["มูลนิธิสถาบันสิ่งแวดล้อมไทย"]) == [tei]
    assert organisation_find_duplicates(
        names=["", "Thailand Environment Institute Foundation"]
    ) == [tei]


@pytest.mark.django_db
def test_a_name_typed_as_an_existing_acronym_matches():
    tei = OrganisationFactory(name_th="สถาบันสิ่งแวดล้อมไทย", acronym_en="TEI")
    OrganisationFactory(name_th="สถาบันพระปกเกล้า", acronym_en="KPI")
    assert organisation_find_duplicates(names=["tei"]) == [tei]
    assert organisation_find_duplicates(names=["Other"], acronyms=["T.E.I."]) == [tei]


@pytest.mark.django_db
def test_near_spellings_are_found_on_postgresql_only():
    kpi = OrganisationFactory(name_th="สถาบันพระปกเกล้า", name_en="King Prajadhipok's Institute")
    OrganisationFactory(name_th="สถาบันสิ่งแวดล้อมไทย", name_en="Thailand Environment Institute")
    found = organisation_find_duplicates(names=["King Prajadhipoks Institue"])
    if connection.vendor == "postgresql":
        assert found == [kpi]
    else:
        assert found == []


@pytest.mark.django_db
def test_near_spellings_never_flood():
    """A word many names share does not bring them all: the trigram pass keeps a few close ones."""
    for i in range(12):
        OrganisationFactory(name_th=f"มูลนิธิเพื่อการพัฒนาที่ {i}", name_en=f"Development Foundation {i}")
    found = organisation_find_duplicates(names=["Foundation for Development of Rural Women"])
    assert found == []


@pytest.mark.parametrize("lang", LANGS)
def test_the_admin_warning_reads_naturally(admin_client_in, lang):
    client = admin_client_in(lang)
    existing = OrganisationFactory(
        name_th="สถาบันสิ่งแวดล้อมไทย", name_en="Thailand Environment Institute"
    )
    response = client.post(
        reverse("admin:networks_organisation_add"),
        {
            "name_th": "มูลนิธิสถาบันสิ่งแวดล้อมไทย",
            "kind": existing.kind,
            "country": "TH",
            "slug": "tei-foundation",
            "status": "draft",
        },
    )
    assert response.status_code == 200
    assert Organisation.objects.count() == 1
    html = response.content.decode()
    assert reverse("admin:networks_organisation_change", args=[existing.pk]) in html
    if lang == "th":
        assert "อาจซ้ำกับรายการที่มีอยู่แล้ว" in html
        assert "อาจมีอยู่แล้ว" not in html  # the old wording
    else:
        assert "may duplicate one already recorded" in html


@pytest.mark.parametrize("lang", LANGS)
def test_a_taken_slug_is_said_in_correct_thai(admin_client_in, lang):
    client = admin_client_in(lang)
    existing = OrganisationFactory(name_th="สถาบันพระปกเกล้า", slug="kpi")
    response = client.post(
        reverse("admin:networks_organisation_add"),
        {
            "name_th": "องค์กรอื่นโดยสิ้นเชิง",
            "kind": existing.kind,
            "country": "TH",
            "slug": "kpi",
            "status": "draft",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    if lang == "th":
        assert " และ " not in html.split('class="errorlist')[1][:300]
        assert "ถูกใช้แล้ว" in html
    else:
        assert "already exists" in html


@pytest.mark.django_db
def test_a_person_misspelt_by_a_letter_is_found_on_postgresql_only():
    from networks.services import person_find_duplicates
    from tests.networks.factories import PersonFactory

    person = PersonFactory(
        given_name_th="ศิรินาฎ",
        family_name_th="มาตรา",
        given_name_en="Sirinat",
        family_name_en="Mattra",
    )
    PersonFactory(
        given_name_th="สมชาย",
        family_name_th="ใจดี",
        given_name_en="Somchai",
        family_name_en="Jaidee",
    )
    found = person_find_duplicates(given_name_en="Sirinat", family_name_en="Matra")
    assert found == ([person] if connection.vendor == "postgresql" else [])
