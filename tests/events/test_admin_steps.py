"""Fewer steps in the event admin: roles of new sessions in the first save, inlines that fit
the page, new rows on the Thai tab, and "save and add another" that keeps the event."""

import re

import pytest
from django.urls import reverse

from events.models import Event, Participation, Role
from tests.events.factories import (
    EventFactory,
    EventOrganiserFactory,
    EventSeriesFactory,
    PersonFactory,
    ProgrammeFactory,
    SessionFactory,
)
from tests.events.test_admin import event_post, text_of
from tests.portal.admin_forms import form_data

pytestmark = pytest.mark.django_db

LANGS = ["th", "en"]


@pytest.fixture
def staff_in(admin_client):
    def make(lang: str):
        admin_client.cookies["phakhi_language"] = lang
        return admin_client

    return make


def _sessions_and_roles(chair, speaker, *, speaker_session="2"):
    return {
        "sessions": [
            {"kind": "opening", "title_th": "พิธีเปิด", "order": "0"},
            {"kind": "panel", "number": "1", "title_th": "เสวนา", "order": "1"},
        ],
        "roles": [
            {"person": chair.pk, "role": "presiding_chair", "session_position": "1", "order": "0"},
            {
                "person": speaker.pk,
                "role": "panelist",
                "session_position": speaker_session,
                "order": "1",
            },
        ],
    }


@pytest.mark.parametrize("lang", LANGS)
def test_roles_name_sessions_added_in_the_same_first_save(staff_in, lang):
    client = staff_in(lang)
    chair, speaker = PersonFactory(), PersonFactory()
    url = reverse("admin:events_event_add")
    html = client.get(url).content.decode()
    assert 'name="roles-__prefix__-session_position"' in html
    response = client.post(url, event_post(html, _sessions_and_roles(chair, speaker)))
    assert response.status_code == 302, text_of(response.content.decode())[:2000]
    event = Event.objects.get(slug="test-forum")
    roles = {role.person_id: role for role in Role.objects.filter(event=event)}
    assert roles[chair.pk].session.kind == "opening"
    assert roles[speaker.pk].session == event.sessions.get(kind="panel")


@pytest.mark.parametrize(
    ("lang", "message"),
    [("th", "ไม่มีช่วงกิจกรรมที่ 3"), ("en", "There is no session 3")],
)
def test_a_session_number_past_the_list_is_refused_and_nothing_saved(staff_in, lang, message):
    client = staff_in(lang)
    url = reverse("admin:events_event_add")
    html = client.get(url).content.decode()
    rows = _sessions_and_roles(PersonFactory(), PersonFactory(), speaker_session="3")
    response = client.post(url, event_post(html, rows))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Event.objects.exists() and not Role.objects.exists()


def test_a_deleted_session_row_does_not_count(staff_in):
    client = staff_in("en")
    url = reverse("admin:events_event_add")
    html = client.get(url).content.decode()
    rows = _sessions_and_roles(PersonFactory(), PersonFactory())
    rows["sessions"][1]["DELETE"] = "on"
    response = client.post(url, event_post(html, rows))
    assert response.status_code == 200
    assert "There is no session 2" in response.content.decode()


def test_choosing_a_session_and_giving_a_number_is_refused(staff_in):
    client = staff_in("en")
    event = EventFactory()
    session = SessionFactory(event=event)
    change = reverse("admin:events_event_change", args=[event.pk])
    html = client.get(change).content.decode()
    data = event_post(
        html,
        {
            "roles": [
                {
                    "person": PersonFactory().pk,
                    "role": "panelist",
                    "session": session.pk,
                    "session_position": "1",
                    "order": "0",
                }
            ]
        },
        slug=event.slug,
    )
    # The change page has the existing session in its sessions inline.
    data["sessions-TOTAL_FORMS"] = "1"
    data["sessions-INITIAL_FORMS"] = "1"
    data["sessions-0-id"] = str(session.pk)
    data["sessions-0-event"] = str(event.pk)
    data["sessions-0-kind"] = session.kind
    data["sessions-0-order"] = "0"
    response = client.post(change, data)
    assert response.status_code == 200
    assert "not both" in response.content.decode()
    assert not Role.objects.exists()


@pytest.mark.parametrize("lang", LANGS)
def test_sessions_are_stacked_with_the_description_folded(staff_in, lang):
    client = staff_in(lang)
    html = client.get(reverse("admin:events_event_add")).content.decode()
    group = html.split('id="sessions-group"', 1)[1].split('id="roles-group"', 1)[0]
    assert "tabular" not in group.split(">", 1)[0] and "inline-related" in group
    # No table wider than the page: the session's fields are laid out a few to a line.
    assert "<table" not in group
    assert re.search(r"<details[^>]*>\s*<summary>", group) or "collapse" in group
    # The script that opens new rows on the Thai tab is on the page.
    assert "js/admin_inline_tabs.js" in html


