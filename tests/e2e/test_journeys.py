"""The three user journeys, in a real browser, in both languages.

A visitor reads a programme and its event; a partner signs in and downloads a
partners-only file; a Thai staff member enters an event in the admin with a
Buddhist-Era date and sees it on the public page. Every request the browser
makes must go to the portal itself: no page loads anything from another host.
"""

import io
from urllib.parse import unquote, urlsplit

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXT = {
    "th": {
        "programmes": "โครงการ",
        "duration": "มีนาคม 2553 – สิงหาคม 2555 (30 เดือน)",
        "sign_in": "ลงชื่อเข้าใช้เพื่อดาวน์โหลด",
        "username": "ชื่อผู้ใช้",
        "password": "รหัสผ่าน",
        "submit": "ลงชื่อเข้าใช้",
    },
    "en": {
        "programmes": "Programmes",
        "duration": "March 2010 – August 2012 (30 months)",
        "sign_in": "Sign in to download",
        "username": "User name",
        "password": "Password",
        "submit": "Sign in",
    },
}


@pytest.fixture
def demo(settings):
    settings.DEBUG = True  # the demo partner account is made only in debug
    call_command("load_demo", stdout=io.StringIO())
    settings.DEBUG = False


@pytest.fixture
def requests_seen(page, live_server):
    """Every URL the page requests; the test ends by checking they all stay on the portal."""
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    yield seen
    portal = urlsplit(live_server.url).netloc
    foreign = [url for url in seen if urlsplit(url).scheme in ("http", "https", "ws", "wss")]
    foreign = [url for url in foreign if urlsplit(url).netloc != portal]
    assert foreign == [], f"requests to other hosts: {foreign}"
    assert seen, "the page made no request at all"


@pytest.mark.parametrize("lang", ["th", "en"])
def test_visitor_reads_a_programme_then_its_event(page, demo, requests_seen, lang):
    page.goto(f"/{lang}/")
    nav = page.get_by_role("navigation", name="Main" if lang == "en" else "เมนูหลัก")
    with page.expect_navigation():
        nav.get_by_role("link", name=TEXT[lang]["programmes"], exact=True).click()
    with page.expect_navigation():
        page.locator("main a[href$='/programmes/delgosea/']").first.click()
    assert page.url.endswith(f"/{lang}/programmes/delgosea/")
    assert TEXT[lang]["duration"] in page.inner_text("main")
    assert page.locator("h1").count() == 1

    page.goto(f"/{lang}/programmes/cspp/")
    with page.expect_navigation():
        page.locator("a[href$='/events/csos-regional-conference-2018/']").first.click()
    assert page.url.endswith(f"/{lang}/events/csos-regional-conference-2018/")
    body = page.inner_text("main")
    assert "79" in body and "46" in body
    assert ("กุมภาพันธ์ 2561" if lang == "th" else "February 2018") in body

    other = "en" if lang == "th" else "th"
    with page.expect_navigation():
        page.locator(f".lang-switch a[hreflang='{other}']").click()
    assert page.url.endswith(f"/{other}/events/csos-regional-conference-2018/")
    assert page.locator("html").get_attribute("lang") == other


@pytest.mark.parametrize("lang", ["th", "en"])
def test_partner_signs_in_and_downloads_a_partners_only_file(page, demo, requests_seen, lang):
    page.goto(f"/{lang}/publications/delgosea-national-network-seminar-documents/")
    with page.expect_navigation():
        page.get_by_role("link", name=TEXT[lang]["sign_in"]).click()
    assert f"/{lang}/accounts/sign-in/" in page.url

    page.get_by_label(TEXT[lang]["username"]).fill("partner")
    page.get_by_label(TEXT[lang]["password"]).fill("wrong password")
    with page.expect_navigation():
        page.locator("form.sign-in-form button[type=submit]").click()
    assert page.locator(".form-errors[role=alert]").first.is_visible()

    page.get_by_label(TEXT[lang]["username"]).fill("partner")
    page.get_by_label(TEXT[lang]["password"]).fill("phakhi-demo-partner")
    with page.expect_download() as download_info:
        page.locator("form.sign-in-form button[type=submit]").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    assert "เอกสารประกอบการสัมมนา" in unquote(download.suggested_filename)
    with open(download.path(), "rb") as fh:
        assert fh.read(5) == b"%PDF-"


def test_thai_staff_enter_an_event_with_a_buddhist_era_date(page, demo, requests_seen, admin_user):
    page.goto("/th/")  # sets the language cookie for the admin
    page.goto("/admin/login/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", "password")
    with page.expect_navigation():
        page.locator("input[type=submit]").click()
    page.goto("/admin/events/event/add/")
    assert "เพิ่ม" in page.inner_text("#content h1, #content-main h1, h1")

    page.fill("#id_title_th", "เวทีทดสอบจากเบราว์เซอร์")
    page.fill("#id_slug", "browser-forum")
    page.select_option("#id_kind", "forum")
    page.fill("#id_start_date", "24/08/2565")
    page.fill("#id_end_date", "25/08/2565")
    page.select_option("#id_status", "published")
    with page.expect_navigation():
        page.locator("input[name=_save]").click()
    assert page.locator(".messagelist .success").count() == 1, (page.url, page.content()[-3000:])

    page.goto("/th/events/browser-forum/")
    assert "24–25 สิงหาคม 2565" in page.inner_text("main")
    page.goto("/en/events/browser-forum/")
    assert "24–25 August 2022" in page.inner_text("main")
