"""The iCalendar files, read back with a real RFC 5545 parser (the `icalendar` package)."""

import datetime

import icalendar
import pytest
from django.utils import timezone

from events import ical
from tests.events.factories import EventFactory, NetworkFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db

LANGS = ["th", "en"]


def fetch(client, url) -> icalendar.Calendar:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("text/calendar")
    assert "charset=utf-8" in response["Content-Type"]
    body = response.content
    # RFC 5545: CRLF line ends, no line longer than 75 octets.
    lines = body.split(b"\r\n")
    assert lines[-1] == b""
    assert all(len(line) <= 75 for line in lines), max(lines, key=len)
    return icalendar.Calendar.from_ical(body)


def vevents(calendar: icalendar.Calendar) -> list:
    return [c for c in calendar.walk() if c.name == "VEVENT"]


@pytest.mark.parametrize("lang", LANGS)
def test_one_event_file_is_a_valid_calendar_with_an_all_day_multi_day_event(
    client, ect_forum, lang
):
    calendar = fetch(client, f"/{lang}/events/{ect_forum.slug}.ics")
    assert calendar.name == "VCALENDAR"
    assert str(calendar["VERSION"]) == "2.0"
    assert "Phakhi" in str(calendar["PRODID"])
    [event] = vevents(calendar)
    start, end = event["DTSTART"], event["DTEND"]
    assert start.params.get("VALUE") == "DATE"
    assert start.dt == datetime.date(2022, 8, 24)
    assert type(start.dt) is datetime.date  # all-day: a date, not a date-time
    # DTEND is exclusive: the day after the last day (24–25 August ends on the 26th).
    assert end.dt == datetime.date(2022, 8, 26)
    assert event["URL"] == f"http://testserver/{lang}/events/{ect_forum.slug}/"
    summary = {
        "th": "เสวนาวิชาการ “รวมพลคน ศส.ปชต. และเครือข่ายพันธมิตร”",
        "en": "Academic forum “Rally of SDDC People and Allied Networks”",
    }[lang]
    assert str(event["SUMMARY"]) == summary
    location = str(event["LOCATION"])
    if lang == "th":
        assert "โรงแรมอัศวิน แกรนด์คอนเวนชั่น" in location and "กรุงเทพมหานคร" in location
        assert "ไทย" in location
    else:
        assert "Asawin Grand Convention Hotel" in location and "Bangkok" in location
        assert "Thailand" in location
    assert event["DTSTAMP"].dt.tzinfo is not None


def test_a_one_day_event_ends_the_next_day(client):
    event = EventFactory(start_date=datetime.date(2018, 2, 7), end_date=datetime.date(2018, 2, 7))
    [vevent] = vevents(fetch(client, f"/en/events/{event.slug}.ics"))
    assert vevent["DTSTART"].dt == datetime.date(2018, 2, 7)
    assert vevent["DTEND"].dt == datetime.date(2018, 2, 8)


@pytest.mark.parametrize("lang", LANGS)
def test_year_calendars_have_one_entry_per_published_event_and_no_drafts(
    client, ect_forum, mekong_conference, lang
):
    EventFactory(
        title_th="ร่างลับ",
        title_en="Secret draft",
        status="draft",
        start_date=datetime.date(2018, 3, 1),
        end_date=datetime.date(2018, 3, 1),
    )
    calendar = fetch(client, f"/{lang}/events/calendar/2018.ics")
    assert str(calendar["VERSION"]) == "2.0"
    assert calendar["PRODID"]
    entries = vevents(calendar) + vevents(fetch(client, f"/{lang}/events/calendar/2022.ics"))
    assert len(entries) == 2
    summaries = {str(e["SUMMARY"]) for e in entries}
    if lang == "th":
        assert "งานสัมมนา CSOs Regional Conference 2018" in summaries
    else:
        assert "CSOs Regional Conference 2018" in summaries
    assert not any("Secret draft" in s or "ร่างลับ" in s for s in summaries)
    assert len({str(e["UID"]) for e in entries}) == 2
    dates = {str(e["SUMMARY"]): (e["DTSTART"].dt, e["DTEND"].dt) for e in entries}
    assert (datetime.date(2018, 2, 7), datetime.date(2018, 2, 9)) in dates.values()


def test_uid_is_stable_across_requests_languages_and_renames(client, ect_forum):
    def uid(url):
        [event] = vevents(fetch(client, url))
        return str(event["UID"])

    first = uid(f"/th/events/{ect_forum.slug}.ics")
    assert first == uid(f"/th/events/{ect_forum.slug}.ics")
    assert first == uid(f"/en/events/{ect_forum.slug}.ics")
    feed = {str(e["UID"]) for e in vevents(fetch(client, "/en/events/calendar/2022.ics"))}
    assert first in feed
    ect_forum.title_en = "Renamed forum"
    ect_forum.save()
    assert first == uid(f"/en/events/{ect_forum.slug}.ics")


