"""The directory's filter form and the admin forms with the duplicate guard."""

from django import forms
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from networks import services
from networks.models import Organisation, Person
from portal.forms import CountryChoiceField, FilterForm, RecordFilter, YearField


class OrganisationFilterForm(FilterForm):
    """Filters of the organisations directory; an invalid value is ignored, never an error page."""

    q = forms.CharField(
        label=_("Name or acronym"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    country = CountryChoiceField(label=pgettext_lazy("organisation", "Country"), required=False)
    network = forms.ChoiceField(label=_("Network"), required=False)
    # Reached from an organisation's page ("see all" of its units).
    parent = RecordFilter(Organisation, label=_("Part of"))


class NetworkFilterForm(FilterForm):
    """The networks list's one filter, reached from an organisation's page ("see all")."""

    member = RecordFilter(Organisation, label=_("Member"))


def _duplicate_warning(matches, intro) -> str:
    links = format_html_join(
        ", ",
        '<a href="{}" target="_blank">{}</a>',
        (
            (reverse(f"admin:networks_{m._meta.model_name}_change", args=[m.pk]), str(m))
            for m in matches
        ),
    )
    return format_html("{} {}", intro, links)


class DuplicateGuardMixin:
    """Refuses to save a record that looks like an existing one until the staff member confirms."""

    confirm_field = "confirm_not_duplicate"

    def find_duplicates(self, data) -> list:
        raise NotImplementedError

    def clean(self):
        data = super().clean()
        if data.get(self.confirm_field):
            return data
        matches = self.find_duplicates(data)
        if matches:
            self.fields[self.confirm_field].widget = forms.CheckboxInput()
            raise forms.ValidationError(
                _duplicate_warning(matches, self.duplicate_message), code="possible_duplicate"
            )
        return data


class OrganisationAdminForm(DuplicateGuardMixin, forms.ModelForm):
    duplicate_message = _(
        "This organisation may duplicate one already recorded (names and acronyms compared "
        "ignoring case, spaces, words such as “Foundation” or “Institute” and the usual "
        "abbreviations):"
    )
    confirm_not_duplicate = forms.BooleanField(
        label=_("Save anyway: this is a different organisation"),
        required=False,
        widget=forms.HiddenInput,
    )

    class Meta:
        model = Organisation
        fields = [
            "name",
            "acronym",
            "kind",
            "country",
            "city",
            "parent",
            "website",
            "logo",
            "description",
            "slug",
            "status",
            "published_at",
        ]

    def find_duplicates(self, data) -> list:
        return services.organisation_find_duplicates(
            names=(data.get("name_th") or "", data.get("name_en") or ""),
            acronyms=(data.get("acronym_th") or "", data.get("acronym_en") or ""),
            exclude_pk=self.instance.pk,
        )


class PersonAdminForm(DuplicateGuardMixin, forms.ModelForm):
    duplicate_message = _(
        "This person may duplicate someone already recorded (names compared ignoring case, "
        "spaces and honorifics):"
    )
    confirm_not_duplicate = forms.BooleanField(
        label=_("Save anyway: this is a different person"),
        required=False,
        widget=forms.HiddenInput,
    )

    class Meta:
        model = Person
        fields = [
            "honorific",
            "given_name",
            "family_name",
            "position",
            "organisation",
            "country",
            "email",
            "phone",
            "public_consent",
            "slug",
        ]

    def find_duplicates(self, data) -> list:
        return services.person_find_duplicates(
            given_name_th=data.get("given_name_th") or "",
            family_name_th=data.get("family_name_th") or "",
            given_name_en=data.get("given_name_en") or "",
            family_name_en=data.get("family_name_en") or "",
            exclude_pk=self.instance.pk,
        )


class PeriodForm(forms.Form):
    """The years a partnership picture covers; Buddhist-Era years are accepted."""

    start = YearField(label=_("From year"), required=False)
    end = YearField(label=_("To year"), required=False)

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            raise forms.ValidationError(
                _("The last year cannot come before the first."), code="end_before_start"
            )
        return data
