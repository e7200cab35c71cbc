import datetime

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from portal.models import Status
from programmes import selectors
from programmes.models import (
    DatePrecision,
    PartnerRole,
    Programme,
    Stage,
    TeamRole,
)
from programmes.sitemaps import GoodPracticeSitemap, ProgrammeSitemap, ProgrammeYearSitemap
from tests.networks.factories import NetworkFactory, OrganisationFactory, PersonFactory
from tests.programmes.factories import (
    GoodPracticeFactory,
    ImpactFactory,
    LinkFactory,
    PartnerFactory,
    ProgrammeFactory,
    TeamMemberFactory,
    ThemeFactory,
    bulk_programmes,
)

pytestmark = pytest.mark.django_db

LANGS = ["th", "en"]
D = datetime.date


def url(lang: str, name: str, **kwargs) -> str:
    with translation.override(lang):
        return reverse(f"programmes:{name}", kwargs=kwargs or None)


@pytest.fixture
def records():
    governance = ThemeFactory(name_th="ธรรมาภิบาล", name_en="Good governance", slug="governance")
    environment = ThemeFactory(name_th="สิ่งแวดล้อม", name_en="Environment", slug="environment")
    old = ProgrammeFactory(
        title_th="โครงการเก่า",
        title_en="Old programme",
        slug="old",
        start_date=D(2010, 3, 1),
        end_date=D(2012, 8, 1),
        date_precision=DatePrecision.MONTH,
        countries=["TH", "VN"],
    )
    old.themes.add(governance)
    lao = ProgrammeFactory(
        title_th="โครงการลาว",
        title_en="Lao programme",
        slug="lao",
        start_date=D(2013, 1, 1),
        end_date=D(2013, 12, 31),
        countries=["LA"],
        stage=Stage.ONGOING,
    )
    lao.themes.add(environment)
    ProgrammeFactory(title_th="ร่างโครงการ", title_en="Draft programme", status=Status.DRAFT)
    return {"old": old, "lao": lao, "governance": governance}


@pytest.mark.parametrize("lang", LANGS)
def test_list_shows_published_programmes_with_dates_in_the_page_calendar(client, records, lang):
    response = client.get(url(lang, "list"))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}"' in html
    if lang == "th":
        assert "โครงการเก่า" in html and "มีนาคม 2553 – สิงหาคม 2555 (30 เดือน)" in html
    else:
        assert "Old programme" in html and "March 2010 – August 2012 (30 months)" in html
    assert "Draft programme" not in html and "ร่างโครงการ" not in html
    assert html.count("<h1") == 1


@pytest.mark.parametrize(
    ("params", "shown", "hidden"),
    [
        ({"theme": "governance"}, "Old programme", "Lao programme"),
        ({"country": "LA"}, "Lao programme", "Old programme"),
        ({"country": "VN"}, "Old programme", "Lao programme"),
        ({"stage": "ongoing"}, "Lao programme", "Old programme"),
        ({"stage": "completed"}, "Old programme", "Lao programme"),
        ({"year": "2011"}, "Old programme", "Lao programme"),
        ({"year": "2013"}, "Lao programme", "Old programme"),
    ],
)
def test_list_filters(client, records, params, shown, hidden):
    html = client.get(url("en", "list"), params).content.decode()
    assert shown in html and hidden not in html


def test_filters_offer_only_values_in_use_named_in_the_page_language(client, records):
    html = client.get(url("th", "list")).content.decode()
    assert '<option value="LA">ลาว</option>' in html
    assert '<option value="KH">' not in html
    assert '<option value="environment">สิ่งแวดล้อม</option>' in html
    assert '<option value="2013">2556</option>' in html
    assert '<option value="2013">2013</option>' in client.get(url("en", "list")).content.decode()


@pytest.mark.parametrize("params", [{"page": "abc"}, {"page": "0"}, {"page": "99"}])
def test_bad_page_numbers_answer_404(client, records, params):
    assert client.get(url("th", "list"), params).status_code == 404
    assert client.get(url("th", "goodpractice_list"), params).status_code == 404
    assert client.get(url("th", "year", year=2011), params).status_code == 404


@pytest.mark.parametrize(
    "params",
    [
        {"country": "ZZ"},
        {"theme": "<script>"},
        {"stage": "nonsense"},
        {"year": "abc"},
        {"year": "99999999999999999999"},
        {"year": "1066"},
        {"junk": "1", "country": "x" * 500},
    ],
)
def test_junk_filters_are_ignored_not_errors(client, records, params):
    response = client.get(url("en", "list"), params)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Old programme" in html and "Lao programme" in html
    response = client.get(url("en", "goodpractice_list"), {**params, "programme": "nope"})
    assert response.status_code == 200


