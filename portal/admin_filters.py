"""List filters the apps' admins share."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from portal.countries import country_choices, country_codes


class CountryListFilter(admin.SimpleListFilter):
    """Countries actually used, named and sorted in the staff member's language.

    Subclass with `field_name` for a country field not called `country`, and
    `multiple = True` for a `CountryField(multiple=True)` (stored as "KH,LA,TH").
    """

    title = _("country")
    parameter_name = "country"
    field_name = "country"
    multiple = False

    def lookups(self, request, model_admin):
        values = (
            model_admin.get_queryset(request)
            .exclude(**{self.field_name: ""})
            .order_by()
            .values_list(self.field_name, flat=True)
            .distinct()
        )
        codes = set()
        for value in values:
            codes.update(country_codes(value) if self.multiple else [str(value)])
        return country_choices(sorted(codes))

    def queryset(self, request, queryset):
        code = self.value()
        if not code:
            return queryset
        if not self.multiple:
            return queryset.filter(**{self.field_name: code})
        # Codes are two letters between commas, so a two-letter substring is a whole code.
        if len(code) != 2 or not code.isalpha():
            return queryset.none()
        return queryset.filter(**{f"{self.field_name}__contains": code.upper()})


def country_filter(field_name: str, title=None, multiple: bool = False, parameter_name=None):
    """A CountryListFilter for another field (`venue_country`, `countries` …)."""
    attrs = {
        "field_name": field_name,
        "parameter_name": parameter_name or field_name,
        "multiple": multiple,
    }
    if title is not None:
        attrs["title"] = title
    return type(f"{field_name.title().replace('_', '')}ListFilter", (CountryListFilter,), attrs)
