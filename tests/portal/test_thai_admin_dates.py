"""Buddhist-Era dates and Thai times wherever staff type or read them in the admin.

A year above 2400 is Buddhist Era; no field kind may store or show a year 543 off:
date, date-time (the admin's split pair and a single input), year, time, and the
admin's changelists, date hierarchy, history page and year filters.
"""

import datetime
import json
import re

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone, translation

from events.models import Event, Session
from portal import forms as portal_forms
from publications.models import DownloadRecord
from tests.events.factories import EventFactory
from tests.events.test_admin import event_post, text_of
from tests.publications.factories import DownloadRecordFactory, PartnerAccountFactory

pytestmark = pytest.mark.django_db

LANGS = ["th", "en"]


@pytest.fixture
def staff_in(admin_client):
    def make(lang: str):
        admin_client.cookies["phakhi_language"] = lang
        return admin_client

    return make


def local(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=timezone.get_current_timezone())


# --- form fields, one per kind ----------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    ("typed", "stored"),
    [("24/08/2565", datetime.date(2022, 8, 24)), ("24/08/2022", datetime.date(2022, 8, 24))],
)
def test_date_field_reads_either_calendar(lang, typed, stored):
    with translation.override(lang):
        assert portal_forms.BuddhistEraDateField().clean(typed) == stored


@pytest.mark.parametrize(
    ("lang", "typed", "message"),
    [
        ("en", "29/02/2566", "The year 2566 (2023) has no 29 February"),
        ("th", "29/02/2566", "ปี 2566 (2023) ไม่มีวันที่ 29 กุมภาพันธ์"),
        ("en", "31/04/2565", "April has 30 days: there is no 31 April."),
        ("th", "31/04/2565", "เดือนเมษายนมี 30 วัน"),
        ("en", "31/04/2022", "April has 30 days"),
    ],
)
def test_impossible_dates_say_why(lang, typed, message):
    with translation.override(lang):
        form_field = portal_forms.BuddhistEraDateField()
        with pytest.raises(portal_forms.forms.ValidationError) as caught:
            form_field.clean(typed)
        assert len(caught.value.messages) == 1
        assert message in caught.value.messages[0]


def test_29_february_of_a_be_leap_year_is_a_real_date():
    assert portal_forms.BuddhistEraDateField().clean("29/02/2563") == datetime.date(2020, 2, 29)


@pytest.mark.parametrize(
    "typed", ["09.00", "9.00", "09:00", "9:00", "09.00 น.", "9.00 น.", "09:00:00"]
)
def test_times_as_thai_and_english_staff_write_them(typed):
    assert portal_forms.ThaiTimeField().clean(typed) == datetime.time(9, 0)


@pytest.mark.parametrize(
    ("lang", "typed", "message"),
    [
        ("en", "25.00", "is not a real time"),
        ("th", "25.00", "ไม่ใช่เวลาที่มีจริง"),
        ("en", "09.75", "is not a real time"),
        ("en", "morning", "Enter a time as hours and minutes"),
        ("th", "เช้า", "กรุณาใส่เวลาเป็นชั่วโมงและนาที"),
    ],
)
def test_impossible_times_are_refused_clearly(lang, typed, message):
    with translation.override(lang):
        with pytest.raises(portal_forms.forms.ValidationError) as caught:
            portal_forms.ThaiTimeField().clean(typed)
        assert message in caught.value.messages[0]


@pytest.mark.parametrize(("lang", "shown"), [("th", "09.30 น."), ("en", "09:30")])
def test_times_are_shown_back_in_the_staff_language(lang, shown):
    with translation.override(lang):
        assert portal_forms.ThaiTimeField().prepare_value(datetime.time(9, 30)) == shown


