import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from networks.models import OrganisationKind
from portal.models import Status
from tests.networks.factories import (
    MembershipFactory,
    NetworkFactory,
    OrganisationFactory,
    PersonFactory,
    bulk_organisations,
)

pytestmark = pytest.mark.django_db

LANGS = ["th", "en"]


def url(lang: str, name: str, **kwargs) -> str:
    with translation.override(lang):
        return reverse(f"networks:{name}", kwargs=kwargs or None)


def names_in_order(html: str, names: list[str]) -> list[str]:
    return sorted(names, key=html.index)


@pytest.fixture
def tree():
    """Khon Kaen University → faculty → CSNM, CSNM coordinating and in a network."""
    kku = OrganisationFactory(
        name_th="มหาวิทยาลัยขอนแก่น", name_en="Khon Kaen University", kind=OrganisationKind.ACADEMIC
    )
    faculty = OrganisationFactory(
        name_th="คณะมนุษยศาสตร์และสังคมศาสตร์",
        name_en="Faculty of Humanities and Social Sciences",
        parent=kku,
        kind=OrganisationKind.ACADEMIC,
    )
    csnm = OrganisationFactory(
        name_th="ศูนย์ประชาสังคมและการจัดการองค์กรเอกชนสาธารณประโยชน์",
        name_en="Center for Civil Society and Nonprofit Management",
        acronym_th="ศปส.",
        acronym_en="CSNM",
        parent=faculty,
        slug="csnm",
        kind=OrganisationKind.ACADEMIC,
    )
    network = NetworkFactory(
        name_th="หุ้นส่วนการพัฒนาองค์กรภาคประชาสังคมลุ่มน้ำโขง",
        name_en="Mekong civil-society development partnership",
        coordinator=csnm,
        slug="mekong",
        founded=2018,
    )
    MembershipFactory(
        network=network,
        organisation=csnm,
        role_th="ผู้ประสานงาน",
        role_en="Coordinator",
        start=datetime.date(2018, 2, 7),
    )
    return {"kku": kku, "faculty": faculty, "csnm": csnm, "network": network}


@pytest.mark.parametrize("lang", LANGS)
def test_directory_lists_published_organisations_with_parent(client, tree, lang):
    OrganisationFactory(name_th="ร่างองค์กร", name_en="Draft organisation", status=Status.DRAFT)
    response = client.get(url(lang, "organisation_list"))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}"' in html
    if lang == "th":
        assert "มหาวิทยาลัยขอนแก่น" in html and "สังกัด" in html
    else:
        assert "Khon Kaen University" in html and "Part of" in html
    assert "Draft organisation" not in html and "ร่างองค์กร" not in html
    assert html.count("<h1") == 1


@pytest.mark.parametrize("lang", LANGS)
def test_directory_filters(client, tree, lang):
    OrganisationFactory(name_th="สมาคมลาว", name_en="Lao association", country="LA")
    page = url(lang, "organisation_list")
    html = client.get(page, {"country": "LA"}).content.decode()
    assert ("สมาคมลาว" if lang == "th" else "Lao association") in html
    assert "Khon Kaen University" not in html and "มหาวิทยาลัยขอนแก่น" not in html
    html = client.get(page, {"kind": "academic"}).content.decode()
    assert "Lao association" not in html and "สมาคมลาว" not in html
    html = client.get(page, {"network": "mekong"}).content.decode()
    assert "CSNM" in html or "ศปส." in html
    assert "Khon Kaen University" not in html and "มหาวิทยาลัยขอนแก่น" not in html


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("query", ["ขอนแก่น", "khon kaen", "CSNM", "ศปส"])
def test_name_search_covers_both_languages_and_acronyms(client, tree, lang, query):
    """modeltranslation does not fall back in queries: both columns must be searched."""
    html = client.get(url(lang, "organisation_list"), {"q": query}).content.decode()
    found = {
        "kku": ("Khon Kaen University" if lang == "en" else "มหาวิทยาลัยขอนแก่น") in html,
        "csnm": "/organisations/csnm/" in html,
    }
    if query in ("CSNM", "ศปส"):
        assert found == {"kku": False, "csnm": True}
    else:
        assert found["kku"]


