"""This app's part of the year archive (registered in `apps.py`): programmes that started
or ended in the year, and the per-programme year page's view."""

from django.db.models import Q
from django.db.models.functions import ExtractYear
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from portal import registry, yeararchive
from programmes.models import Programme


def milestone_rows(year: int, programme=None):
    rows = Programme.objects.published().filter(Q(start_date__year=year) | Q(end_date__year=year))
    if programme is not None:
        rows = rows.filter(pk=programme.pk)
    return rows.order_by("start_date", "pk")


def milestone_years(programme=None) -> list:
    rows = Programme.objects.published()
    if programme is not None:
        rows = rows.filter(pk=programme.pk)
    return [
        rows.filter(start_date__isnull=False).annotate(year=ExtractYear("start_date")),
        rows.filter(end_date__isnull=False).annotate(year=ExtractYear("end_date")),
    ]


MILESTONES = registry.YearSection(
    key="milestones",
    label=_("Programmes started or ended"),
    programme_label=_("Start and end of the programme"),
    template="programmes/includes/_year_milestones.html",
    rows=milestone_rows,
    years=milestone_years,
    order=40,
)


@require_GET
def programme_year(request, slug: str, year: int):
    """One programme's outputs of a year; a Buddhist-Era year in the address redirects."""
    programme = get_object_or_404(Programme.objects.published(), slug=slug)
    ce = yeararchive.check_year(year)
    if ce != year:
        return redirect("programmes:programme_year", slug=slug, year=ce)
    return render(request, "portal/year.html", yeararchive.page_context(year, programme))