@pytest.mark.parametrize("lang", LANGS)
def test_split_date_time_reads_be_and_shows_it_back(lang):
    with translation.override(lang):
        form_field = portal_forms.BuddhistEraSplitDateTimeField()
        value = form_field.clean(["20/07/2560", "17.00"])
        assert value == local(2017, 7, 20, 17, 0)
        shown = form_field.prepare_value(value)
    assert shown == (["20/07/2560", "17.00 น."] if lang == "th" else ["2017-07-20", "17:00"])


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("typed", ["20/07/2560 17.00 น.", "20/07/2017 17:00", "20/07/2560 17:00"])
def test_single_date_time_input_reads_be(lang, typed):
    with translation.override(lang):
        form_field = portal_forms.BuddhistEraDateTimeField()
        assert form_field.clean(typed) == local(2017, 7, 20, 17, 0)
        shown = form_field.prepare_value(local(2017, 7, 20, 17, 0))
    assert shown == ("20/07/2560 17.00 น." if lang == "th" else "2017-07-20 17:00")


@pytest.mark.parametrize(("typed", "stored"), [("2555", 2012), ("2012", 2012)])
def test_year_field_reads_be(typed, stored):
    assert portal_forms.YearField().clean(typed) == stored


# --- the admin: date-times, sessions, changelists ---------------------------------


def test_publish_time_typed_in_be_is_stored_in_ce_and_shown_back_in_be(staff_in):
    client = staff_in("th")
    url = reverse("admin:events_event_add")
    html = client.get(url).content.decode()
    response = client.post(
        url, event_post(html, published_at_0="20/07/2560", published_at_1="17.00")
    )
    assert response.status_code == 302, text_of(response.content.decode())[:2000]
    event = Event.objects.get()
    assert event.published_at == local(2017, 7, 20, 17, 0)
    assert Event.objects.published().filter(pk=event.pk).exists()
    change = client.get(reverse("admin:events_event_change", args=[event.pk])).content.decode()
    assert 'value="20/07/2560"' in change
    assert 'value="17.00 น."' in change


@pytest.mark.parametrize("lang", LANGS)
def test_session_dates_typed_in_be_pass_the_event_dates_check(staff_in, lang):
    client = staff_in(lang)
    url = reverse("admin:events_event_add")
    html = client.get(url).content.decode()
    rows = {
        "sessions": [
            {
                "kind": "opening",
                "starts_at_0": "24/08/2565",
                "starts_at_1": "09.00 น.",
                "ends_at_0": "24/08/2565",
                "ends_at_1": "9.30",
                "order": "0",
            }
        ]
    }
    response = client.post(
        url, event_post(html, rows, start_date="24/08/2565", end_date="25/08/2565")
    )
    assert response.status_code == 302, text_of(response.content.decode())[:2000]
    session = Session.objects.get()
    assert session.starts_at == local(2022, 8, 24, 9, 0)
    assert session.ends_at == local(2022, 8, 24, 9, 30)
    change = client.get(reverse("admin:events_event_change", args=[session.event.pk]))
    html = change.content.decode()
    if lang == "th":
        # The session's date in BE beside the event's BE dates.
        assert 'value="24/08/2565"' in html and 'value="25/08/2565"' in html
        assert 'value="09.00 น."' in html
        assert "2022" not in re.findall(r'name="sessions-0-starts_at_0" value="([^"]*)"', html)[0]
    else:
        assert 'value="2022-08-24"' in html and 'value="09:00"' in html


@pytest.mark.parametrize(
    ("lang", "message"),
    [("th", "ปี 2566 (2023) ไม่มีวันที่ 29 กุมภาพันธ์"), ("en", "The year 2566 (2023) has no 29 February")],
)
def test_impossible_date_in_the_admin_is_explained_once(staff_in, lang, message):
    client = staff_in(lang)
    url = reverse("admin:events_event_add")
    html = client.get(url).content.decode()
    response = client.post(url, event_post(html, start_date="29/02/2566", end_date="01/03/2566"))
    assert response.status_code == 200
    page = text_of(response.content.decode())
    assert page.count(message) == 1
    assert "Enter a real date" not in page and "กรุณากรอกวันที่ที่มีอยู่จริง" not in page
    assert not Event.objects.exists()


