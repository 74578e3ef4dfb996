"""A minimal PDF writer for the local back office's bills and letters: one
A4 page of Helvetica lines, a valid PDF 1.4 file (catalogue, page tree, one
page, its content stream, a font, and a cross-reference table whose offsets
are the objects' own), small enough to read at a glance."""


def _escaped(line):
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("latin-1", "replace")


def one_page(lines, title=""):
    """PDF bytes showing `lines` top to bottom (the first in bold, larger)."""
    text = [b"BT /F2 16 Tf 56 780 Td (" + _escaped(lines[0] if lines else title) + b") Tj ET"]
    y = 750
    for line in lines[1:]:
        text.append(b"BT /F1 11 Tf 56 %d Td (" % y + _escaped(line) + b") Tj ET")
        y -= 16
    stream = b"\n".join(text)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>",
        b"<< /Title (" + _escaped(title) + b") /Producer (Doorstep local back office) >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, len(objects), xref)
    return bytes(out)
