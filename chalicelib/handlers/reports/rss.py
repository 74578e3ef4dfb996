"""RSS 2.0 documents from plain dicts, with the standard library's ElementTree.

ElementTree escapes `&`, `<` and `>` in text and attributes, so no input can
close an element or a CDATA section early. Two things it does not do are done
here: it writes characters XML 1.0 forbids (most C0 controls), which every
feed reader rejects, so they are dropped; and RSS readers treat <description>
and, once it looks like markup, <title> as HTML, so plain text is HTML-escaped
first in both (a resident's "<script>" then shows as text instead of being
markup once the XML layer is unwrapped).

Namespace prefixes are written as literal names with their xmlns attributes
on the root, so nothing registers a prefix in ElementTree's process-wide map.
"""
import html
import re
import xml.etree.ElementTree as ET
from email.utils import format_datetime

ATOM_NS = "http://www.w3.org/2005/Atom"
GEORSS_NS = "http://www.georss.org/georss"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text):
    """Text with the characters XML 1.0 cannot carry removed."""
    return _NOT_XML.sub("", str(text)) if text is not None else ""


def html_text(text):
    """Plain text as HTML that shows it as it is, for a title."""
    return html.escape(clean(text), quote=False)


def html_paragraphs(*texts):
    """Plain texts as escaped HTML paragraphs, for an item's description."""
    return "".join(f"<p>{html_text(t)}</p>" for t in texts if t)


def rfc822(moment):
    """An aware UTC datetime as RSS wants it: 'Sat, 21 Nov 2026 15:30:00 GMT'."""
    return format_datetime(moment.replace(microsecond=0), usegmt=True)


def render(channel, items):
    """The feed as a UTF-8 XML string.

    channel: title, link, description, self_url, last_build (datetime), ttl
    (minutes), optional language. items: dicts with title, link, guid,
    pub_date (datetime), description (HTML), category, point ((lat, lon) or None).
    """
    rss = ET.Element("rss", {"version": "2.0", "xmlns:atom": ATOM_NS, "xmlns:georss": GEORSS_NS})
    ch = ET.SubElement(rss, "channel")
    _text(ch, "title", html_text(channel["title"]))
    _text(ch, "link", channel["link"])
    _text(ch, "description", channel["description"])
    ET.SubElement(ch, "atom:link", {"href": clean(channel["self_url"]), "rel": "self",
                                    "type": "application/rss+xml"})
    _text(ch, "language", channel.get("language", "en-gb"))
    _text(ch, "lastBuildDate", rfc822(channel["last_build"]))
    _text(ch, "ttl", str(int(channel["ttl"])))
    _text(ch, "generator", "Doorstep")
    for item in items:
        el = ET.SubElement(ch, "item")
        _text(el, "title", html_text(item["title"]))
        _text(el, "link", item["link"])
        _text(el, "description", item["description"])
        if item.get("category"):
            _text(el, "category", item["category"])
        guid = ET.SubElement(el, "guid", {"isPermaLink": "false"})
        guid.text = clean(item["guid"])
        _text(el, "pubDate", rfc822(item["pub_date"]))
        if item.get("point"):
            lat, lon = item["point"]
            _text(el, "georss:point", f"{lat:.7f} {lon:.7f}")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(rss, encoding="unicode") + "\n"


def _text(parent, tag, value):
    el = ET.SubElement(parent, tag)
    el.text = clean(value)
    return el
