"""The public filter forms and the admin form for programmes."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from networks.models import Organisation
from portal.forms import CountryChoiceField, FilterForm, RecordFilter
from programmes.models import Programme


class ProgrammeFilterForm(FilterForm):
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    stage = forms.ChoiceField(label=_("Programme status"), required=False)
    country = CountryChoiceField(label=pgettext_lazy("programme", "Country"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    # Reached from an organisation's page ("see all").
    organisation = RecordFilter(Organisation, label=_("Organisation"))


class GoodPracticeFilterForm(FilterForm):
    country = CountryChoiceField(label=pgettext_lazy("programme", "Country"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    programme = forms.ChoiceField(label=_("Programme"), required=False)
    # Where the cases went (issue 16).
    adopted_in = CountryChoiceField(label=_("Taken up in"), required=False)
    stage = forms.ChoiceField(label=_("Stage reached"), required=False)


class ProgrammeAdminForm(forms.ModelForm):
    class Meta:
        model = Programme
        fields = [
            "title",
            "acronym",
            "themes",
            "summary",
            "objectives",
            "body",
            "start_date",
            "end_date",
            "date_precision",
            "stage",
            "lead_organisation",
            "countries",
            "networks",
            "cover",
            "cover_credit",
            "slug",
            "status",
            "published_at",
        ]


class OrderedInlineFormSet(forms.BaseInlineFormSet):
    """Rows keep the order staff give them: an empty number takes the next one, no number twice."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "order" in form.fields:
            form.fields["order"].required = False
            form.fields["order"].initial = None

    def clean(self):
        super().clean()
        seen: set[int] = set()
        for form in self.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if not data or data.get("DELETE") or not form.has_changed() and not form.instance.pk:
                continue
            order = data.get("order")
            if order is None:
                continue
            if order in seen:
                raise forms.ValidationError(
                    _("Two rows have the number %(order)s: give each row its own number."),
                    params={"order": order},
                    code="duplicate_order",
                )
            seen.add(order)
        # Rows without a number follow the numbered ones, in the order they appear on the form.
        following = max(seen, default=0)
        for form in self.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if not data or data.get("DELETE") or "order" not in data:
                continue
            if data["order"] is None:
                following += 1
                data["order"] = following
                form.instance.order = following
