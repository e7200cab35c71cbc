"""Thai line breaking: the browser is given the word boundaries of Thai text.

Thai is written without spaces between words, and browsers find line breaks in it with
their own dictionaries, which split words the reader knows (Chromium measured here:
`ธร|รมาภิบาล`, `สิ่ง|พิมพ์`; `word-break: keep-all` does not apply to Thai). So every
run of Thai characters in a page's visible text is segmented once with PyThaiNLP's
dictionary segmenter (`newmm`, offline) and sent as

    <span class="tw">คำ<wbr>คำ<wbr>คำ</span>

`.tw` is `white-space: nowrap` (static/css/site.css), which takes away the browser's
own break opportunities inside the run, and `<wbr>` gives back exactly the ones
between words (the way `<wbr>` always worked inside `<nobr>`). A word longer than
`LONG_WORD` characters, a compound such as `เอเชียตะวันออกเฉียงใต้`, may also break
between the dictionary words it is made of, so it never overflows a phone's width.

Only a page's visible text is touched: `ThaiLineBreakMiddleware` rewrites the text
between the tags of an HTML answer's `<body>`, never attribute values, `<title>`,
`<script>`, `<style>`, `<textarea>`, `<option>`, `<pre>` or SVG, and never other
answers (feeds, calendars, exports, JSON). Search reads the database, not pages.
"""

import os
import re
from functools import lru_cache

from django.conf import settings

# The segmenter reads its bundled word list only: no download, no writes to $HOME.
os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")

THAI_RUN = re.compile(r"[\u0e01-\u0e5b]{2,}")
# A word this long (in code points) may break between the shorter words it is made of.
LONG_WORD = 12
# Elements whose text is not flowing page text, or where markup is not allowed.
SKIPPED = {"script", "style", "title", "textarea", "option", "pre", "svg", "template"}
TAG = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*>", re.S)


def _newmm(text: str) -> list[str]:
    from pythainlp.tokenize.newmm import segment

    return segment(text)


def _compound_parts(word: str) -> list[str]:
    """The fewest dictionary words of at most `LONG_WORD` characters that make up `word`
    (`เอเชียตะวันออกเฉียงใต้` → เอเชีย, ตะวันออก, เฉียง, ใต้), or the word itself."""
    from pythainlp.tokenize import word_dict_trie

    trie = word_dict_trie()
    best: list[list[str] | None] = [[]] + [None] * len(word)
    for start in range(len(word)):
        if best[start] is None:
            continue
        for part in trie.prefixes(word, start):
            end = start + len(part)
            if len(part) > LONG_WORD or len(part) == len(word):
                continue
            if best[end] is None or len(best[start]) + 1 < len(best[end]):
                best[end] = [*best[start], part]
    return best[-1] or [word]


@lru_cache(maxsize=20_000)
def words(run: str) -> tuple[str, ...]:
    """A run of Thai characters cut into words at the places a line may break.

    Cached per text: the same titles and labels come back on every page."""
    parts: list[str] = []
    for word in _newmm(run):
        parts.extend(_compound_parts(word) if len(word) > LONG_WORD else [word])
    return tuple(parts)


def boundaries(run: str) -> set[int]:
    """The offsets inside `run` (0 < offset < len) where a line may break."""
    offsets, position = set(), 0
    for word in words(run)[:-1]:
        position += len(word)
        offsets.add(position)
    return offsets


def _mark_run(match: re.Match) -> str:
    return '<span class="tw">' + "<wbr>".join(words(match.group(0))) + "</span>"


def break_text(text: str) -> str:
    """Escaped HTML text with each Thai run marked with its word boundaries."""
    return THAI_RUN.sub(_mark_run, text)


def break_html(html: str) -> str:
    """An HTML page with the Thai runs of its body's visible text marked (see the module)."""
    body = re.search(r"<body\b[^>]*>", html)
    if body is None or not THAI_RUN.search(html, body.end()):
        return html
    out = [html[: body.end()]]
    position = body.end()
    skipping: list[str] = []
    for tag in TAG.finditer(html, body.end()):
        text = html[position : tag.start()]
        out.append(text if skipping else break_text(text))
        out.append(tag.group(0))
        position = tag.end()
        closing, name = tag.group(1), (tag.group(2) or "").lower()
        if name in SKIPPED:
            if closing:
                if name in skipping:
                    del skipping[len(skipping) - 1 - skipping[::-1].index(name) :]
            elif not tag.group(0).endswith("/>"):
                skipping.append(name)
    rest = html[position:]
    out.append(rest if skipping else break_text(rest))
    return "".join(out)


class ThaiLineBreakMiddleware:
    """Mark the Thai word boundaries of every public HTML page (not the admin's).

    Place it after `PageCacheMiddleware`, so a cached page is stored already marked."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            not settings.PHAKHI_THAI_WORD_BREAKS
            or response.streaming
            or not response.get("Content-Type", "").startswith("text/html")
            or request.path.startswith("/admin/")
            or response.get("Content-Encoding")
        ):
            return response
        charset = response.charset or "utf-8"
        html = response.content.decode(charset)
        marked = break_html(html)
        if marked is not html:
            response.content = marked.encode(charset)
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return response
