from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.views.generic import DetailView, TemplateView

from networks import selectors
from networks.forms import OrganisationFilterForm

PAGE_SIZE = 24


class OrganisationListView(TemplateView):
    """The organisations directory: filters, a name search in both languages, pages."""

    template_name = "networks/organisation_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = OrganisationFilterForm(
            self.request.GET or None, choices=selectors.organisation_filter_choices()
        )
        filters = form.filters()
        paginator = Paginator(selectors.organisation_directory(filters=filters), PAGE_SIZE)
        try:
            page_obj = paginator.page(self.request.GET.get("page") or 1)
        except InvalidPage as exc:
            raise Http404(str(exc)) from exc
        context.update(
            form=form,
            filters=filters,
            page_obj=page_obj,
            organisations=page_obj.object_list,
            is_paginated=page_obj.has_other_pages(),
        )
        return context


class OrganisationDetailView(DetailView):
    template_name = "networks/organisation_detail.html"
    context_object_name = "organisation"

    def get_queryset(self):
        return selectors.organisation_detail_queryset()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page"] = selectors.organisation_page(self.object)
        return context


class NetworkListView(TemplateView):
    template_name = "networks/network_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["networks"] = selectors.network_list()
        return context


class NetworkDetailView(DetailView):
    template_name = "networks/network_detail.html"
    context_object_name = "network"

    def get_queryset(self):
        return selectors.network_detail_queryset()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["country_groups"] = selectors.network_members_by_country(self.object)
        return context
