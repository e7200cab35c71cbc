"""Factories of publications and sample files, built on the programmes factories."""

import io
import struct
import zipfile
import zlib

import factory
from django.core.files.base import ContentFile
from pypdf import PdfWriter

from portal.models import Status
from publications import services
from publications.models import (
    DownloadRecord,
    Language,
    PartnerAccount,
    Publication,
    PublicationKind,
)
from tests.portal.factories import UserFactory
from tests.programmes.factories import (  # noqa: F401  (re-exported for higher apps' tests)
    GoodPracticeFactory,
    NetworkFactory,
    OrganisationFactory,
    PersonFactory,
    ProgrammeFactory,
)


class LanguageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Language
        django_get_or_create = ("code",)

    code = "th"
    name_th = "ไทย"
    name_en = "Thai"


class PublicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Publication

    title_th = factory.Sequence(lambda n: f"สิ่งพิมพ์ทดสอบ {n}")
    title_en = factory.Sequence(lambda n: f"Test publication {n}")
    kind = PublicationKind.MANUAL
    year = 2012
    slug = factory.Sequence(lambda n: f"publication-{n}")
    status = Status.PUBLISHED


class PartnerAccountFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerAccount

    user = factory.SubFactory(UserFactory)


class DownloadRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DownloadRecord

    publication = factory.SubFactory(PublicationFactory)
    user = factory.SubFactory(UserFactory)


# --- sample files ----------------------------------------------------------------------


def pdf_bytes(pages: int = 2) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


OOXML = "application/vnd.openxmlformats-officedocument"
MAIN_PARTS = {
    "docx": ("word/document.xml", f"{OOXML}.wordprocessingml.document.main+xml"),
    "xlsx": ("xl/workbook.xml", f"{OOXML}.spreadsheetml.sheet.main+xml"),
    "pptx": ("ppt/presentation.xml", f"{OOXML}.presentationml.presentation.main+xml"),
    "docm": ("word/document.xml", "application/vnd.ms-word.document.macroEnabled.main+xml"),
}


def ooxml_bytes(kind: str) -> bytes:
    part, content_type = MAIN_PARTS[kind]
    types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/{part}" ContentType="{content_type}"/>'
        "</Types>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("_rels/.rels", "<Relationships/>")
        archive.writestr(part, "<document/>")
    return buffer.getvalue()


def odf_bytes(mimetype: str = "application/vnd.oasis.opendocument.text") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), mimetype, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", "<office:document-content/>", zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", "<manifest/>", zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def image_bytes(fmt: str = "JPEG", size=(40, 30)) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 80, 40)).save(buffer, fmt)
    return buffer.getvalue()


def png_bomb(width: int = 100_000, height: int = 100_000) -> bytes:
    """A tiny PNG whose header claims billions of pixels (a decompression bomb)."""

    def chunk(tag: bytes, data: bytes) -> bytes:
        body = tag + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    idat = zlib.compress(b"\x00" * 1024, 9)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )


HTML = b"<!DOCTYPE html>\n<html><head><script>alert(1)</script></head><body>hi</body></html>"
SVG = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64 + b"PE\x00\x00"


def with_file(publication: Publication, data: bytes | None = None, name: str = "report.pdf"):
    """Attach a checked file to a publication through the service the admin form uses."""
    services.publication_attach_file(
        publication=publication, file=ContentFile(data or pdf_bytes(), name=name), filename=name
    )
    return publication