@pytest.mark.parametrize(
    "params",
    [
        {"page": "abc"},
        {"page": "0"},
        {"page": "999"},
    ],
)
def test_bad_page_numbers_answer_404(client, tree, params):
    assert client.get(url("th", "organisation_list"), params).status_code == 404


@pytest.mark.parametrize(
    "params",
    [
        {"country": "ZZ"},
        {"kind": "nonsense"},
        {"network": "no-such-network"},
        {"q": "x" * 500},
        {"country": "TH", "year": "x", "junk": "1"},
    ],
)
def test_junk_filters_are_ignored_not_errors(client, tree, params):
    response = client.get(url("en", "organisation_list"), params)
    assert response.status_code == 200
    assert "Khon Kaen University" in response.content.decode()


def test_directory_paginates_keeping_filters(client):
    bulk_organisations(30)
    page = url("en", "organisation_list")
    first = client.get(page, {"kind": "cso"})
    assert first.context["page_obj"].paginator.num_pages == 2
    html = first.content.decode()
    assert "kind=cso&amp;page=2" in html or "page=2&amp;kind=cso" in html
    second = client.get(page, {"kind": "cso", "page": "2"})
    assert len(second.context["organisations"]) == 6
    shown = {o.pk for o in first.context["organisations"]} | {
        o.pk for o in second.context["organisations"]
    }
    assert len(shown) == 30


THAI_NAMES = ["ขวด", "ไก่", "กา", "แกะ", "เกม", "ก้าน", "โกโก้"]
THAI_ORDER = ["กา", "ก้าน", "เกม", "แกะ", "โกโก้", "ไก่", "ขวด"]


def test_thai_pages_sort_in_thai_dictionary_order(client):
    for i, name in enumerate(THAI_NAMES):
        OrganisationFactory(name_th=f"องค์กร{name}", name_en=f"Org {i}")
    html = client.get(url("th", "organisation_list")).content.decode()
    expected = [f"องค์กร{n}" for n in THAI_ORDER]
    assert names_in_order(html, expected) == expected


def test_english_pages_sort_alphabetically_ignoring_case_with_thai_fallback(client):
    OrganisationFactory(name_th="ข", name_en="banana")
    OrganisationFactory(name_th="ก", name_en="Apple")
    OrganisationFactory(name_th="ค", name_en="cherry")
    html = client.get(url("en", "organisation_list")).content.decode()
    assert names_in_order(html, ["banana", "Apple", "cherry"]) == ["Apple", "banana", "cherry"]


def test_english_page_marks_thai_only_names(client):
    OrganisationFactory(name_th="ศส.ปชต. พิมลราช", name_en="", slug="phimonrat")
    html = client.get(url("en", "organisation_list")).content.decode()
    assert '<span lang="th">ศส.ปชต. พิมลราช</span>' in html


@pytest.mark.parametrize("count", [5, 500])
def test_directory_query_count_does_not_grow(client, django_assert_num_queries, count):
    parent = OrganisationFactory()
    network = NetworkFactory()
    created = bulk_organisations(count, parent=parent)
    MembershipFactory(network=network, organisation=created[0])
    # filter choices (countries, networks), count, page of organisations with their parents
    with django_assert_num_queries(4):
        response = client.get(url("th", "organisation_list"))
    assert response.status_code == 200
    with django_assert_num_queries(4):
        client.get(url("en", "organisation_list"), {"network": network.slug, "q": "Org"})


