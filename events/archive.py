"""This app's part of the generated archive: events with their organisers, three
sessions, four roles, four participant groups, thirty attendance records each and
the publications they link. Never the demo: see `portal.archive`."""

import datetime
import random

from django.db.models import Count

from events.models import (
    Event,
    EventOrganiser,
    OrganiserRole,
    ParticipantGroup,
    Participation,
    Role,
    RoleKind,
    Session,
    SessionKind,
)
from networks.models import Network, Organisation, Person
from portal import archive
from portal.archive import PREFIX, Page, pick
from programmes.models import Programme
from publications.models import Publication

EVENTS = 10000
ATTENDANCE_PER_EVENT = 30  # 300,000 records at scale 1
CHUNK = 1000  # events built and inserted together with their rows

VENUES = [
    ("ศาลากลางจังหวัด{p}", "{p} Provincial Hall"),
    ("หอประชุมมหาวิทยาลัยในจังหวัด{p}", "University auditorium, {p}"),
    ("โรงแรมในตัวเมือง{p}", "A hotel in {p} town"),
    ("ศูนย์ประชุมเทศบาลนคร{p}", "{p} City Municipality convention centre"),
]
SESSIONS = [
    (SessionKind.OPENING, None, "พิธีเปิดและปาฐกถาพิเศษ", "Opening and special address"),
    (SessionKind.PANEL, 1, "การอภิปรายเรื่อง", "Panel on"),
    (SessionKind.BREAKOUT, 1, "กลุ่มย่อยเรื่อง", "Breakout group on"),
]
# role, index of the session in SESSIONS, position held (Thai, English)
ROLES = [
    (RoleKind.PRESIDING_CHAIR, 0, "ประธานในพิธีเปิด", "Presiding at the opening"),
    (RoleKind.KEYNOTE, 0, "ผู้บรรยายพิเศษ", "Keynote speaker"),
    (RoleKind.PANELIST, 1, "ผู้ร่วมอภิปราย", "Panellist"),
    (RoleKind.MODERATOR, 1, "ผู้ดำเนินการอภิปราย", "Moderator"),
]
GROUPS = [
    (
        "ผู้แทนศูนย์ส่งเสริมพัฒนาประชาธิปไตยจังหวัด",
        "Provincial democracy-promotion centres",
        "จังหวัด",
        "provinces",
    ),
    ("ผู้แทนองค์กรปกครองส่วนท้องถิ่น", "Local-government representatives", "", ""),
    ("ผู้แทนภาคประชาสังคม", "Civil-society representatives", "", ""),
    ("นักวิชาการและสื่อมวลชน", "Academics and media", "", ""),
]
COUNTRIES = ["TH", "LA", "KH", "VN", "MM", "MY", "ID", "PH"]


def _ids(model) -> list:
    return list(model.objects.filter(slug__startswith=PREFIX).order_by("slug").only("pk"))


