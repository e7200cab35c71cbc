"""A small archive with everything open data must show and everything it must never show."""

import datetime
from dataclasses import dataclass, field

import pytest

from events.models import RoleKind
from networks.models import OrganisationKind
from portal.models import Status
from programmes.models import PartnerRole, Stage
from publications.models import Access
from tests.events.factories import (
    EventFactory,
    EventOrganiserFactory,
    NetworkFactory,
    OrganisationFactory,
    ParticipantGroupFactory,
    ParticipationFactory,
    PersonFactory,
    ProgrammeFactory,
    PublicationFactory,
    RoleFactory,
)
from tests.networks.factories import MembershipFactory
from tests.programmes.factories import GoodPracticeFactory, PartnerFactory, TeamMemberFactory
from tests.publications.factories import LanguageFactory, with_file

# Text that must never leave the database through open data.
STAFF_NOTE = "PRIVATE-STAFF-NOTE-do-not-publish"
DRAFT = "DRAFT-RECORD-not-yet-public"
ATTENDEE = "ATTENDEE-NAME-private"


@dataclass
class Archive:
    ministry: object
    bureau: object
    funder: object
    network: object
    programme: object
    phase: object
    event: object
    other_event: object
    publication: object
    people: list = field(default_factory=list)
    secrets: list = field(default_factory=list)


@pytest.fixture
def archive(db):
    ministry = OrganisationFactory(
        slug="ministry",
        name_th="กระทรวงทดสอบ",
        name_en="Test Ministry",
        acronym_th="กท.",
        acronym_en="TM",
        kind=OrganisationKind.GOVERNMENT,
        website="https://ministry.example.org/",
        staff_notes=STAFF_NOTE,
    )
    bureau = OrganisationFactory(slug="bureau", parent=ministry, name_en="Elections Bureau")
    funder = OrganisationFactory(slug="funder", kind=OrganisationKind.INTERNATIONAL)
    draft_org = OrganisationFactory(slug="draft-org", name_en=DRAFT, status=Status.DRAFT)
    network = NetworkFactory(slug="city-network", founded=2010)
    MembershipFactory(
        network=network,
        organisation=bureau,
        role_en="founding member",
        role_th="สมาชิกผู้ก่อตั้ง",
        start=datetime.date(2010, 3, 1),
        end=datetime.date(2014, 12, 31),
    )
    MembershipFactory(network=network, organisation=draft_org)

    programme = ProgrammeFactory(
        slug="good-governance",
        title_th="โครงการธรรมาภิบาล",
        title_en="Good governance programme",
        summary_th="สรุปภาษาไทย",
        summary_en="Summary in English",
        objectives_en="Objectives in English",
        lead_organisation=ministry,
        countries=["TH", "LA"],
        dac_sector="15150",
        stage=Stage.COMPLETED,
        staff_notes=STAFF_NOTE,
    )
    programme.networks.add(network)
    phase = ProgrammeFactory(
        slug="good-governance-phase-2",
        parent=programme,
        start_date=datetime.date(2030, 1, 1),
        end_date=datetime.date(2031, 12, 31),
    )
    ProgrammeFactory(slug="draft-programme", title_en=DRAFT, status=Status.DRAFT)
    PartnerFactory(programme=programme, organisation=funder, role=PartnerRole.FUNDER)
    PartnerFactory(programme=programme, organisation=bureau, role=PartnerRole.EXTENDING)
    PartnerFactory(programme=programme, organisation=draft_org, role=PartnerRole.LEAD)

    speaker = PersonFactory(
        slug="speaker", organisation=ministry, position_en="Director-General", position_th="อธิบดี"
    )
    coordinator = PersonFactory(slug="coordinator", organisation=bureau, position_en="Coordinator")
    attendee = PersonFactory(slug="attendee", given_name_en=ATTENDEE, given_name_th=ATTENDEE)
    TeamMemberFactory(programme=programme, person=coordinator)

    event = EventFactory(
        slug="forum-2022",
        programme=programme,
        network=network,
        declared_participants=120,
        countries_represented=["TH", "LA"],
        staff_notes=STAFF_NOTE,
    )
    EventOrganiserFactory(event=event, organisation=ministry)
    ParticipantGroupFactory(
        event=event, label_th="ผู้แทนท้องถิ่น", label_en="Local officials", count=100
    )
    ParticipantGroupFactory(event=event, label_th="นักศึกษา", label_en="Students", count=20)
    RoleFactory(event=event, person=speaker, role=RoleKind.KEYNOTE)
    ParticipationFactory(event=event, person=attendee, country="LA")
    ParticipationFactory(event=event, person=None, name=ATTENDEE, country="TH")
    # Five from Thailand are published; the one from Laos is too few to publish.
    for n in range(2, 6):
        ParticipationFactory(event=event, person=None, name=f"{ATTENDEE}-{n}", country="TH")
    other_event = EventFactory(
        slug="workshop-2019",
        start_date=datetime.date(2019, 5, 1),
        end_date=datetime.date(2019, 5, 1),
        venue_country="VN",
    )
    EventFactory(slug="draft-event", title_en=DRAFT, title_th=DRAFT, status=Status.DRAFT)

    publication = PublicationFactory(
        slug="final-report", programme=programme, publisher=ministry, kind="report"
    )
    publication.languages.add(LanguageFactory(code="th"), LanguageFactory(code="en"))
    with_file(publication)
    PublicationFactory(slug="partners-paper", programme=programme, access=Access.PARTNERS)
    PublicationFactory(slug="draft-publication", title_en=DRAFT, status=Status.DRAFT)
    GoodPracticeFactory(slug="open-budget", programme=programme, local_government=bureau)

    people = [speaker, coordinator, attendee]
    secrets = [STAFF_NOTE, DRAFT, ATTENDEE]
    for person in people:
        secrets += [person.email, person.phone]
    return Archive(
        ministry=ministry,
        bureau=bureau,
        funder=funder,
        network=network,
        programme=programme,
        phase=phase,
        event=event,
        other_event=other_event,
        publication=publication,
        people=people,
        secrets=secrets,
    )


def body(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content