def test_list_paginates_keeping_filters(client):
    bulk_programmes(25)
    first = client.get(url("en", "list"), {"country": "LA"})
    assert first.context["page_obj"].paginator.num_pages == 2
    assert "country=LA&amp;page=2" in first.content.decode()
    second = client.get(url("en", "list"), {"country": "LA", "page": "2"})
    assert len(second.context["programmes"]) == 5


# --- year archive ----------------------------------------------------------------------------


def test_year_index_on_the_list_page_in_the_visitors_calendar(client, records):
    th = client.get(url("th", "list")).content.decode()
    for be in (2553, 2554, 2555, 2556):
        assert f"ผลงานปี พ.ศ. {be}" in th
    assert th.index("ผลงานปี พ.ศ. 2556") < th.index("ผลงานปี พ.ศ. 2553")
    assert 'href="/th/programmes/years/2013/"' in th
    assert "ผลงานปี พ.ศ. 2557" not in th
    en = client.get(url("en", "list")).content.decode()
    assert 'href="/en/programmes/years/2010/">2010</a>' in en
    assert "2553" not in en


@pytest.mark.parametrize(
    ("lang", "heading"), [("th", "ผลงานปี พ.ศ. 2556"), ("en", "Programmes in 2013")]
)
def test_year_archive_in_both_calendars(client, records, lang, heading):
    response = client.get(url(lang, "year", year=2013))
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert ("โครงการลาว" if lang == "th" else "Lao programme") in html
    assert "Old programme" not in html and "โครงการเก่า" not in html


def test_year_archive_lists_programmes_running_through_the_year(client, records):
    html = client.get(url("en", "year", year=2011)).content.decode()
    assert "Old programme" in html and "Lao programme" not in html
    assert (
        "No programmes ran in this year."
        in client.get(url("en", "year", year=1999)).content.decode()
    )


def test_a_buddhist_era_year_in_the_address_goes_to_its_page(client, records):
    response = client.get(url("th", "year", year=2556))
    assert response.status_code == 302
    assert response["Location"] == "/th/programmes/years/2013/"
    assert client.get("/th/programmes/years/1066/").status_code == 404
    # An impossible Buddhist-Era year is a 404 at once, not a chain of redirects.
    for year in (99999, 3000):
        assert client.get(f"/th/programmes/years/{year}/").status_code == 404
    assert client.get("/th/programmes/years/abc/").status_code == 404


# --- programme page --------------------------------------------------------------------------


@pytest.fixture
def full_programme():
    programme = ProgrammeFactory(
        title_th="โครงการเต็ม",
        title_en="Full programme",
        acronym_en="FULL",
        slug="full",
        summary_th="สรุปโครงการ",
        objectives_en="English-only objectives",
        countries=["TH", "KH"],
    )
    funder = OrganisationFactory(name_th="ผู้ให้ทุน", name_en="The Funder", slug="funder")
    hidden = OrganisationFactory(name_en="Draft partner", status=Status.DRAFT)
    PartnerFactory(programme=programme, organisation=funder, role=PartnerRole.FUNDER)
    PartnerFactory(programme=programme, organisation=hidden, role=PartnerRole.LOCAL)
    programme.lead_organisation = OrganisationFactory(name_en="Lead org", slug="lead")
    programme.save()
    person = PersonFactory(
        given_name_en="",
        family_name_en="",
        honorific_en="",
        given_name_th="ธารี",
        family_name_th="กาเมือง",
        honorific_th="คุณ",
        email="private@example.org",
        phone="+66 1",
    )
    TeamMemberFactory(programme=programme, person=person, role=TeamRole.MANAGER)
    ImpactFactory(programme=programme, text_en="Second", order=2)
    ImpactFactory(programme=programme, text_en="First", order=1)
    LinkFactory(programme=programme, url="https://example.org/more", label_en="More")
    GoodPracticeFactory(programme=programme, title_en="A real case")
    GoodPracticeFactory(programme=programme, title_en="A draft case", status=Status.DRAFT)
    programme.networks.add(NetworkFactory(name_en="A network"))
    return programme


