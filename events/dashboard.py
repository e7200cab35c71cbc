"""What events add to the admin home's dashboard (see portal.dashboard)."""

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from portal import registry
from portal.dashboard import missing_text
from portal.registry import QualityCheck


def _totals_differ(queryset):
    """Events whose participant groups do not add up to the declared total, not confirmed.

    Its own subqueries (not `with_participant_totals`, whose names the admin's queryset
    already carries), computed by the database for the rows it filters.
    """
    from events.models import ParticipantGroup

    groups = ParticipantGroup.objects.filter(event=OuterRef("pk")).order_by().values("event")
    return (
        queryset.filter(declared_participants__isnull=False, totals_difference_confirmed=False)
        .annotate(
            quality_groups_total=models.Subquery(
                groups.annotate(total=models.Sum("count")).values("total"),
                output_field=models.IntegerField(),
            )
        )
        .filter(quality_groups_total__isnull=False)
        .exclude(quality_groups_total=models.F("declared_participants"))
    )


def _without_organisers(queryset):
    from events.models import EventOrganiser

    return queryset.filter(~Exists(EventOrganiser.objects.filter(event=OuterRef("pk"))))


def _blank(name: str) -> Q:
    return Q(**{name: ""}) | Q(**{f"{name}__isnull": True})


def _without_venue(queryset):
    return queryset.filter(_blank("venue_name_th") & _blank("venue_name_en"))


def _without_source(queryset):
    return queryset.filter(_blank("source_url"))


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
        ("event-no-source", _("Events without a source link"), _without_source),
    ):
        registry.register_quality_check(QualityCheck(key, Event, label, narrow, order=40))