def test_commas_semicolons_and_long_text_round_trip(client):
    title = "Forum; dialogue, and reform \\ a backslash: " + "ยาวมาก" * 30
    event = EventFactory(
        title_en=title,
        venue_name_en="Hall A, 4th floor; east wing",
        summary_en="Line one\nLine two, with a comma; and a semicolon",
    )
    response = client.get(f"/en/events/{event.slug}.ics")
    assert b"Forum\\; dialogue\\, and reform" in response.content  # escaped as RFC 5545 asks
    [vevent] = vevents(fetch(client, f"/en/events/{event.slug}.ics"))
    assert str(vevent["SUMMARY"]) == title
    assert str(vevent["LOCATION"]).startswith("Hall A, 4th floor; east wing")
    assert str(vevent["DESCRIPTION"]).startswith(
        "Line one\nLine two, with a comma; and a semicolon"
    )


def test_an_unknown_or_draft_event_has_no_calendar_file(client):
    draft = EventFactory(status="draft")
    assert client.get(f"/en/events/{draft.slug}.ics").status_code == 404
    assert client.get("/en/events/no-such-event.ics").status_code == 404


def test_the_event_page_links_to_its_calendar_file(client, ect_forum):
    html = client.get(f"/en/events/{ect_forum.slug}/").content.decode()
    assert f"/en/events/{ect_forum.slug}.ics" in html


def _on(days_from_today: int, length: int = 0, **extra):
    start = timezone.localdate() + datetime.timedelta(days=days_from_today)
    return EventFactory(start_date=start, end_date=start + datetime.timedelta(days=length), **extra)


def test_the_all_events_calendar_holds_upcoming_events_and_the_last_twelve_months(client):
    upcoming = _on(30, title_en="Next month")
    recent = _on(-300, title_en="Last spring")
    ended_within = _on(-370, length=10, title_en="Ended 360 days ago")
    old = _on(-400, title_en="Over a year ago")
    summaries = {str(e["SUMMARY"]) for e in vevents(fetch(client, "/en/events/calendar.ics"))}
    assert {upcoming.title_en, recent.title_en, ended_within.title_en} <= summaries
    assert old.title_en not in summaries
    # The older event is in its year's calendar.
    year = old.start_date.year
    assert old.title_en in {
        str(e["SUMMARY"]) for e in vevents(fetch(client, f"/en/events/calendar/{year}.ics"))
    }


def test_a_year_calendar_holds_events_that_cross_into_the_year(client):
    crossing = EventFactory(
        start_date=datetime.date(2019, 12, 30), end_date=datetime.date(2020, 1, 2)
    )
    for year in (2019, 2020):
        uids = {str(e["UID"]) for e in vevents(fetch(client, f"/en/events/calendar/{year}.ics"))}
        assert uids == {ical.event_uid(crossing)}
    assert vevents(fetch(client, "/en/events/calendar/2021.ics")) == []


def test_a_buddhist_era_year_calendar_goes_to_its_common_era_address(client):
    response = client.get("/th/events/calendar/2561.ics")
    assert response.status_code == 301
    assert response["Location"] == "/th/events/calendar/2018.ics"
    assert client.get("/en/events/calendar/1066.ics").status_code == 404
    assert client.get("/en/events/calendar/99999.ics").status_code == 404


def test_programme_and_network_calendars_hold_only_their_published_events(client):
    programme = ProgrammeFactory(slug="cspp", title_en="Civil Society Partnerships")
    network = NetworkFactory(slug="sddc", name_en="SDDC")
    ours = EventFactory(programme=programme, network=network, title_en="Ours")
    EventFactory(programme=programme, network=network, title_en="Draft", status="draft")
    EventFactory(title_en="Someone else's")
    for url in ("/en/events/calendar/programme/cspp.ics", "/en/events/calendar/network/sddc.ics"):
        calendar = fetch(client, url)
        assert [str(e["SUMMARY"]) for e in vevents(calendar)] == [ours.title_en]
    assert str(fetch(client, "/en/events/calendar/programme/cspp.ics")["X-WR-CALNAME"]) == (
        "Civil Society Partnerships"
    )
    hidden = ProgrammeFactory(slug="hidden", status="draft")
    EventFactory(programme=hidden)
    assert client.get("/en/events/calendar/programme/hidden.ics").status_code == 404
    assert client.get("/en/events/calendar/network/nope.ics").status_code == 404