def test_programme_page_shows_its_parts(client, full_programme):
    html = client.get(url("en", "detail", slug="full")).content.decode()
    assert "<h1>Full programme</h1>" in html and "FULL" in html
    # The Thai-only summary falls back, marked with its language.
    assert '<div class="long-text" lang="th"><p>สรุปโครงการ</p></div>' in html
    assert "English-only objectives" in html
    assert '<a href="/en/organisations/funder/">The Funder</a>' in html
    assert '<a href="/en/organisations/lead/">Lead org</a>' in html
    assert '<span lang="th">คุณธารี กาเมือง</span>' in html
    assert "private@example.org" not in html and "+66 1" not in html
    assert html.index("First") < html.index("Second")
    assert '<ol class="impacts">' in html
    assert "https://example.org/more" in html and "A network" in html
    assert "A real case" in html and "A draft case" not in html
    assert "Cambodia" in html and "Thailand" in html


def test_programme_page_names_countries_in_thai_on_thai_pages(client, full_programme):
    html = client.get(url("th", "detail", slug="full")).content.decode()
    assert "<li>กัมพูชา</li>" in html and "<li>ไทย</li>" in html
    assert "Cambodia" not in html


def test_drafts_are_not_public(client, records):
    draft = Programme.objects.get(title_en="Draft programme")
    assert client.get(url("en", "detail", slug=draft.slug)).status_code == 404
    assert client.get(url("en", "detail", slug="no-such")).status_code == 404


def test_unpublished_partner_is_not_linked(client, full_programme):
    html = client.get(url("en", "detail", slug="full")).content.decode()
    partners = html.split('id="partners-heading"')[1].split("</section>")[0]
    assert "Draft partner" in partners and "<a " not in partners


def _grow(programme, n: int):
    for _ in range(n):
        organisation = OrganisationFactory()
        PartnerFactory(programme=programme, organisation=organisation, role=PartnerRole.LOCAL)
        PartnerFactory(programme=programme, role=PartnerRole.FUNDER)
        TeamMemberFactory(programme=programme)
        ImpactFactory(programme=programme)
        LinkFactory(programme=programme)
        GoodPracticeFactory(programme=programme, local_government=organisation)
        programme.themes.add(ThemeFactory())
        programme.networks.add(NetworkFactory())


def _queries(client, django_assert_num_queries, path) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path).status_code == 200
    return len(ctx.captured_queries)


def test_programme_page_query_count_does_not_grow(client, django_assert_num_queries):
    small = ProgrammeFactory(slug="small")
    _grow(small, 1)
    big = ProgrammeFactory(slug="big")
    _grow(big, 12)
    expected = _queries(client, django_assert_num_queries, url("th", "detail", slug="small"))
    with django_assert_num_queries(expected):
        client.get(url("th", "detail", slug="big"))
    with django_assert_num_queries(expected):
        client.get(url("en", "detail", slug="big"))
    # programme, themes, partners, team, impacts, links, networks, cases, publications, events;
    # the transfer summary and six statistics (events and participants per year, countries
    # represented, transfers by stage, most downloaded), fragments kept under the content
    # version outside the tests; the years of its outputs (one union, the year archive's links)
    assert expected <= 19


@pytest.mark.parametrize("name", ["list", "year"])
def test_list_and_year_query_counts_do_not_grow(client, django_assert_num_queries, name):
    kwargs = {"year": 2010} if name == "year" else {}
    theme = ThemeFactory()
    first = bulk_programmes(1, lead_organisation=OrganisationFactory())
    first[0].themes.add(theme)
    expected = _queries(client, django_assert_num_queries, url("en", name, **kwargs))
    for programme in Programme.objects.bulk_create(
        Programme(
            title_en=f"More {i}",
            slug=f"more-{i}",
            start_date=D(2010, 1, 1),
            countries=["KH"],
            lead_organisation=OrganisationFactory(),
            status=Status.PUBLISHED,
            published_at=timezone.now(),
        )
        for i in range(30)
    ):
        programme.themes.add(ThemeFactory())
    with django_assert_num_queries(expected):
        client.get(url("en", name, **kwargs))
    with django_assert_num_queries(expected):
        client.get(
            url("th", name, **kwargs), {"country": "KH", "page": "2"} if name == "list" else {}
        )


# --- good practices --------------------------------------------------------------------------


