from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

from events import selectors
from events.models import Event, EventKind, Role, totals_consistent
from networks.models import Organisation
from portal import thaidates
from portal.forms import CountryChoiceField, FilterForm, RecordFilter
from portal.registry import ListFilter
from publications.models import Publication


class When(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    PAST = "past", _("Past")


class EventFilterForm(FilterForm):
    """The event list's filters. An invalid value is ignored, never an error page."""

    when = forms.ChoiceField(
        label=_("When"),
        required=False,
        choices=[("", pgettext_lazy("filter", "All")), *When.choices],
    )
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    programme = forms.ChoiceField(label=_("Programme"), required=False)
    network = forms.ChoiceField(label=_("Network"), required=False)
    # django-countries' Thai catalogue "translates" a bare "Country" as "Country".
    country = CountryChoiceField(label=pgettext_lazy("event filter", "Country"), required=False)
    # Reached from an organisation's or a publication's page ("see all").
    organisation = RecordFilter(Organisation, label=_("Organisation"))
    publication = RecordFilter(Publication, label=_("Publication"))

    def __init__(self, data=None, *, choices: dict):
        super().__init__(
            data,
            choices={
                # The query keeps the CE year; the label follows the page's calendar.
                "year": [(str(y), str(thaidates.calendar_year(y))) for y in choices["years"]],
                "kind": list(EventKind.choices),
                "programme": [
                    (p.slug, getattr(p, "acronym", "") or str(p.title))
                    for p in choices["programmes"]
                ],
                "network": [
                    (n.slug, getattr(n, "acronym", "") or str(n.name)) for n in choices["networks"]
                ],
                "country": choices["countries"],
            },
        )


def _library_event_field() -> forms.Field:
    """The library's filter by event, by slug: reached from an event's page, never a select
    of thousands of events."""
    return RecordFilter(Event, label=_("Event"))


# The publication library's `?event=<slug>`, contributed from this side (see apps.py).
library_event_filter = ListFilter(
    key="event", field=_library_event_field, apply=selectors.publications_presented_at
)


def _submitted_group_total(data, prefix: str) -> tuple[int, int] | None:
    """The participant groups' sum and count as submitted (None if the formset is absent)."""
    try:
        total_forms = int(data.get(f"{prefix}-TOTAL_FORMS", ""))
    except ValueError:
        return None
    total, count = 0, 0
    for i in range(min(total_forms, 1000)):
        if data.get(f"{prefix}-{i}-DELETE"):
            continue
        raw = data.get(f"{prefix}-{i}-count", "")
        try:
            value = int(raw)
        except (TypeError, ValueError):
            continue
        total += value
        count += 1
    return total, count


GROUPS_PREFIX = "participant_groups"


class EventAdminForm(forms.ModelForm):
    """The event's admin form. It shows the “figures differ” confirmation only when they do."""

    class Meta:
        model = Event
        # The admin passes the fields of its fieldsets; this list keeps the form usable alone.
        fields = [
            "title", "slug", "kind", "theme", "edition", "status", "published_at", "programme",
            "network", "start_date", "end_date", "venue_name", "venue_address", "venue_city",
            "venue_country", "summary", "objectives", "body", "outcome_title",
            "outcome_statement", "participants_qualifier", "declared_participants",
            "totals_difference_confirmed", "start_time", "end_time", "series", "batch_number",
            "batch_place", "staff_notes",
            "organisations_represented", "countries_represented", "reporter", "reporter_name",
            "image_credit", "source_url", "documents",
        ]  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "totals_difference_confirmed" in self.fields and not self._totals_differ():
            self.fields["totals_difference_confirmed"].widget = forms.HiddenInput()

    def _totals_differ(self) -> bool:
        if self.is_bound:
            submitted = _submitted_group_total(self.data, GROUPS_PREFIX)
            raw = self.data.get("declared_participants", "")
            try:
                declared = int(raw)
            except (TypeError, ValueError):
                return False
            if submitted is None:
                return False
            total, count = submitted
            qualifier = self.data.get("participants_qualifier", "")
            return bool(count) and not totals_consistent(qualifier, declared, total)
        if self.instance.pk:
            return self.instance.participant_check.differs
        return False

    def clean(self):
        cleaned = super().clean()
        if "totals_difference_confirmed" in cleaned and not self._totals_differ():
            # Nothing to confirm any more: the figures add up (or there are no groups).
            cleaned["totals_difference_confirmed"] = False
        return cleaned


class ParticipantGroupFormSet(forms.BaseInlineFormSet):
    """Checks the groups against the event's declared total: a warning the staff can confirm."""

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        counts = [
            form.cleaned_data.get("count")
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        counts = [c for c in counts if c is not None]
        declared = self.instance.declared_participants
        if not counts or declared is None:
            return
        total = sum(counts)
        if totals_consistent(self.instance.participants_qualifier or "", declared, total):
            return
        if self.data.get("totals_difference_confirmed") in ("on", "true", "True", "1"):
            return
        raise forms.ValidationError(
            _(
                "Warning: the participant groups add up to %(total)s but the declared total is "
                "%(declared)s (a difference of %(difference)s). Correct the figures, or tick "
                "“the participant figures differ on purpose” above and save again."
            ),
            code="totals_differ",
            params={"total": total, "declared": declared, "difference": total - declared},
        )


SESSIONS_PREFIX = "sessions"  # the sessions inline's prefix (Session.event's related name)


def _submitted_session_rows(data, prefix: str = SESSIONS_PREFIX) -> int | None:
    """How many session rows the event form submits, deleted ones left out (None if absent)."""
    try:
        total_forms = int(data.get(f"{prefix}-TOTAL_FORMS", ""))
    except ValueError:
        return None
    return sum(1 for i in range(min(total_forms, 1000)) if not data.get(f"{prefix}-{i}-DELETE"))


class RoleInlineForm(forms.ModelForm):
    """A role of the event's admin page that may name its session by its place in the
    sessions list above, so roles of sessions added in the same form are entered at once
    (the session select lists only sessions already saved)."""

    session_position = forms.IntegerField(
        label=_("or session no. in the list above"),
        min_value=1,
        max_value=1000,
        required=False,
        help_text=_("1 for the first session listed above, 2 for the second…"),
        widget=forms.NumberInput(attrs={"class": "admin-narrow-number"}),
    )

    class Meta:
        model = Role
        fields = ["person", "role", "session", "position_held", "order"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("session") and cleaned.get("session_position"):
            self.add_error(
                "session_position",
                _("Choose the session or give its number in the list, not both."),
            )
        return cleaned


class RoleFormSet(forms.BaseInlineFormSet):
    """Checks that each session number given points at a row of the sessions list submitted."""

    def clean(self):
        super().clean()
        rows = _submitted_session_rows(self.data) if self.is_bound else None
        for form in self.forms:
            cleaned = getattr(form, "cleaned_data", None) or {}
            position = cleaned.get("session_position")
            if not position or cleaned.get("DELETE"):
                continue
            if rows is None or position > rows:
                form.add_error(
                    "session_position",
                    ngettext(
                        "There is no session %(position)s: the list above has %(rows)s session.",
                        "There is no session %(position)s: the list above has %(rows)s sessions.",
                        rows or 0,
                    )
                    % {"position": position, "rows": rows or 0},
                )
