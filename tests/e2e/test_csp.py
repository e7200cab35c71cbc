"""The Content-Security-Policy (no 'unsafe-inline') breaks nothing, in a real browser.

Chromium reports every blocked inline script, style or attribute in the console; the
pages below are used the way staff and visitors use them (translation tabs, the Thai
calendar and clock, autocompletes, new inline rows) and the console must stay free of
policy violations.
"""

import io

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(settings, tmp_path):
    settings.DEBUG = False
    call_command("load_demo", stdout=io.StringIO())


@pytest.fixture
def violations(page):
    """Console messages about the policies (a blocked inline script or style, a feature
    the browser does not know), collected while the test drives the page."""
    seen = []

    def record(message):
        if any(
            name in message.text
            for name in ("Content Security Policy", "Content-Security-Policy", "Permissions-Policy")
        ):
            seen.append(f"{page.url}: {message.text}")

    page.on("console", record)
    return seen


def sign_in(page, lang):
    page.goto(f"/{lang}/")  # the language cookie makes the admin Thai or English
    page.goto("/admin/login/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", "password")
    with page.expect_navigation():
        page.locator("input[type=submit]").click()


def test_public_pages_show_without_a_policy_violation(page, violations, demo):
    for lang in ("th", "en"):
        for path in (
            "/",
            "/events/",
            "/events/sddc-allied-networks-forum-2022/",
            "/programmes/delgosea/",
            "/organisations/tei/",
            "/publications/",
            "/publications/delgosea-trainers-manual-16-good-practices/",
            "/search/?q=delgosea",
            "/accounts/sign-in/",
            "/no-such-page/",
        ):
            page.goto(f"/{lang}{path}")
            # The site's own style sheet applied: the page is not unstyled.
            assert page.evaluate("document.styleSheets.length") >= 2
    assert violations == []


@pytest.mark.parametrize("lang", ["th", "en"])
def test_admin_forms_work_without_a_policy_violation(page, violations, admin_user, demo, lang):
    sign_in(page, lang)
    page.goto("/admin/")
    page.goto("/admin/events/event/")

    page.goto("/admin/events/event/add/")
    page.wait_for_function("document.querySelector('.datetimeshortcuts') !== null")
    # The translation tabs switch.
    page.locator('a[href="#tab_id_title_en"]').first.click()
    assert page.locator("#id_title_en").is_visible()
    assert not page.locator("#id_title_th").is_visible()
    # The calendar and the clock open.
    calendar = page.locator("#id_start_date ~ .datetimeshortcuts a[id^=calendarlink]").first
    number = calendar.get_attribute("id").removeprefix("calendarlink")
    calendar.click()
    assert page.locator(f"#calendarbox{number}").is_visible()
    page.locator(f"#calendarbox{number} .calendarnav-next").click()
    page.keyboard.press("Escape")
    clock = page.locator(".datetimeshortcuts a[id^=clocklink]").first
    number = clock.get_attribute("id").removeprefix("clocklink")
    clock.click()
    assert page.locator(f"#clockbox{number}").is_visible()
    page.keyboard.press("Escape")
    # The autocomplete opens, searches and offers the demo's programmes.
    page.locator("#id_programme + .select2 .select2-selection").click()
    page.locator(".select2-dropdown .select2-search__field").fill("DEL")
    page.wait_for_selector(".select2-results__option >> text=DELGOSEA")
    page.keyboard.press("Escape")
    # A new inline row appears.
    page.locator("#sessions-group .add-row a").click()
    assert page.locator("#id_sessions-0-title_th").count() == 1

    # A change form with its inline rows, the history and a list with its filters.
    page.goto("/admin/events/event/?q=forum")
    with page.expect_navigation():
        page.locator("#result_list tbody th a").first.click()
    assert page.locator("#sessions-group").count() == 1
    page.goto("/admin/networks/organisation/add/")
    page.goto("/admin/programmes/programme/add/")
    page.goto("/admin/publications/publication/add/")
    assert violations == []