@pytest.fixture
def cases():
    programme = ProgrammeFactory(title_en="Case programme", slug="case-programme")
    theme = ThemeFactory(slug="water", name_en="Water", name_th="น้ำ")
    town = OrganisationFactory(name_th="เทศบาลนครขอนแก่น", name_en="Khon Kaen City", slug="kk-city")
    real = GoodPracticeFactory(
        title_th="การจัดการขยะ",
        title_en="Waste management",
        slug="waste",
        programme=programme,
        local_government=town,
        country="TH",
        summary_en="Short summary",
        body_en="Long body text",
    )
    real.themes.add(theme)
    GoodPracticeFactory(title_en="Lao sample", slug="lao-sample", country="LA", is_sample=True)
    return {"real": real, "programme": programme}


@pytest.mark.parametrize(
    ("params", "shown", "hidden"),
    [
        ({"country": "LA"}, "Lao sample", "Waste management"),
        ({"theme": "water"}, "Waste management", "Lao sample"),
        ({"programme": "case-programme"}, "Waste management", "Lao sample"),
    ],
)
def test_good_practice_filters(client, cases, params, shown, hidden):
    html = client.get(url("en", "goodpractice_list"), params).content.decode()
    assert shown in html and hidden not in html


@pytest.mark.parametrize("lang", LANGS)
def test_good_practice_page(client, cases, lang):
    html = client.get(url(lang, "goodpractice_detail", slug="waste")).content.decode()
    if lang == "th":
        assert "การจัดการขยะ" in html and "เทศบาลนครขอนแก่น" in html and "ไทย" in html
    else:
        assert "Waste management" in html and "Khon Kaen City" in html and "Thailand" in html
    assert "/organisations/kk-city/" in html and "/programmes/case-programme/" in html
    assert "Long body text" in html and "Short summary" in html
    assert "sample-note" not in html


@pytest.mark.parametrize("lang", LANGS)
def test_sample_cases_are_labelled(client, cases, lang):
    label = "กรณีตัวอย่างสาธิต" if lang == "th" else "Sample case"
    assert label in client.get(url(lang, "goodpractice_detail", slug="lao-sample")).content.decode()
    assert label in client.get(url(lang, "goodpractice_list")).content.decode()


def test_good_practice_pages_query_counts_do_not_grow(client, django_assert_num_queries, cases):
    list_count = _queries(client, django_assert_num_queries, url("en", "goodpractice_list"))
    detail_count = _queries(
        client, django_assert_num_queries, url("en", "goodpractice_detail", slug="waste")
    )
    for _ in range(15):
        case = GoodPracticeFactory(
            programme=ProgrammeFactory(), local_government=OrganisationFactory()
        )
        case.themes.add(ThemeFactory())
        cases["real"].themes.add(ThemeFactory())
    with django_assert_num_queries(list_count):
        client.get(url("en", "goodpractice_list"))
    with django_assert_num_queries(detail_count):
        client.get(url("en", "goodpractice_detail", slug="waste"))


def test_draft_case_is_not_public(client):
    GoodPracticeFactory(slug="hidden", status=Status.DRAFT)
    assert client.get(url("en", "goodpractice_detail", slug="hidden")).status_code == 404


# --- other pages' pieces ----------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_home_page_partial(django_assert_num_queries, records, lang):
    with translation.override(lang), django_assert_num_queries(2):
        html = render_to_string("programmes/includes/_home.html", selectors.home_page())
    assert "/programmes/lao/" in html and "/programmes/old/" in html
    assert ("โครงการทั้งหมด 2 โครงการ" if lang == "th" else "All 2 programmes") in html


def test_sitemaps_list_published_records_and_years(records, cases):
    assert {p.slug for p in ProgrammeSitemap().items()} == {"old", "lao", "case-programme"}
    assert {c.slug for c in GoodPracticeSitemap().items()} == {"waste", "lao-sample"}
    years = ProgrammeYearSitemap().items()
    assert 2013 in years and 2010 in years
    assert ProgrammeSitemap.i18n and ProgrammeSitemap.alternates and ProgrammeSitemap.x_default


def test_staff_preview_drafts_the_public_does_not(client, admin_user):
    ProgrammeFactory(slug="draft-programme", title_en="Draft P", status=Status.DRAFT)
    GoodPracticeFactory(slug="draft-case", status=Status.DRAFT)
    for path in ("/en/programmes/draft-programme/", "/en/good-practices/draft-case/"):
        assert client.get(path).status_code == 404
    client.force_login(admin_user)
    for path in ("/en/programmes/draft-programme/", "/en/good-practices/draft-case/"):
        html = client.get(path).content.decode()
        assert "only staff can see it" in html
    assert "Draft P" not in client.get("/en/programmes/").content.decode()
