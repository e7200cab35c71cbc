from django.views.generic import DetailView

from networks import selectors
from networks.forms import OrganisationFilterForm
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
    """Every published network on one page: there are tens of them, not thousands."""

    template_name = "networks/network_list.html"
    context_object_name = "networks"
    paginate_by = None

    def get_queryset(self):
        return selectors.network_list()


class NetworkDetailView(DetailView):
    template_name = "networks/network_detail.html"
    context_object_name = "network"

    def get_queryset(self):
        return selectors.network_detail_queryset(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["country_groups"] = selectors.network_members_by_country(self.object)
        return context
