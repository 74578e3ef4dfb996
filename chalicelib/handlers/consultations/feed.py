"""An Atom feed (RFC 4287) of consultations that have opened, newest first:
their public words and when they close; never a response or a count. One
range of the opening index (the "any" partition), reading what it shows."""
from xml.etree import ElementTree as ET

from ...stamps import stamp
from ..reports.rss import clean
from . import wording
from .timing import ONE_SECOND, moment_words, status

CONTENT_TYPE = "application/atom+xml; charset=utf-8"
MAX_AGE_SECONDS = 60
ENTRIES = 50
ATOM = "http://www.w3.org/2005/Atom"


def atom(deps):
    now = deps.clock()
    rows = deps.consultations.opening("any", None, now.replace(microsecond=0) + ONE_SECOND, ENTRIES,
                                      newest_first=True)
    feed = ET.Element("feed", {"xmlns": ATOM})
    _text(feed, "title", wording.FEED_TITLE)
    _text(feed, "id", f"{deps.base_url}/v1/feeds/consultations.atom")
    ET.SubElement(feed, "link", {"rel": "self", "href": f"{deps.base_url}/v1/feeds/consultations.atom"})
    ET.SubElement(feed, "link", {"rel": "alternate", "href": f"{deps.base_url}/consultations"})
    _text(feed, "updated", stamp(max((_updated(r) for r in rows), default=now)))
    _text(ET.SubElement(feed, "author"), "name", "The council")
    for row in rows:
        entry = ET.SubElement(feed, "entry")
        url = f"{deps.base_url}/consultations/{row.id}"
        _text(entry, "id", url)
        _text(entry, "title", row.doc.get("title"))
        ET.SubElement(entry, "link", {"rel": "alternate", "href": url})
        _text(entry, "published", stamp(row.opens_at))
        _text(entry, "updated", stamp(_updated(row)))
        state = status(row, now)
        ending = (wording.FEED_CLOSES if state == "open" else wording.FEED_CLOSED).format(
            moment=moment_words(row.closes_at))
        _text(entry, "summary", f"{row.doc.get('overview') or ''} {ending}".strip())
        for topic in row.doc.get("topics") or []:
            ET.SubElement(entry, "category", {"term": clean(topic)})
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode")


def _updated(row):
    from ...stamps import parse
    published = row.doc.get("results_published_at")
    return parse(published) if published else row.opens_at


def _text(parent, name, value):
    ET.SubElement(parent, name).text = clean(value)
