"""A strict reader of a W3C WebVTT chapters track (kind="chapters"): the
"WEBVTT" signature, then blocks separated by blank lines; each cue an
optional identifier, a timing line ("00:04:05.000 --> 00:09:00.000", hours
optional) and its title; NOTE, STYLE and REGION blocks are skipped. Written
here rather than taken from PyPI: the reader is 60 lines, and an import
has to decide one thing a lenient player would not: a file that is not
WebVTT is refused with the line that broke it (a player skips a bad cue, so
an index cut short would import as a shorter, wrong list of chapters)."""
import html
import re

TIMESTAMP = r"(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})"
TIMING = re.compile(rf"^{TIMESTAMP}[ \t]+-->[ \t]+{TIMESTAMP}(?:[ \t]+.*)?$")
SIGNATURE = re.compile(r"^WEBVTT(?:[ \t].*)?$")
TAG = re.compile(r"<[^>]*>")
MOST_CUES = 500


class Malformed(ValueError):
    """Not WebVTT: the message says where (in the server's words, wording.py)."""

    def __init__(self, line, why):
        super().__init__(why)
        self.line, self.why = line, why


def seconds(hours, minutes, secs, millis):
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(secs) + int(millis) / 1000


def cues(text):
    """[{start_s, end_s, title}] in the file's order, or Malformed(line, why):
    why is one of "signature", "timing", "order", "empty_title", "too_many"."""
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not lines or not SIGNATURE.match(lines[0]):
        raise Malformed(1, "signature")
    found, n = [], 1
    while n < len(lines) and lines[n].strip():  # the header's own lines, up to the first blank one
        n += 1
    while n < len(lines):
        if not lines[n].strip():
            n += 1
            continue
        start = n
        while n < len(lines) and lines[n].strip():
            n += 1
        block = lines[start:n]
        if re.match(r"^(NOTE|STYLE|REGION)(?:[ \t]|$)", block[0]) and "-->" not in block[0]:
            continue
        timing_at = 0 if "-->" in block[0] else 1
        timing = TIMING.match(block[timing_at].strip()) if len(block) > timing_at else None
        if timing is None:
            raise Malformed(start + timing_at + 1, "timing")
        begin, end = seconds(*timing.groups()[:4]), seconds(*timing.groups()[4:])
        if end < begin or (found and begin < found[-1]["start_s"]):
            raise Malformed(start + timing_at + 1, "order")
        title = " ".join(html.unescape(TAG.sub("", line)).strip() for line in block[timing_at + 1:]).strip()
        if not title:
            raise Malformed(start + timing_at + 1, "empty_title")
        found.append({"start_s": begin, "end_s": end, "title": " ".join(title.split())})
        if len(found) > MOST_CUES:
            raise Malformed(start + 1, "too_many")
    return found
