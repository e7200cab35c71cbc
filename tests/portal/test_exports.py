"""Export of admin lists (issue 12, point 4): CSV and XLSX honouring filters and search;
exports of personal data need the view permission and are recorded."""

import csv
import io

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from portal import thaidates
from portal.models import ExportLog
from tests.events.factories import EventFactory, ParticipationFactory
from tests.networks.factories import OrganisationFactory, PersonFactory
from tests.portal.factories import StaffFactory

pytestmark = pytest.mark.django_db

LANGS = ["th", "en"]


def export_url(app, model, fmt, query=""):
    return reverse("admin_export", args=[app, model, fmt]) + (f"?{query}" if query else "")


def csv_rows(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.mark.parametrize("lang", LANGS)
def test_changelist_export_honours_filters_and_search(admin_client_in, lang):
    client = admin_client_in(lang)
    OrganisationFactory(name_th="มหาวิทยาลัยขอนแก่น", name_en="Khon Kaen University", kind="academic")
    OrganisationFactory(
        name_th="มหาวิทยาลัยแห่งชาติลาว", name_en="National University of Laos", kind="academic"
    )
    OrganisationFactory(name_th="มูลนิธิหนึ่ง", name_en="Foundation One", kind="cso")
    kku = "มหาวิทยาลัยขอนแก่น" if lang == "th" else "Khon Kaen University"
    laos = "มหาวิทยาลัยแห่งชาติลาว" if lang == "th" else "National University of Laos"
    page = client.get(reverse("admin:networks_organisation_changelist") + "?kind__exact=academic")
    assert export_url("networks", "organisation", "csv", "kind__exact=academic") in (
        page.content.decode().replace("&amp;", "&")
    )
    rows = csv_rows(
        client.get(export_url("networks", "organisation", "csv", "kind__exact=academic"))
    )
    assert rows[0][0] == ("ชื่อ" if lang == "th" else "Name")
    assert sorted(r[0] for r in rows[1:]) == sorted([kku, laos])
    searched = csv_rows(
        client.get(export_url("networks", "organisation", "csv", "kind__exact=academic&q=ขอนแก่น"))
    )
    assert [r[0] for r in searched[1:]] == [kku]
    # Choices are exported as their labels in the staff member's language.
    assert searched[1][2] == ("สถาบันการศึกษา" if lang == "th" else "Academic institution")
    # Organisations are not personal data: no record.
    assert not ExportLog.objects.exists()


def test_xlsx_export_of_every_page(admin_client_in):
    client = admin_client_in("en")
    event = EventFactory()
    ParticipationFactory.create_batch(120, event=event)  # more than one changelist page
    response = client.get(export_url("events", "participation", "xlsx"))
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    assert sheet.max_row == 121


def test_personal_data_export_is_recorded_and_read_only(admin_client_in, admin_user):
    client = admin_client_in("th")
    PersonFactory.create_batch(2, public_consent=True)
    PersonFactory(public_consent=False)
    response = client.get(export_url("networks", "person", "csv", "public_consent__exact=1"))
    assert len(csv_rows(response)) == 3
    log = ExportLog.objects.get()
    assert (log.user, log.model, log.row_count, log.file_format) == (
        admin_user,
        "networks.person",
        2,
        "csv",
    )
    assert log.filters == "public_consent__exact=1"
    changelist = client.get(reverse("admin:portal_exportlog_changelist"))
    assert changelist.status_code == 200 and admin_user.username in changelist.content.decode()
    when = timezone.localtime(log.exported_at)
    assert f"{when.day} {thaidates.month_name(when.month, 'th')} {when.year + 543}" in (
        changelist.content.decode()
    )
    assert client.get(reverse("admin:portal_exportlog_change", args=[log.pk])).status_code == 200
    assert client.post(reverse("admin:portal_exportlog_delete", args=[log.pk])).status_code == 403
    assert reverse("admin:portal_exportlog_changelist") + "add/" not in changelist.content.decode()


def test_personal_data_needs_the_view_permission(client):
    staff = StaffFactory()
    client.force_login(staff)
    PersonFactory()
    assert client.get(export_url("networks", "person", "csv")).status_code == 403
    staff.user_permissions.add(Permission.objects.get(codename="view_person"))
    assert client.get(export_url("networks", "person", "csv")).status_code == 200
    assert ExportLog.objects.get().username == staff.username


def test_change_only_is_not_enough_for_personal_data(client):
    staff = StaffFactory()
    staff.user_permissions.add(Permission.objects.get(codename="change_participation"))
    client.force_login(staff)
    assert client.get(export_url("events", "participation", "csv")).status_code == 403
    assert not ExportLog.objects.exists()


def test_bad_filter_goes_back_to_the_list(admin_client_in):
    response = admin_client_in("en").get(export_url("networks", "organisation", "csv", "nope=1"))
    assert response.status_code == 302 and "e=1" in response["Location"]


def _registered():
    from django.contrib import admin

    return sorted(m._meta.label_lower for m in admin.site._registry)


@pytest.mark.parametrize("label", _registered())
def test_every_admin_list_exports(admin_client_in, label):
    app, model = label.split(".")
    client = admin_client_in("th")
    page = client.get(reverse(f"admin:{app}_{model}_changelist")).content.decode()
    assert export_url(app, model, "csv") + "?" in page
    for fmt in ("csv", "xlsx"):
        assert client.get(export_url(app, model, fmt)).status_code == 200
