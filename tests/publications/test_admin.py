"""Staff pages of the library: they render, and uploads are checked before anything is stored."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from publications.models import (
    DownloadRecord,
    Language,
    Publication,
)
from tests.portal.factories import UserFactory
from tests.publications.factories import (
    HTML,
    PartnerAccountFactory,
    PublicationFactory,
    pdf_bytes,
    with_file,
)


@pytest.fixture
def staff_client(client, admin_user):
    client.force_login(admin_user)
    client.cookies["phakhi_language"] = "en"
    return client


def form_data(**extra):
    data = {
        "title_th": "คู่มือใหม่",
        "title_en": "New manual",
        "kind": "manual",
        "year": "2555",
        "access": "public",
        "slug": "new-manual",
        "status": "published",
    }
    data.update(extra)
    return data


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/admin/publications/publication/",
        "/admin/publications/publication/add/",
        "/admin/publications/publication/?kind__exact=manual&access__exact=partners",
        "/admin/publications/partneraccount/",
        "/admin/publications/partneraccount/add/",
        "/admin/publications/downloadrecord/",
        "/admin/publications/language/",
        "/admin/publications/language/add/",
    ],
)
def test_library_admin_pages_render(staff_client, url):
    with_file(PublicationFactory())
    assert staff_client.get(url).status_code == 200


@pytest.mark.django_db
def test_change_pages_render_with_the_file_facts_read_only(staff_client):
    publication = with_file(PublicationFactory(), pdf_bytes(3), "รายงาน.pdf")
    text = staff_client.get(
        f"/admin/publications/publication/{publication.pk}/change/"
    ).content.decode()
    assert "รายงาน.pdf" in text
    assert f"/publications/{publication.slug}/download/" in text  # no media URL exists
    assert publication.sha256 in text
    assert "application/pdf" in text
    assert 'name="sha256"' not in text and 'name="page_count"' not in text
    account = PartnerAccountFactory(user=UserFactory(username="p"))
    assert (
        staff_client.get(f"/admin/publications/partneraccount/{account.pk}/change/").status_code
        == 200
    )
    record = DownloadRecord.objects.create(publication=publication, user=account.user)
    page = staff_client.get(f"/admin/publications/downloadrecord/{record.pk}/change/")
    assert page.status_code == 200
    assert 'type="submit" value="Save"' not in page.content.decode()  # view only


@pytest.mark.django_db
def test_an_upload_through_the_admin_gets_its_facts_and_a_generated_name(staff_client, settings):
    upload = SimpleUploadedFile("คู่มือ 16 ตัวอย่าง.pdf", pdf_bytes(2), "application/pdf")
    response = staff_client.post("/admin/publications/publication/add/", form_data(file=upload))
    assert response.status_code == 302, response.context["adminform"].form.errors
    publication = Publication.objects.get(slug="new-manual")
    assert publication.year == 2012  # typed as a Buddhist-Era year
    assert publication.original_filename == "คู่มือ 16 ตัวอย่าง.pdf"
    assert (publication.content_type, publication.page_count) == ("application/pdf", 2)
    assert len(publication.sha256) == 64
    assert Path(publication.file.name).name != publication.original_filename
    assert Path(publication.file.path).is_relative_to(Path(settings.PROTECTED_MEDIA_ROOT).resolve())


@pytest.mark.django_db
def test_a_renamed_file_is_refused_in_the_admin_with_the_reason_and_nothing_is_stored(
    staff_client, settings
):
    upload = SimpleUploadedFile("manual.pdf", HTML, "application/pdf")
    response = staff_client.post("/admin/publications/publication/add/", form_data(file=upload))
    assert response.status_code == 200
    assert "This file is a web page (HTML)" in response.content.decode()
    assert not Publication.objects.exists()
    protected = Path(settings.PROTECTED_MEDIA_ROOT)
    assert not protected.exists() or not any(p.is_file() for p in protected.rglob("*"))


@pytest.mark.django_db
def test_the_admin_refusal_is_in_thai_for_thai_staff(staff_client):
    staff_client.cookies["phakhi_language"] = "th"
    upload = SimpleUploadedFile("manual.docx", pdf_bytes(1), "application/pdf")
    response = staff_client.post("/admin/publications/publication/add/", form_data(file=upload))
    assert response.status_code == 200
    assert "“.docx”" in response.content.decode()
    assert "ไม่ตรงกับชื่อ" in response.content.decode()


@pytest.mark.django_db
def test_clearing_the_file_clears_its_facts(staff_client):
    publication = with_file(PublicationFactory(slug="to-clear", status="published"))
    url = f"/admin/publications/publication/{publication.pk}/change/"
    data = form_data(slug="to-clear", **{"file-clear": "on"})
    response = staff_client.post(url, data)
    assert response.status_code == 302
    publication.refresh_from_db()
    assert not publication.file and publication.sha256 == "" and publication.file_size is None


@pytest.mark.django_db
def test_languages_are_managed_in_the_admin(staff_client):
    response = staff_client.post(
        "/admin/publications/language/add/", {"code": "lo", "name_th": "ลาว", "name_en": "Lao"}
    )
    assert response.status_code == 302
    assert str(Language.objects.get(code="lo")) in {"ลาว", "Lao"}
