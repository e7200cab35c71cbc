from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from portal import search as site_search
from portal import selectors, yeararchive
from portal.cache import cache_status
from portal.models import SitePage


@require_GET
def home(request):
    return render(request, "portal/home.html", selectors.home_page_context())


@require_GET
def statistics(request):
    """Every statistic the apps register for this page, each a chart with its table."""
    return render(request, "portal/statistics.html")


@require_GET
def search(request):
    """Site-wide search: results grouped by type, or the form's message for a query it refuses."""
    form = site_search.SearchForm(request.GET if "q" in request.GET else None)
    query, groups = "", []
    if form.is_valid():
        query = form.cleaned_data["q"]
        groups = site_search.search(query, translation.get_language())
        form = site_search.SearchForm(initial={"q": query})  # shows the query as it was read
    context = {
        "form": form,
        "search_query": query,
        "groups": groups,
        "total": sum(group.total for group in groups),
    }
    return render(request, "portal/search.html", context)


@never_cache
@require_GET
def healthz(request):
    """For load balancers: 503 when the database does not answer (nothing works without it),
    200 otherwise; the body says whether the shared cache is up, "degraded" when Redis is
    configured but unreachable (pages are then served without it, see portal/cache.py)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse(
            "unavailable\ndatabase: unavailable\n", status=503, content_type="text/plain"
        )
    cache = cache_status()
    overall = "degraded" if cache == "degraded" else "ok"
    return HttpResponse(f"{overall}\ndatabase: ok\ncache: {cache}\n", content_type="text/plain")


# What crawlers are asked to leave alone (RFC 9309; `*` matches any characters, `$` the
# end): the admin and the health check; file downloads (each costs a transfer and must not
# count as a reader's); search and sign-in pages; and the heavy variants of the open-data
# exports (spreadsheets and filtered copies: the plain CSV/JSON and the data page stay open).
ROBOTS_DISALLOW = (
    "/admin/",
    "/healthz",
    "/*/publications/*/download/",
    "/*/search/",
    "/*/accounts/",
    "/*/export.xlsx",
    "/*/export/*.xlsx",
    "/*/export.*?",
    "/*/export/*?",
)


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        *(f"Disallow: {path}" for path in ROBOTS_DISALLOW),
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says: send them to the static file."""
    return HttpResponsePermanentRedirect(static("favicon.ico"))


@require_GET
def site_page(request, key: str):
    """The about, accessibility or privacy page (staff edit their text in the admin)."""
    page = get_object_or_404(SitePage, key=key)
    return render(request, "portal/site_page.html", {"page": page})


@require_GET
def year_index(request):
    """Every year with outputs, most recent first."""
    return render(request, "portal/year_index.html", {"years": yeararchive.years()})


@require_GET
def year_archive(request, year: int):
    """A year's outputs across the portal; a Buddhist-Era year in the address redirects."""
    ce = yeararchive.check_year(year)
    if ce != year:
        return redirect("year", year=ce)
    return render(request, "portal/year.html", yeararchive.page_context(year))
