from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.views.generic import DetailView, TemplateView

from portal import thaidates
from programmes import selectors
from programmes.forms import GoodPracticeFilterForm, ProgrammeFilterForm

PAGE_SIZE = 20


def paginate(request, queryset, size: int = PAGE_SIZE) -> dict:
    """A page of the queryset; a page number that is not a page is a 404."""
    paginator = Paginator(queryset, size)
    try:
        page_obj = paginator.page(request.GET.get("page") or 1)
    except InvalidPage as exc:
        raise Http404(str(exc)) from exc
    return {
        "page_obj": page_obj,
        "object_list": page_obj.object_list,
        "is_paginated": page_obj.has_other_pages(),
    }


class ProgrammeListView(TemplateView):
    """Programmes with filters, and the index of years in the reader's calendar."""

    template_name = "programmes/programme_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        choices = selectors.programme_filter_choices()
        form = ProgrammeFilterForm(self.request.GET or None, choices=choices)
        filters = form.filters()
        context.update(
            form=form,
            filters=filters,
            years=[year for year, _label in choices["year"]],
            **paginate(self.request, selectors.programme_list(filters=filters)),
        )
        context["programmes"] = context["object_list"]
        return context


class ProgrammeYearView(TemplateView):
    """The programmes that ran in a year (the year in the address is Common Era)."""

    template_name = "programmes/programme_year.html"

    def get(self, request, *args, **kwargs):
        # A Buddhist-Era year typed into the address goes to its Common-Era page.
        # Only once, and only to a year the archive can show: otherwise a 404, not a chain.
        year = kwargs["year"]
        if year > thaidates.BE_THRESHOLD:
            if not selectors.FIRST_YEAR <= year - thaidates.BE_OFFSET <= selectors.LAST_YEAR:
                raise Http404("No such year")
            return redirect("programmes:year", year=year - thaidates.BE_OFFSET)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year = kwargs["year"]
        if not selectors.FIRST_YEAR <= year <= selectors.LAST_YEAR:
            raise Http404("No such year")
        years = selectors.programme_years()
        context.update(
            year=year,
            years=years,
            **paginate(self.request, selectors.programmes_in_year(year)),
        )
        context["programmes"] = context["object_list"]
        return context


class ProgrammeDetailView(DetailView):
    template_name = "programmes/programme_detail.html"
    context_object_name = "programme"

    def get_queryset(self):
        return selectors.programme_detail_queryset(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page"] = selectors.programme_page(self.object)
        return context


class GoodPracticeListView(TemplateView):
    template_name = "programmes/goodpractice_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = GoodPracticeFilterForm(
            self.request.GET or None, choices=selectors.good_practice_filter_choices()
        )
        filters = form.filters()
        context.update(
            form=form,
            filters=filters,
            **paginate(self.request, selectors.good_practice_list(filters=filters)),
        )
        context["cases"] = context["object_list"]
        return context


class GoodPracticeDetailView(DetailView):
    template_name = "programmes/goodpractice_detail.html"
    context_object_name = "case"

    def get_queryset(self):
        return selectors.good_practice_detail_queryset(self.request.user)
