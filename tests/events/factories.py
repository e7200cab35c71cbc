"""Factories of events records, built on the factories of the apps below."""

import datetime

import factory

from events.models import (
    Award,
    Event,
    EventAlbum,
    EventGoodPractice,
    EventKind,
    EventOrganiser,
    EventSeries,
    EventSource,
    ParticipantGroup,
    Participation,
    Role,
    RoleKind,
    Session,
    SessionKind,
)
from portal.models import Status
from tests.publications.factories import (  # noqa: F401  (re-exported for the events tests)
    GoodPracticeFactory,
    NetworkFactory,
    OrganisationFactory,
    PersonFactory,
    ProgrammeFactory,
    PublicationFactory,
)


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title_th = factory.Sequence(lambda n: f"งานทดสอบ {n}")
    title_en = factory.Sequence(lambda n: f"Test event {n}")
    slug = factory.Sequence(lambda n: f"test-event-{n}")
    kind = EventKind.FORUM
    start_date = datetime.date(2022, 8, 24)
    end_date = datetime.date(2022, 8, 25)
    venue_city_th = "กรุงเทพมหานคร"
    venue_city_en = "Bangkok"
    venue_country = "TH"
    status = Status.PUBLISHED


class EventOrganiserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventOrganiser

    event = factory.SubFactory(EventFactory)
    organisation = factory.SubFactory(OrganisationFactory)


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    event = factory.SubFactory(EventFactory)
    kind = SessionKind.PANEL
    title_th = factory.Sequence(lambda n: f"หัวข้อ {n}")
    title_en = factory.Sequence(lambda n: f"Topic {n}")


class RoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Role

    event = factory.SubFactory(EventFactory)
    person = factory.SubFactory(PersonFactory)
    role = RoleKind.PANELIST


class ParticipantGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ParticipantGroup

    event = factory.SubFactory(EventFactory)
    label_th = factory.Sequence(lambda n: f"กลุ่มผู้เข้าร่วม {n}")
    label_en = factory.Sequence(lambda n: f"Participant group {n}")
    count = 10


class EventAlbumFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventAlbum

    event = factory.SubFactory(EventFactory)
    label_th = "อัลบั้มภาพ"
    label_en = "Photo album"


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    event = factory.SubFactory(EventFactory)
    person = factory.SubFactory(PersonFactory)


class EventSeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventSeries

    title_th = factory.Sequence(lambda n: f"หลักสูตรทดสอบ {n}")
    title_en = factory.Sequence(lambda n: f"Test course {n}")
    slug = factory.Sequence(lambda n: f"test-series-{n}")
    status = Status.PUBLISHED


class AwardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Award

    event = factory.SubFactory(EventFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    title_th = factory.Sequence(lambda n: f"รางวัลทดสอบ {n}")
    title_en = factory.Sequence(lambda n: f"Test award {n}")


class EventGoodPracticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventGoodPractice

    event = factory.SubFactory(EventFactory)
    good_practice = factory.SubFactory(GoodPracticeFactory)


class EventSourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventSource

    event = factory.SubFactory(EventFactory)
    title_th = factory.Sequence(lambda n: f"แหล่งข้อมูล {n}")
    title_en = factory.Sequence(lambda n: f"Source {n}")
    url = factory.Sequence(lambda n: f"https://example.org/source/{n}")


def bulk_events(count: int, prefix: str = "bulk-event", **extra) -> list[Event]:
    """Many published events at once (bulk_create skips save(), so publish here)."""
    from django.utils import timezone

    now = timezone.now()
    fields = {
        "kind": EventKind.FORUM,
        "start_date": datetime.date(2022, 8, 24),
        "end_date": datetime.date(2022, 8, 25),
        "status": Status.PUBLISHED,
        "published_at": now,
        **extra,
    }
    return Event.objects.bulk_create(
        (
            Event(
                title_th=f"งานจำนวนมาก {i}",
                title_en=f"Bulk event {i}",
                slug=f"{prefix}-{i}",
                **fields,
            )
            for i in range(count)
        ),
        batch_size=1000,
    )
