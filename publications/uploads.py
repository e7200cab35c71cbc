"""Publication files checked by content, not by name, and measured once at upload.

No libmagic is needed: each allowed type is recognised by its signature and its
structure (a PDF header and trailer that pypdf can read; an OOXML package with
`[Content_Types].xml` naming the right main part; an ODF package whose first,
uncompressed entry is `mimetype`; a ZIP whose members are themselves allowed;
images opened by Pillow under the decompression-bomb limit). The name's
extension must then agree with what the content is. Anything else — web pages,
SVG, programs, unknown data — is refused with a message saying why, before
anything is stored.

What is accepted is made harmless where it can be: an image publication file is
re-encoded from its pixels (its EXIF, GPS position, comments and any data
appended after the image, such as a web page or an archive, are gone; the
re-encoded bytes are what is stored, measured and hashed), and a PDF is refused
when it carries JavaScript, a launch action or embedded files, whatever object
of the document holds them. File names with control or bidirectional-override
characters (which make "report‮fdp.exe" read as "reportexe.pdf") are refused.
"""

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from portal.images import validate_image


@dataclass(frozen=True)
class FileType:
    key: str
    label: str  # short name shown to readers ("PDF", "DOCX")
    content_type: str
    extensions: tuple[str, ...]


_OOXML = "application/vnd.openxmlformats-officedocument"
_ODF = "application/vnd.oasis.opendocument"

TYPES: dict[str, FileType] = {
    t.key: t
    for t in (
        FileType("pdf", "PDF", "application/pdf", (".pdf",)),
        FileType("docx", "DOCX", f"{_OOXML}.wordprocessingml.document", (".docx",)),
        FileType("xlsx", "XLSX", f"{_OOXML}.spreadsheetml.sheet", (".xlsx",)),
        FileType("pptx", "PPTX", f"{_OOXML}.presentationml.presentation", (".pptx",)),
        FileType("odt", "ODT", f"{_ODF}.text", (".odt",)),
        FileType("ods", "ODS", f"{_ODF}.spreadsheet", (".ods",)),
        FileType("odp", "ODP", f"{_ODF}.presentation", (".odp",)),
        FileType("zip", "ZIP", "application/zip", (".zip",)),
        FileType("jpeg", "JPEG", "image/jpeg", (".jpg", ".jpeg")),
        FileType("png", "PNG", "image/png", (".png",)),
        FileType("webp", "WebP", "image/webp", (".webp",)),
    )
}
LABELS_BY_CONTENT_TYPE = {t.content_type: t.label for t in TYPES.values()}

# The main part an OOXML package must declare (macro-enabled variants are not accepted).
OOXML_MAIN_PARTS = {
    "docx": f"{_OOXML}.wordprocessingml.document.main+xml",
    "xlsx": f"{_OOXML}.spreadsheetml.sheet.main+xml",
    "pptx": f"{_OOXML}.presentationml.presentation.main+xml",
}
ODF_MIMETYPES = {
    TYPES["odt"].content_type: "odt",
    TYPES["ods"].content_type: "ods",
    TYPES["odp"].content_type: "odp",
}
IMAGE_FORMATS = {"JPEG": "jpeg", "PNG": "png", "WEBP": "webp"}

# ZIP sanity limits: many tiny entries or a huge expansion ratio mean a zip bomb.
ZIP_MAX_ENTRIES = 2000
ZIP_MAX_RATIO = 100
CONTENT_TYPES_MAX_BYTES = 1024 * 1024
SNIFF_BYTES = 4096

ACCEPTED_HELP = _(
    "Accepted: PDF, Word (DOCX), Excel (XLSX), PowerPoint (PPTX), OpenDocument (ODT, ODS, ODP), "
    "ZIP archives of those, and JPEG, PNG or WebP images."
)


@dataclass(frozen=True)
class FileInfo:
    """What the upload really is, read from its content."""

    type: FileType
    size: int
    sha256: str
    page_count: int | None
    # The bytes to store instead of the upload's (a re-encoded image), or None to store it as is.
    cleaned: bytes | None = None

    @property
    def content_type(self) -> str:
        return self.type.content_type


def type_label(content_type: str) -> str:
    """The short name readers know a file type by ("PDF"), from its content type."""
    return LABELS_BY_CONTENT_TYPE.get(content_type, "")


