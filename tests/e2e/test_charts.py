"""Every picture of issue 16 in a real browser, on a 375 px phone and a 1280 px desktop:
labels at least 12 px as drawn, nothing wider than the screen, and every request on the
portal itself. Screenshots go to var/screenshots/ for a person to look at. axe-core looks
at the same pages, at both widths, in tests/e2e/test_axe.py."""

import io
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"
PAGES = {
    "statistics": "/{lang}/statistics/",
    "transfers": "/{lang}/good-practices/transfers/",
    "partnerships": "/{lang}/partnerships/",
    "home": "/{lang}/",
    "events": "/{lang}/events/",
    "programme-partnerships": "/{lang}/partnerships/programme/delgosea/",
    "network": "/{lang}/networks/sddc/",
    "network-partnerships": "/{lang}/partnerships/network/sddc/",
}
# The smallest label as the reader sees it: the font size times the drawing's scale.
MEASURE = """() => {
  const sizes = [];
  for (const svg of document.querySelectorAll('figure svg.chart-svg')) {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    for (const text of svg.querySelectorAll('text')) {
      if (!text.getBoundingClientRect().width) continue;
      sizes.push(parseFloat(getComputedStyle(text).fontSize) * scale);
    }
  }
  const overflowing = [...document.querySelectorAll('figure')].filter(
    (figure) => figure.getBoundingClientRect().right > window.innerWidth + 1).length;
  return {
    charts: document.querySelectorAll('figure svg.chart-svg').length,
    smallest: sizes.length ? Math.min(...sizes) : null,
    labels: sizes.length,
    pageWider: document.documentElement.scrollWidth > window.innerWidth,
    overflowing,
  };
}"""


@pytest.fixture
def content():
    """The demo (true records) and the labelled sample transfers, so every picture has data."""
    call_command("load_demo", stdout=io.StringIO())
    call_command("load_sample_transfers", stdout=io.StringIO())


@pytest.mark.parametrize("lang", ["th", "en"])
def test_every_picture_is_legible_and_fits_the_screen(browser, live_server, content, lang):
    seen: list[str] = []
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in (375, 1280):
        context = browser.new_context(
            base_url=live_server.url, viewport={"width": width, "height": 900}, locale="th-TH"
        )
        page = context.new_page()
        page.on("request", lambda request: seen.append(request.url))
        try:
            for name, path in PAGES.items():
                response = page.goto(path.format(lang=lang))
                assert response.status == 200, name
                found = page.evaluate(MEASURE)
                page.screenshot(path=str(SHOTS / f"{name}-{lang}-{width}.png"), full_page=True)
                where = (name, width)
                assert found["charts"] >= 1, where
                assert found["labels"] and found["smallest"] >= 12, (where, found)
                assert not found["pageWider"] and found["overflowing"] == 0, (where, found)
        finally:
            context.close()
    portal = urlsplit(live_server.url).netloc
    assert [u for u in seen if urlsplit(u).netloc not in ("", portal)] == []