@pytest.mark.parametrize(
    ("lang", "shown", "absent"),
    [("th", "24 สิงหาคม 2565, 09.05 น.", "2022"), ("en", "24 August 2022, 09:05", "2565")],
)
def test_changelist_date_time_columns_in_the_staff_calendar(staff_in, lang, shown, absent):
    DownloadRecordFactory(downloaded_at=local(2022, 8, 24, 9, 5))
    client = staff_in(lang)
    html = client.get(reverse("admin:publications_downloadrecord_changelist")).content.decode()
    rows = re.findall(r'class="field-downloaded_at[^"]*">(?:<a [^>]*>)?([^<]*)<', html)
    assert rows == [shown], rows
    assert absent not in rows[0]


@pytest.mark.parametrize(("lang", "shown"), [("th", "24 สิงหาคม 2565"), ("en", "24 August 2022")])
def test_changelist_date_columns_in_the_staff_calendar(staff_in, lang, shown):
    PartnerAccountFactory(valid_until=datetime.date(2022, 8, 24))
    html = (
        staff_in(lang).get(reverse("admin:publications_partneraccount_changelist")).content.decode()
    )
    assert re.findall(r'class="field-valid_until[^"]*">([^<]*)<', html) == [shown]


@pytest.mark.parametrize(("lang", "year"), [("th", "2565"), ("en", "2022")])
def test_date_hierarchy_years_in_the_staff_calendar(staff_in, lang, year):
    DownloadRecordFactory(downloaded_at=local(2022, 8, 24, 9, 0))
    DownloadRecordFactory(downloaded_at=local(2023, 1, 5, 9, 0))
    client = staff_in(lang)
    url = reverse("admin:publications_downloadrecord_changelist")
    toplinks = re.search(
        r'<nav class="toplinks">(.*?)</nav>', client.get(url).content.decode(), re.S
    )
    assert year in toplinks.group(1)
    months = client.get(url, {"downloaded_at__year": "2022"}).content.decode()
    nav = re.search(r'<nav class="toplinks">(.*?)</nav>', months, re.S).group(1)
    assert year in nav  # the back link "‹ 2565"
    assert DownloadRecord.objects.count() == 2


# --- history ----------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_history_page_reads_in_the_viewer_language_with_be_dates(staff_in, lang):
    client = staff_in("th")
    url = reverse("admin:events_event_add")
    html = client.get(url).content.decode()
    rows = {
        "sessions": [
            {"kind": "ceremony", "title_th": "พิธีเปิด", "title_en": "Opening", "order": "0"},
            {"kind": "plenary", "title_th": "เสวนาใหญ่", "title_en": "Plenary talk", "order": "1"},
        ]
    }
    response = client.post(url, event_post(html, rows))
    assert response.status_code == 302, text_of(response.content.decode())[:2000]
    event = Event.objects.get()
    change_url = reverse("admin:events_event_change", args=[event.pk])
    data = event_post(client.get(change_url).content.decode(), status="draft")
    # Keep the sessions as they are: post the change page's own inline rows back.
    page = client.get(change_url).content.decode()
    for name, value in re.findall(r'name="(sessions-[\w-]+)" value="([^"]*)"', page):
        data[name] = value
    for name in re.findall(r'<select name="(sessions-\d+-kind)"', page):
        data[name] = re.search(rf'name="{name}".*?<option value="(\w+)" selected', page, re.S)[1]
    data["published_at_0"], data["published_at_1"] = "20/07/2560", "17.00"
    response = client.post(change_url, data)
    assert response.status_code == 302, text_of(response.content.decode())[:3000]

    viewer = staff_in(lang)
    history = text_of(
        viewer.get(reverse("admin:events_event_history", args=[event.pk])).content.decode()
    )
    year = timezone.localtime().year
    if lang == "th":
        assert str(year + 543) in history and f" {year}," not in history
        for english in ("Ceremony", "Plenary", "Status", "Published at", "Added session"):
            assert english not in history, english
        assert "สถานะ" in history
    else:
        assert str(year) in history
        # The history lists what each save changed, field by field, in English.
        assert "Status: Published → Draft" in history and "Published at" in history


