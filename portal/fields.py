"""Model fields shared by the apps."""

from django.db import models

from portal import forms as portal_forms


class DateField(models.DateField):
    """A date whose forms (the admin's included) accept Buddhist-Era years.

    Thai staff type `24/08/2565`; the form field turns that into 24 August 2022
    and shows stored dates back in BE, so no date is ever stored 543 years off.
    """

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": portal_forms.BuddhistEraDateField, **kwargs})