def test_session_errors_show_by_their_field(staff_in):
    client = staff_in("en")
    url = reverse("admin:events_event_add")
    html = client.get(url).content.decode()
    rows = {
        "sessions": [
            {
                "kind": "panel",
                "starts_at_0": "2022-08-24",
                "starts_at_1": "12:00",
                "ends_at_0": "2022-08-24",
                "ends_at_1": "09:00",
                "order": "0",
            }
        ]
    }
    response = client.post(url, event_post(html, rows))
    assert response.status_code == 200
    page = response.content.decode()
    group = page.split('id="sessions-group"', 1)[1].split('id="roles-group"', 1)[0]
    assert "The session cannot end before it starts." in group


@pytest.mark.parametrize("lang", LANGS)
def test_save_and_add_another_attendance_keeps_the_event(staff_in, lang):
    client = staff_in(lang)
    event = EventFactory()
    url = reverse("admin:events_participation_add")
    response = client.post(
        url, {"event": event.pk, "name": "สมหญิง ใจงาม", "attended": "on", "_addanother": "1"}
    )
    assert response.status_code == 302, text_of(response.content.decode())[:2000]
    assert Participation.objects.filter(event=event).count() == 1
    assert response["Location"].endswith(f"?event={event.pk}")
    page = client.get(response["Location"]).content.decode()
    assert re.search(rf'<option value="{event.pk}" selected>', page)
    # Plain "save" still goes back to the list.
    response = client.post(
        url, {"event": event.pk, "name": "สมชาย", "attended": "on", "_save": "1"}
    )
    assert response["Location"] == reverse("admin:events_participation_changelist")


@pytest.mark.parametrize("lang", LANGS)
def test_save_and_add_another_event_keeps_its_series_programme_and_organisers(staff_in, lang):
    """The next batch of a series is dates, place and title away: “save and add another”
    on an event opens a new one in the same series (next batch number), programme,
    network, kind and country, with the same organisers."""
    client = staff_in(lang)
    series = EventSeriesFactory()
    first = EventFactory(
        series=series,
        batch_number=1,
        kind="training",
        venue_country="TH",
        title_th="รุ่นที่ 1",
        programme=ProgrammeFactory(),
    )
    host = EventOrganiserFactory(event=first, role="host", order=0).organisation
    partner = EventOrganiserFactory(event=first, order=1).organisation
    url = reverse("admin:events_event_change", args=[first.pk])
    response = client.post(url, {**form_data(client.get(url).content.decode()), "_addanother": "1"})
    assert response.status_code == 302, text_of(response.content.decode())[:2000]
    assert response["Location"] == reverse("admin:events_event_add") + f"?after={first.pk}"

    page = client.get(response["Location"]).content.decode()
    assert re.search(rf'<option value="{series.pk}" selected>', page)
    assert re.search(r'name="batch_number" value="2"', page)
    assert re.search(rf'<option value="{first.programme_id}" selected>', page)
    assert re.search(r'<option value="training" selected>', page)
    data = form_data(
        page,
        title_th="รุ่นที่ 2",
        slug="batch-2",
        start_date="01/09/2565",
        end_date="02/09/2565",
        batch_place_th="ขอนแก่น",
    )
    assert data["event_organisers-TOTAL_FORMS"] == "2"
    response = client.post(reverse("admin:events_event_add"), data)
    assert response.status_code == 302, text_of(response.content.decode())[:3000]
    second = Event.objects.get(slug="batch-2")
    assert (second.series, second.batch_number, second.programme_id, second.kind) == (
        series,
        2,
        first.programme_id,
        "training",
    )
    assert str(second.start_date) == "2022-09-01"  # BE typed, CE stored
    assert [(o.organisation, o.role) for o in second.event_organisers.all()] == [
        (host, "host"),
        (partner, "organiser"),
    ]
    assert first.event_organisers.count() == 2  # the first batch keeps its own


def test_the_next_event_form_ignores_an_event_it_cannot_read(staff_in):
    client = staff_in("th")
    page = client.get(reverse("admin:events_event_add") + "?after=999999").content.decode()
    assert 'name="batch_number" value="' not in page
    page = client.get(reverse("admin:events_event_add") + "?after=abc")
    assert page.status_code == 200


def test_an_awards_category_is_not_labelled_as_a_participant_category(staff_in):
    page = staff_in("th").get(reverse("admin:events_event_add")).content.decode()
    awards = page.split('id="awards-group"', 1)[1].split('id="good_practice_links-group"', 1)[0]
    assert "ประเภทรางวัล" in awards and "ประเภทผู้เข้าร่วม" not in awards