@pytest.mark.parametrize("lang", LANGS)
def test_organisation_page_shows_tree_and_networks(client, tree, lang):
    draft_child = OrganisationFactory(
        name_en="Hidden unit", parent=tree["csnm"], status=Status.DRAFT
    )
    response = client.get(url(lang, "organisation_detail", slug="csnm"))
    assert response.status_code == 200
    html = response.content.decode()
    assert tree["kku"].get_absolute_url() in html  # ancestors
    assert tree["faculty"].get_absolute_url() in html
    assert tree["network"].get_absolute_url() in html
    assert draft_child.name_en not in html
    faculty_html = client.get(tree["faculty"].get_absolute_url()).content.decode()
    assert "/organisations/csnm/" in faculty_html  # children
    if lang == "th":
        assert "7 กุมภาพันธ์ 2561" in html  # membership start in BE
    else:
        assert "7 February 2018" in html


def test_draft_pages_are_not_found(client):
    OrganisationFactory(slug="draft-org", status=Status.DRAFT)
    NetworkFactory(slug="draft-net", status=Status.DRAFT)
    assert client.get(url("th", "organisation_detail", slug="draft-org")).status_code == 404
    assert client.get(url("en", "network_detail", slug="draft-net")).status_code == 404
    assert client.get(url("en", "organisation_detail", slug="nope")).status_code == 404


def test_organisation_page_query_count_does_not_grow(client, django_assert_num_queries, tree):
    for i in range(20):
        child = OrganisationFactory(parent=tree["csnm"])
        MembershipFactory(network=NetworkFactory(), organisation=tree["csnm"])
        PersonFactory(organisation=tree["csnm"], public_consent=True, slug=f"p{i}")
        del child
    # organisation (+3 parents), children, memberships, coordinated networks, people, sources;
    # then its programmes, good practices taken up, events, awards and publications (sections
    # of the higher apps)
    with django_assert_num_queries(11):
        response = client.get(url("th", "organisation_detail", slug="csnm"))
    assert response.status_code == 200


