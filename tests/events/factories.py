"""Factories for event tests. Other apps' records are built here from their model contracts."""

import datetime

import factory

from events.models import (
    Event,
    EventAlbum,
    EventKind,
    EventOrganiser,
    ParticipantGroup,
    Participation,
    Role,
    RoleKind,
    Session,
    SessionKind,
)
from portal.models import Status


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "networks.Organisation"

    name_th = factory.Sequence(lambda n: f"องค์กรทดสอบ {n}")
    name_en = factory.Sequence(lambda n: f"Test organisation {n}")
    slug = factory.Sequence(lambda n: f"test-organisation-{n}")
    status = Status.PUBLISHED


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "networks.Network"

    name_th = factory.Sequence(lambda n: f"เครือข่ายทดสอบ {n}")
    name_en = factory.Sequence(lambda n: f"Test network {n}")
    slug = factory.Sequence(lambda n: f"test-network-{n}")
    status = Status.PUBLISHED


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "networks.Person"

    given_name_th = factory.Sequence(lambda n: f"สมชาย{n}")
    family_name_th = "ใจดี"
    given_name_en = factory.Sequence(lambda n: f"Somchai{n}")
    family_name_en = "Jaidee"
    slug = factory.Sequence(lambda n: f"test-person-{n}")
    email = factory.Sequence(lambda n: f"private{n}@example.org")
    phone = factory.Sequence(lambda n: f"+66 81 000 {n:04d}")


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "programmes.Programme"

    title_th = factory.Sequence(lambda n: f"โครงการทดสอบ {n}")
    title_en = factory.Sequence(lambda n: f"Test programme {n}")
    slug = factory.Sequence(lambda n: f"test-programme-{n}")
    status = Status.PUBLISHED


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
