import re

import pytest
from django.core.management import call_command

from tests.networks.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_benchmark_reports_every_sitemap_page_with_status_and_queries(capsys, settings):
    settings.PHAKHI_PAGE_CACHE_SECONDS = 0  # measure rendering, not the page cache
    OrganisationFactory(slug="measured-org", status="published")
    call_command("benchmark", repeat=2, match="/organisations/")
    out = capsys.readouterr().out
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines() if line.startswith("/")}
    for lang in ("th", "en"):
        status, queries, median, p95 = rows[f"/{lang}/organisations/measured-org/"]
        assert status == "200"
        assert int(queries) > 0
        assert float(median) > 0 and float(p95) >= float(median)
    assert re.search(r"\d+ pages, 2 requests each", out)
