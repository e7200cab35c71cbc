"""Form fields shared by the apps."""

import datetime

from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from portal import thaidates

# Day first in every language, as the error message says and as Thai and English staff in
# the region write dates; ISO too, which the admin's calendar widget writes in English.
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"]


class BuddhistEraDateField(forms.DateField):
    """A date field that reads a four-digit year above 2400 as Buddhist Era
    and shows dates to Thai-language staff with BE years.

    Dates are read day first whatever the language, so 08/07/2022 is 8 July for
    every staff member (Django's English formats would read it as 7 August).
    """

    input_formats = DATE_INPUT_FORMATS

    default_error_messages = {
        "invalid": _(
            "Enter a real date as day/month/year, for example 24/08/2565 "
            "(Buddhist Era) or 24/08/2022."
        ),
    }

    def to_python(self, value):
        if isinstance(value, str):
            value = thaidates.normalise_be_input(value.strip())
        return super().to_python(value)

    def prepare_value(self, value):
        if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
            return thaidates.format_for_input(value, translation.get_language())
        return super().prepare_value(value)


class RecordFilter(forms.ModelChoiceField):
    """A list filter by one published record, named in the address by its slug.

    `?organisation=<slug>` is what a page's "see all" link adds: a hidden input, so a
    list never offers thousands of options. A slug that names no published record is
    an invalid value, which the list forms drop (never an error page).
    """

    widget = forms.HiddenInput

    def __init__(self, model, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(queryset=model.objects.none(), to_field_name="slug", **kwargs)
        self.model = model

    def to_python(self, value):
        # Published as of this request, not as of start-up.
        self.queryset = self.model.objects.published()
        return super().to_python(value)
