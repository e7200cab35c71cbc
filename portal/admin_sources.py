"""The admin inline every app's source model uses (see portal.sources)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline


class SourceForm(forms.ModelForm):
    """`supports` as ticks among the facts the model's FACTS names."""

    supports = forms.MultipleChoiceField(
        label=_("facts it supports"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["supports"].choices = list(self._meta.model.FACTS)


class SourceInlineBase(TranslationStackedInline):
    """Subclass with `model = <the app's source model>`."""

    form = SourceForm
    extra = 0
    fields = ["title", "url", "publisher", "seen_on", "supports", "stated_value", "note", "order"]
