"""Layout as a reader sees it, on a phone (320 and 375 px) and a desktop (1280 px).

Each page is loaded once per language and looked at for several things at each width:
nothing wider than the screen, a short header, tables and addresses inside their box,
every image shown, chart labels of at least 12 px, no stray separator inside a badge, no
empty band atop a card; then the pages with a particular design: the publication library
(results in the main column, filters behind a disclosure on phones), the event page
(its chart readable, its table reflowing), reading measure, print.
"""

import datetime
import re

import pytest

from tests.e2e.demo_pages import load_demo, one_of_each_kind

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EVENT = "/{lang}/events/sddc-allied-networks-forum-2022/"
LIBRARY = "/{lang}/publications/"

# Per page: what overflows the screen or its own box, the header's height, broken images,
# and where the lines of an address shown as text break (never inside "https://").
CHECKS = r"""async () => {
  const width = document.documentElement.clientWidth;
  const out = {pageWidth: document.documentElement.scrollWidth, width, overflowing: [],
               header: document.querySelector(".site-header").getBoundingClientRect().height,
               brokenImages: [], urlBreaks: []};
  for (const el of document.querySelectorAll("main *")) {
    const r = el.getBoundingClientRect();
    if (r.width && r.right > width + 1 && !el.closest(".table-box, .visually-hidden")) out.overflowing.push(el.tagName + "." + el.className + " " + Math.round(r.right));
  }
  for (const box of document.querySelectorAll(".table-box, .formatted-citation, .url, a[href^='http']")) {
    if (box.scrollWidth > box.clientWidth + 1 && getComputedStyle(box).display !== "inline") out.overflowing.push("box " + box.className + " " + box.scrollWidth + ">" + box.clientWidth);
  }
  out.details = [];
  for (const badge of document.querySelectorAll(".badge")) {
    for (const pseudo of ["::before", "::after"]) {
      const content = getComputedStyle(badge, pseudo).content;
      if (content !== "none" && content !== "normal") out.details.push("badge " + badge.textContent.trim() + " has " + content);
    }
  }
  for (const card of document.querySelectorAll(".card")) {
    const first = card.firstElementChild;
    const band = first ? first.getBoundingClientRect().top - card.getBoundingClientRect().top : 0;
    if (band > 24) out.details.push("empty band of " + Math.round(band) + " px above " + first.textContent.trim().slice(0, 30));
  }
  // Chart labels (SVG text scaled with its picture) at a readable size.
  for (const text of document.querySelectorAll("main svg text")) {
    const matrix = text.getScreenCTM();
    const size = parseFloat(getComputedStyle(text).fontSize) * (matrix ? Math.hypot(matrix.a, matrix.b) : 1);
    if (text.getClientRects().length && size < 12) out.details.push("chart label " + text.textContent.trim().slice(0, 20) + " at " + size.toFixed(1) + " px");
  }
  for (const img of document.querySelectorAll("main img")) {
    // Lazy images below the fold are not loaded yet: ask for each, and check those loaded.
    const src = img.currentSrc || img.src;
    const answer = await fetch(src);
    if (!answer.ok || (img.complete && img.naturalWidth === 0)) out.brokenImages.push(src);
  }
  for (const el of document.querySelectorAll("main a, main .url, main .formatted-citation")) {
    const text = el.textContent;
    const at = text.search(/https?:\/\//);
    if (at < 0) continue;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let offset = 0, prevTop = null;
    for (let n; (n = walker.nextNode()); ) {
      for (let i = 0; i < n.data.length; i++) {
        const range = document.createRange(); range.setStart(n, i); range.setEnd(n, i + 1);
        const rect = range.getClientRects()[0];
        if (rect && rect.width) {
          if (prevTop !== null && rect.top > prevTop + rect.height * 0.6 && offset + i > at && offset + i < at + 8) out.urlBreaks.push(text.slice(at, at + 12));
          prevTop = rect.top;
        }
      }
      offset += n.data.length;
    }
  }
  return out;
}"""

# Characters on each line of the long paragraphs of the page's main text.
LINE_LENGTHS = r"""() => {
  const lengths = [];
  for (const p of document.querySelectorAll("main p, main li, main dd")) {
    if (p.textContent.length < 200) continue;
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    let count = 0, top = null;
    for (let n; (n = walker.nextNode()); ) {
      for (let i = 0; i < n.data.length; i++) {
        const range = document.createRange(); range.setStart(n, i); range.setEnd(n, i + 1);
        const rect = range.getClientRects()[0];
        if (!rect || !rect.width) continue;
        if (top !== null && rect.top > top + rect.height * 0.6) { lengths.push(count); count = 0; }
        top = rect.top; count++;
      }
    }
  }
  return lengths;
}"""


