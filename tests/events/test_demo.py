"""The demo: both source events in full, loaded after the other apps' demos, idempotent."""

import datetime

import pytest

from events import demo
from events.models import (
    Event,
    EventAlbum,
    EventOrganiser,
    ParticipantGroup,
    Role,
    RoleKind,
    Session,
    SessionKind,
)

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        sorted(Event.objects.values_list("slug", "updated_at")),
        sorted(Session.objects.values_list("event__slug", "kind", "number", "title_th")),
        sorted(Role.objects.values_list("event__slug", "person__slug", "role", "session_id")),
        sorted(ParticipantGroup.objects.values_list("event__slug", "order", "count")),
        sorted(EventOrganiser.objects.values_list("event__slug", "organisation__slug", "role")),
        sorted(EventAlbum.objects.values_list("event__slug", "order", "label_en")),
    )


@pytest.fixture
def loaded(demo_site):
    """What `load_demo` printed: the events demo runs after the demos of the apps below."""
    assert "2 events" in demo_site
    return demo_site


def test_loading_twice_changes_nothing(loaded):
    first = snapshot()
    counts = [m.objects.count() for m in (Event, Session, Role, ParticipantGroup, EventAlbum)]
    demo.load()
    assert snapshot() == first
    assert [
        m.objects.count() for m in (Event, Session, Role, ParticipantGroup, EventAlbum)
    ] == counts


def test_every_person_and_organisation_of_the_sources_is_linked(loaded):
    # Everything the other demos provide is found.
    assert "not found" not in loaded


def test_the_forum_has_every_figure_of_its_source(loaded):
    forum = Event.objects.published().get(slug="sddc-allied-networks-forum-2022")
    assert (forum.start_date, forum.end_date) == (
        datetime.date(2022, 8, 24),
        datetime.date(2022, 8, 25),
    )
    assert forum.declared_participants == 427
    groups = list(forum.participant_groups.all())
    assert [g.count for g in groups] == [308, 77, 13, 7, 5, 17]
    assert (groups[0].units, groups[0].per_unit, groups[0].unit_label_th) == (77, 4, "จังหวัด")
    assert groups[0].unit_label_en == "provinces"
    assert forum.participant_check.reconciles
    assert all(g.label_th and g.label_en for g in groups)
    assert forum.network.slug == "sddc"
    assert {o.slug for o in forum.organisers.all()} == {
        "ect",
        "ect-election-network-development-bureau",
    }


def test_the_forum_has_its_programme_and_people(loaded):
    forum = Event.objects.get(slug="sddc-allied-networks-forum-2022")
    breakouts = forum.sessions.filter(kind=SessionKind.BREAKOUT).order_by("number")
    assert [s.number for s in breakouts] == [1, 2, 3, 4, 5, 6]
    assert all(s.title_th and s.title_en for s in breakouts)
    assert breakouts[5].title_th == "แนวทางปฏิบัติงานของ สนง.กกต.จว. ตามระเบียบใหม่"
    lecture = forum.sessions.get(kind=SessionKind.SPECIAL_LECTURE)
    assert lecture.title_th == "แนวทางการดำเนินการเพื่อส่งเสริมพัฒนา ศส.ปชต. ให้มีความเข้มแข็ง"
    assert lecture.roles.get().person.slug == "seng-singtothong"
    assert (
        forum.sessions.get(kind=SessionKind.PANEL).roles.filter(role=RoleKind.PANELIST).count() == 5
    )
    moderator = forum.roles.get(role=RoleKind.MODERATOR)
    assert moderator.person.slug == "orawan-krimwiratkul"
    chair = forum.roles.get(role=RoleKind.PRESIDING_CHAIR)
    assert chair.person.slug == "ittiporn-boonpracong"
    assert chair.position_held_th == "ประธานกรรมการการเลือกตั้ง"
    assert chair.position_held_en == "Chairman of the Election Commission"
    assert all(
        r.position_held_th and r.position_held_en
        for r in forum.roles.exclude(role=RoleKind.MODERATOR)
    )


def test_the_conference_has_every_figure_of_its_source(loaded):
    conference = Event.objects.published().get(slug="csos-regional-conference-2018")
    assert (conference.start_date, conference.end_date) == (
        datetime.date(2018, 2, 7),
        datetime.date(2018, 2, 8),
    )
    assert conference.declared_participants == 79
    assert conference.organisations_represented == 46
    assert sorted(c.code for c in conference.countries_represented) == [
        "KH",
        "LA",
        "MM",
        "TH",
        "VN",
    ]
    assert conference.edition == 2
    assert conference.outcome_statement_th.startswith("เราเชื่อมั่นในการมีอยู่")
    assert conference.outcome_statement_en.startswith("We believe in the existence")
    assert conference.outcome_title_th and conference.outcome_title_en
    assert conference.reporter.slug == "sirinat-mattra"
    assert conference.image_credit_th == conference.image_credit_en == "CSNM"
    assert [a.label_en for a in conference.albums.all()] == [
        "Photo album by CSNM",
        "Photo album by USAID Asia",
    ]
    assert {o.slug for o in conference.organisers.all()} == {"csnm"}
    assert sorted(conference.documents.values_list("kind", flat=True)) == ["paper", "presentation"]
    for field in ("title", "summary", "objectives", "body", "theme", "venue_name", "venue_city"):
        assert getattr(conference, f"{field}_th") and getattr(conference, f"{field}_en"), field


@pytest.mark.parametrize("lang", ["th", "en"])
def test_both_events_show_in_both_languages(client, loaded, lang):
    html = client.get(f"/{lang}/events/").content.decode()
    for slug in ("sddc-allied-networks-forum-2022", "csos-regional-conference-2018"):
        assert f"/{lang}/events/{slug}/" in html
        assert client.get(f"/{lang}/events/{slug}/").status_code == 200
