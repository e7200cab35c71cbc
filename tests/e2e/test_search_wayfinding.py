"""Search that explains itself, wayfinding and the year archive, in Debian's Chromium, in
both languages, on a phone and on a desktop (issue 15, points 4-6). One test a language looks
at both widths, so that the demo is loaded once for them."""

import io
from contextlib import contextmanager

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

QUERIES = {"th": "ภาคประชาสังคม", "en": "civil society"}
WIDTHS = (375, 1280)


@pytest.fixture
def demo():
    call_command("load_demo", stdout=io.StringIO())


@contextmanager
def _at(browser, live_server, width: int):
    """A page of a fresh browser context at `width`, closed afterwards."""
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": width, "height": 900}
    )
    try:
        yield context.new_page()
    finally:
        context.close()


def _fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("lang", ["th", "en"])
def test_search_highlights_the_matched_passage_with_its_language(browser, live_server, demo, lang):
    for width in WIDTHS:
        with _at(browser, live_server, width) as page:
            page.goto(f"/{lang}/search/?q={QUERIES[lang]}")
            marks = page.locator("main mark")
            assert marks.count() >= 3, width
            assert marks.first.is_visible(), width
            # The highlight is a visible background, not just markup.
            background = marks.first.evaluate("m => getComputedStyle(m).backgroundColor")
            assert background not in ("rgba(0, 0, 0, 0)", "transparent"), width
            passage = page.locator("p.passage").first
            assert passage.get_attribute("lang") == lang
            assert passage.locator(".passage-label").is_visible(), width
            assert page.locator("[role=search], search").count() == 1  # one search landmark
            assert _fits(page), width


@pytest.mark.parametrize("lang", ["th", "en"])
def test_menu_breadcrumbs_footer_and_year_archive(browser, live_server, demo, lang):
    for width in WIDTHS:
        with _at(browser, live_server, width) as page:
            page.goto(f"/{lang}/events/sddc-allied-networks-forum-2022/")
            current = page.locator(".main-nav a[aria-current]")
            assert current.count() == 1, width
            assert current.get_attribute("href") == f"/{lang}/events/"
            assert page.locator("nav.crumbs [aria-current=page]").is_visible(), width
            footer = page.locator("footer.site-footer")
            for slug in ("about", "accessibility", "privacy", "years"):
                assert footer.locator(f'a[href="/{lang}/{slug}/"]').is_visible(), (width, slug)

            footer.locator(f'a[href="/{lang}/privacy/"]').click()
            assert page.locator("h1").is_visible(), width
            assert _fits(page), width

            page.goto(f"/{lang}/years/2022/")
            year = "2565" if lang == "th" else "2022"
            assert year in page.locator("h1").inner_text()
            assert page.locator("#year-events li").count() >= 1, width
            assert _fits(page), width
