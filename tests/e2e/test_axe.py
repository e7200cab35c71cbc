"""axe-core on every kind of public page, in both languages, on a phone and a desktop.

The vendored axe-core (tests/e2e/axe/) is given to every page the browser opens, before
the page's own scripts (an init script: registered once, not sent again with each page);
any violation of any impact fails the test, listed with its rule, impact and first
element. The pages include every picture (statistics, partnerships, transfers).
"""

from pathlib import Path

import pytest

from tests.e2e.demo_pages import load_demo, one_of_each_kind

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).parent / "axe" / "axe.min.js"
WIDTHS = (375, 1280)
RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, nodes: v.nodes.length, target: v.nodes[0].target.join(" "),
  }));
}"""


@pytest.mark.parametrize("lang", ["th", "en"])
def test_no_accessibility_violations_on_any_kind_of_page(browser, live_server, settings, lang):
    # One language a test, so that the two run side by side on the suite's two processes.
    load_demo(settings)
    found, runs = [], 0
    pages = one_of_each_kind(lang)
    assert len(pages) >= 18 and {"transfers", "partnerships-network"} <= set(pages), sorted(pages)
    # The page's policy allows no script but its own; axe is the test's, let in past it
    # (tests/e2e/test_csp.py checks the policy with nothing bypassed).
    context = browser.new_context(base_url=live_server.url, locale=f"{lang}-TH", bypass_csp=True)
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    for kind, path in pages.items():
        page.set_viewport_size({"width": WIDTHS[0], "height": 800})
        page.goto(path)
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            runs += 1
            for v in page.evaluate(RUN):
                found.append(
                    f"{lang} {kind} @{width}px {v['id']} ({v['impact']}, "
                    f"{v['nodes']} element(s), first: {v['target']})"
                )
    context.close()
    assert runs >= 2 * 18
    assert found == [], "\n".join(found)
