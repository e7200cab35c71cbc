"""Publication files are recognised by content; names that lie are refused with a reason."""

import hashlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import translation

from publications.models import Publication
from publications.uploads import inspect_upload
from tests.publications.factories import (
    EXE,
    HTML,
    SVG,
    image_bytes,
    odf_bytes,
    ooxml_bytes,
    pdf_bytes,
    png_bomb,
    zip_bytes,
)


@pytest.fixture(autouse=True)
def _english():
    """Messages are compared in English (the Thai ones are checked by the catalogue test)."""
    translation.activate("en")


def refused(data: bytes, name: str) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        inspect_upload(ContentFile(data, name=name))
    return info.value


def test_accepted_pdf_gets_size_type_sha256_and_page_count():
    data = pdf_bytes(pages=3)
    info = inspect_upload(ContentFile(data, name="รายงาน.pdf"))
    assert info.content_type == "application/pdf"
    assert info.size == len(data)
    assert info.sha256 == hashlib.sha256(data).hexdigest()
    assert info.page_count == 3


@pytest.mark.parametrize(
    ("data", "name", "code", "words"),
    [
        (HTML, "manual.pdf", "html", "web page"),
        (HTML, "manual.html", "html", "web page"),
        (EXE, "summary.pdf", "program", "program"),
        (EXE, "setup.exe", "program", "program"),
        (SVG, "cover.png", "svg", "SVG"),
        (SVG, "drawing.svg", "svg", "SVG"),
        (b"#!/bin/sh\nrm -rf /\n", "notes.pdf", "program", "script"),
        (b"just some words", "notes.pdf", "type", "not accepted"),
        (b"", "empty.pdf", "empty", "empty"),
    ],
)
def test_renamed_dangerous_or_unknown_files_are_refused_with_a_reason(data, name, code, words):
    error = refused(data, name)
    assert error.code == code
    assert words in " ".join(error.messages)


@pytest.mark.parametrize(
    ("kind", "name", "content_type"),
    [
        (
            "docx",
            "report.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (
            "xlsx",
            "figures.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        (
            "pptx",
            "slides.pptx",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ),
    ],
)
def test_office_documents_are_recognised_by_their_main_part(kind, name, content_type):
    info = inspect_upload(ContentFile(ooxml_bytes(kind), name=name))
    assert info.content_type == content_type
    assert info.page_count is None


def test_a_word_file_renamed_to_pdf_is_refused_saying_what_it_is():
    error = refused(ooxml_bytes("docx"), "report.pdf")
    assert error.code == "extension_mismatch"
    message = " ".join(error.messages)
    assert "“.pdf”" in message and "DOCX" in message and "“.docx”" in message


def test_macro_enabled_word_files_are_not_office_documents_we_accept():
    assert refused(ooxml_bytes("docm"), "report.docx").code == "office_unsupported"


def test_opendocument_is_recognised_by_its_mimetype_entry():
    assert inspect_upload(ContentFile(odf_bytes(), name="text.odt")).content_type.endswith(".text")
    spreadsheet = odf_bytes("application/vnd.oasis.opendocument.spreadsheet")
    assert inspect_upload(ContentFile(spreadsheet, name="t.ods")).type.key == "ods"
    assert refused(odf_bytes(), "text.docx").code == "extension_mismatch"


def test_a_zip_of_allowed_files_is_accepted():
    data = zip_bytes({"papers/one.pdf": pdf_bytes(1), "slides.pptx": ooxml_bytes("pptx")})
    assert inspect_upload(ContentFile(data, name="papers.zip")).content_type == "application/zip"


@pytest.mark.parametrize(
    ("members", "words"),
    [
        ({"paper.pdf": pdf_bytes(1), "index.html": HTML}, "index.html"),
        ({"paper.pdf": HTML}, "web page"),
        ({"inner.zip": zip_bytes({"a.pdf": pdf_bytes(1)})}, "inside archives"),
        ({"../../etc/passwd.pdf": pdf_bytes(1)}, "unsafe path"),
    ],
)
def test_a_zip_with_anything_not_allowed_inside_is_refused(members, words):
    error = refused(zip_bytes(members), "bundle.zip")
    assert words in " ".join(error.messages)


