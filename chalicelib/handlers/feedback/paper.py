"""A landscape A4 document of text lines and tables, written with pydyf (a low-level PDF writer of 70 KB and
no dependencies: a layout library would bring a font toolkit several times the Lambda package's room). Text
is in the PDF's standard Helvetica (nothing embedded), its characters in Windows-1252 as the font's
WinAnsiEncoding has them: the pound sign, curly quotes and dashes included."""
import io

WIDTH, HEIGHT, MARGIN = 842, 595, 40  # points: A4 landscape, and the margin all round
# Helvetica's widths are about half an em; a wide figure or capital is more: wrapped at 0.55 em, a line fits.
EM_SHARE = 0.55


class Paper:
    def __init__(self, title, author):
        import pydyf
        self.pydyf = pydyf
        self.document = pydyf.PDF()
        self.document.info["Title"] = pydyf.String(title)
        self.document.info["Author"] = pydyf.String(author)
        self.fonts = pydyf.Dictionary({
            name: pydyf.Dictionary({"Type": "/Font", "Subtype": "/Type1", "BaseFont": f"/{base}",
                                    "Encoding": "/WinAnsiEncoding"})
            for name, base in (("F1", "Helvetica"), ("F2", "Helvetica-Bold"))})
        self.page = None
        self.new_page()

    def new_page(self):
        self.page = self.pydyf.Stream()
        self.y = HEIGHT - MARGIN
        self.document.add_object(self.page)
        self.document.add_page(self.pydyf.Dictionary({
            "Type": "/Page", "Parent": self.document.pages.reference,
            "MediaBox": self.pydyf.Array([0, 0, WIDTH, HEIGHT]), "Contents": self.page.reference,
            "Resources": self.pydyf.Dictionary({"Font": self.fonts})}))

    def room(self, height):
        """A new page unless `height` points of it are left."""
        if self.y - height < MARGIN:
            self.new_page()

    def text(self, words, size=10, bold=False, gap=2):
        """A paragraph across the page, wrapped to its width."""
        for line in wrapped(words, size, WIDTH - 2 * MARGIN):
            self.room(size * 1.3)
            self.y -= size * 1.3
            self._put(line, MARGIN, self.y, size, bold)
        self.y -= gap

    def row(self, cells, widths, size=8.5, bold=False):
        """One row of a table: each cell wrapped to its column, the row as tall as its tallest cell."""
        lines = [wrapped(cell, size, width - 4) for cell, width in zip(cells, widths)]
        height = max(len(cell) for cell in lines) * size * 1.25 + 4
        self.room(height)
        x = MARGIN
        for cell, width in zip(lines, widths):
            for n, line in enumerate(cell):
                self._put(line, x + 2, self.y - 2 - (n + 1) * size * 1.25 + 2, size, bold)
            x += width
        self.y -= height
        self.page.move_to(MARGIN, self.y)
        self.page.line_to(MARGIN + sum(widths), self.y)
        self.page.set_line_width(0.3)
        self.page.stroke()

    def _put(self, line, x, y, size, bold):
        self.page.begin_text()
        self.page.set_font_size("F2" if bold else "F1", size)
        self.page.set_text_matrix(1, 0, 0, 1, x, y)
        self.page.show_text_string(line.encode("cp1252", "replace"))
        self.page.end_text()

    def bytes(self):
        out = io.BytesIO()
        self.document.write(out, compress=True)
        return out.getvalue()


def wrapped(words, size, width):
    """`words` in lines no wider than `width` points at `size` (by Helvetica's typical width)."""
    most = max(1, int(width / (size * EM_SHARE)))
    lines, line = [], ""
    for word in str(words).split(" "):
        if line and len(line) + 1 + len(word) > most:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return lines + [line]