def test_a_calendar_costs_the_same_queries_and_is_capped_however_many_events(
    client, django_assert_num_queries, monkeypatch
):
    monkeypatch.setattr(ical, "MAX_EVENTS", 10)
    for days in range(5):
        _on(days)
    with django_assert_num_queries(1):
        assert len(vevents(fetch(client, "/en/events/calendar.ics"))) == 5
    for days in range(5, 40):
        _on(days)
    with django_assert_num_queries(1):
        entries = vevents(fetch(client, "/en/events/calendar.ics"))
    # The cap keeps the latest ten, in date order.
    starts = [e["DTSTART"].dt for e in entries]
    assert len(entries) == 10 and starts == sorted(starts)
    assert starts[-1] == timezone.localdate() + datetime.timedelta(days=39)


# --- identifiers, hostile text, the programme and network calendars -----------------------

HOSTILE = "Evil\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil; a, b \\ c\x01\x0b"


def test_uids_are_the_slug_under_the_configured_domain_not_the_database_id(client, settings):
    settings.PHAKHI_UID_DOMAIN = "phakhi.example.org"
    event = EventFactory(slug="sddc-forum-2022", status="published")
    (vevent,) = vevents(fetch(client, f"/en/events/{event.slug}.ics"))
    assert str(vevent["UID"]) == "event-sddc-forum-2022@phakhi.example.org"
    # The same event stored again (another server, a restore): the same UID.
    event.delete()
    EventFactory(slug="sddc-forum-2022", status="published", title_en="Renamed")
    (again,) = vevents(fetch(client, "/en/events/sddc-forum-2022.ics"))
    assert str(again["UID"]) == str(vevent["UID"])


def test_the_uid_domain_defaults_to_the_first_allowed_host():
    import os
    import subprocess
    import sys

    code = "from django.conf import settings; print(settings.PHAKHI_UID_DOMAIN)"
    env = {**os.environ, "ALLOWED_HOSTS": ".phakhi.example.org,www.x.org", "PHAKHI_UID_DOMAIN": ""}
    env["DJANGO_SETTINGS_MODULE"] = "portal.settings"
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert result.stdout.strip() == "phakhi.example.org"


@pytest.mark.parametrize("field", ["title_en", "summary_en", "venue_name_en"])
def test_hostile_text_stays_inside_its_property(client, field):
    event = EventFactory(slug="hostile", status="published", **{field: HOSTILE})
    body = client.get("/en/events/hostile.ics").content
    calendar = icalendar.Calendar.from_ical(body)
    (vevent,) = vevents(calendar)
    assert str(vevent["UID"]) == ical.event_uid(event)
    lines = body.split(b"\r\n")
    # The text is escaped inside its property: no line of its own (folded lines start with
    # a space, so they cannot begin a property either).
    assert lines.count(b"BEGIN:VEVENT") == 1 and lines.count(b"END:VEVENT") == 1
    assert sum(line.startswith(b"UID:") for line in lines) == 1
    assert b"\x01" not in body and b"\x0b" not in body
    value = {"title_en": "SUMMARY", "summary_en": "DESCRIPTION", "venue_name_en": "LOCATION"}
    text = str(vevent[value[field]])
    assert "END:VEVENT" in text and "UID:evil; a, b \\ c" in text


@pytest.mark.parametrize("lang", LANGS)
def test_programme_and_network_calendars_hold_only_their_events(client, lang):
    programme, network = ProgrammeFactory(slug="delgosea"), NetworkFactory(slug="sddc")
    mine = EventFactory(programme=programme, status="published")
    theirs = EventFactory(network=network, status="published")
    EventFactory(status="published")
    for path, event in (
        (f"/{lang}/events/calendar/programme/delgosea.ics", mine),
        (f"/{lang}/events/calendar/network/sddc.ics", theirs),
    ):
        assert [str(e["UID"]) for e in vevents(fetch(client, path))] == [ical.event_uid(event)]
    html = client.get(f"/{lang}/events/?programme=delgosea").content.decode()
    assert f"/{lang}/events/calendar/programme/delgosea.ics" in html
    html = client.get(f"/{lang}/events/?network=sddc").content.decode()
    assert f"/{lang}/events/calendar/network/sddc.ics" in html


@pytest.mark.parametrize(
    "path",
    [
        "/en/events/calendar.ics",
        "/en/events/calendar/2022.ics",
        "/en/events/calendar/programme/delgosea.ics",
        "/en/events/calendar/network/sddc.ics",
        "/en/events/forum.ics",
    ],
)
def test_calendars_answer_get_and_head_and_refuse_other_methods(client, path):
    ProgrammeFactory(slug="delgosea"), NetworkFactory(slug="sddc")
    EventFactory(slug="forum", status="published")
    assert client.get(path).status_code == 200
    assert client.head(path).status_code == 200
    for method in ("post", "put", "delete"):
        assert getattr(client, method)(path).status_code == 405
