"""Form fields and the filter form shared by the apps."""

import datetime
import functools

from django import forms
from django.core import validators
from django.db.models.fields import BLANK_CHOICE_DASH
from django.forms.utils import from_current_timezone, to_current_timezone
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portal import thaidates
from portal.countries import country_select_choices

# The years a record may carry (Common Era); the database checks the same range.
FIRST_YEAR, LAST_YEAR = 1800, 2200
ALL = pgettext_lazy("filter", "All")

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
            impossible = thaidates.impossible_day(value)
            if impossible:
                raise impossible_date_error(impossible)
            value = thaidates.normalise_be_input(value.strip())
        return super().to_python(value)

    def prepare_value(self, value):
        if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
            return thaidates.format_for_input(value, translation.get_language())
        return super().prepare_value(value)


IMPOSSIBLE_DATE_MESSAGES = {
    "leap": _("The year %(year)s has no 29 February: it is not a leap year."),
    "month_length": _("%(month)s has %(days)s days: there is no %(day)s %(month)s."),
}


def impossible_date_error(info: dict) -> forms.ValidationError:
    """The message for a day the month does not have: `29/02/2566`, `31/04/2022`."""
    year = info["typed_year"]
    if year != info["ce_year"]:
        year = f"{year} ({info['ce_year']})"
    return forms.ValidationError(
        IMPOSSIBLE_DATE_MESSAGES[info["reason"]],
        code="impossible_date",
        params={
            "year": year,
            "day": info["day"],
            "days": info["days"],
            "month": thaidates.month_name(info["month"]),
        },
    )


class ThaiTimeField(forms.TimeField):
    """A time as staff write it: `09.00`, `9.00`, `09:00`, `09.00 น.` (seconds allowed).

    Shown back in the staff member's language: `09.00 น.` in Thai, `09:00` in English.
    A time no clock shows (`25.00`, `09.75`) is refused with its own message.
    """

    default_error_messages = {
        "invalid": _("Enter a time as hours and minutes, for example 09.00 or 17:30."),
        "impossible": _(
            "“%(value)s” is not a real time: hours run from 00 to 23 and minutes from 00 to 59."
        ),
    }

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip()
            if value in self.empty_values:
                return None
            try:
                parsed = thaidates.parse_time(value)
            except thaidates.ImpossibleTime:
                raise forms.ValidationError(
                    self.error_messages["impossible"], code="impossible", params={"value": value}
                ) from None
            if parsed is None:
                raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
            return parsed
        return super().to_python(value)

    def prepare_value(self, value):
        if isinstance(value, datetime.time):
            return thaidates.format_time_for_input(value, translation.get_language())
        return super().prepare_value(value)


class BuddhistEraSplitDateTimeField(forms.SplitDateTimeField):
    """The admin's date-and-time pair with BE-aware halves: `20/07/2560` + `17.00`.

    Django's SplitDateTimeField builds plain DateField/TimeField halves, which would store
    `20/07/2560` as the year 2560; this one uses BuddhistEraDateField and ThaiTimeField and
    shows a stored value back as the staff member writes it (`20/07/2560`, `17.00 น.`).
    """

    default_error_messages = {
        "invalid_date": _("Enter the date as well, for example 20/07/2560."),
        "invalid_time": _("Enter the time as well, for example 09.00."),
    }

    def __init__(self, *, input_date_formats=None, input_time_formats=None, **kwargs):
        localize = kwargs.get("localize", False)
        fields = (BuddhistEraDateField(localize=localize), ThaiTimeField(localize=localize))
        forms.MultiValueField.__init__(self, fields, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, datetime.datetime):
            value = to_current_timezone(value)
            date_field, time_field = self.fields
            return [date_field.prepare_value(value.date()), time_field.prepare_value(value.time())]
        return super().prepare_value(value)


class BuddhistEraDateTimeField(forms.DateTimeField):
    """A date and time in one input, `20/07/2560 17.00 น.` or `20/07/2017 17:00`."""

    default_error_messages = {
        "invalid": _(
            "Enter a date and a time, for example 20/07/2560 17.00 (Buddhist Era) "
            "or 20/07/2017 17:00."
        ),
    }

    def to_python(self, value):
        if not isinstance(value, str):
            return super().to_python(value)
        value = value.strip()
        if value in self.empty_values:
            return None
        day, _space, time = value.partition(" ")
        day = BuddhistEraDateField().to_python(day.rstrip(","))
        time = ThaiTimeField().to_python(time) if time.strip() else datetime.time()
        if day is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return from_current_timezone(datetime.datetime.combine(day, time))

    def prepare_value(self, value):
        if isinstance(value, datetime.datetime):
            value = to_current_timezone(value)
            lang = translation.get_language()
            day = thaidates.format_for_input(value.date(), lang)
            return f"{day} {thaidates.format_time_for_input(value.time(), lang)}"
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


