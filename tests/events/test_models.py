import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from events.models import (
    Event,
    ParticipantGroup,
    Reconciliation,
    Role,
    Session,
    SessionKind,
    check_participants,
)
from tests.events.factories import (
    EventFactory,
    ParticipantGroupFactory,
    RoleFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db


def test_database_refuses_an_event_that_ends_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(start_date=datetime.date(2022, 8, 25), end_date=datetime.date(2022, 8, 24))


def test_form_validation_explains_an_end_before_the_start():
    event = EventFactory.build(
        start_date=datetime.date(2022, 8, 25), end_date=datetime.date(2022, 8, 24)
    )
    with pytest.raises(ValidationError) as exc:
        event.full_clean()
    assert "end_date" in exc.value.message_dict


def test_an_event_needs_a_title_in_one_language_at_least():
    event = EventFactory.build(title_th="", title_en="")
    with pytest.raises(ValidationError) as exc:
        event.full_clean()
    assert "title_th" in exc.value.message_dict
    EventFactory.build(title_th="", title_en="English only").full_clean()


def test_slugs_are_unique():
    EventFactory(slug="same")
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(slug="same")


def test_calendar_is_a_reserved_slug():
    with pytest.raises(ValidationError) as exc:
        EventFactory.build(slug="calendar").full_clean()
    assert "slug" in exc.value.message_dict


def test_database_refuses_a_negative_count():
    event = EventFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        ParticipantGroup.objects.create(event=event, label_th="x", count=-1)


def test_database_refuses_a_count_that_is_not_units_times_per_unit():
    event = EventFactory()
    ParticipantGroup.objects.create(event=event, label_th="ok", count=308, units=77, per_unit=4)
    with pytest.raises(IntegrityError), transaction.atomic():
        ParticipantGroup.objects.create(
            event=event, label_th="bad", count=300, units=77, per_unit=4
        )


def test_units_times_per_unit_mismatch_is_explained():
    group = ParticipantGroupFactory.build(event=EventFactory(), count=300, units=77, per_unit=4)
    with pytest.raises(ValidationError) as exc:
        group.full_clean()
    assert "308" in exc.value.message_dict["count"][0]
    assert "300" in exc.value.message_dict["count"][0]


def test_units_without_per_unit_is_refused():
    group = ParticipantGroupFactory.build(event=EventFactory(), count=77, units=77)
    with pytest.raises(ValidationError) as exc:
        group.full_clean()
    assert "per_unit" in exc.value.message_dict


def test_session_time_must_fall_within_the_event_dates():
    event = EventFactory(start_date=datetime.date(2022, 8, 24), end_date=datetime.date(2022, 8, 25))
    tz = timezone.get_current_timezone()
    inside = Session(
        event=event,
        kind=SessionKind.PANEL,
        title_th="เสวนา",
        starts_at=datetime.datetime(2022, 8, 25, 9, 0, tzinfo=tz),
        ends_at=datetime.datetime(2022, 8, 25, 12, 0, tzinfo=tz),
    )
    inside.full_clean()
    outside = Session(
        event=event,
        kind=SessionKind.PANEL,
        number=2,
        starts_at=datetime.datetime(2022, 8, 26, 9, 0, tzinfo=tz),
    )
    with pytest.raises(ValidationError) as exc:
        outside.full_clean()
    assert "starts_at" in exc.value.message_dict


def test_database_refuses_a_session_that_ends_before_it_starts():
    tz = timezone.get_current_timezone()
    with pytest.raises(IntegrityError), transaction.atomic():
        SessionFactory(
            starts_at=datetime.datetime(2022, 8, 24, 12, tzinfo=tz),
            ends_at=datetime.datetime(2022, 8, 24, 9, tzinfo=tz),
        )


def test_breakout_numbers_are_unique_within_an_event():
    event = EventFactory()
    SessionFactory(event=event, kind=SessionKind.BREAKOUT, number=1)
    SessionFactory(event=event, kind=SessionKind.PANEL, number=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        SessionFactory(event=event, kind=SessionKind.BREAKOUT, number=1)


def test_a_role_must_use_a_session_of_its_own_event():
    role = RoleFactory()
    role.session = SessionFactory()  # another event's session
    with pytest.raises(ValidationError) as exc:
        role.full_clean()
    assert "session" in exc.value.message_dict


@pytest.mark.parametrize(
    ("declared", "counts", "status"),
    [
        (427, [308, 77, 13, 7, 5, 17], Reconciliation.RECONCILES),
        (430, [308, 77, 13, 7, 5, 17], Reconciliation.DIFFERS),
        (None, [308, 77], Reconciliation.NO_TOTAL),
        (79, [], Reconciliation.NO_GROUPS),
        (0, [0], Reconciliation.RECONCILES),
    ],
)
def test_reconciliation_of_groups_with_the_declared_total(declared, counts, status):
    assert check_participants(declared, counts).status == status


def test_event_participant_check_from_groups_and_from_annotations_agree():
    event = EventFactory(declared_participants=427)
    for count in (308, 77, 13, 7, 5, 17):
        ParticipantGroupFactory(event=event, count=count)
    assert event.participant_check.reconciles
    annotated = Event.objects.with_participant_totals().get(pk=event.pk)
    assert annotated.participant_check.groups_total == 427
    assert annotated.participant_check.reconciles
    ParticipantGroupFactory(event=event, count=1)
    annotated = Event.objects.with_participant_totals().get(pk=event.pk)
    assert annotated.participant_check.differs
    assert annotated.participant_check.difference == 1


def test_participant_total_falls_back_to_the_groups_sum():
    event = EventFactory(declared_participants=None)
    ParticipantGroupFactory(event=event, count=12)
    ParticipantGroupFactory(event=event, count=30)
    assert event.participant_total == 42


def test_published_and_upcoming_querysets():
    today = timezone.localdate()
    EventFactory(slug="draft", status="draft", start_date=today, end_date=today)
    past = EventFactory(
        slug="past",
        start_date=today - datetime.timedelta(days=9),
        end_date=today - datetime.timedelta(days=8),
    )
    ongoing = EventFactory(
        slug="ongoing", start_date=today - datetime.timedelta(days=1), end_date=today
    )
    published = Event.objects.published()
    assert set(published.upcoming()) == {ongoing}
    assert set(published.past()) == {past}


def test_seed_forum_figures(ect_forum):
    groups = list(ect_forum.participant_groups.all())
    assert [g.count for g in groups] == [308, 77, 13, 7, 5, 17]
    assert (groups[0].units, groups[0].per_unit) == (77, 4)
    assert ect_forum.participant_check.reconciles
    assert ect_forum.participant_check.groups_total == 427
    assert ect_forum.sessions.filter(kind=SessionKind.BREAKOUT).count() == 6
    assert Role.objects.filter(event=ect_forum).count() == 8