@pytest.mark.parametrize("lang", LANGS)
def test_network_pages(client, tree, lang):
    lao = OrganisationFactory(name_th="สมาคมลาว", name_en="Lao association", country="LA")
    MembershipFactory(network=tree["network"], organisation=lao)
    MembershipFactory(network=tree["network"], organisation=OrganisationFactory(country=""))
    MembershipFactory(
        network=tree["network"],
        organisation=OrganisationFactory(name_en="Secret", status=Status.DRAFT),
    )
    listing = client.get(url(lang, "network_list")).content.decode()
    assert "/networks/mekong/" in listing
    assert ("3 member organisations" if lang == "en" else "องค์กรสมาชิก 3 แห่ง") in listing
    response = client.get(url(lang, "network_detail", slug="mekong"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Secret" not in html
    groups = [g.code for g in response.context["country_groups"]]
    if lang == "th":
        # ไทย, ลาว in Thai order; no country last
        assert groups == ["TH", "LA", ""]
        assert "ลาว" in html and "2561" in html  # founded, in BE
        assert "ไม่ระบุประเทศ" in html
    else:
        assert groups == ["LA", "TH", ""]
        assert "Laos" in html and "2018" in html
    assert tree["csnm"].get_absolute_url() in html


def test_network_list_query_count(client, django_assert_num_queries):
    for _ in range(30):
        network = NetworkFactory(coordinator=OrganisationFactory())
        MembershipFactory(network=network)
    # the count for the pages, then one page of networks with coordinators and member counts
    with django_assert_num_queries(2):
        response = client.get(url("en", "network_list"))
    assert response.status_code == 200
    assert len(response.context["networks"]) == 24
    assert client.get(url("en", "network_list"), {"page": 2}).status_code == 200
    assert client.get(url("en", "network_list"), {"page": 3}).status_code == 404


def test_a_network_page_lists_its_first_members_and_links_to_all_of_them(
    client, django_assert_num_queries
):
    from networks import selectors

    network = NetworkFactory(slug="big", coordinator=OrganisationFactory())
    for i in range(selectors.NETWORK_MEMBERS + 5):
        MembershipFactory(network=network, organisation__name_en=f"Member {i:03d}")
    # network, members shown, their count, events section; five for its statistics (events
    # per year, participants per year in two, members by kind and by country), which are
    # fragments kept under the content version outside the tests
    with django_assert_num_queries(9):
        response = client.get(url("en", "network_detail", slug="big"))
    html = response.content.decode()
    assert html.count("Member 0") == selectors.NETWORK_MEMBERS
    assert f"The first {selectors.NETWORK_MEMBERS} of {selectors.NETWORK_MEMBERS + 5}" in html
    assert 'href="/en/organisations/?network=big"' in html
    directory = client.get("/en/organisations/", {"network": "big"})
    assert directory.context["paginator"].count == selectors.NETWORK_MEMBERS + 5


def test_a_small_network_lists_every_member_without_a_link(client):
    network = NetworkFactory(slug="small")
    MembershipFactory(network=network, organisation__name_en="Only member")
    html = client.get(url("en", "network_detail", slug="small")).content.decode()
    assert "Only member" in html and "?network=small" not in html and "The first" not in html


def test_an_organisation_page_shows_its_first_units_and_networks_with_see_all_links(
    client, django_assert_num_queries
):
    from networks import selectors

    parent = OrganisationFactory(slug="kku", name_en="Khon Kaen University")
    for i in range(selectors.PAGE_ROWS + 3):
        OrganisationFactory(parent=parent, name_en=f"Unit {i:02d}")
        MembershipFactory(organisation=parent, network__name_en=f"Network {i:02d}")
    html = client.get(url("en", "organisation_detail", slug="kku")).content.decode()
    assert html.count(">Unit ") == selectors.PAGE_ROWS
    assert html.count(">Network ") == selectors.PAGE_ROWS
    assert 'href="/en/organisations/?parent=kku"' in html
    assert 'href="/en/networks/?member=kku"' in html
    units = client.get("/en/organisations/", {"parent": "kku"})
    assert units.context["paginator"].count == selectors.PAGE_ROWS + 3
    assert "Khon Kaen University" in units.content.decode()  # the filter is named
    networks = client.get("/en/networks/", {"member": "kku"})
    assert networks.context["paginator"].count == selectors.PAGE_ROWS + 3
    assert client.get("/en/networks/", {"member": "no-such"}).status_code == 200


def test_network_page_query_count(client, django_assert_num_queries):
    network = NetworkFactory(coordinator=OrganisationFactory(), slug="big")
    for _ in range(30):
        MembershipFactory(network=network)
    # network, members shown, their count, its events, and five for its statistics
    with django_assert_num_queries(9):
        assert client.get(url("th", "network_detail", slug="big")).status_code == 200


PRIVATE_EMAIL = "private.person@example.org"
PRIVATE_PHONE = "+66 81 234 5678"


@pytest.mark.parametrize("lang", LANGS)
def test_no_private_field_on_any_public_page(client, tree, lang):
    consenting = PersonFactory(
        organisation=tree["csnm"],
        public_consent=True,
        email=PRIVATE_EMAIL,
        phone=PRIVATE_PHONE,
        given_name_en="Consenting",
        given_name_th="ยินยอม",
    )
    private = PersonFactory(
        organisation=tree["csnm"],
        public_consent=False,
        email="other@example.org",
        phone="02 000 0000",
        given_name_en="Withheld",
        given_name_th="ไม่ยินยอม",
    )
    pages = [
        url(lang, "organisation_list"),
        url(lang, "organisation_detail", slug="csnm"),
        tree["kku"].get_absolute_url(),
        url(lang, "network_list"),
        url(lang, "network_detail", slug="mekong"),
        f"/{lang}/",
    ]
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        html = response.content.decode()
        for secret in (PRIVATE_EMAIL, PRIVATE_PHONE, "other@example.org", "02 000 0000"):
            assert secret not in html, (page, secret)
        assert private.given_name_en not in html and private.given_name_th not in html
    detail = client.get(url(lang, "organisation_detail", slug="csnm")).content.decode()
    assert (consenting.given_name_th if lang == "th" else consenting.given_name_en) in detail
