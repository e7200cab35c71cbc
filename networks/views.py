from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, TemplateView

from networks import partnerships, selectors
from networks.forms import NetworkFilterForm, OrganisationFilterForm, PeriodForm
from portal import registry
from portal.lists import FilteredListView


class OrganisationListView(FilteredListView):
    """The organisations directory: filters, a name search in both languages, pages."""

    template_name = "networks/organisation_list.html"
    context_object_name = "organisations"
    form_class = OrganisationFilterForm
    paginate_by = 24

    def get_filter_choices(self) -> dict:
        return selectors.organisation_filter_choices()

    def get_queryset(self):
        return selectors.organisation_directory(filters=self.filters)


class OrganisationDetailView(DetailView):
    template_name = "networks/organisation_detail.html"
    context_object_name = "organisation"

    def get_queryset(self):
        return selectors.organisation_detail_queryset(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page"] = selectors.organisation_page(self.object)
        return context


class NetworkListView(FilteredListView):
    """The published networks, in pages; `?member=<slug>` those an organisation is part of."""

    template_name = "networks/network_list.html"
    context_object_name = "networks"
    form_class = NetworkFilterForm
    paginate_by = 24

    def get_queryset(self):
        return selectors.network_list(filters=self.filters)


class NetworkDetailView(DetailView):
    template_name = "networks/network_detail.html"
    context_object_name = "network"

    def get_queryset(self):
        return selectors.network_detail_queryset(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        members = selectors.network_members_by_country(self.object)
        context.update(country_groups=members.groups, members=members)
        return context


class PartnershipView(TemplateView):
    """The partnership picture of the whole portal, or of a programme or a network
    (`/partnerships/<scope>/<slug>/`), for the years the visitor chooses."""

    template_name = "networks/partnerships.html"

    def get(self, request, *args, **kwargs):
        scope_key = kwargs.get("scope")
        self.record = None
        if scope_key is not None:
            scope = registry.graph_scopes.get(scope_key)
            if scope is None:
                raise Http404("No such picture")
            self.record = get_object_or_404(scope.queryset(), slug=kwargs["slug"])
        self.form = PeriodForm(request.GET or None)
        status = 200
        if self.form.is_bound and not self.form.is_valid():
            status = 400
        return self.render_to_response(self.get_context_data(**kwargs), status=status)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        graph = None
        if not self.form.errors:
            period = self.form.cleaned_data if self.form.is_bound else {}
            graph = partnerships.graph(
                self.kwargs.get("scope"), self.record, period.get("start"), period.get("end")
            )
        context.update(
            form=self.form, graph=graph, record=self.record, scope=self.kwargs.get("scope")
        )
        return context