def test_history_entries_saved_before_the_fix_translate_their_labels(staff_in):
    event = EventFactory()
    LogEntry.objects.create(
        user=staff_in("th").get(reverse("admin:index")).wsgi_request.user,
        content_type=ContentType.objects.get_for_model(Event),
        object_id=str(event.pk),
        object_repr=str(event),
        action_flag=CHANGE,
        change_message=json.dumps([{"changed": {"fields": ["Status", "Published at"]}}]),
    )
    history = text_of(
        staff_in("th").get(reverse("admin:events_event_history", args=[event.pk])).content.decode()
    )
    assert "Status" not in history and "Published at" not in history


# --- the admin home -----------------------------------------------------------------


def test_admin_home_says_none_available_in_correct_thai(staff_in):
    html = staff_in("th").get(reverse("admin:index")).content.decode()
    assert "ไม่มีรายการ" in html
    assert "ไม่ว่าง" not in html


@pytest.mark.parametrize(("lang", "loaded"), [("th", True), ("en", False)])
def test_calendar_override_is_loaded_for_thai_staff_only(staff_in, lang, loaded):
    html = staff_in(lang).get(reverse("admin:events_event_add")).content.decode()
    assert ("portal-be-calendar.js" in html) is loaded


@pytest.mark.parametrize(
    ("lang", "label", "absent"), [("th", "2555", "2012"), ("en", "2012", "2555")]
)
def test_year_list_filter_in_the_staff_calendar(staff_in, lang, label, absent):
    from tests.publications.factories import PublicationFactory

    kept = PublicationFactory(year=2012)
    PublicationFactory(year=2020)
    client = staff_in(lang)
    url = reverse("admin:publications_publication_changelist")
    html = client.get(url).content.decode()
    links = {
        text.strip(): href
        for href, text in re.findall(
            r'<a href="(\?[^"]*year(?:__exact)?=\d+[^"]*)"[^>]*>([^<]*)</a>', html
        )
    }
    assert label in links and absent not in links, links
    # The year column too.
    assert label in re.findall(r'class="field-year[^"]*">([^<]*)<', html)
    filtered = client.get(url + links[label].replace("&amp;", "&"))
    assert list(filtered.context["cl"].result_list) == [kept]


@pytest.mark.parametrize("lang", LANGS)
def test_date_list_filter_this_year_keeps_this_year_only(staff_in, lang):
    recent = DownloadRecordFactory()
    DownloadRecordFactory(downloaded_at=local(2022, 8, 24, 9, 0))
    client = staff_in(lang)
    url = reverse("admin:publications_downloadrecord_changelist")
    html = client.get(url).content.decode()
    this_year = {"th": "ปีนี้", "en": "This year"}[lang]
    href = re.search(
        rf'<a href="(\?[^"]*downloaded_at__gte[^"]*)"[^>]*>\s*{this_year}\s*</a>', html
    )
    assert href, "no 'this year' filter"
    filtered = client.get(url + href.group(1).replace("&amp;", "&"))
    assert list(filtered.context["cl"].result_list) == [recent]


@pytest.mark.parametrize(
    ("model_field", "form_class"),
    [
        ("DateField", portal_forms.BuddhistEraDateField),
        ("DateTimeField", portal_forms.BuddhistEraDateTimeField),
        ("TimeField", portal_forms.ThaiTimeField),
        ("YearField", portal_forms.YearField),
    ],
)
def test_portal_model_fields_bring_their_be_aware_form_fields(model_field, form_class):
    from portal import fields

    assert isinstance(getattr(fields, model_field)().formfield(), form_class)