class YearField(forms.IntegerField):
    """A year typed in either calendar, kept in the Common Era.

    A four-digit year above 2400 is Buddhist Era (2555 is stored as 2012), as Thai staff
    write years. A year outside FIRST_YEAR–LAST_YEAR is refused with a message that gives
    the range in both calendars. No `max` attribute on the input: it would stop a BE year
    in the browser.
    """

    default_error_messages = {
        "implausible": _(
            "Enter a year between %(first)s and %(last)s, or a Buddhist-Era year between "
            "%(first_be)s and %(last_be)s."
        ),
    }

    def to_python(self, value):
        value = super().to_python(value)
        return None if value is None else thaidates.common_era_year(value)

    def validate(self, value):
        super().validate(value)
        validate_year(value, self.error_messages["implausible"])


def validate_year(value, message=None) -> None:
    """Refuse a Common-Era year the portal cannot hold (used by the form and the model field)."""
    if value is None or FIRST_YEAR <= value <= LAST_YEAR:
        return
    raise forms.ValidationError(
        message or YearField.default_error_messages["implausible"],
        code="implausible",
        params={
            "first": FIRST_YEAR,
            "last": LAST_YEAR,
            # Only a year above BE_THRESHOLD is read as Buddhist Era.
            "first_be": max(FIRST_YEAR + thaidates.BE_OFFSET, thaidates.BE_THRESHOLD + 1),
            "last_be": LAST_YEAR + thaidates.BE_OFFSET,
        },
    )


class URLField(forms.URLField):
    """A web address, http or https only; one typed without a scheme (`www.example.org`) is
    taken as https://."""

    default_validators = [validators.URLValidator(schemes=["http", "https"])]

    def __init__(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)


class CountryChoiceField(forms.TypedChoiceField):
    """One country, named in the reader's language: the region first, then the rest by name.

    The choices are worked out each time the select is shown or checked, so a form made
    once (at import) still follows the page's language. `codes` limits them.
    """

    def __init__(self, *, codes=None, blank_label=BLANK_CHOICE_DASH[0][1], **kwargs):
        kwargs.pop("choices", None)
        super().__init__(**kwargs)
        self.blank_label = blank_label
        self.codes = codes

    @property
    def codes(self):
        return self._codes

    @codes.setter
    def codes(self, value) -> None:
        self._codes = list(value) if value is not None else None
        blank = None if self.required else self.blank_label
        self.choices = functools.partial(_country_choices, self._codes, blank)


class CountryMultipleChoiceField(forms.TypedMultipleChoiceField):
    """Several countries, named and sorted as CountryChoiceField names and sorts them."""

    def __init__(self, *, codes=None, **kwargs):
        kwargs.pop("choices", None)
        super().__init__(**kwargs)
        self.choices = functools.partial(_country_choices, codes, None)


def _country_choices(codes, blank_label) -> list[tuple[str, str]]:
    choices = country_select_choices(codes)
    return [("", blank_label), *choices] if blank_label is not None else choices


class _FilterBoundField(forms.BoundField):
    """A list filter's field: an invalid value is dropped, never shown as an error, so the
    widget is not marked invalid nor pointed at an error message the page does not have."""

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        attrs.pop("aria-invalid", None)
        return attrs

    @property
    def aria_describedby(self):
        if self.auto_id and not self.is_hidden and self.help_text:
            return f"{self.auto_id}_helptext"
        return None


class FilterForm(forms.Form):
    """The filters of a public list, bound to the query string.

    `choices` maps a field's name to what it offers, only values some published record
    has: (value, label) pairs, or country codes for a CountryChoiceField, which names and
    sorts them itself. Each such field offers "All" first. An invalid value (a slug that
    no longer exists, junk typed into the address) is dropped by `filters()`, never
    answered with an error page.
    """

    bound_field_class = _FilterBoundField

    def __init__(self, data=None, *, choices: dict | None = None):
        super().__init__(data)
        for name, offered in (choices or {}).items():
            field = self.fields.get(name)
            if isinstance(field, CountryChoiceField):
                field.blank_label = ALL
                field.codes = offered
            elif field is not None:
                field.choices = [("", ALL), *offered]

    def filters(self) -> dict:
        """The valid, non-empty filters; junk in one parameter does not drop the others."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}
