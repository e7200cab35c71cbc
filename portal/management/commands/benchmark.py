"""Time the public pages and count their queries: a benchmark that prints figures.

Every page the site map lists (both languages) is requested through Django's
test client against the configured database: once to warm up, then
`--repeat` times. The table gives the status, the number of database queries
and the median and 95th-percentile time per request. Nothing is asserted:
tests assert query counts; this command reports speed.

    make bench                      # the demo database
    manage.py benchmark --repeat 50 --match /events/
"""

import statistics
import time
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


class Command(BaseCommand):
    help = "Request every page in the site map and print query counts and timings."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=20, help="timed requests per page")
        parser.add_argument("--match", default="", help="only paths containing this text")

    def handle(self, *args, repeat, match, **options):
        if repeat < 1:
            raise CommandError("--repeat must be at least 1.")
        host = next(
            (h for h in settings.ALLOWED_HOSTS if h != "*" and not h.startswith(".")), "localhost"
        )
        client = Client(SERVER_NAME=host, raise_request_exception=False)
        paths = self.paths(client, match)
        if not paths:
            raise CommandError("No page to measure (is the demo content loaded?).")
        width = max(len(p) for p in paths)
        self.stdout.write(f"{'page':<{width}}  status  queries  median ms  p95 ms")
        totals = []
        for path in paths:
            client.get(path)  # warm caches and template loaders
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path)
            query_count = len(queries)  # now: later requests clear the log it reads
            timings = []
            for _ in range(repeat):
                start = time.perf_counter()
                client.get(path)
                timings.append((time.perf_counter() - start) * 1000)
            timings.sort()
            p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
            median = statistics.median(timings)
            totals.append(median)
            self.stdout.write(
                f"{path:<{width}}  {response.status_code:>6}  {query_count:>7}  "
                f"{median:>9.1f}  {p95:>6.1f}"
            )
        self.stdout.write(
            f"{len(paths)} pages, {repeat} requests each; median of medians "
            f"{statistics.median(totals):.1f} ms, slowest median {max(totals):.1f} ms "
            f"({connection.vendor})"
        )

    def paths(self, client, match: str) -> list[str]:
        response = client.get("/sitemap.xml")
        if response.status_code != 200:
            raise CommandError(f"/sitemap.xml answered {response.status_code}.")
        root = ET.fromstring(response.content)
        paths = []
        for loc in root.iter(f"{SITEMAP_NS}loc"):
            path = urlsplit(loc.text.strip()).path
            if match in path and path not in paths:
                paths.append(path)
        return paths
