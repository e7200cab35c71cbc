"""No Thai word is split across two lines, on any Thai demo page, on a phone or a desktop.

The browser measures where its lines break (a `Range` over each grapheme of the visible
text: a grapheme whose box starts below the previous one's starts a new line); every
break that falls between two Thai characters must be at a word boundary of the
dictionary segmenter (`portal.thaibreak.boundaries`, computed here in Python).
"""

import pytest

from portal.thaibreak import boundaries
from tests.e2e.demo_pages import EXTRA, load_demo, sitemap_paths

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (375, 1280)

# Line breaks inside the visible text of the page: for each, the Thai run around it.
LINE_BREAKS = r"""() => {
  const thai = /[\u0e01-\u0e5b]/;
  const graphemes = new Intl.Segmenter("th", {granularity: "grapheme"});
  const isInline = (el) => ["inline", "contents"].includes(getComputedStyle(el).display);
  const container = (node) => { let el = node.parentElement; while (el && isInline(el)) el = el.parentElement; return el; };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => n.parentElement.closest("script,style,svg,noscript,template") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  const blocks = new Map();
  for (let n; (n = walker.nextNode()); ) {
    const box = container(n);
    if (!blocks.has(box)) blocks.set(box, []);
    blocks.get(box).push(n);
  }
  const breaks = [];
  let total = 0;
  for (const nodes of blocks.values()) {
    let text = "", prev = null;
    const starts = [];
    for (const n of nodes) {
      for (const g of graphemes.segment(n.data)) {
        const at = text.length + g.index;
        const range = document.createRange();
        range.setStart(n, g.index); range.setEnd(n, g.index + g.segment.length);
        const rect = range.getClientRects()[0];
        if (rect && rect.width > 0 && g.segment.trim()) {
          if (prev && rect.top > prev.top + prev.height * 0.6) starts.push(at);
          prev = rect;
        }
      }
      text += n.data;
    }
    for (const at of starts) {
      let before = at - 1;
      while (before >= 0 && !text[before].trim()) before--;
      if (!(thai.test(text[at]) || (before >= 0 && thai.test(text[before])))) continue;
      total++;
      if (!(before === at - 1 && thai.test(text[before]) && thai.test(text[at]))) continue;
      let start = at, end = at;
      while (start > 0 && thai.test(text[start - 1])) start--;
      while (end < text.length && thai.test(text[end])) end++;
      breaks.push({run: text.slice(start, end), offset: at - start});
    }
  }
  return {total, inside: breaks};
}"""


def thai_line_breaks(page) -> tuple[int, list[str]]:
    """(Thai line breaks on the page, those that split a word, shown as "ธร|รมาภิบาล")."""
    found = page.evaluate(LINE_BREAKS)
    split = [
        f"{b['run'][: b['offset']]}|{b['run'][b['offset'] :]}"
        for b in found["inside"]
        if b["offset"] not in boundaries(b["run"])
    ]
    return found["total"], split


def test_no_thai_word_is_split_across_lines(browser, live_server, settings):
    load_demo(settings)
    paths = sitemap_paths("th") + [EXTRA["search"].format(lang="th")]
    context = browser.new_context(base_url=live_server.url, locale="th-TH")
    page = context.new_page()
    breaks, views, split = 0, 0, []
    for path in paths:
        page.set_viewport_size({"width": WIDTHS[0], "height": 800})
        page.goto(path)
        page.evaluate("document.fonts.ready")
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            total, inside = thai_line_breaks(page)
            breaks += total
            views += 1
            split += [f"{path} @{width}px: {word}" for word in inside]
    context.close()
    assert views >= 2 * 30 and breaks > 100, "the demo pages should have plenty of Thai lines"
    assert split == [], (
        f"{len(split)} of {breaks} Thai line breaks on {views} page views split a word"
    )
