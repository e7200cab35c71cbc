import pytest
from django.urls import reverse

from networks.models import Network, Organisation, Person
from tests.networks.factories import MembershipFactory, OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db

LANGS = ["th", "en"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("model", ["organisation", "network", "person"])
def test_admin_add_and_change_pages_render(admin_client_in, lang, model):
    client = admin_client_in(lang)
    membership = MembershipFactory()
    person = PersonFactory(organisation=membership.organisation)
    objects = {
        "organisation": membership.organisation,
        "network": membership.network,
        "person": person,
    }
    add = client.get(reverse(f"admin:networks_{model}_add"))
    assert add.status_code == 200
    change = client.get(reverse(f"admin:networks_{model}_change", args=[objects[model].pk]))
    assert change.status_code == 200
    changelist = client.get(reverse(f"admin:networks_{model}_changelist"))
    assert changelist.status_code == 200
    html = change.content.decode()
    # Tabbed Thai/English editing: both language columns of the name are on the form.
    name = "given_name" if model == "person" else "name"
    assert f'name="{name}_th"' in html and f'name="{name}_en"' in html
    # No third-party host (modeltranslation's default jQuery UI comes from a CDN).
    assert "googleapis" not in html and "//code.jquery" not in html
    if lang == "th":
        assert "เพิ่ม" in add.content.decode()


def test_admin_in_thai_reads_thai(admin_client_in):
    client = admin_client_in("th")
    html = client.get(reverse("admin:networks_organisation_add")).content.decode()
    assert "องค์กรแม่" in html  # "parent organisation"
    assert "ประเภท" in html  # "kind"


def test_admin_search_finds_either_language_and_acronym(admin_client_in):
    client = admin_client_in("th")
    OrganisationFactory(name_th="มหาวิทยาลัยขอนแก่น", name_en="Khon Kaen University", acronym_en="KKU")
    OrganisationFactory(name_th="สถาบันสิ่งแวดล้อมไทย", name_en="Thailand Environment Institute")
    url = reverse("admin:networks_organisation_changelist")
    for query in ["ขอนแก่น", "khon kaen", "KKU"]:
        html = client.get(url, {"q": query}).content.decode()
        assert "มหาวิทยาลัยขอนแก่น" in html
        assert "สถาบันสิ่งแวดล้อมไทย" not in html


def test_admin_list_filters_by_network_and_country(admin_client_in):
    client = admin_client_in("en")
    member = MembershipFactory(organisation__name_en="Member org").organisation
    OrganisationFactory(name_en="Outsider org", country="LA")
    url = reverse("admin:networks_organisation_changelist")
    html = client.get(url, {"network": member.networks.get().pk}).content.decode()
    assert "Member org" in html and "Outsider org" not in html
    html = client.get(url, {"country": "LA"}).content.decode()
    assert "Outsider org" in html and "Member org" not in html


def _organisation_post(**overrides):
    data = {
        "name_th": "มหาวิทยาลัยขอนแก่น",
        "name_en": "",
        "acronym_th": "",
        "acronym_en": "",
        "kind": "academic",
        "country": "TH",
        "city_th": "",
        "city_en": "",
        "parent": "",
        "website": "",
        "description_th": "",
        "description_en": "",
        "slug": "kku-again",
        "status": "draft",
        "published_at_0": "",
        "published_at_1": "",
        "memberships-TOTAL_FORMS": "0",
        "memberships-INITIAL_FORMS": "0",
        "memberships-MIN_NUM_FORMS": "0",
        "memberships-MAX_NUM_FORMS": "1000",
        "sources-TOTAL_FORMS": "0",
        "sources-INITIAL_FORMS": "0",
        # The good practices it took up: an inline programmes adds through the registry.
        "practice_transfers-TOTAL_FORMS": "0",
        "practice_transfers-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("lang", LANGS)
def test_duplicate_organisation_is_held_back_with_a_link_until_confirmed(admin_client_in, lang):
    client = admin_client_in(lang)
    existing = OrganisationFactory(name_th="มหาวิทยาลัยขอนแก่น", name_en="Khon Kaen University")
    url = reverse("admin:networks_organisation_add")
    response = client.post(url, _organisation_post(name_th="ม. ขอนแก่น"))
    assert response.status_code == 200  # the form again, nothing saved
    assert Organisation.objects.count() == 1
    html = response.content.decode()
    assert reverse("admin:networks_organisation_change", args=[existing.pk]) in html
    assert 'name="confirm_not_duplicate"' in html and 'type="checkbox"' in html
    warning = "อาจซ้ำกับรายการที่มีอยู่แล้ว" if lang == "th" else "may duplicate one already"
    assert warning in html
    # What the staff member typed is kept.
    assert "ม. ขอนแก่น" in html
    response = client.post(url, _organisation_post(name_th="ม. ขอนแก่น", confirm_not_duplicate="on"))
    assert response.status_code == 302
    assert Organisation.objects.count() == 2


def test_editing_an_organisation_does_not_match_itself(admin_client_in):
    client = admin_client_in("th")
    org = OrganisationFactory(name_th="มหาวิทยาลัยขอนแก่น", slug="kku")
    url = reverse("admin:networks_organisation_change", args=[org.pk])
    response = client.post(url, _organisation_post(slug="kku", status="published"))
    assert response.status_code == 302
    org.refresh_from_db()
    assert org.status == "published"


def _person_post(**overrides):
    data = {
        "honorific_th": "",
        "honorific_en": "",
        "given_name_th": "",
        "given_name_en": "",
        "family_name_th": "",
        "family_name_en": "",
        "position_th": "",
        "position_en": "",
        "organisation": "",
        "country": "",
        "email": "",
        "phone": "",
        "slug": "",
    }
    data.update(overrides)
    return data


def test_duplicate_person_is_held_back_until_confirmed(admin_client_in):
    client = admin_client_in("th")
    existing = PersonFactory(given_name_th="จำเนียร", family_name_th="วรรัตน์ชัยพันธ์")
    url = reverse("admin:networks_person_add")
    post = _person_post(given_name_th="ดร.จำเนียร", family_name_th="วรรัตน์ชัยพันธ์")
    response = client.post(url, post)
    assert response.status_code == 200
    assert Person.objects.count() == 1
    assert reverse("admin:networks_person_change", args=[existing.pk]) in response.content.decode()
    response = client.post(url, {**post, "confirm_not_duplicate": "on"})
    assert response.status_code == 302
    assert Person.objects.count() == 2


def test_admin_network_founded_accepts_buddhist_era(admin_client_in):
    client = admin_client_in("th")
    response = client.post(
        reverse("admin:networks_network_add"),
        {
            "name_th": "เครือข่ายทดสอบ",
            "name_en": "",
            "acronym_th": "",
            "acronym_en": "",
            "description_th": "",
            "description_en": "",
            "coordinator": "",
            "founded": "2553",
            "slug": "test-network",
            "status": "draft",
            "published_at_0": "",
            "published_at_1": "",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
            "memberships-MIN_NUM_FORMS": "0",
            "memberships-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Network.objects.get().founded == 2010
