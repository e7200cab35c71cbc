from django.views.generic import DetailView

from networks import selectors
from networks.forms import NetworkFilterForm, OrganisationFilterForm
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
