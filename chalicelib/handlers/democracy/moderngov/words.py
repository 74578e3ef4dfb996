"""Modern.gov's words as plain text: titles come HTML-encoded twice
(`Chair&amp;#39;s` inside the XML, so `Chair&#39;s` once the XML is read) and
bodies (agendatext, the decision's and the minutes' HTML) are escaped HTML
from a word processor. Both become plain text here, once, so nothing of ours
ever renders a council's markup (no script, no style, no Word classes)."""
import html
import re
from html.parser import HTMLParser

BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol"}
SKIPPED = {"script", "style", "head", "title"}
SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


def title(raw):
    """A title, its entities decoded as often as they were encoded (twice at most)."""
    text = (raw or "").strip()
    for _ in range(2):
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    return SPACES.sub(" ", text).strip()


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skipping = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED:
            self.skipping += 1
        elif tag in BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data.replace("\n", " "))


def text(raw):
    """Escaped HTML (as the XML gives it, decoded once) as paragraphs of plain
    text, a blank line apart; entities encoded twice are decoded too."""
    if not (raw or "").strip():
        return ""
    parser = _Text()
    parser.feed(raw)
    parser.close()
    lines = (title(SPACES.sub(" ", line)) for line in "".join(parser.parts).split("\n"))
    return "\n\n".join(line for line in lines if line)