def _event(rng, number: int, programmes, networks, people) -> Event:
    kind, kind_th, kind_en = pick(rng, archive.EVENT_KINDS)
    topic, qualifier, province = (
        pick(rng, archive.TOPICS),
        pick(rng, archive.QUALIFIERS),
        pick(rng, archive.PROVINCES),
    )
    edition = rng.randint(1, 12)
    title_th, title_en = archive.marked(
        f"{kind_th}{topic[0]}{qualifier[0]} จังหวัด{province[0]} ครั้งที่ {edition}",
        f"{kind_en} {topic[1]} {qualifier[1]}, {province[1]}, no. {edition}",
    )
    venue = pick(rng, VENUES)
    start = archive.random_day(rng)
    summary, objectives, body = (archive.paragraph(rng, n) for n in (2, 2, 6))
    outcome = archive.paragraph(rng, 3) if rng.random() < 0.2 else ("", "")
    status, published_at = archive.status_and_published_at(rng, start)
    return Event(
        slug=archive.slug("event", number),
        title_th=title_th,
        title_en=title_en,
        kind=kind,
        edition=edition,
        programme=archive.skewed(rng, programmes)[0] if rng.random() < 0.8 else None,
        network=archive.skewed(rng, networks)[0] if rng.random() < 0.4 else None,
        start_date=start,
        end_date=start + datetime.timedelta(days=rng.choice([0, 0, 1, 2])),
        venue_name_th=venue[0].format(p=province[0]),
        venue_name_en=venue[1].format(p=province[1]),
        venue_city_th=province[0],
        venue_city_en=province[1],
        venue_country="TH" if rng.random() < 0.85 else pick(rng, COUNTRIES),
        summary_th=summary[0],
        summary_en=summary[1],
        objectives_th=objectives[0],
        objectives_en=objectives[1],
        body_th=body[0],
        body_en=body[1],
        outcome_title_th="แถลงการณ์ร่วม" if outcome[0] else "",
        outcome_title_en="Joint statement" if outcome[0] else "",
        outcome_statement_th=outcome[0],
        outcome_statement_en=outcome[1],
        reporter=archive.skewed(rng, people)[0] if rng.random() < 0.3 else None,
        countries_represented=rng.sample(COUNTRIES, rng.randint(1, 3)),
        status=status,
        published_at=published_at,
    )


def _groups(rng, event: Event) -> list[ParticipantGroup]:
    groups = []
    for order, (label_th, label_en, unit_th, unit_en) in enumerate(GROUPS):
        units = per_unit = None
        if unit_en:
            units, per_unit = rng.randint(5, 77), rng.randint(1, 4)
            count = units * per_unit
        else:
            count = rng.randint(5, 80)
        groups.append(
            ParticipantGroup(
                event=event,
                label_th=label_th,
                label_en=label_en,
                unit_label_th=unit_th,
                unit_label_en=unit_en,
                units=units,
                per_unit=per_unit,
                count=count,
                order=order,
            )
        )
    return groups


def generate(*, scale: float, rng: random.Random, stdout=None) -> str:
    organisations, people = _ids(Organisation), _ids(Person)
    programmes, networks, publications = _ids(Programme), _ids(Network), _ids(Publication)
    total = archive.scaled(EVENTS, scale)
    made = {"events": 0, "sessions": 0, "roles": 0, "groups": 0, "attendance": 0}
    for first in range(1, total + 1, CHUNK):
        numbers = range(first, min(total, first + CHUNK - 1) + 1)
        events = archive.bulk_create(
            Event, [_event(rng, n, programmes, networks, people) for n in numbers]
        )
        organisers, sessions, groups, documents = [], [], [], []
        for event in events:
            for order, organisation in enumerate(
                archive.skewed(rng, organisations, rng.randint(1, 3))
            ):
                role = OrganiserRole.ORGANISER if order == 0 else rng.choice(list(OrganiserRole))
                organisers.append(
                    EventOrganiser(event=event, organisation=organisation, role=role, order=order)
                )
            topic = pick(rng, archive.TOPICS)
            for order, (kind, number, title_th, title_en) in enumerate(SESSIONS):
                starts_at = archive.as_aware(event.start_date, 9 + 2 * order)
                sessions.append(
                    Session(
                        event=event,
                        kind=kind,
                        number=number,
                        title_th=title_th if kind == SessionKind.OPENING else title_th + topic[0],
                        title_en=title_en
                        if kind == SessionKind.OPENING
                        else f"{title_en} {topic[1]}",
                        starts_at=starts_at,
                        ends_at=starts_at + datetime.timedelta(minutes=90),
                        order=order,
                    )
                )
            event_groups = _groups(rng, event)
            groups += event_groups
            if rng.random() < 0.85:
                event.declared_participants = sum(g.count for g in event_groups)
            elif rng.random() < 0.5:
                event.declared_participants = sum(g.count for g in event_groups) + rng.randint(1, 9)
            if rng.random() < 0.3:
                for publication in archive.skewed(rng, publications, rng.randint(1, 3)):
                    documents.append(Event.documents.through(event=event, publication=publication))
        Event.objects.bulk_update(events, ["declared_participants"], batch_size=archive.BATCH_SIZE)
        archive.bulk_create(EventOrganiser, organisers)
        sessions = archive.bulk_create(Session, sessions)
        groups = archive.bulk_create(ParticipantGroup, groups)
        archive.bulk_create(Event.documents.through, documents)

        roles, attendance = [], []
        for index, event in enumerate(events):
            event_sessions = sessions[index * len(SESSIONS) : (index + 1) * len(SESSIONS)]
            event_groups = groups[index * len(GROUPS) : (index + 1) * len(GROUPS)]
            for order, (kind, session_index, position_th, position_en) in enumerate(ROLES):
                roles.append(
                    Role(
                        event=event,
                        session=event_sessions[session_index],
                        person=archive.skewed(rng, people)[0],
                        role=kind,
                        position_held_th=position_th,
                        position_held_en=position_en,
                        order=order,
                    )
                )
            for _ in range(ATTENDANCE_PER_EVENT):
                given, family = pick(rng, archive.GIVEN_NAMES), pick(rng, archive.FAMILY_NAMES)
                in_directory = rng.random() < 0.2
                attendance.append(
                    Participation(
                        event=event,
                        person=archive.skewed(rng, people)[0] if in_directory else None,
                        name="" if in_directory else f"{given[0]} {family[0]}",
                        organisation=(
                            archive.skewed(rng, organisations)[0] if rng.random() < 0.7 else None
                        ),
                        group=rng.choice(event_groups),
                        country="TH" if rng.random() < 0.9 else pick(rng, COUNTRIES),
                        attended=rng.random() < 0.95,
                    )
                )
        archive.bulk_create(Role, roles)
        archive.bulk_create(Participation, attendance)
        for key, rows in (
            ("events", events),
            ("sessions", sessions),
            ("roles", roles),
            ("groups", groups),
            ("attendance", attendance),
        ):
            made[key] += len(rows)
        if stdout is not None and total > CHUNK:
            stdout.write(f"  events: {made['events']}/{total}")
    return (
        f"{made['events']} events, {made['sessions']} sessions, {made['roles']} roles, "
        f"{made['groups']} participant groups, {made['attendance']} attendance records"
    )


