"""The public lists' one view: a filter form bound to the query string, and pages."""

from django.http import Http404
from django.utils.translation import gettext as _
from django.views.generic import ListView

from portal.forms import FilterForm


class FilteredListView(ListView):
    """A paginated list whose filters come from the query string.

    A subclass names its `form_class` (a portal.forms.FilterForm), says what the
    filters offer in `get_filter_choices()` and builds its rows from `self.filters`
    in `get_queryset()`. A filter value that is not valid is dropped, never an error
    page; a page number that is not a page (`?page=999`, `?page=abc`) is a 404. The
    template gets `form`, `filters`, `page_obj`, `is_paginated` and the rows under
    `context_object_name`; `templates/includes/pagination.html` keeps the filters in
    its links.
    """

    form_class: type[FilterForm] | None = None
    paginate_by = 20

    def get_filter_choices(self) -> dict:
        """What each filter offers; only values some published record has."""
        return {}

    def get_form(self) -> FilterForm | None:
        if self.form_class is None:
            return None
        return self.form_class(self.request.GET or None, choices=self.get_filter_choices())

    def get(self, request, *args, **kwargs):
        self.form = self.get_form()
        self.filters = self.form.filters() if self.form is not None else {}
        return super().get(request, *args, **kwargs)

    def paginate_queryset(self, queryset, page_size):
        # ListView reads `?page=last` as the last page; the lists have never had such an
        # address, and one page under two addresses is one too many.
        if self.request.GET.get(self.page_kwarg) == "last":
            raise Http404(_("There is no such page."))
        return super().paginate_queryset(queryset, page_size)

    def get_context_data(self, **kwargs):
        return super().get_context_data(form=self.form, filters=self.filters, **kwargs)
