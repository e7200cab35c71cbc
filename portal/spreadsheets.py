"""Reading and writing the spreadsheets staff import and export: CSV and XLSX.

CSV files from Thai offices come in three encodings: UTF-8 (Google Sheets, LibreOffice),
UTF-8 with a byte-order mark (Excel's "CSV UTF-8") and Windows-874 / TIS-620 (Excel's
plain "CSV" on a Thai Windows). The encoding is detected, never asked for: UTF-8 is tried
first, because bytes that decode as UTF-8 are almost never Thai in Windows-874 (whose Thai
letters are single bytes 0xA1–0xFB that do not form valid UTF-8 sequences).
"""

import csv
import io
from dataclasses import dataclass

from django.utils.translation import gettext as _

FORMATS = ("csv", "xlsx")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class SpreadsheetError(ValueError):
    """The file cannot be read as a spreadsheet; the message is for staff."""


@dataclass(frozen=True)
class Sheet:
    """The rows of a file: its headings and each row as a list of cell texts."""

    headings: list[str]
    rows: list[list[str]]
    encoding: str  # "utf-8", "utf-8-sig", "cp874" or "xlsx"


def decode_csv(data: bytes) -> tuple[str, str]:
    """The text of CSV bytes and the encoding it was in."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        # Windows-874 is TIS-620 plus a few punctuation marks (… ‘ ’ “ ” – —) in 0x80–0x9F.
        return data.decode("cp874"), "cp874"
    except UnicodeDecodeError as error:
        raise SpreadsheetError(
            _("The file is neither UTF-8 nor Thai Windows-874 (TIS-620) text.")
        ) from error


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value).strip()


def _is_comment(row: list[str]) -> bool:
    # Templates explain their columns in lines starting with "#".
    return bool(row) and row[0].lstrip().startswith("#")


def _sheet(rows: list[list[str]], encoding: str) -> Sheet:
    rows = [r for r in rows if any(cell.strip() for cell in r) and not _is_comment(r)]
    if not rows:
        raise SpreadsheetError(_("The file has no heading row."))
    headings, *body = rows
    return Sheet([h.strip() for h in headings], body, encoding)


def read(data: bytes, filename: str) -> Sheet:
    """A `Sheet` from the uploaded bytes; the format comes from the file name's ending."""
    name = (filename or "").lower()
    if name.endswith(".xlsx"):
        return read_xlsx(data)
    if name.endswith((".csv", ".txt")):
        return read_csv(data)
    raise SpreadsheetError(_("Upload a CSV or XLSX file."))


def read_csv(data: bytes) -> Sheet:
    text, encoding = decode_csv(data)
    # The delimiter is the commonest of , ; and tab in the heading line (Excel in some
    # locales writes ";"); comment lines of a template do not count.
    heading = next(
        (
            line
            for line in text.splitlines()
            if line.strip() and not line.lstrip().startswith(("#", '"#'))
        ),
        "",
    )
    delimiter = max(",;\t", key=heading.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows = [[cell.strip() for cell in row] for row in reader]
    return _sheet(rows, encoding)


def read_xlsx(data: bytes) -> Sheet:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise SpreadsheetError(_("The file is not a readable XLSX workbook.")) from error
    sheet = book.worksheets[0]
    rows = [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    book.close()
    return _sheet(rows, "xlsx")


def write_csv(headings, rows, *, comments=()) -> bytes:
    """UTF-8 with a byte-order mark, so that Excel opens the Thai correctly."""
    out = io.StringIO()
    writer = csv.writer(out)
    for line in comments:
        writer.writerow([f"# {line}"])
    writer.writerow([str(h) for h in headings])
    writer.writerows([["" if v is None else str(v) for v in row] for row in rows])
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")


def write_xlsx(headings, rows, *, title="", notes=None) -> bytes:
    """An XLSX workbook: the rows on the first sheet, `notes` (headings, rows) on a second."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook(write_only=False)
    sheet = book.active
    sheet.title = (title or "Sheet1")[:31]
    sheet.append([str(h) for h in headings])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(
            ["" if v is None else v if isinstance(v, int | float) else str(v) for v in row]
        )
    if notes:
        note_headings, note_rows, note_title = notes
        extra = book.create_sheet(note_title[:31])
        extra.append([str(h) for h in note_headings])
        for cell in extra[1]:
            cell.font = Font(bold=True)
        for row in note_rows:
            extra.append([str(v) for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