def look(page, width: int) -> dict:
    page.set_viewport_size({"width": width, "height": 800})
    return page.evaluate(CHECKS)


@pytest.mark.parametrize("lang", ["th", "en"])
def test_every_kind_of_page_fits_every_screen(browser, live_server, settings, lang):
    load_demo(settings)
    context = browser.new_context(base_url=live_server.url, locale=f"{lang}-TH")
    page = context.new_page()
    problems = []
    for kind, path in one_of_each_kind(lang).items():
        page.set_viewport_size({"width": 375, "height": 800})
        page.goto(path)
        page.evaluate("document.fonts.ready")
        for width in (320, 375, 1280):
            seen = look(page, width)
            where = f"{kind} {path} @{width}px"
            if seen["pageWidth"] > seen["width"]:
                problems.append(f"{where}: page {seen['pageWidth']} px wide")
            problems += [f"{where}: overflows: {item}" for item in seen["overflowing"]]
            problems += [f"{where}: image not shown: {src}" for src in seen["brokenImages"]]
            problems += [f"{where}: address broken as {text}" for text in seen["urlBreaks"]]
            problems += [f"{where}: {detail}" for detail in seen["details"]]
            if width == 375 and seen["header"] > 120:
                problems.append(f"{where}: header {seen['header']:.0f} px tall")
    assert problems == [], "\n".join(problems)

    # The library: results in the main column on a desktop, first on a phone.
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(LIBRARY.format(lang=lang))
    filters = page.locator(".filter-box").bounding_box()
    results = page.locator(".results").bounding_box()
    first = page.locator(".pub-row").first.bounding_box()
    assert page.locator(".filter-box select").first.is_visible()
    assert results["x"] > filters["x"] + filters["width"]
    assert results["width"] >= 700 and first["width"] >= 600
    assert abs(results["y"] - filters["y"]) < 40, "results beside the filters, not under them"
    page.set_viewport_size({"width": 375, "height": 800})
    assert not page.locator(".filter-box select").first.is_visible()
    assert page.locator(".pub-row").first.bounding_box()["y"] < 450
    page.locator(".filter-box > summary").click()
    assert page.locator(".filter-box select").first.is_visible()

    # The event page: chart labels at reading size, a summary, the table beside it.
    page.goto(EVENT.format(lang=lang))
    sizes = page.eval_on_selector_all(
        ".participant-chart .bar-label, .participant-chart .bar-value",
        "els => els.map(e => parseFloat(getComputedStyle(e).fontSize))",
    )
    assert len(sizes) == 12 and min(sizes) >= 12
    assert "427" in page.inner_text(".participant-chart .chart-summary")
    assert page.locator(".participant-chart + .table-box table.participant-table").count() == 1
    bars = page.eval_on_selector_all(
        ".participant-chart .bar-fill", "els => els.map(e => e.getBoundingClientRect().width)"
    )
    assert bars[0] == max(bars) and bars[0] / bars[1] == pytest.approx(308 / 77, rel=0.05)

    # Print: the record without the chrome, with its address and the print date.
    page.emulate_media(media="print")
    for hidden in (".main-nav", ".site-search", ".lang-switch", "a[href$='.ics']", ".site-footer"):
        assert not page.locator(hidden).first.is_visible(), hidden
    printed = page.inner_text(".print-record")
    assert EVENT.format(lang=lang) in printed
    today = datetime.date.today()
    assert str(today.year + 543 if lang == "th" else today.year) in printed
    page.emulate_media(media="screen")
    context.close()


def test_reading_measure_on_a_desktop(browser, live_server, settings):
    load_demo(settings)
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    lengths = []
    for path in (
        "/en/programmes/delgosea/",
        EVENT.format(lang="en"),
        "/en/events/csos-regional-conference-2018/",
    ):
        page.goto(path)
        lengths += page.evaluate(LINE_LENGTHS)
    context.close()
    assert len(lengths) > 20
    assert max(lengths) <= 85, sorted(lengths)[-5:]
    assert sorted(lengths)[len(lengths) // 2] >= 60, "lines use the measure"


def test_without_javascript_the_filters_open_and_close(browser, live_server, settings):
    load_demo(settings)
    context = browser.new_context(
        base_url=live_server.url, java_script_enabled=False, viewport={"width": 375, "height": 800}
    )
    page = context.new_page()
    page.goto("/en/events/")
    assert not page.locator(".filter-box select").first.is_visible()
    page.locator(".filter-box > summary").click()
    assert page.locator(".filter-box select").first.is_visible()
    # A filtered list opens with its filters shown.
    page.goto("/en/publications/?kind=manual")
    assert page.locator(".filter-box select").first.is_visible()
    assert re.search(r"\d", page.inner_text(".results"))
    context.close()
