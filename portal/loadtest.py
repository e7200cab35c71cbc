"""The arithmetic of `manage.py benchmark`, kept apart from its processes so it is tested:
reading wrk's output, the pages to measure, medians of rounds, ratios to the bare view,
the JSON report and the printed table.
"""

import math
import re
import statistics
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

from django.utils import translation

from portal import registry
from portal.archive import SEARCH_WORD_EN, SEARCH_WORD_TH, Page

# wrk prints durations with these units.
_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}
_DURATION = r"([\d.]+)(us|ms|s|m|h)"


@dataclass(frozen=True)
class WrkResult:
    requests: int
    seconds: float
    rps: float
    p50_ms: float | None
    p99_ms: float | None
    errors: int  # socket errors (timeouts included) and non-2xx/3xx answers


def _ms(value: str, unit: str) -> float:
    return float(value) * _UNITS_MS[unit]


def parse_wrk(output: str) -> WrkResult:
    """Read `wrk --latency` output; raises ValueError when it is not wrk's summary."""
    done = re.search(r"(\d+) requests in " + _DURATION, output)
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    if not (done and rate):
        raise ValueError(f"Not wrk output: {output[:200]!r}")
    percentiles = {
        int(p): _ms(value, unit)
        for p, value, unit in re.findall(r"^\s*(50|99)(?:\.0+)?%\s+" + _DURATION, output, re.M)
    }
    errors = 0
    if sockets := re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    ):
        errors += sum(int(n) for n in sockets.groups())
    if non_2xx := re.search(r"Non-2xx or 3xx responses: (\d+)", output):
        errors += int(non_2xx.group(1))
    return WrkResult(
        requests=int(done.group(1)),
        seconds=_ms(done.group(2), done.group(3)) / 1000,
        rps=float(rate.group(1)),
        p50_ms=percentiles.get(50),
        p99_ms=percentiles.get(99),
        errors=errors,
    )


def median(values) -> float | None:
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def ratio(page_rps: float | None, bare_rps: float | None) -> float | None:
    """The page's throughput as a share of the bare view's, measured in the same round."""
    if page_rps is None or not bare_rps:
        return None
    return page_rps / bare_rps


def geometric_mean(values) -> float | None:
    values = [v for v in values if v]
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


def summarise(rounds: list[dict]) -> dict:
    """Median over rounds; the ratio is the median of each round's own ratio."""
    return {
        "rps": median(r["rps"] for r in rounds),
        "p50_ms": median(r["p50_ms"] for r in rounds),
        "p99_ms": median(r["p99_ms"] for r in rounds),
        "bare_rps": median(r["bare_rps"] for r in rounds),
        "ratio": median(ratio(r["rps"], r["bare_rps"]) for r in rounds),
        "errors": sum(r.get("errors", 0) for r in rounds),
    }


def portal_pages() -> list[Page]:
    return [
        Page("home", "home, Thai", "/th/", order=30),
        Page("home-en", "home, English", "/en/", order=31),
        Page("search", "search, Thai", f"/th/search/?q={quote(SEARCH_WORD_TH)}", order=40),
        Page("search-en", "search, English", f"/en/search/?q={quote(SEARCH_WORD_EN)}", order=41),
        Page("statistics", "statistics, Thai", "/th/statistics/", order=45),
        Page("statistics-en", "statistics, English", "/en/statistics/", order=46),
        Page("sitemap", "sitemap.xml (index)", "/sitemap.xml", order=110),
    ]


def pages_to_measure(match: str = "") -> list[Page]:
    """The portal's pages and those the apps pick from the generated archive, in table order."""
    with translation.override("th"):
        pages = portal_pages()
        for generator in registry.archive_generators:
            if generator.pages is not None:
                pages += generator.pages()
    pages = [p for p in pages if not match or match in p.path or match in p.key]
    return sorted(pages, key=lambda p: (p.order, p.key))


def sitemap_section(index_xml: bytes) -> str | None:
    """The path of the first section of a sitemap index; None when it is not an index."""
    try:
        root = ET.fromstring(index_xml)
    except ET.ParseError:
        return None
    if not root.tag.endswith("sitemapindex"):
        return None
    for element in root.iter():
        if element.tag.endswith("loc") and element.text:
            url = urlsplit(element.text.strip())
            return url.path + (f"?{url.query}" if url.query else "")
    return None


REPORT_FIELDS = (
    "key",
    "label",
    "path",
    "status",
    "queries",
    "bytes",
    "gzip_bytes",
    "one_request_ms",
    "connections",
    "rps",
    "p50_ms",
    "p99_ms",
    "bare_rps",
    "ratio",
    "errors",
    "note",
    "page_cache",
    "rounds",
)


def report(*, meta: dict, pages: list[dict]) -> dict:
    """The JSON report: the run's settings and archive, one entry per page, the overall ratio."""
    entries = [{field: page.get(field) for field in REPORT_FIELDS} for page in pages]
    by_mode = {
        mode: geometric_mean(p["ratio"] for p in entries if bool(p["page_cache"]) == on)
        for mode, on in (("without_page_cache", False), ("with_page_cache", True))
    }
    return {
        **meta,
        "pages": entries,
        "geometric_mean_ratio": by_mode["without_page_cache"],
        "geometric_mean_ratio_with_page_cache": by_mode["with_page_cache"],
    }


def _kb(value) -> str:
    return "—" if value is None else f"{value / 1024:.1f}"


def _number(value, digits: int = 1) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def _ratio(value) -> str:
    """Two significant digits, however small: 0.0027, 0.00033."""
    return "—" if value is None else f"{value:.2g}"


def table(result: dict) -> str:
    """The report as a Markdown table, one row per page."""
    lines = [
        "| page | path | status | queries | HTML KB | gzip KB | one request ms "
        "| req/s | p50 ms | p99 ms | bare req/s | ratio |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for page in result["pages"]:
        label = page["label"] + (f" ({page['note']})" if page.get("note") else "")
        lines.append(
            f"| {label} | `{unquote(page['path'])}` | {page['status'] if page['status'] is not None else '—'} "
            f"| {page['queries'] if page['queries'] is not None else '—'} "
            f"| {_kb(page['bytes'])} | {_kb(page['gzip_bytes'])} "
            f"| {_number(page['one_request_ms'], 0)} | {_number(page['rps'])} "
            f"| {_number(page['p50_ms'])} | {_number(page['p99_ms'])} "
            f"| {_number(page['bare_rps'], 0)} | {_ratio(page['ratio'])} |"
        )
    lines.append("")
    lines.append(
        f"Geometric mean of the ratios: {_ratio(result['geometric_mean_ratio'])} without the "
        f"page cache, {_ratio(result.get('geometric_mean_ratio_with_page_cache'))} with it warm"
    )
    return "\n".join(lines)
