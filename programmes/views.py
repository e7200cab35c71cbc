from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django.views.generic import DetailView, TemplateView

from portal import thaidates, yeararchive
from portal.lists import FilteredListView
from programmes import iati, selectors
from programmes.forms import GoodPracticeFilterForm, ProgrammeFilterForm


class ProgrammeListView(FilteredListView):
    """Programmes with filters, and the index of years in the reader's calendar."""

    template_name = "programmes/programme_list.html"
    context_object_name = "programmes"
    form_class = ProgrammeFilterForm

    def get_filter_choices(self) -> dict:
        self.choices = selectors.programme_filter_choices()
        return self.choices

    def get_queryset(self):
        return selectors.programme_list(filters=self.filters)

    def get_context_data(self, **kwargs):
        years = [year for year, _label in self.choices["year"]]
        return super().get_context_data(years=years, **kwargs)


class ProgrammeYearView(FilteredListView):
    """The programmes that ran in a year (the year in the address is Common Era)."""

    template_name = "programmes/programme_year.html"
    context_object_name = "programmes"

    def get(self, request, *args, **kwargs):
        # A Buddhist-Era year typed into the address goes to its Common-Era page.
        # Only once, and only to a year the archive can show: otherwise a 404, not a chain.
        year = kwargs["year"]
        if year > thaidates.BE_THRESHOLD:
            if not selectors.FIRST_YEAR <= year - thaidates.BE_OFFSET <= selectors.LAST_YEAR:
                raise Http404("No such year")
            return redirect("programmes:year", year=year - thaidates.BE_OFFSET)
        if not selectors.FIRST_YEAR <= year <= selectors.LAST_YEAR:
            raise Http404("No such year")
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return selectors.programmes_in_year(self.kwargs["year"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            year=self.kwargs["year"], years=selectors.programme_years(), **kwargs
        )


class ProgrammeDetailView(DetailView):
    template_name = "programmes/programme_detail.html"
    context_object_name = "programme"

    def get_queryset(self):
        return selectors.programme_detail_queryset(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page"] = selectors.programme_page(self.object)
        context["output_years"] = yeararchive.years(self.object)
        context["transfers"], context["transfer_chart"] = selectors.transfer_picture(self.object)
        return context


class GoodPracticeListView(FilteredListView):
    template_name = "programmes/goodpractice_list.html"
    context_object_name = "cases"
    form_class = GoodPracticeFilterForm

    def get_filter_choices(self) -> dict:
        return selectors.good_practice_filter_choices()

    def get_queryset(self):
        return selectors.good_practice_list(filters=self.filters)


class GoodPracticeDetailView(DetailView):
    template_name = "programmes/goodpractice_detail.html"
    context_object_name = "case"

    def get_queryset(self):
        return selectors.good_practice_detail_queryset(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["transfers"] = selectors.transfers_of_case(self.object)
        return context


class TransferView(TemplateView):
    """Where the portal's good practices went: a flow diagram with its table and summary."""

    template_name = "programmes/transfers.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["transfers"], context["transfer_chart"] = selectors.transfer_picture()
        return context


def _iati_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/xml; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
def iati_activities(request):
    """Every published programme with a start date, as one IATI 2.03 `iati-activities` file."""
    content = iati.activities_document(iati.reportable_programmes(), request.build_absolute_uri)
    return _iati_response(content, "phakhi-iati-activities.xml")


@require_safe
def iati_activity(request, slug):
    """One published programme as an IATI 2.03 activity (in an `iati-activities` file)."""
    programmes = iati.reportable_programmes().filter(slug=slug)
    if not programmes:
        raise Http404(_("This programme has no IATI record (it is not published or has no dates)."))
    content = iati.activities_document(programmes, request.build_absolute_uri)
    return _iati_response(content, f"{slug}-iati.xml")
