"""`manage.py benchmark`: its arithmetic, its report, its page picking and the bare view.

The load itself (gunicorn, wrk) is not run here: the command reports speed, tests never
assert times.
"""

import io
import json
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import call_command

from portal import loadtest
from portal.archive import Page
from portal.management.commands.benchmark import Command, staff_session_cookie

WRK_OUTPUT = """\
Running 5s test @ http://127.0.0.1:8811/th/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    38.29ms   10.12ms  99.32ms   70.15%
    Req/Sec   209.39     30.21   270.00     71.00%
  Latency Distribution
     50%  850.00us
     75%   43.01ms
     90%   51.10ms
     99%    1.25s
  2093 requests in 5.01s, 25.12MB read
  Socket errors: connect 0, read 2, write 0, timeout 3
  Non-2xx or 3xx responses: 5
Requests/sec:    417.50
Transfer/sec:      5.01MB
"""


def test_wrk_output_is_read_with_its_units():
    result = loadtest.parse_wrk(WRK_OUTPUT)
    assert result.requests == 2093
    assert result.seconds == pytest.approx(5.01)
    assert result.rps == pytest.approx(417.5)
    assert result.p50_ms == pytest.approx(0.85)
    assert result.p99_ms == pytest.approx(1250)
    assert result.errors == 10


def test_wrk_output_without_errors_or_with_minutes():
    output = WRK_OUTPUT.replace("  Socket errors: connect 0, read 2, write 0, timeout 3\n", "")
    output = output.replace("  Non-2xx or 3xx responses: 5\n", "").replace("1.25s", "1.50m")
    result = loadtest.parse_wrk(output)
    assert result.errors == 0
    assert result.p99_ms == pytest.approx(90_000)


def test_anything_but_wrk_output_is_refused():
    with pytest.raises(ValueError):
        loadtest.parse_wrk("unable to connect to 127.0.0.1:8811 Connection refused")


def test_median_of_rounds_and_the_ratio_measured_in_each_round():
    rounds = [
        {"rps": 10.0, "p50_ms": 90.0, "p99_ms": 200.0, "bare_rps": 1000.0, "errors": 0},
        {"rps": 30.0, "p50_ms": 30.0, "p99_ms": 100.0, "bare_rps": 1000.0, "errors": 1},
        {"rps": 20.0, "p50_ms": 60.0, "p99_ms": 900.0, "bare_rps": 4000.0, "errors": 0},
    ]
    summary = loadtest.summarise(rounds)
    assert summary["rps"] == 20.0
    assert summary["p50_ms"] == 60.0
    assert summary["p99_ms"] == 200.0
    assert summary["bare_rps"] == 1000.0
    # Each round's own ratio (0.01, 0.03, 0.005), then the median: not 20 / 1000.
    assert summary["ratio"] == pytest.approx(0.01)
    assert summary["errors"] == 1


def test_ratio_and_geometric_mean():
    assert loadtest.ratio(5.0, 1000.0) == pytest.approx(0.005)
    assert loadtest.ratio(None, 1000.0) is None
    assert loadtest.ratio(5.0, 0.0) is None
    assert loadtest.geometric_mean([0.01, 0.1, None]) == pytest.approx(0.0316, rel=1e-3)
    assert loadtest.geometric_mean([None]) is None
    assert loadtest.median([None, 3.0, 1.0, 2.0]) == 2.0
    assert loadtest.median([]) is None


def test_report_shape_and_table():
    measured = {
        "key": "home",
        "label": "home, Thai",
        "path": "/th/",
        "status": 200,
        "queries": 12,
        "bytes": 13_000,
        "gzip_bytes": 3_000,
        "one_request_ms": 80.0,
        "connections": 16,
        "rounds": [{"rps": 4.0, "bare_rps": 1000.0}],
        "rps": 4.0,
        "p50_ms": 400.0,
        "p99_ms": 900.0,
        "bare_rps": 1000.0,
        "ratio": 0.004,
        "http_status": 200,  # working data, not reported
    }
    skipped = {
        "key": "sitemap",
        "label": "sitemap.xml (index)",
        "path": "/sitemap.xml",
        "status": 200,
        "queries": 3,
        "note": "one request 70.0 s: not loaded",
    }
    result = loadtest.report(meta={"scale": 1, "seed": 1}, pages=[measured, skipped])
    assert result["scale"] == 1 and result["seed"] == 1
    assert [p["key"] for p in result["pages"]] == ["home", "sitemap"]
    assert set(result["pages"][0]) == set(loadtest.REPORT_FIELDS)
    assert result["pages"][1]["rps"] is None
    assert result["geometric_mean_ratio"] == pytest.approx(0.004)
    json.dumps(result)  # the report is plain JSON
    text = loadtest.table(result)
    home_row = next(line for line in text.splitlines() if "home, Thai" in line)
    assert "| 12 |" in home_row and "| 12.7 |" in home_row and "| 0.004 |" in home_row
    assert "not loaded" in text and "Geometric mean of the ratios: 0.004" in text


def test_the_first_section_of_a_sitemap_index():
    index = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<sitemap><loc>http://127.0.0.1/sitemap-events.xml?p=2</loc></sitemap>"
        b"<sitemap><loc>http://127.0.0.1/sitemap-networks.xml</loc></sitemap>"
        b"</sitemapindex>"
    )
    assert loadtest.sitemap_section(index) == "/sitemap-events.xml?p=2"
    urlset = (
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<url><loc>http://127.0.0.1/th/</loc></url></urlset>"
    )
    assert loadtest.sitemap_section(urlset) is None
    assert loadtest.sitemap_section(b"not xml") is None


@pytest.mark.django_db
def test_queries_are_counted_per_page_in_process_and_staff_pages_signed_in(settings):
    settings.ALLOWED_HOSTS = ["127.0.0.1"]  # as the benchmark runs
    call_command("generate_archive", scale=0.002, seed=1, stdout=io.StringIO())
    pages = [
        *loadtest.pages_to_measure("/organisations/"),
        Page("admin-events", "admin", "/admin/events/event/", staff=True),
        Page("missing", "missing", "/th/organisations/no-such-organisation/"),
    ]
    command = Command(stdout=io.StringIO())
    results = {r["key"]: r for r in command.count_queries(pages, staff_session_cookie(), "")}
    assert results["organisations"]["status"] == 200
    assert results["organisations"]["queries"] > 0
    assert results["organisation-many"]["status"] == 200
    assert results["admin-events"]["status"] == 200  # not the sign-in redirect
    assert results["missing"]["status"] == 404


def test_the_bare_view_answers_hello():
    """The yardstick, in a process of its own (it configures its own settings)."""
    script = (
        "import io, wsgiref.util\n"
        "from portal.bareview import application\n"
        "environ = {}\n"
        "wsgiref.util.setup_testing_defaults(environ)\n"
        "environ['HTTP_HOST'] = '127.0.0.1'\n"
        "seen = []\n"
        "body = b''.join(application(environ, lambda status, headers: seen.append(status)))\n"
        "print(seen[0], body.decode())\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        check=True,
        timeout=60,
    )
    assert completed.stdout.strip() == "200 OK Hello"
