"""Model fields shared by the apps: each brings the form field staff and filters need."""

from django.core import validators
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, signals
from django_countries import fields as countries_fields

from portal import forms as portal_forms
from portal import thaidates
from portal.weblinks import WEB_SCHEMES


class DateField(models.DateField):
    """A date whose forms (the admin's included) accept Buddhist-Era years.

    Thai staff type `24/08/2565`; the form field turns that into 24 August 2022
    and shows stored dates back in BE, so no date is ever stored 543 years off.
    """

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": portal_forms.BuddhistEraDateField, **kwargs})


class DateTimeField(models.DateTimeField):
    """A date and time whose forms read `20/07/2560 17.00 น.` as 20 July 2017, 17:00.

    The admin gives every date-time (this one or Django's) its split BE-aware pair
    (portal.admin_dates); this field brings the single-input form field to other forms.
    """

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": portal_forms.BuddhistEraDateTimeField, **kwargs})


class TimeField(models.TimeField):
    """A time whose forms accept `09.00`, `9.00`, `09:00`, `09.00 น.` and show it back
    as the staff member writes it (the admin does the same for Django's TimeField)."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": portal_forms.ThaiTimeField, **kwargs})


class YearField(models.PositiveSmallIntegerField):
    """A year, stored in the Common Era; a Buddhist-Era year (2555) is taken as 2012.

    The conversion happens in `to_python`, so forms and `full_clean()` both store the
    Common-Era year; a year outside portal.forms.FIRST_YEAR–LAST_YEAR is refused with a
    message in the staff member's language. Back it with a CheckConstraint on the same
    range in the model's Meta (`plausible_year_constraint`).
    """

    default_validators = [portal_forms.validate_year]

    def to_python(self, value):
        value = super().to_python(value)
        return None if value is None else thaidates.common_era_year(value)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": portal_forms.YearField, **kwargs})


def plausible_year_constraint(field: str, *, name: str) -> models.CheckConstraint:
    """The database's side of a YearField: empty, or a year in the range forms accept."""
    return models.CheckConstraint(
        condition=Q(**{f"{field}__isnull": True})
        | Q(**{f"{field}__gte": portal_forms.FIRST_YEAR, f"{field}__lte": portal_forms.LAST_YEAR}),
        name=name,
    )


class URLField(models.URLField):
    """A web address, http or https only; one typed without a scheme is taken as https://
    (Django 6's default).

    The rule holds whatever way the value comes in: forms and `full_clean()` run the
    validator, and every save (`save()`, `bulk_create()`, `update()`, imports) runs it again
    before the value reaches the database, so a `javascript:` or `data:` address is never
    stored. Templates still print such links through the `safe_url` filter.
    """

    default_validators = [validators.URLValidator(schemes=sorted(WEB_SCHEMES))]

    def contribute_to_class(self, cls, name, *args, **kwargs):
        super().contribute_to_class(cls, name, *args, **kwargs)
        if not cls._meta.abstract:
            # Checked before save() starts writing, so a refused address leaves any
            # surrounding transaction usable.
            signals.pre_save.connect(self._check_instance, sender=cls, weak=False)

    def _check_instance(self, sender, instance, raw=False, **kwargs):
        if not raw:
            self.check_address(getattr(instance, self.attname))

    def check_address(self, value):
        if isinstance(value, str) and value not in self.empty_values:
            try:
                self.run_validators(value)
            except ValidationError as error:
                raise ValidationError({self.name: error.error_list}) from None

    def get_db_prep_save(self, value, connection):
        # Every write of a value, bulk_create() and update() included (an SQL expression
        # is the caller's own business).
        self.check_address(value)
        return super().get_db_prep_save(value, connection)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": portal_forms.URLField, **kwargs})


class CountryField(countries_fields.CountryField):
    """django-countries' field whose select names countries in the staff member's language,
    the region first and the rest in that language's order (Thai dictionary order in Thai),
    so no admin or form sets the choices itself."""

    def formfield(self, **kwargs):
        single, multiple = portal_forms.CountryChoiceField, portal_forms.CountryMultipleChoiceField
        kwargs.setdefault("choices_form_class", multiple if self.multiple else single)
        return super().formfield(**kwargs)