def _refuse(message, code: str, **params) -> ValidationError:
    return ValidationError(message, code=code, params=params or None)


def _read_head(fileobj, size: int = SNIFF_BYTES) -> bytes:
    fileobj.seek(0)
    head = fileobj.read(size)
    fileobj.seek(0)
    return head


def _refuse_known_dangerous(head: bytes) -> None:
    """Clear messages for the types people most often rename: web pages, SVG and programs."""
    if (
        head.startswith(b"MZ")
        or head.startswith(b"\x7fELF")
        or head[:4]
        in (
            b"\xfe\xed\xfa\xce",
            b"\xfe\xed\xfa\xcf",
            b"\xcf\xfa\xed\xfe",
            b"\xce\xfa\xed\xfe",
        )
    ):
        raise _refuse(
            _("This file is a program, not a document. Programs are never accepted."),
            "program",
        )
    if head.startswith(b"#!"):
        raise _refuse(
            _("This file is a script, not a document. Scripts are never accepted."), "program"
        )
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"<svg" in text[:2048] or (text.startswith(b"<?xml") and b"<svg" in text):
        raise _refuse(
            _("This file is an SVG drawing. SVG files can carry scripts and are never accepted."),
            "svg",
        )
    if text.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<script")) or (
        text.startswith(b"<") and (b"<html" in text or b"<script" in text)
    ):
        raise _refuse(
            _("This file is a web page (HTML). Web pages are never accepted as documents."),
            "html",
        )


PDF_WALK_LIMIT = 500_000  # objects visited at most; a larger document is refused as unreadable
_PDF_ACTIONS = {"/JavaScript": "pdf_javascript", "/Launch": "pdf_launch"}
_PDF_NAME = re.compile(rb"/([^\s/<>\[\]()%{}]+)")
_PDF_CODE_NAMES = {
    b"JavaScript": "pdf_javascript",
    b"JS": "pdf_javascript",
    b"Launch": "pdf_launch",
}


def _pdf_refusal(code: str) -> ValidationError:
    messages = {
        "pdf_javascript": _(
            "This PDF contains JavaScript, which could run when it is opened. Save or print "
            "it to a new PDF without scripts and upload that."
        ),
        "pdf_launch": _(
            "This PDF contains an action that starts another program. Save or print it to a "
            "new PDF without such actions and upload that."
        ),
        "pdf_embedded": _(
            "This PDF carries other files inside it (attachments). Upload the PDF without "
            "attachments, and the attached documents separately."
        ),
        "pdf_too_complex": _("This PDF is too complex to be checked; it is refused as unsafe."),
    }
    return _refuse(messages[code], code)


