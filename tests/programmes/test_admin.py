import pytest
from django.urls import reverse

from portal.models import Status
from programmes.models import (
    DatePrecision,
    PartnerRole,
    Programme,
    TeamRole,
)
from tests.networks.factories import OrganisationFactory, PersonFactory
from tests.programmes.factories import (
    GoodPracticeFactory,
    ImpactFactory,
    PartnerFactory,
    ProgrammeFactory,
    TeamMemberFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db

LANGS = ["th", "en"]
D = __import__("datetime").date


@pytest.fixture
def objects():
    programme = ProgrammeFactory()
    PartnerFactory(programme=programme)
    TeamMemberFactory(programme=programme)
    ImpactFactory(programme=programme)
    theme = ThemeFactory()
    programme.themes.add(theme)
    case = GoodPracticeFactory(programme=programme)
    return {"programme": programme, "theme": theme, "goodpractice": case}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("model", ["programme", "theme", "goodpractice"])
def test_admin_pages_render(admin_client_in, objects, lang, model):
    client = admin_client_in(lang)
    for page in (
        reverse(f"admin:programmes_{model}_changelist"),
        reverse(f"admin:programmes_{model}_add"),
        reverse(f"admin:programmes_{model}_change", args=[objects[model].pk]),
    ):
        response = client.get(page)
        assert response.status_code == 200, page
        html = response.content.decode()
        field = "name" if model == "theme" else "title"
        if "/add/" in page or "/change/" in page:
            assert f'name="{field}_th"' in html and f'name="{field}_en"' in html
        assert "googleapis" not in html and "//code.jquery" not in html


def test_programme_form_has_inlines_and_autocomplete(admin_client_in, objects):
    html = admin_client_in("en").get(reverse("admin:programmes_programme_add")).content.decode()
    for prefix in ("partners", "team", "impacts", "links", "sources"):
        assert f'name="{prefix}-TOTAL_FORMS"' in html
    assert "impacts-__prefix__-text_th" in html and "impacts-__prefix__-order" in html
    assert "data-autocomplete-light-url" not in html  # Django's own autocomplete, not a plug-in
    assert "admin-autocomplete" in html


def test_changelist_shows_both_titles_dates_stage_and_missing_mark(admin_client_in):
    ProgrammeFactory(
        title_th="ภาคี",
        title_en="",
        start_date=D(2010, 3, 1),
        end_date=D(2012, 8, 1),
        date_precision=DatePrecision.MONTH,
    )
    ProgrammeFactory(title_th="ครบ", title_en="Complete")
    url = reverse("admin:programmes_programme_changelist")
    th = admin_client_in("th").get(url).content.decode()
    assert "มีนาคม 2553 – สิงหาคม 2555 (30 เดือน)" in th
    assert "✗ ภาษาอังกฤษ" in th and "ยังไม่มีชื่อภาษาอังกฤษ" in th
    assert "✓" in th and "ดำเนินการเสร็จสิ้น" in th
    en = admin_client_in("en").get(url).content.decode()
    assert "March 2010 – August 2012 (30 months)" in en and "✗ English" in en


def test_changelist_filters(admin_client_in):
    theme = ThemeFactory(name_en="Water")
    water = ProgrammeFactory(title_en="Water one", start_date=D(2010, 3, 1), countries=["LA"])
    water.themes.add(theme)
    ProgrammeFactory(title_en="Other one", start_date=D(2015, 1, 1), end_date=None)
    client = admin_client_in("th")
    url = reverse("admin:programmes_programme_changelist")
    html = client.get(url).content.decode()
    assert "พ.ศ. 2553" in html and "พ.ศ. 2558" in html  # start years in the staff calendar
    for params in (
        {"year": "2010"},
        {"country": "LA"},
        {"themes__id__exact": theme.pk},
        {"stage": "completed"},
    ):
        html = client.get(url, params).content.decode()
        assert "Water one" in html and "Other one" not in html, params
    html = client.get(url, {"stage": "ongoing"}).content.decode()
    assert "Other one" in html and "Water one" not in html
    assert client.get(url, {"q": "Water"}).status_code == 200


def _programme_post(**overrides):
    data = {
        "title_th": "โครงการใหม่",
        "title_en": "New programme",
        "acronym_th": "",
        "acronym_en": "NEW",
        "summary_th": "",
        "summary_en": "",
        "objectives_th": "",
        "objectives_en": "",
        "body_th": "",
        "body_en": "",
        "start_date": "01/03/2553",
        "end_date": "01/08/2555",
        "date_precision": "month",
        "stage": "",
        "lead_organisation": "",
        "countries": ["TH", "VN"],
        "cover_credit_th": "",
        "cover_credit_en": "",
        "slug": "new-programme",
        "status": Status.PUBLISHED,
        "published_at_0": "",
        "published_at_1": "",
    }
    for prefix in ("partners", "team", "impacts", "links", "sources"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    data.update(overrides)
    return data


def test_admin_adds_a_programme_with_its_inlines(admin_client_in):
    funder = OrganisationFactory()
    director = PersonFactory()
    data = _programme_post(
        **{
            "partners-TOTAL_FORMS": "1",
            "partners-0-organisation": funder.pk,
            "partners-0-role": PartnerRole.FUNDER,
            "partners-0-order": "1",
            "team-TOTAL_FORMS": "1",
            "team-0-person": director.pk,
            "team-0-role": TeamRole.DIRECTOR,
            "team-0-order": "1",
            # Two statements without numbers keep the order they were typed in.
            "impacts-TOTAL_FORMS": "3",
            "impacts-0-text_th": "ข้อสอง",
            "impacts-0-text_en": "",
            "impacts-0-order": "2",
            "impacts-1-text_th": "ข้อสาม",
            "impacts-1-text_en": "",
            "impacts-1-order": "",
            "impacts-2-text_th": "ข้อหนึ่ง",
            "impacts-2-text_en": "",
            "impacts-2-order": "1",
            "links-TOTAL_FORMS": "1",
            "links-0-label_th": "",
            "links-0-label_en": "Site",
            "links-0-url": "www.delgosea.eu/cms/",
            "links-0-order": "",
        }
    )
    client = admin_client_in("th")
    response = client.post(reverse("admin:programmes_programme_add"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    programme = Programme.objects.get(slug="new-programme")
    # Staff typed Buddhist-Era dates.
    assert programme.start_date == D(2010, 3, 1) and programme.duration_months == 30
    assert [i.text_th for i in programme.impacts.all()] == ["ข้อหนึ่ง", "ข้อสอง", "ข้อสาม"]
    assert programme.partners.get().organisation == funder
    assert programme.team.get().role == TeamRole.DIRECTOR
    assert programme.links.get().url == "https://www.delgosea.eu/cms/"
    assert [str(c.code) for c in programme.countries] == ["TH", "VN"]


def test_admin_refuses_duplicate_impact_numbers(admin_client_in):
    data = _programme_post(
        **{
            "impacts-TOTAL_FORMS": "2",
            "impacts-0-text_th": "ก",
            "impacts-0-text_en": "",
            "impacts-0-order": "1",
            "impacts-1-text_th": "ข",
            "impacts-1-text_en": "",
            "impacts-1-order": "1",
        }
    )
    response = admin_client_in("en").post(reverse("admin:programmes_programme_add"), data)
    assert response.status_code == 200
    assert "Two rows have the number 1" in response.content.decode()
    assert not Programme.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"start_date": "2012-08-01", "end_date": "2010-03-01"}, "cannot end before it starts"),
        ({"title_th": "", "title_en": ""}, "title in Thai or in English"),
    ],
)
def test_admin_validation_messages(admin_client_in, overrides, message):
    response = admin_client_in("en").post(
        reverse("admin:programmes_programme_add"), _programme_post(**overrides)
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Programme.objects.exists()


def test_programme_admin_keeps_search_for_other_apps_autocomplete(admin_client_in):
    ProgrammeFactory(title_en="Partnership for Democratic Local Governance", acronym_en="DELGOSEA")
    response = admin_client_in("en").get(
        reverse("admin:autocomplete"),
        {
            "term": "delgo",
            "app_label": "events",
            "model_name": "event",
            "field_name": "programme",
        },
    )
    assert response.status_code == 200
    assert "DELGOSEA" in response.content.decode()