def test_a_zip_bomb_is_refused():
    data = zip_bytes({"big.pdf": b"%PDF-1.4\n" + b"\x00" * 20_000_000})
    assert refused(data, "bundle.zip").code == "zip_bomb"


@pytest.mark.parametrize(
    ("fmt", "name"), [("JPEG", "photo.jpg"), ("PNG", "chart.png"), ("WEBP", "map.webp")]
)
def test_images_are_accepted_when_pillow_reads_them(fmt, name):
    assert inspect_upload(ContentFile(image_bytes(fmt), name=name)).content_type.startswith(
        "image/"
    )


def test_an_image_renamed_to_pdf_is_refused():
    assert refused(image_bytes("PNG"), "scan.pdf").code == "extension_mismatch"


def test_a_decompression_bomb_image_is_refused():
    error = refused(png_bomb(), "map.png")
    assert error.code == "image_too_large"
    assert "too large" in " ".join(error.messages)


def test_a_damaged_pdf_is_refused():
    assert refused(b"%PDF-1.7\nnot really a pdf", "broken.pdf").code == "damaged_pdf"


def test_old_office_files_are_refused_with_advice():
    error = refused(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "old.doc")
    assert "DOCX" in " ".join(error.messages)


def test_files_over_the_size_limit_are_refused(settings):
    settings.PHAKHI_MAX_UPLOAD_SIZE = 1000
    error = refused(pdf_bytes(1) + b"\n" * 2000, "long.pdf")
    assert error.code == "too_large"


@pytest.mark.django_db
def test_a_decompression_bomb_cover_is_refused_by_the_model():
    publication = Publication(
        title_en="Bomb", kind="manual", slug="bomb", cover=ContentFile(png_bomb(), name="c.png")
    )
    with pytest.raises(ValidationError) as info:
        publication.full_clean()
    assert "cover" in info.value.message_dict


def _with_extra_member(data: bytes, name: str, payload: bytes) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO(data)
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, payload)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("member", "payload", "code"),
    [
        ("word/evil.html", HTML, "office_payload"),
        ("word/media/tool.bin", EXE, "office_payload"),
        ("word/vbaProject.bin", b"\xd0\xcf\x11\xe0 macros", "office_code"),
        ("word/activeX/activeX1.xml", b"<ax/>", "office_code"),
    ],
)
def test_an_office_file_carrying_a_program_a_page_or_macros_is_refused(member, payload, code):
    error = refused(_with_extra_member(ooxml_bytes("docx"), member, payload), "report.docx")
    assert error.code == code
    assert member in " ".join(error.messages)


def test_an_opendocument_carrying_a_page_or_basic_macros_is_refused():
    assert refused(_with_extra_member(odf_bytes(), "x.html", HTML), "t.odt").code == (
        "office_payload"
    )
    macro = _with_extra_member(odf_bytes(), "Basic/Standard/Module1.xml", b"<script:module/>")
    assert refused(macro, "t.odt").code == "office_code"


def test_an_office_file_with_a_picture_inside_is_still_accepted():
    data = _with_extra_member(ooxml_bytes("docx"), "word/media/image1.png", image_bytes("PNG"))
    assert inspect_upload(ContentFile(data, name="report.docx")).type.key == "docx"


@pytest.mark.parametrize(
    "prefix",
    [b"<img src=x onerror=alert(1)>\n", b'<?xml version="1.0"?><!-- %PDF-1.4 -->\n'],
    ids=["html-then-pdf", "xml-comment-then-pdf"],
)
def test_a_pdf_header_after_other_content_is_not_a_pdf(prefix):
    refused(prefix + pdf_bytes(), "paper.pdf")


def test_a_pdf_after_a_byte_order_mark_is_still_a_pdf():
    info = inspect_upload(ContentFile(b"\xef\xbb\xbf" + pdf_bytes(1), name="paper.pdf"))
    assert info.page_count == 1
