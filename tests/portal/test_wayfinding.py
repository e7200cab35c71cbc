"""Wayfinding and trust (issue 15, point 5): the current section in the menu, breadcrumbs on
every detail page, organisations with their parents, the footer's contact and the site's
own pages (about, accessibility, privacy), editable by staff in both languages."""

import re

import pytest
from django.test import override_settings
from django.utils import translation

from portal.models import SitePage
from tests.events.factories import EventFactory, EventOrganiserFactory, EventSeriesFactory
from tests.networks.factories import NetworkFactory, OrganisationFactory
from tests.programmes.factories import GoodPracticeFactory, PartnerFactory, ProgrammeFactory
from tests.publications.factories import PublicationFactory

pytestmark = pytest.mark.django_db


def html_of(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def nav_current(html: str) -> list[tuple[str, str]]:
    nav = re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group(0)
    return re.findall(r'<a href="([^"]+)" aria-current="(page|true)">', nav)


def crumbs(html: str) -> list[str]:
    nav = re.search(r'<nav class="crumbs"[^>]*>(.*?)</nav>', html, re.S).group(1)
    return [re.sub(r"<[^>]+>", "", item).strip() for item in re.findall(r"<li>(.*?)</li>", nav)]


def url_in(lang: str, obj) -> str:
    with translation.override(lang):
        return obj.get_absolute_url()


# --- the menu ---------------------------------------------------------------


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_menu_marks_the_current_section(client, lang):
    case = GoodPracticeFactory()
    organisation = OrganisationFactory()

    assert nav_current(html_of(client, f"/{lang}/events/")) == [(f"/{lang}/events/", "page")]
    assert nav_current(html_of(client, url_in(lang, case))) == [
        (f"/{lang}/good-practices/", "true")
    ]
    assert nav_current(html_of(client, url_in(lang, organisation))) == [
        (f"/{lang}/organisations/", "true")
    ]
    assert nav_current(html_of(client, f"/{lang}/networks/")) == [(f"/{lang}/networks/", "page")]
    assert nav_current(html_of(client, f"/{lang}/")) == []
    assert nav_current(html_of(client, f"/{lang}/search/?q=ab")) == []


# --- breadcrumbs ------------------------------------------------------------


def test_every_detail_page_has_breadcrumbs_in_both_languages(client):
    programme = ProgrammeFactory(title_en="Local governance", title_th="ธรรมาภิบาลท้องถิ่น")
    series = EventSeriesFactory(title_en="Training course", title_th="หลักสูตรอบรม")
    event = EventFactory(title_en="First batch", title_th="รุ่นที่ 1", series=series)
    pages = {
        programme: ["Home", "Programmes", "Local governance"],
        GoodPracticeFactory(title_en="A case"): ["Home", "Good practices", "A case"],
        event: ["Home", "Events", "Training course", "First batch"],
        series: ["Home", "Events", "Training course"],
        OrganisationFactory(name_en="An org"): ["Home", "Organisations", "An org"],
        NetworkFactory(name_en="A network"): ["Home", "Networks", "A network"],
        PublicationFactory(title_en="A manual"): ["Home", "Publications", "A manual"],
    }
    for obj, expected in pages.items():
        html = html_of(client, url_in("en", obj))
        assert crumbs(html) == expected, obj
        assert '<span aria-current="page">' in html
    thai = html_of(client, url_in("th", event))
    assert crumbs(thai) == ["หน้าแรก", "กิจกรรม", "หลักสูตรอบรม", "รุ่นที่ 1"]
    for path in ("/en/about/", "/en/privacy/", "/en/accessibility/"):
        assert crumbs(html_of(client, path))[0] == "Home"


# --- organisations with their parents ----------------------------------------


def test_organiser_and_partner_lines_name_the_parent_organisations(
    client, django_assert_max_num_queries
):
    university = OrganisationFactory(name_en="Khon Kaen University", name_th="มหาวิทยาลัยขอนแก่น")
    faculty = OrganisationFactory(
        name_en="Faculty of Humanities and Social Sciences",
        name_th="คณะมนุษยศาสตร์และสังคมศาสตร์",
        parent=university,
    )
    centre = OrganisationFactory(name_en="Centre for Civil Society", parent=faculty)
    event = EventFactory()
    EventOrganiserFactory(event=event, organisation=faculty)
    programme = ProgrammeFactory(lead_organisation=centre)
    PartnerFactory(programme=programme, organisation=faculty)

    html = html_of(client, url_in("en", event))
    assert re.search(
        r"Faculty of Humanities and Social Sciences</a>, <a [^>]*>Khon Kaen University</a>|"
        r"Faculty of Humanities and Social Sciences</a>, Khon Kaen University",
        html,
    )
    thai = html_of(client, url_in("th", event))
    assert "คณะมนุษยศาสตร์และสังคมศาสตร์</a>, มหาวิทยาลัยขอนแก่น" in thai
    programme_page = html_of(client, url_in("en", programme))
    assert (
        "Centre for Civil Society</a>, Faculty of Humanities and Social Sciences, Khon Kaen University"
        in programme_page
    )

    # More organisers with parents cost no more queries.
    with django_assert_max_num_queries(40) as before:
        client.get(url_in("en", event))
    for i in range(5):
        parent = OrganisationFactory(name_en=f"University {i}")
        EventOrganiserFactory(event=event, organisation=OrganisationFactory(parent=parent))
    with django_assert_max_num_queries(len(before.captured_queries)):
        client.get(url_in("en", event))


# --- footer and the site's own pages -----------------------------------------


@override_settings(
    PHAKHI_OPERATOR_TH="ผู้ดูแลเว็บไซต์ทดสอบ",
    PHAKHI_OPERATOR_EN="Test site operator",
    PHAKHI_CONTACT_EMAIL="contact@example.org",
    PHAKHI_CONTACT_PHONE="+66 2 000 0000",
)
@pytest.mark.parametrize(
    ("lang", "operator", "links"),
    [
        ("th", "ผู้ดูแลเว็บไซต์ทดสอบ", ["เกี่ยวกับภาคี", "การเข้าถึงเว็บไซต์", "ประกาศความเป็นส่วนตัว"]),
        ("en", "Test site operator", ["About Phakhi", "Accessibility statement", "Privacy notice"]),
    ],
)
def test_the_footer_gives_the_publisher_contact_and_the_site_pages(client, lang, operator, links):
    for path in (f"/{lang}/", f"/{lang}/events/", f"/{lang}/no-such-page/"):
        html = client.get(path).content.decode()
        footer = re.search(r'<footer class="site-footer">.*</footer>', html, re.S).group(0)
        assert operator in footer, path
        assert '<a href="mailto:contact@example.org">contact@example.org</a>' in footer
        assert '<a href="tel:+6620000000">+66 2 000 0000</a>' in footer
        for slug, label in zip(("about", "accessibility", "privacy"), links, strict=True):
            assert f'<a href="/{lang}/{slug}/">{label}</a>' in footer, path


def test_without_a_contact_setting_the_footer_shows_no_empty_lines(client):
    footer = html_of(client, "/en/").split('<footer class="site-footer">')[1]
    assert "mailto:" not in footer
    assert "Email:" not in footer


@pytest.mark.parametrize(
    ("path", "heading", "words"),
    [
        ("/en/about/", "About Phakhi", ["civic-network programmes", "sources"]),
        ("/th/about/", "เกี่ยวกับภาคี", ["โครงการเครือข่ายภาคประชาสังคม"]),
        (
            "/en/accessibility/",
            "Accessibility statement",
            ["WCAG", "keyboard", "Known limitations"],
        ),
        ("/th/accessibility/", "การเข้าถึงเว็บไซต์", ["WCAG", "แป้นพิมพ์"]),
        (
            "/en/privacy/",
            "Privacy notice",
            [
                "Personal Data Protection Act",
                "never appear on a public page",
                "corrected",
                "30 days",
            ],
        ),
        ("/th/privacy/", "ประกาศความเป็นส่วนตัว", ["พระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล", "แก้ไข", "30 วัน"]),
    ],
)
def test_the_site_pages_exist_in_both_languages(client, path, heading, words):
    html = html_of(client, path)
    assert f"<h1>{heading}</h1>" in html
    for word in words:
        assert word in html, word
    assert "(in Thai)" not in html and "(ภาษาอังกฤษ)" not in html


def test_staff_edit_the_site_pages_in_both_languages(admin_client, client):
    page = SitePage.objects.get(key="privacy")
    response = admin_client.get(f"/admin/portal/sitepage/{page.pk}/change/")
    assert response.status_code == 200
    assert 'name="body_th"' in response.content.decode()
    assert 'name="body_en"' in response.content.decode()
    assert admin_client.get("/admin/portal/sitepage/add/").status_code == 403

    page.body_en = "We keep nothing but this sentence."
    page.save()
    assert "We keep nothing but this sentence." in html_of(client, "/en/privacy/")


def test_editors_may_change_the_site_pages():
    from django.contrib.auth.models import Group

    codenames = set(
        Group.objects.get(name="Editors").permissions.values_list("codename", flat=True)
    )
    assert {"change_sitepage", "view_sitepage"} <= codenames
    assert "delete_sitepage" not in codenames


def test_breadcrumbs_are_also_given_as_schema_org_breadcrumb_list(client):
    import json

    event = EventFactory(title_en="A forum", title_th="เวที")
    html = html_of(client, url_in("en", event))
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    crumbs_ld = [json.loads(s) for s in scripts if '"BreadcrumbList"' in s]
    assert len(crumbs_ld) == 1
    items = crumbs_ld[0]["itemListElement"]
    assert [(i["position"], i["name"]) for i in items] == [
        (1, "Home"),
        (2, "Events"),
        (3, "A forum"),
    ]
    assert items[1]["item"] == {
        "@type": "WebPage",
        "@id": "http://testserver/en/events/",
        "name": "Events",
    }
    assert items[2]["item"]["@id"] == f"http://testserver{url_in('en', event)}"
