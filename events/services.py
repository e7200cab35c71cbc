"""Writes with side effects on events."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Q

from events.models import Event, ParticipantGroup


@dataclass(frozen=True)
class GroupChange:
    group: ParticipantGroup
    before: int | None
    after: int


def participant_groups_counted(*, event: Event) -> tuple[list[GroupChange], int]:
    """What `participant_groups_recompute` would change, without saving anything."""
    counts = {
        row["group"]: row["attended"]
        for row in event.participations.filter(group__isnull=False)
        .values("group")
        .annotate(attended=Count("pk", filter=Q(attended=True)))
    }
    changes = [
        GroupChange(group, group.count, counts[group.pk])
        for group in event.participant_groups.filter(pk__in=counts)
        if group.count != counts[group.pk]
    ]
    uncounted = event.participations.filter(group__isnull=True, attended=True).count()
    return changes, uncounted


@transaction.atomic
def participant_groups_recompute(*, event: Event) -> tuple[list[GroupChange], int]:
    """Set each category's count to the people of the event's attendance who attended.

    Only categories that some attendance row names are counted (a category typed in by
    hand with no attendance list keeps its figure); a breakdown (units × people per unit)
    that no longer matches the new count is cleared. Returns the changes and the number
    of attendees with no category, who are in no count.
    """
    counts = {
        row["group"]: row["attended"]
        for row in event.participations.filter(group__isnull=False)
        .values("group")
        .annotate(attended=Count("pk", filter=Q(attended=True)))
    }
    changes = []
    for group in event.participant_groups.select_for_update().filter(pk__in=counts):
        after = counts[group.pk]
        if group.count == after:
            continue
        before = group.count
        group.count = after
        if group.has_breakdown and group.units * group.per_unit != after:
            group.units = group.per_unit = None
        group.save(update_fields=["count", "units", "per_unit"])
        changes.append(GroupChange(group, before, after))
    uncounted = event.participations.filter(group__isnull=True, attended=True).count()
    return changes, uncounted
