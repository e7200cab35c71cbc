"""Attendance import (issue 12, point 3): preview, all-or-nothing, encodings, headings,
templates, matching through the duplicate guard, and the groups recomputed in one action."""

import io

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from events.models import ParticipantGroup, Participation
from tests.events.factories import (
    EventFactory,
    OrganisationFactory,
    ParticipantGroupFactory,
    ParticipationFactory,
    PersonFactory,
)
from tests.portal.factories import StaffFactory

pytestmark = pytest.mark.django_db

LANGS = ["th", "en"]
THAI_HEADINGS = "ชื่อ-สกุล,องค์กร,ประเภท,ประเทศ,เข้าร่วม"
ENGLISH_HEADINGS = "Name,Organisation,Category,Country,Attended"


def csv_bytes(lines, encoding="utf-8"):
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def xlsx_bytes(rows):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def url(event, suffix=""):
    return reverse("admin:events_event_import_attendance", args=[event.pk]) + suffix


def preview(client, event, data, name="attendance.csv"):
    return client.post(url(event), {"file": SimpleUploadedFile(name, data)})


def confirm(client, event, response):
    context = response.context
    return client.post(
        url(event), {"confirm": "1", "token": context["token"], "filename": context["filename"]}
    )


@pytest.fixture
def kku():
    return OrganisationFactory(name_th="มหาวิทยาลัยขอนแก่น", name_en="Khon Kaen University")


@pytest.mark.parametrize("lang", LANGS)
def test_preview_then_import_a_tis620_csv(admin_client_in, lang, kku):
    client = admin_client_in(lang)
    event = EventFactory()
    person = PersonFactory(given_name_th="สมศรี", family_name_th="ใจดี", honorific_th="นางสาว")
    data = csv_bytes(
        [
            THAI_HEADINGS,
            "นางสาวสมศรี ใจดี,ม. ขอนแก่น,ภาคประชาสังคม,ไทย,ใช่",
            "นายวิชัย รักษ์ดี,มหาวิทยาลัยขอนแก่น,ภาคประชาสังคม,ลาว,ไม่",
            "Ms Bounmy,,Government,LA,",
        ],
        encoding="cp874",
    )
    assert data.decode("cp874").startswith("ชื่อ")  # real single-byte Thai
    response = preview(client, event, data)
    assert response.status_code == 200
    assert not Participation.objects.exists()  # the preview saves nothing
    plan = response.context["plan"]
    assert plan.encoding == "cp874"
    assert [r.action for r in plan.rows] == ["create", "create", "create"]
    first = plan.rows[0]
    assert first.instance.person == person and first.instance.organisation == kku
    html = response.content.decode()
    if lang == "th":
        assert "ตัวอย่างก่อนนำเข้า" in html and "รายการใหม่" in html
        assert "จะเพิ่มประเภท “ภาคประชาสังคม”" in html
    else:
        assert "Preview: nothing has been saved yet" in html

    done = confirm(client, event, response)
    assert done.status_code == 200
    rows = list(Participation.objects.filter(event=event).order_by("pk"))
    assert [(r.name, r.organisation_id, r.country.code, r.attended) for r in rows] == [
        ("นางสาวสมศรี ใจดี", kku.pk, "TH", True),
        ("นายวิชัย รักษ์ดี", kku.pk, "LA", False),
        ("Ms Bounmy", None, "LA", True),
    ]
    assert rows[0].person == person
    groups = {
        g.label_th or g.label_en: g.count for g in ParticipantGroup.objects.filter(event=event)
    }
    assert groups == {"ภาคประชาสังคม": 1, "Government": 1}
    expected = "3 จาก 3 แถว" if lang == "th" else "3 of 3 rows processed"
    assert expected in done.content.decode()


@pytest.mark.parametrize(
    "encoding,prefix", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("cp874", b"")]
)
def test_every_encoding_reads_the_same_thai(admin_client_in, encoding, prefix, kku):
    client = admin_client_in("th")
    event = EventFactory()
    data = prefix + csv_bytes([ENGLISH_HEADINGS, "นายสมชาย ใจดี,มหาวิทยาลัยขอนแก่น,,ไทย,yes"], encoding)
    response = preview(client, event, data)
    row = response.context["plan"].rows[0]
    assert row.values["name"] == "นายสมชาย ใจดี"
    assert row.instance.organisation == kku and row.instance.country == "TH"


def test_xlsx_with_english_headings(admin_client_in):
    client = admin_client_in("en")
    event = EventFactory()
    group = ParticipantGroupFactory(event=event, label_th="เยาวชน", label_en="Youth", count=0)
    data = xlsx_bytes([["Name", "Category", "Country"], ["Anna Lee", "youth", "Vietnam"]])
    response = preview(client, event, data, "people.xlsx")
    assert response.context["plan"].encoding == "xlsx"
    confirm(client, event, response)
    participation = Participation.objects.get(event=event)
    assert participation.group == group and participation.country == "VN"


def test_a_mixed_file_saves_nothing_and_says_why(admin_client_in, kku):
    client = admin_client_in("th")
    event = EventFactory()
    data = csv_bytes(
        [
            THAI_HEADINGS,
            "นายหนึ่ง ดี,ม. ขอนแก่น,,ไทย,ใช่",
            ",ม. ขอนแก่น,,ไทย,ใช่",
            "นายสอง ดี,องค์กรที่ไม่มีอยู่,,ไทย,ใช่",
            "นายสาม ดี,,,ดาวอังคาร,ใช่",
            "นายสี่ ดี,,,,บางที",
            "นายหนึ่ง ดี,,,,",
        ]
    )
    response = preview(client, event, data)
    plan = response.context["plan"]
    assert [r.action for r in plan.rows] == ["create"] + ["refuse"] * 5
    html = response.content.decode()
    assert "ยังไม่มีการบันทึก" in html and 'name="confirm"' not in html
    assert "ไม่มีองค์กร “องค์กรที่ไม่มีอยู่”" in html
    assert "ไม่รู้จักประเทศ “ดาวอังคาร”" in html
    assert "บุคคลเดียวกับแถวที่ 2" in html
    # Even a forced confirmation of the kept file saves nothing.
    refused = confirm(client, event, response)
    assert refused.status_code == 200
    assert not Participation.objects.exists() and not ParticipantGroup.objects.exists()


