"""Tiny, valid one-page PDFs that stand in for documents the portal does not hold."""


def _pdf_text(value: str) -> str:
    # The built-in Helvetica font only covers Latin-1; anything else is replaced.
    value = value.encode("latin-1", "replace").decode("latin-1")
    return value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def placeholder_pdf(lines: list[str]) -> bytes:
    """A one-page A4 PDF showing the given lines (Latin text), with a correct cross-reference table.

    The output depends only on the lines, so the same lines always give the same bytes
    (and the same SHA-256).
    """
    text_ops = ["BT", "/F1 20 Tf", "72 760 Td", "24 TL"]
    for index, line in enumerate(lines):
        if index == 1:
            text_ops.append("/F1 12 Tf")
            text_ops.append("16 TL")
        text_ops.append(f"({_pdf_text(line)}) Tj T*")
    text_ops.append("ET")
    stream = "\n".join(text_ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
