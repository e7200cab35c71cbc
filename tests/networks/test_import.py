"""Organisation import (issue 12, point 3): matching through the duplicate guard,
all-or-nothing, Thai or English headings, encodings and the templates."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from networks.models import Organisation, OrganisationKind
from portal.models import Status
from tests.networks.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

LANGS = ["th", "en"]
URL = "admin:networks_organisation_import_organisations"


def csv_bytes(lines, encoding="utf-8"):
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def preview(client, data, name="organisations.csv"):
    return client.post(reverse(URL), {"file": SimpleUploadedFile(name, data)})


def confirm(client, response):
    return client.post(
        reverse(URL),
        {
            "confirm": "1",
            "token": response.context["token"],
            "filename": response.context["filename"],
        },
    )


@pytest.mark.parametrize("lang", LANGS)
def test_import_matches_existing_and_creates_new(admin_client_in, lang):
    client = admin_client_in(lang)
    kku = OrganisationFactory(name_th="มหาวิทยาลัยขอนแก่น", name_en="", website="")
    data = csv_bytes(
        [
            "ชื่อองค์กร (ไทย),ชื่อองค์กร (อังกฤษ),อักษรย่อ,ประเภท,ประเทศ,จังหวัด/เมือง,เว็บไซต์",
            "ม. ขอนแก่น,Khon Kaen University,มข.,,,,https://www.kku.ac.th",
            "สมาคมสันนิบาตเทศบาลแห่งประเทศไทย,,ส.ท.ท.,สมาคมองค์กรปกครองส่วนท้องถิ่น,ไทย,กรุงเทพมหานคร,",
            ",Mekong Institute,MI,International organisation or funder,Thailand,Khon Kaen,",
        ],
        encoding="cp874",
    )
    response = preview(client, data)
    plan = response.context["plan"]
    assert [r.action for r in plan.rows] == ["update", "create", "create"], [
        r.messages for r in plan.rows
    ]
    assert Organisation.objects.count() == 1  # preview saves nothing
    html = response.content.decode()
    assert ("ปรับปรุง" if lang == "th" else "update") in html
    confirm(client, response)
    kku.refresh_from_db()
    assert kku.name_en == "Khon Kaen University" and kku.acronym_th == "มข."
    assert kku.website == "https://www.kku.ac.th"
    assert kku.name_th == "มหาวิทยาลัยขอนแก่น"  # not overwritten by the abbreviation
    league = Organisation.objects.get(name_th="สมาคมสันนิบาตเทศบาลแห่งประเทศไทย")
    assert league.kind == OrganisationKind.LG_ASSOCIATION and league.country == "TH"
    assert league.city_th == "กรุงเทพมหานคร" and league.status == Status.DRAFT
    mekong = Organisation.objects.get(name_en="Mekong Institute")
    assert mekong.kind == OrganisationKind.INTERNATIONAL and mekong.slug == "mekong-institute"


def test_mixed_file_saves_nothing(admin_client_in):
    client = admin_client_in("th")
    OrganisationFactory(name_th="สถาบันหนึ่ง", name_en="Institute One")
    OrganisationFactory(name_th="สถาบันสอง", name_en="Institute Two", acronym_en="ONE")
    data = csv_bytes(
        [
            "Name (Thai),Name (English),Acronym,Category,Website",
            "องค์กรใหม่,New body,,Media,",
            "สถาบันหนึ่ง,,ONE,,",
            "องค์กรไม่มีประเภท,,,,",
            "องค์กรเว็บเสีย,,,Media,not a url",
            "องค์กรใหม่,,,Media,",
        ]
    )
    response = preview(client, data)
    plan = response.context["plan"]
    assert [r.action for r in plan.rows] == ["create"] + ["refuse"] * 4
    html = response.content.decode()
    assert "ตรงกับหลายองค์กร" in html
    assert "ระบุประเภทขององค์กรใหม่" in html
    assert "ไม่ใช่ที่อยู่เว็บไซต์" in html
    assert "องค์กรเดียวกับแถวที่ 2" in html
    confirm(client, response)
    assert Organisation.objects.count() == 2


def test_xlsx_import(admin_client_in):
    client = admin_client_in("en")
    book = Workbook()
    book.active.append(["Name (English)", "Kind", "Country"])
    book.active.append(["Thailand Environment Institute", "Civil-society organisation", "TH"])
    out = io.BytesIO()
    book.save(out)
    response = preview(client, out.getvalue(), "orgs.xlsx")
    confirm(client, response)
    assert Organisation.objects.get().kind == OrganisationKind.CSO


@pytest.mark.parametrize("lang", LANGS)
def test_changelist_links_and_templates(admin_client_in, lang):
    client = admin_client_in(lang)
    html = client.get(reverse("admin:networks_organisation_changelist")).content.decode()
    assert reverse(URL) in html
    assert ("นำเข้าองค์กร" if lang == "th" else "Import organisations") in html
    for fmt in ("csv", "xlsx"):
        response = client.get(reverse(URL + "_template", kwargs={"fmt": fmt}))
        if fmt == "xlsx":
            sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
            headings = [c.value for c in sheet[1]]
            assert headings[0] == ("ชื่อองค์กร (ไทย)" if lang == "th" else "Name (Thai)")
        plan = preview(client, response.content, f"t.{fmt}").context["plan"]
        assert [r.action for r in plan.rows] == ["create"], [r.messages for r in plan.rows]