def test_reimport_updates_the_same_people(admin_client_in):
    client = admin_client_in("en")
    event = EventFactory()
    person = PersonFactory(given_name_th="สมชาย", family_name_th="ใจดี")
    ParticipationFactory(event=event, person=person, name="", attended=True)
    data = csv_bytes([ENGLISH_HEADINGS, "คุณสมชาย  ใจดี,,,,no"])
    response = preview(client, event, data)
    assert response.context["plan"].rows[0].action == "update"
    confirm(client, event, response)
    participation = Participation.objects.get(event=event)
    assert participation.person == person and participation.attended is False


def test_missing_name_column_is_explained(admin_client_in):
    response = preview(admin_client_in("th"), EventFactory(), csv_bytes(["องค์กร", "x"]))
    assert "ไม่มีคอลัมน์" in response.content.decode()
    assert "ชื่อ-สกุล" in response.content.decode()


@pytest.mark.parametrize("lang", LANGS)
def test_templates_import_as_they_are(admin_client_in, lang):
    client = admin_client_in(lang)
    event = EventFactory()
    OrganisationFactory(name_th="มหาวิทยาลัยขอนแก่น")
    for fmt in ("csv", "xlsx"):
        response = client.get(url(event, f"template.{fmt}"))
        assert response.status_code == 200
        data = response.content
        if fmt == "csv":
            text = data.decode("utf-8-sig")
            assert "ชื่อ-สกุล / Name" in text  # both headings explained
        else:
            book = load_workbook(io.BytesIO(data))
            explained = [[c.value for c in row] for row in book.worksheets[1].iter_rows()]
            assert ["ชื่อ-สกุล", "Name"] == explained[1][:2]
        plan = preview(client, event, data, f"template.{fmt}").context["plan"]
        assert [r.action for r in plan.rows] == ["create"], [r.messages for r in plan.rows]


def test_import_needs_permission(client):
    staff = StaffFactory()
    staff.user_permissions.add(
        *Permission.objects.filter(codename__in=["change_event", "view_event"])
    )
    client.force_login(staff)
    event = EventFactory(status="draft")  # a published one only Publishers may change
    assert client.get(url(event)).status_code == 403
    staff.user_permissions.add(
        *Permission.objects.filter(codename__in=["add_participation", "change_participation"])
    )
    assert client.get(url(event)).status_code == 200


@pytest.mark.parametrize("lang", LANGS)
def test_recompute_groups_action_confirms_then_reports(admin_client_in, lang):
    client = admin_client_in(lang)
    event = EventFactory()
    youth = ParticipantGroupFactory(event=event, label_th="เยาวชน", count=50, units=5, per_unit=10)
    manual = ParticipantGroupFactory(event=event, label_th="สื่อมวลชน", count=7)
    ParticipationFactory.create_batch(3, event=event, group=youth, attended=True)
    ParticipationFactory(event=event, group=youth, attended=False)
    ParticipationFactory(event=event, group=None, attended=True)
    changelist = reverse("admin:events_event_changelist")
    form = {"action": "recompute_participant_groups", "_selected_action": [event.pk]}
    asked = client.post(changelist, form)
    assert asked.status_code == 200
    youth.refresh_from_db()
    assert youth.count == 50  # nothing changed before the confirmation
    assert "50 → 3" in asked.content.decode()
    done = client.post(changelist, {**form, "confirm": "yes"}, follow=True)
    youth.refresh_from_db()
    manual.refresh_from_db()
    assert (youth.count, youth.units, youth.per_unit) == (3, None, None)
    assert manual.count == 7
    html = done.content.decode()
    assert "50 → 3" in html
    assert ("ไม่มีประเภท" if lang == "th" else "has no category") in html


def test_bench_import_command_cleans_up(db):
    out = io.StringIO()
    call_command("bench_import", rows=50, organisations=5, people=10, stdout=out)
    assert "50 attendance rows saved" in out.getvalue()
    assert "10 matched to people" in out.getvalue()
    assert not Participation.objects.exists()


def test_long_preview_lists_refused_rows_and_counts_the_rest(admin_client_in, monkeypatch):
    from portal.imports import ImportPlan

    monkeypatch.setattr(ImportPlan, "SHOWN", 3)
    lines = [ENGLISH_HEADINGS] + [f"Person {n},,,,yes" for n in range(6)] + ["Late,,,Atlantis,"]
    response = preview(admin_client_in("th"), EventFactory(), csv_bytes(lines))
    plan = response.context["plan"]
    assert [r.number for r in plan.shown_rows] == [2, 3, 8]
    html = response.content.decode()
    assert "อ่านข้อมูลได้ 7 แถว" in html
    assert "และอีก 4 แถวที่ผ่านการตรวจสอบ" in html


def test_only_the_uploader_can_confirm(admin_client_in, client, kku):
    event = EventFactory()
    response = preview(admin_client_in("en"), event, csv_bytes([ENGLISH_HEADINGS, "A B,,,,"]))
    other = StaffFactory(is_superuser=True)
    client.force_login(other)
    refused = confirm(client, event, response)
    assert refused.status_code == 302
    assert not Participation.objects.exists()
