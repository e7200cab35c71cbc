"""Saves outside the admin forms leave a history entry too (issue 12, point 6): the
spreadsheet imports, the participant-group recount and `load_demo`; and the rows an
entry names are named in the reader's language."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from reversion.models import Version

from events.models import Event, SessionKind
from networks.models import Organisation
from tests.events.factories import (
    EventFactory,
    ParticipantGroupFactory,
    ParticipationFactory,
    SessionFactory,
)
from tests.networks.factories import OrganisationFactory
from tests.portal.admin_forms import form_data

pytestmark = pytest.mark.django_db


def history(client, model_admin_name, pk) -> str:
    response = client.get(reverse(f"admin:{model_admin_name}_history", args=[pk]))
    assert response.status_code == 200
    return response.content.decode()


def upload_and_confirm(client, url, name, data):
    preview = client.post(url, {"file": SimpleUploadedFile(name, data)})
    assert preview.status_code == 200 and preview.context["plan"].acceptable
    done = client.post(
        url,
        {
            "confirm": "1",
            "token": preview.context["token"],
            "filename": preview.context["filename"],
        },
    )
    assert done.status_code == 200 and done.context.get("done")


@pytest.mark.parametrize("lang", ["th", "en"])
def test_an_organisation_import_leaves_an_entry_per_record(admin_client_in, admin_user, lang):
    client = admin_client_in(lang)
    kku = OrganisationFactory(name_th="มหาวิทยาลัยขอนแก่น", name_en="", website="")
    assert not Version.objects.get_for_object(kku).exists()
    data = (
        "ชื่อองค์กร (ไทย),ชื่อองค์กร (อังกฤษ),ประเภท,เว็บไซต์\r\n"
        "มหาวิทยาลัยขอนแก่น,Khon Kaen University,,https://www.kku.ac.th\r\n"
        ",Mekong Institute,International organisation or funder,\r\n"
    ).encode("cp874")
    upload_and_confirm(
        client, reverse("admin:networks_organisation_import_organisations"), "orgs.csv", data
    )

    html = history(client, "networks_organisation", kku.pk)
    if lang == "th":
        assert "แก้ไขโดยการนำเข้า “orgs.csv”" in html
        assert "สภาพข้อมูลก่อนเริ่มบันทึกประวัติ" in html
    else:
        assert "Changed by importing “orgs.csv”" in html
        assert "As it was when its history began" in html
    assert "→ Khon Kaen University" in html and "→ https://www.kku.ac.th" in html
    assert admin_user.get_username() in html
    mekong = Organisation.objects.get(name_en="Mekong Institute")
    html = history(client, "networks_organisation", mekong.pk)
    assert ("สร้างโดยการนำเข้า “orgs.csv”" if lang == "th" else "Created by importing") in html
    assert Version.objects.get_for_object(mekong).get().revision.user == admin_user


def test_an_attendance_import_is_in_the_event_history_with_its_new_groups(admin_client_in):
    client = admin_client_in("th")
    event = EventFactory()
    data = "ชื่อ-สกุล,ประเภท\r\nนายวิชัย รักษ์ดี,เยาวชน\r\nนางสาวสมศรี ใจดี,เยาวชน\r\n"
    upload_and_confirm(
        client,
        reverse("admin:events_event_import_attendance", args=[event.pk]),
        "รายชื่อ.csv",
        data.encode("cp874"),
    )
    html = history(client, "events_event", event.pk)
    assert "แก้ไขโดยการนำเข้า “รายชื่อ.csv”" in html
    assert "เยาวชน" in html  # the group the import added


def test_a_refused_import_leaves_no_entry(admin_client_in):
    client = admin_client_in("en")
    url = reverse("admin:networks_organisation_import_organisations")
    data = b"Name (English),Kind\r\nGood Org,\r\nBad Org,not a kind\r\n"
    preview = client.post(url, {"file": SimpleUploadedFile("bad.csv", data)})
    assert not preview.context["plan"].acceptable
    client.post(
        url,
        {
            "confirm": "1",
            "token": preview.context["token"],
            "filename": preview.context["filename"],
        },
    )
    assert not Organisation.objects.exists()
    assert not Version.objects.exists()


def test_the_recount_of_participant_groups_is_in_the_history(admin_client_in):
    client = admin_client_in("en")
    event = EventFactory()
    youth = ParticipantGroupFactory(event=event, label_en="Youth", count=50)
    ParticipationFactory.create_batch(3, event=event, group=youth, attended=True)
    client.post(
        reverse("admin:events_event_changelist"),
        {
            "action": "recompute_participant_groups",
            "_selected_action": [event.pk],
            "confirm": "yes",
        },
    )
    html = history(client, "events_event", event.pk)
    assert "Participant groups recomputed from the attendance" in html
    assert "50 → 3" in html


def test_load_demo_leaves_a_first_entry_and_a_second_run_none(admin_client_in):
    call_command("load_demo", stdout=io.StringIO())
    event = Event.objects.get(slug="csos-regional-conference-2018")
    versions = Version.objects.get_for_object(event)
    assert versions.count() == 1
    assert versions.get().revision.comment == "portal:demo"
    # The revision holds the event's inline rows too, so a later restore brings them back.
    assert versions.get().revision.version_set.count() > 1
    html = history(admin_client_in("th"), "events_event", event.pk)
    assert "สร้างจากการโหลดข้อมูลตัวอย่าง" in html
    total = Version.objects.count()
    call_command("load_demo", stdout=io.StringIO())
    assert Version.objects.count() == total


def test_rows_are_named_in_the_readers_language(admin_client_in):
    """A session added by a Thai staff member reads in English on the English history."""
    client = admin_client_in("th")
    event = EventFactory()
    url = reverse("admin:events_event_change", args=[event.pk])
    client.post(url, form_data(client.get(url).content.decode()))  # the first entry
    SessionFactory(event=event, kind=SessionKind.PLENARY, number=None, title_th="", title_en="")
    client.post(url, form_data(client.get(url).content.decode()))
    SessionFactory(event=event, kind=SessionKind.PANEL, number=None, title_th="", title_en="")
    response = client.post(url, form_data(client.get(url).content.decode()))
    assert response.status_code == 302
    english = history(admin_client_in("en"), "events_event", event.pk)
    assert "Plenary" in english and "Panel discussion" in english
    thai = history(admin_client_in("th"), "events_event", event.pk)
    assert "Plenary" not in thai and "Panel discussion" not in thai


def test_a_change_at_the_end_of_a_long_text_is_shown(admin_client_in):
    """The history shows texts cut at 120 characters: a change past that point is still
    listed, as the stretch that changed."""
    client = admin_client_in("th")
    long_summary = "การประชุมเพื่อแลกเปลี่ยนประสบการณ์ของเครือข่ายภาคประชาสังคม " * 4
    event = EventFactory(summary_th=long_summary.strip())
    url = reverse("admin:events_event_change", args=[event.pk])
    data = form_data(client.get(url).content.decode(), summary_th=long_summary + "แก้ไขแล้ว")
    assert client.post(url, data).status_code == 302
    html = history(client, "events_event", event.pk)
    assert "สรุป (ไทย)" in html
    assert "ภาคประชาสังคม แก้ไขแล้ว" in html
