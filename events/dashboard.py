"""What events add to the admin home's dashboard (see portal.dashboard)."""

from django.db import models
from django.db.models import Exists, F, OuterRef, Q, Value
from django.db.models.functions import Abs, Greatest
from django.utils.translation import gettext_lazy as _

from portal import registry
from portal.dashboard import missing_text
from portal.registry import QualityCheck


def _consistent_with_total() -> Q:
    """The qualified-total rule of `events.models.totals_consistent`, as a condition on the
    annotated `quality_groups_total`: “more than 150” is met by 160, “about 100” by 95."""
    from events.models import TotalQualifier

    declared = F("declared_participants")
    about = Greatest(Value(1), (declared + Value(5)) / Value(10))
    return (
        Q(participants_qualifier=TotalQualifier.MORE_THAN, quality_groups_total__gt=declared)
        | Q(participants_qualifier=TotalQualifier.AT_LEAST, quality_groups_total__gte=declared)
        | Q(participants_qualifier=TotalQualifier.ABOUT, quality_gap__lte=about)
        | Q(participants_qualifier=TotalQualifier.EXACT, quality_groups_total=declared)
    )


def _totals_differ(queryset):
    """Events whose participant groups do not agree with the declared total as the source
    words it (exactly, more than, at least, about), and the difference was not confirmed.

    Its own subqueries (not `with_participant_totals`, whose names the admin's queryset
    already carries), computed by the database for the rows it filters.
    """
    from events.models import ParticipantGroup

    groups = (
        ParticipantGroup.objects.filter(event=OuterRef("pk"), count__isnull=False)
        .order_by()
        .values("event")
    )
    return (
        queryset.filter(declared_participants__isnull=False, totals_difference_confirmed=False)
        .annotate(
            quality_groups_total=models.Subquery(
                groups.annotate(total=models.Sum("count")).values("total"),
                output_field=models.IntegerField(),
            )
        )
        .filter(quality_groups_total__isnull=False)
        .annotate(quality_gap=Abs(F("quality_groups_total") - F("declared_participants")))
        .exclude(_consistent_with_total())
    )


def _without_organisers(queryset):
    from events.models import EventOrganiser

    return queryset.filter(~Exists(EventOrganiser.objects.filter(event=OuterRef("pk"))))


def _blank(name: str) -> Q:
    return Q(**{name: ""}) | Q(**{f"{name}__isnull": True})


def _without_venue(queryset):
    return queryset.filter(_blank("venue_name_th") & _blank("venue_name_en"))


def _without_source(queryset):
    """Events with neither a source link nor a source record (title or address)."""
    from events.models import EventSource

    return queryset.filter(_blank("source_url")).filter(
        ~Exists(EventSource.objects.filter(event=OuterRef("pk")))
    )


def register() -> None:
    from events.models import Event

    registry.register_status_count(Event)
    for key, label, narrow in (
        (
            "event-no-thai",
            _("Events without a Thai title or summary"),
            missing_text("title", "summary", lang="th"),
        ),
        (
            "event-no-english",
            _("Events without an English title or summary"),
            missing_text("title", "summary", lang="en"),
        ),
        (
            "event-totals-differ",
            _("Events whose participant groups do not add up (not confirmed)"),
            _totals_differ,
        ),
        ("event-no-organisers", _("Events without organisers"), _without_organisers),
        ("event-no-venue", _("Events without a venue"), _without_venue),
        ("event-no-source", _("Events without a source"), _without_source),
    ):
        registry.register_quality_check(QualityCheck(key, Event, label, narrow, order=40))
