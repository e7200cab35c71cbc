"""The staff journey: one event entered in one sitting, in Thai or in English.

The admin's language is the staff member's: the `phakhi_language` cookie
(Django's LocaleMiddleware on the unprefixed /admin/ URLs), as the language
switcher on the public site leaves it.
"""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from events.models import Event, ParticipantGroup, Participation, Role, Session
from tests.events.factories import (
    EventFactory,
    OrganisationFactory,
    ParticipantGroupFactory,
    ParticipationFactory,
    PersonFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db

LANGS = ["th", "en"]


@pytest.fixture
def staff_in(admin_client):
    def make(lang: str):
        admin_client.cookies["phakhi_language"] = lang
        return admin_client

    return make


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


# --- pages render ----------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_event_admin_pages_render_in_the_staff_language(staff_in, lang):
    client = staff_in(lang)
    event = EventFactory()
    SessionFactory(event=event)
    ParticipantGroupFactory(event=event)
    changelist = client.get(reverse("admin:events_event_changelist"))
    add = client.get(reverse("admin:events_event_add"))
    change = client.get(reverse("admin:events_event_change", args=[event.pk]))
    for response in (changelist, add, change):
        assert response.status_code == 200
        assert response["Content-Language"] == lang
    html = change.content.decode()
    # Tabbed Thai/English editing of the translated fields.
    assert 'name="title_th"' in html and 'name="title_en"' in html
    assert 'name="sessions-0-title_th"' in html and 'name="sessions-0-title_en"' in html
    labels = {
        "th": ["วันเริ่ม", "กลุ่มผู้เข้าร่วม", "บันทึกและดูหน้าเว็บไซต์"],
        "en": ["Start date", "Participant groups", "Save and view on site"],
    }[lang]
    for label in labels:
        assert label in html, label


@pytest.mark.parametrize("lang", LANGS)
def test_attendance_admin_pages_render_in_the_staff_language(staff_in, lang):
    client = staff_in(lang)
    participation = ParticipationFactory()
    for url in (
        reverse("admin:events_participation_changelist"),
        reverse("admin:events_participation_add"),
        reverse("admin:events_participation_change", args=[participation.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Language"] == lang
    html = client.get(reverse("admin:events_participation_changelist")).content.decode()
    assert str(participation.person) in html


def test_every_registered_events_model_is_covered(admin_client):
    html = admin_client.get("/admin/").content.decode()
    registered = set(re.findall(r"/admin/events/(\w+)/", html))
    assert registered == {"event", "eventseries", "participation"}


# --- changelist ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "dates"), [("th", "24–25 สิงหาคม 2565"), ("en", "24–25 August 2022")]
)
def test_changelist_shows_dates_in_the_staff_calendar(staff_in, lang, dates):
    EventFactory()
    html = staff_in(lang).get(reverse("admin:events_event_changelist")).content.decode()
    assert dates in text_of(html)


@pytest.mark.parametrize("lang", LANGS)
def test_changelist_flags_totals_that_differ_and_missing_english_titles(staff_in, lang):
    wrong = EventFactory(title_th="งานตัวเลขไม่ตรง", declared_participants=100)
    ParticipantGroupFactory(event=wrong, count=60)
    ParticipantGroupFactory(event=wrong, count=30)
    right = EventFactory(title_th="งานตัวเลขตรง", declared_participants=20)
    ParticipantGroupFactory(event=right, count=20)
    EventFactory(title_th="งานไม่มีชื่ออังกฤษ", title_en="")
    html = staff_in(lang).get(reverse("admin:events_event_changelist")).content.decode()
    rows = {
        title: text_of(row)
        for row in re.findall(r"<tr[^>]*>.*?</tr>", html, re.S)
        for title in ("งานตัวเลขไม่ตรง", "งานตัวเลขตรง", "งานไม่มีชื่ออังกฤษ")
        if title in row
    }
    differs = {"th": "ไม่ตรง", "en": "do not add up"}[lang]
    assert differs in rows["งานตัวเลขไม่ตรง"] and "90 ≠ 100" in rows["งานตัวเลขไม่ตรง"]
    assert "⚠" not in rows["งานตัวเลขตรง"]
    no_english = {"th": "ไม่มีชื่อภาษาอังกฤษ", "en": "no English title"}[lang]
    assert no_english in rows["งานไม่มีชื่ออังกฤษ"]
    assert no_english not in rows["งานตัวเลขตรง"]


@pytest.mark.parametrize(("lang", "label"), [("th", "2565"), ("en", "2022")])
def test_changelist_filters_by_year_labelled_in_the_staff_calendar(staff_in, lang, label):
    EventFactory(title_th="งานปี 2565")
    EventFactory(
        title_th="งานปี 2561",
        start_date=datetime.date(2018, 2, 7),
        end_date=datetime.date(2018, 2, 8),
    )
    client = staff_in(lang)
    url = reverse("admin:events_event_changelist")
    html = client.get(url).content.decode()
    assert 'href="?year=2022"' in html
    assert re.search(rf'href="\?year=2022"[^>]*>\s*{label}\s*<', html)
    filtered = client.get(url, {"year": "2018"}).content.decode()
    assert "งานปี 2561" in filtered and "งานปี 2565" not in filtered
    # A junk year is ignored, not an error.
    assert client.get(url, {"year": "junk"}).status_code in (200, 302)


def test_changelist_filters_by_kind_country_and_status(staff_in):
    EventFactory(title_th="งานฟอรัม", kind="forum", venue_country="TH")
    EventFactory(title_th="งานประชุมลาว", kind="conference", venue_country="LA", status="draft")
    client = staff_in("en")
    url = reverse("admin:events_event_changelist")
    html = client.get(url, {"kind__exact": "conference"}).content.decode()
    assert "งานประชุมลาว" in html and "งานฟอรัม" not in html
    html = client.get(url, {"venue_country": "LA"}).content.decode()
    assert "งานประชุมลาว" in html and "งานฟอรัม" not in html
    html = client.get(url, {"status__exact": "draft"}).content.decode()
    assert "งานประชุมลาว" in html and "งานฟอรัม" not in html


# --- add / change with inlines -----------------------------------------------------


def inline_prefixes(html: str) -> list[str]:
    return re.findall(r'name="([\w-]+)-TOTAL_FORMS"', html)


def event_post(add_page_html: str, rows: dict | None = None, **overrides) -> dict:
    """A complete add-form POST: the event's fields and every inline's management form.

    `rows` maps an inline prefix to the list of its forms' field values.
    """
    data = {
        "title_th": "เวทีทดสอบ",
        "title_en": "Test forum",
        "slug": "test-forum",
        "kind": "forum",
        "status": "published",
        "published_at_0": "",
        "published_at_1": "",
        "start_date": "2022-08-24",
        "end_date": "2022-08-25",
        "venue_city_th": "กรุงเทพมหานคร",
        "venue_city_en": "Bangkok",
        "venue_country": "TH",
        "declared_participants": "",
    }
    rows = rows or {}
    for prefix in inline_prefixes(add_page_html):
        forms = rows.get(prefix, [])
        data[f"{prefix}-TOTAL_FORMS"] = str(len(forms))
        data[f"{prefix}-INITIAL_FORMS"] = "0"
        data[f"{prefix}-MIN_NUM_FORMS"] = "0"
        data[f"{prefix}-MAX_NUM_FORMS"] = "1000"
        for i, values in enumerate(forms):
            for name, value in values.items():
                data[f"{prefix}-{i}-{name}"] = value
    data.update(overrides)
    return data


def test_add_page_offers_the_inlines_staff_need(admin_client):
    html = admin_client.get(reverse("admin:events_event_add")).content.decode()
    assert set(inline_prefixes(html)) == {
        "event_organisers",
        "sessions",
        "roles",
        "participant_groups",
        "awards",
        "good_practice_links",
        "albums",
        "photos",
        "sources",
    }
    # Autocomplete for people and organisations.
    assert "admin-autocomplete" in html


@pytest.mark.parametrize("lang", LANGS)
def test_add_with_sessions_roles_and_groups_creates_the_event(staff_in, lang):
    client = staff_in(lang)
    organiser = OrganisationFactory()
    speaker = PersonFactory()
    url = reverse("admin:events_event_add")
    html = client.get(url).content.decode()
    rows = {
        "event_organisers": [{"organisation": organiser.pk, "role": "organiser", "order": "0"}],
        "sessions": [
            {
                "kind": "panel",
                "title_th": "เสวนา",
                "title_en": "Panel",
                "starts_at_0": "2022-08-24",
                "starts_at_1": "09:00",
                "ends_at_0": "2022-08-24",
                "ends_at_1": "12:00",
                "order": "0",
            },
            {"kind": "breakout", "number": "1", "title_th": "กลุ่ม 1", "order": "1"},
        ],
        "roles": [
            {
                "person": speaker.pk,
                "role": "panelist",
                "position_held_th": "กรรมการ",
                "position_held_en": "Commissioner",
                "order": "0",
            }
        ],
        "participant_groups": [
            {"label_th": "ผู้แทน", "count": "308", "units": "77", "per_unit": "4", "order": "0"},
            {"label_th": "สื่อมวลชน", "count": "17", "order": "1"},
        ],
    }
    response = client.post(url, event_post(html, rows, declared_participants="325"))
    assert response.status_code == 302, text_of(response.content.decode())[:2000]
    event = Event.objects.get(slug="test-forum")
    assert event.start_date == datetime.date(2022, 8, 24)
    assert list(event.organisers.all()) == [organiser]
    assert event.sessions.count() == 2
    panel = event.sessions.get(kind="panel")
    assert timezone.localtime(panel.starts_at) == datetime.datetime(
        2022, 8, 24, 9, 0, tzinfo=timezone.get_current_timezone()
    )
    role = Role.objects.get(event=event)
    assert role.person == speaker and role.position_held_en == "Commissioner"
    assert [g.count for g in event.participant_groups.all()] == [308, 17]
    assert event.participant_check.reconciles


@pytest.mark.parametrize(
    ("lang", "message"),
    [("th", "วันสิ้นสุดกิจกรรมต้องไม่ก่อนวันเริ่ม"), ("en", "The event cannot end before it starts.")],
)
def test_end_before_start_is_refused_with_a_translated_message(staff_in, lang, message):
    client = staff_in(lang)
    url = reverse("admin:events_event_add")
    html = client.get(url).content.decode()
    rows = {"participant_groups": [{"label_th": "กลุ่ม", "count": "5", "order": "0"}]}
    response = client.post(
        url, event_post(html, rows, start_date="2022-08-25", end_date="2022-08-24")
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Event.objects.exists()
    assert not ParticipantGroup.objects.exists()


@pytest.mark.parametrize("lang", LANGS)
def test_a_session_outside_the_event_dates_is_refused(staff_in, lang):
    client = staff_in(lang)
    url = reverse("admin:events_event_add")
    html = client.get(url).content.decode()
    rows = {
        "sessions": [
            {"kind": "opening", "starts_at_0": "2022-08-27", "starts_at_1": "09:00", "order": "0"}
        ]
    }
    response = client.post(url, event_post(html, rows))
    assert response.status_code == 200
    message = {
        "th": "เวลานี้อยู่นอกช่วงวันที่ของกิจกรรม",
        "en": "This time falls outside the event's dates.",
    }[lang]
    assert message in response.content.decode().replace("&#x27;", "'")
    assert not Event.objects.exists()


@pytest.mark.parametrize("lang", LANGS)
def test_groups_that_differ_from_the_total_need_a_confirmation(staff_in, lang):
    client = staff_in(lang)
    url = reverse("admin:events_event_add")
    html = client.get(url).content.decode()
    assert 'type="hidden" name="totals_difference_confirmed"' in html  # nothing to confirm yet
    rows = {
        "participant_groups": [
            {"label_th": "ผู้แทน", "count": "300", "order": "0"},
            {"label_th": "สื่อมวลชน", "count": "17", "order": "1"},
        ]
    }
    post = event_post(html, rows, declared_participants="427")
    response = client.post(url, post)
    assert response.status_code == 200
    page = response.content.decode()
    warning = {
        "th": "กลุ่มผู้เข้าร่วมรวมกันได้ 317 คน แต่ยอดรวมที่แจ้งไว้คือ 427",
        "en": "the participant groups add up to 317 but the declared total is 427",
    }[lang]
    assert warning in page
    assert 'type="checkbox" name="totals_difference_confirmed"' in page
    assert not Event.objects.exists()
    # The staff member confirms the difference and saves.
    response = client.post(url, {**post, "totals_difference_confirmed": "on"})
    assert response.status_code == 302
    event = Event.objects.get()
    assert event.totals_difference_confirmed
    assert event.participant_check.differs
    # The changelist still shows the difference, marked as confirmed.
    changelist = client.get(reverse("admin:events_event_changelist")).content.decode()
    confirmed = {"th": "ยืนยันแล้ว", "en": "confirmed"}[lang]
    assert "317 ≠ 427" in changelist and confirmed in changelist


def test_thai_staff_typing_a_buddhist_era_date_store_the_common_era_date(staff_in):
    client = staff_in("th")
    url = reverse("admin:events_event_add")
    html = client.get(url).content.decode()
    response = client.post(url, event_post(html, start_date="24/08/2565", end_date="25/08/2565"))
    assert response.status_code == 302
    event = Event.objects.get()
    assert event.start_date == datetime.date(2022, 8, 24)
    assert event.end_date == datetime.date(2022, 8, 25)
    # Shown back in BE on the change page.
    change = client.get(reverse("admin:events_event_change", args=[event.pk])).content.decode()
    assert 'value="24/08/2565"' in change


@pytest.mark.parametrize("lang", LANGS)
def test_save_and_view_on_site_opens_the_public_page(staff_in, lang):
    client = staff_in(lang)
    url = reverse("admin:events_event_add")
    html = client.get(url).content.decode()
    response = client.post(url, event_post(html, _viewonsite="1"))
    assert response.status_code == 302
    assert response["Location"] == f"/{lang}/events/test-forum/"
    event = Event.objects.get()
    change_url = reverse("admin:events_event_change", args=[event.pk])
    change_html = client.get(change_url).content.decode()
    post = event_post(change_html, title_en="Renamed forum", _viewonsite="1")
    response = client.post(change_url, post)
    assert response.status_code == 302
    assert response["Location"] == f"/{lang}/events/test-forum/"
    assert client.get(response["Location"]).status_code == 200


def test_change_page_offers_only_this_events_sessions_for_roles(admin_client):
    event = EventFactory()
    mine = SessionFactory(event=event, title_th="หัวข้อของงานนี้")
    SessionFactory(title_th="หัวข้อของงานอื่น")
    html = admin_client.get(reverse("admin:events_event_change", args=[event.pk])).content.decode()
    assert f'<option value="{mine.pk}">' in html
    assert "หัวข้อของงานอื่น" not in html


def test_attendance_stays_private_to_staff(client):
    participation = ParticipationFactory()
    response = client.get(reverse("admin:events_participation_changelist"))
    assert response.status_code == 302  # to the sign-in page
    assert str(participation.person) not in response.content.decode()
    assert Participation.objects.count() == 1
    assert Session.objects.count() == 0