def _pdf_active_content(reader: PdfReader) -> str | None:
    """Walk every object reachable from the trailer: the reason to refuse, or None."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    seen: set[tuple[int, int]] = set()
    stack = [reader.trailer]
    visited = 0
    while stack:
        node = stack.pop()
        if isinstance(node, IndirectObject):
            if (node.idnum, node.generation) in seen:
                continue
            seen.add((node.idnum, node.generation))
            try:
                node = node.get_object()
            except (PyPdfError, OSError, ValueError, KeyError, TypeError, AttributeError):
                continue
        visited += 1
        if visited > PDF_WALK_LIMIT:
            return "pdf_too_complex"
        if isinstance(node, DictionaryObject):
            for key, value in node.items():
                if key in ("/JS", "/JavaScript"):
                    return "pdf_javascript"
                if key in ("/EmbeddedFiles", "/EF", "/RichMedia"):
                    return "pdf_embedded"
                if key in ("/S", "/Type", "/Subtype"):
                    try:
                        name = value.get_object()
                    except (PyPdfError, OSError, ValueError, KeyError, TypeError, AttributeError):
                        name = None
                    if key == "/S" and name in _PDF_ACTIONS:
                        return _PDF_ACTIONS[name]
                    if name in ("/EmbeddedFile", "/FileAttachment"):
                        return "pdf_embedded"
                stack.append(value)
        elif isinstance(node, ArrayObject):
            stack.extend(node)
    return None


def _pdf_raw_names(fileobj) -> str | None:
    """Names written in the file's bytes, decoded (#4A is J): a second look that does not
    depend on how a parser repairs a damaged cross-reference table."""
    fileobj.seek(0)
    tail = b""
    for chunk in iter(lambda: fileobj.read(1024 * 1024), b""):
        data = tail + chunk
        for match in _PDF_NAME.finditer(data):
            name = re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m[1], 16)]), match[1])
            if name in _PDF_CODE_NAMES:
                return _PDF_CODE_NAMES[name]
        tail = data[-64:]
    return None


def _pdf_pages(fileobj) -> int | None:
    """The page count of a readable PDF without active content, or a refusal saying why not."""
    fileobj.seek(0)
    try:
        if code := _pdf_raw_names(fileobj):
            raise _pdf_refusal(code)
        fileobj.seek(0)
        reader = PdfReader(fileobj)
        if reader.is_encrypted:
            # A password-protected PDF may still be published; its pages are not countable.
            try:
                if not reader.decrypt(""):
                    return None
            except (PyPdfError, NotImplementedError, ValueError):
                return None
        if code := _pdf_active_content(reader):
            raise _pdf_refusal(code)
        return len(reader.pages)
    except (PyPdfError, OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise _refuse(
            _("The file starts like a PDF but cannot be read; it may be damaged."),
            "damaged_pdf",
        ) from exc
    finally:
        fileobj.seek(0)


def _is_pdf(head: bytes) -> bool:
    # The header must open the file (after at most a byte-order mark or whitespace): a PDF
    # header further in is how HTML/PDF polyglots pass as PDFs.
    return head.lstrip(b"\xef\xbb\xbf \t\r\n\x00").startswith(b"%PDF-")


def _check_zip_limits(archive: zipfile.ZipFile, size: int) -> None:
    infos = archive.infolist()
    if len(infos) > ZIP_MAX_ENTRIES:
        raise _refuse(
            _("The archive holds too many files (%(count)s; at most %(limit)s)."),
            "zip_too_many",
            count=len(infos),
            limit=ZIP_MAX_ENTRIES,
        )
    expanded = sum(info.file_size for info in infos)
    if expanded > max(size, 1) * ZIP_MAX_RATIO or expanded > settings.PHAKHI_MAX_UPLOAD_SIZE * 10:
        raise _refuse(
            _("The archive expands to far more data than it holds; it is refused as unsafe."),
            "zip_bomb",
        )
    for info in infos:
        name = info.filename
        if name.startswith(("/", "\\")) or ".." in PurePosixPath(name.replace("\\", "/")).parts:
            raise _refuse(
                _("The archive contains a file with an unsafe path (%(name)s)."),
                "zip_path",
                name=name,
            )


def _zip_member(archive: zipfile.ZipFile, name: str, limit: int) -> bytes | None:
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > limit:
        return None
    with archive.open(info) as member:
        return member.read(limit + 1)[:limit]


_OVERRIDE = re.compile(rb"<(?:\w+:)?Override\b([^>]*)>", re.IGNORECASE)
_ATTRIBUTE = re.compile(rb'(\w+)\s*=\s*["\']([^"\']*)["\']')


def _ooxml_kind(archive: zipfile.ZipFile) -> str | None:
    """docx/xlsx/pptx when `[Content_Types].xml` declares that main part and the part exists."""
    declared = _zip_member(archive, "[Content_Types].xml", CONTENT_TYPES_MAX_BYTES)
    if declared is None:
        return None
    names = set(archive.namelist())
    for match in _OVERRIDE.finditer(declared):
        attrs = {
            key.decode("ascii").lower(): value.decode("utf-8", "replace")
            for key, value in _ATTRIBUTE.findall(match[1])
        }
        for kind, main_type in OOXML_MAIN_PARTS.items():
            if attrs.get("contenttype") == main_type:
                part = attrs.get("partname", "").lstrip("/")
                if part in names:
                    return kind
    return None


def _odf_kind(archive: zipfile.ZipFile) -> str | None:
    """odt/ods/odp when the first entry is an uncompressed `mimetype` naming that type."""
    infos = archive.infolist()
    if not infos or infos[0].filename != "mimetype":
        return None
    if infos[0].compress_type != zipfile.ZIP_STORED:
        return None
    mimetype = _zip_member(archive, "mimetype", 200)
    kind = ODF_MIMETYPES.get((mimetype or b"").decode("ascii", "replace").strip())
    if kind and "content.xml" in archive.namelist():
        return kind
    return None


def _zip_kind(fileobj, size: int, *, nested: bool) -> str | None:
    """The kind of a ZIP-based file (an office document or a plain archive), or None."""
    fileobj.seek(0)
    try:
        with zipfile.ZipFile(fileobj) as archive:
            _check_zip_limits(archive, size)
            kind = _ooxml_kind(archive) or _odf_kind(archive)
            if kind:
                _check_package_members(archive)
                return kind
            if "[Content_Types].xml" in archive.namelist():
                raise _refuse(
                    _(
                        "This Office file is of a kind that is not accepted (for example one "
                        "with macros). Save it as DOCX, XLSX, PPTX or PDF and upload that."
                    ),
                    "office_unsupported",
                )
            if nested:
                return None
            _check_archive_members(archive)
            return "zip"
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, RuntimeError) as exc:
        raise _refuse(
            _("The file looks like a ZIP archive but cannot be read; it may be damaged."),
            "damaged_zip",
        ) from exc
    finally:
        fileobj.seek(0)


# Parts of an Office or OpenDocument package that carry code: macros, ActiveX controls.
_CODE_PARTS = re.compile(
    r"(^|/)(vbaProject\.bin|vbaData\.xml|activeX/|Basic/|Scripts/)", re.IGNORECASE
)
_PROGRAM_MAGIC = (b"MZ", b"\x7fELF", b"\xfe\xed\xfa", b"\xce\xfa\xed\xfe", b"\xcf\xfa\xed\xfe")


def _check_package_members(archive: zipfile.ZipFile) -> None:
    """An office document may hold XML, images and fonts, never macros, programs or web pages."""
    for info in archive.infolist():
        if info.is_dir():
            continue
        if _CODE_PARTS.search(info.filename):
            raise _refuse(
                _(
                    "This Office file contains macros or other code (%(name)s). Save it "
                    "without macros (DOCX, XLSX, PPTX, ODT, ODS, ODP) or as PDF and upload that."
                ),
                "office_code",
                name=info.filename,
            )
        with archive.open(info) as member:
            head = member.read(1024)
        text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        is_page = text.startswith((b"<!doctype html", b"<html", b"<script")) or (
            info.filename.lower().endswith((".html", ".htm", ".xhtml", ".js", ".hta"))
        )
        if head.startswith(_PROGRAM_MAGIC) or head.startswith(b"#!") or is_page:
            raise _refuse(
                _(
                    "This Office file carries a program or a web page inside it (%(name)s), "
                    "which is never accepted."
                ),
                "office_payload",
                name=info.filename,
            )


def _check_archive_members(archive: zipfile.ZipFile) -> None:
    """Every file in a plain ZIP must itself be an allowed type whose name matches (no nesting)."""
    limit = settings.PHAKHI_MAX_UPLOAD_SIZE
    files = [info for info in archive.infolist() if not info.is_dir()]
    if not files:
        raise _refuse(_("The archive is empty."), "zip_empty")
    for info in files:
        if info.flag_bits & 0x1:
            raise _refuse(
                _("The archive is password-protected, so its contents cannot be checked."),
                "zip_encrypted",
            )
        if info.file_size > limit:
            raise _refuse(
                _("“%(name)s” in the archive is larger than the upload limit."),
                "zip_member_size",
                name=info.filename,
            )
        with archive.open(info) as member:
            data = io.BytesIO(member.read(limit + 1))
        try:
            detected = _detect(data, info.file_size, nested=True)
            _check_extension(info.filename, detected)
            if detected == "pdf":
                _pdf_pages(data)  # a PDF in an archive may not carry scripts either
        except ValidationError as exc:
            raise _refuse(
                _("“%(name)s” in the archive is refused: %(reason)s"),
                "zip_member",
                name=info.filename,
                reason=" ".join(exc.messages),
            ) from exc


def _image_kind(fileobj) -> str | None:
    from PIL import Image, UnidentifiedImageError

    fileobj.seek(0)
    try:
        with Image.open(fileobj) as probe:
            image_format = probe.format
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        return None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _refuse(_("The image is too large to open safely."), "image_too_large") from exc
    finally:
        fileobj.seek(0)
    kind = IMAGE_FORMATS.get(image_format or "")
    if kind:
        validate_image(fileobj)  # full decode under the pixel limit
        fileobj.seek(0)
    return kind


def _detect(fileobj, size: int, *, nested: bool = False) -> str:
    head = _read_head(fileobj)
    if not head:
        raise _refuse(_("The file is empty."), "empty")
    _refuse_known_dangerous(head)
    if _is_pdf(head):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        kind = _zip_kind(fileobj, size, nested=nested)
        if kind:
            return kind
        raise _refuse(
            _("Archives inside archives are not accepted; put the files in one ZIP."),
            "zip_nested",
        )
    if head.startswith((b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")) or (
        head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    ):
        kind = _image_kind(fileobj)
        if kind:
            return kind
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise _refuse(
            _(
                "This is an old Microsoft Office file (DOC, XLS or PPT), which can carry macros. "
                "Save it as PDF or in the current format (DOCX, XLSX, PPTX) and upload that."
            ),
            "legacy_office",
        )
    raise _refuse(
        _("This type of file is not accepted. %(accepted)s"), "type", accepted=ACCEPTED_HELP
    )


def _check_extension(name: str, kind: str) -> None:
    file_type = TYPES[kind]
    extension = PurePosixPath(name.replace("\\", "/")).suffix.lower()
    if extension not in file_type.extensions:
        raise _refuse(
            _(
                "The file is not what its name says: the name ends in “%(extension)s” but the "
                "content is %(label)s. Rename it to end in “%(expected)s” if that is right."
            ),
            "extension_mismatch",
            extension=extension or _("(no extension)"),
            label=file_type.label,
            expected=file_type.extensions[0],
        )


def _sha256(fileobj) -> str:
    digest = hashlib.sha256()
    fileobj.seek(0)
    for chunk in iter(lambda: fileobj.read(1024 * 1024), b""):
        digest.update(chunk)
    fileobj.seek(0)
    return digest.hexdigest()


def _size(uploaded) -> int:
    size = getattr(uploaded, "size", None)
    if size is not None:
        return int(size)
    fileobj = getattr(uploaded, "file", uploaded)
    fileobj.seek(0, io.SEEK_END)
    size = fileobj.tell()
    fileobj.seek(0)
    return size


# Control characters, and the bidirectional embeddings, overrides and isolates that make a
# name display in another order than it is read (U+202A-U+202E, U+2066-U+2069).
_UNSAFE_NAME = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _check_name(name: str) -> None:
    if _UNSAFE_NAME.search(name):
        raise _refuse(
            _(
                "The file name contains invisible control characters, which can disguise what "
                "the file is. Rename the file with ordinary letters and upload it again."
            ),
            "unsafe_name",
        )


def inspect_upload(uploaded, name: str | None = None) -> FileInfo:
    """Check an uploaded publication file and read its facts, or raise ValidationError.

    `uploaded` is a Django File (or any binary file object); `name` defaults to its name.
    For an image, `cleaned` holds the re-encoded bytes to store, and size and SHA-256 are
    those of the cleaned bytes.
    """
    from portal.images import reencode

    name = name or getattr(uploaded, "name", "") or ""
    _check_name(name)
    size = _size(uploaded)
    limit = settings.PHAKHI_MAX_UPLOAD_SIZE
    if size > limit:
        raise _refuse(
            _("The file is too large (%(size)s). The limit is %(limit)s."),
            "too_large",
            size=filesizeformat(size),
            limit=filesizeformat(limit),
        )
    fileobj = getattr(uploaded, "file", uploaded)
    kind = _detect(fileobj, size)
    _check_extension(name, kind)
    if kind in IMAGE_FORMATS.values():
        cleaned, _extension, _image = reencode(fileobj, max_edge=None)
        fileobj.seek(0)
        return FileInfo(
            type=TYPES[kind],
            size=len(cleaned),
            sha256=hashlib.sha256(cleaned).hexdigest(),
            page_count=None,
            cleaned=cleaned,
        )
    return FileInfo(
        type=TYPES[kind],
        size=size,
        sha256=_sha256(fileobj),
        page_count=_pdf_pages(fileobj) if kind == "pdf" else None,
    )