def remove() -> str:
    generated = {"event__slug__startswith": PREFIX}
    removed = 0
    # Children first, each in one statement, so the events go without row-by-row cascades.
    for model in (Participation, Role, ParticipantGroup, Session, EventOrganiser):
        removed += model.objects.filter(**generated).delete()[0]
    removed += Event.objects.filter(slug__startswith=PREFIX).delete()[0]
    return f"{removed} rows"


def pages() -> list[Page]:
    published = Event.objects.published().filter(slug__startswith=PREFIX).order_by("slug")
    count = published.count()
    found = [
        Page("events", "event list, page 1", "/th/events/", order=20),
        Page("events-200", "event list, page 200", "/th/events/?page=200", order=21),
        Page("events-en", "event list, English", "/en/events/", order=22),
        Page("calendar", "events/calendar.ics", "/th/events/calendar.ics", order=120),
        Page(
            "admin-events", "admin event changelist", "/admin/events/event/", order=130, staff=True
        ),
    ]
    if count:
        event = published[count // 2]
        found.append(Page("event", "event page", event.get_absolute_url(), order=90))
    busiest = (
        Organisation.objects.published()
        .filter(slug__startswith=PREFIX)
        .annotate(records=Count("event_roles"))
        .order_by("-records", "slug")
        .first()
    )
    if busiest:
        found.append(
            Page(
                "organisation-many",
                f"organisation with many records ({busiest.records} events)",
                busiest.get_absolute_url(),
                order=50,
            )
        )
    programme = (
        Programme.objects.published()
        .filter(slug__startswith=PREFIX)
        .annotate(records=Count("events"))
        .order_by("-records", "slug")
        .first()
    )
    if programme:
        found.append(
            Page(
                "programme-many",
                f"programme with many events ({programme.records})",
                programme.get_absolute_url(),
                order=60,
            )
        )
    return found
