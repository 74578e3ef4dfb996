"""Modern.gov's `mgWebService.asmx` answers read into the port's values, as
they really come (DemocracyClub/LGSF's fixtures show them): booleans are the
strings "True" and "False"; counts carry a leading space (" 2"); dates are
dd/mm/yyyy and times "10.00 am"; titles are HTML-encoded twice and bodies are
escaped HTML (words.py); a section heading is an item numbered 0 or with no
title; GetMeeting names no committee (GetMeetings does).

Restricted items and papers are dropped here, the one place that sees them,
and so are links that are not papers (`isurl`). The stdlib's ElementTree
reads the XML: it expands no external entities, and an answer is capped in
size before it is parsed (MAX_ANSWER_BYTES)."""
import re
from datetime import datetime
from xml.etree import ElementTree

from ..port import Committee, DemocracyError, Item, Meeting, MeetingDate, Paper
from . import words

MAX_ANSWER_BYTES = 4 * 1024 * 1024
CHALLENGE = re.compile(rb"^\s*(<!doctype\s+html|<html)", re.IGNORECASE)
TIME = re.compile(r"^\s*(\d{1,2})[.:](\d{2})\s*(am|pm)?\s*$", re.IGNORECASE)


def root(raw, expected):
    """The answer's root element, named `expected`; a firewall's HTML page is
    `blocked`, anything else not that XML `malformed`."""
    if CHALLENGE.match(raw[:512]):
        raise DemocracyError("blocked", "an HTML page instead of XML", "html_page")
    if len(raw) > MAX_ANSWER_BYTES:
        raise DemocracyError("malformed", "answer too large", "not_xml")
    if b"<!DOCTYPE" in raw[:1024] or b"<!ENTITY" in raw:
        raise DemocracyError("malformed", "a DTD in an answer", "not_xml")  # never expanded, never accepted
    try:
        element = ElementTree.fromstring(raw)
    except ElementTree.ParseError as e:
        raise DemocracyError("malformed", f"not XML ({e.code})", "not_xml") from None
    if element.tag != expected:
        raise DemocracyError("malformed", f"<{element.tag}> where <{expected}> was expected", "not_xml")
    return element


def _text(element, name):
    found = element.find(name)
    return (found.text or "").strip() if found is not None else ""


def _true(element, name):
    return _text(element, name).lower() == "true"


def day(text):
    """dd/mm/yyyy as YYYY-MM-DD; "" for none; malformed for a date not in that form."""
    text = (text or "").strip()
    if not text:
        return ""
    try:
        return datetime.strptime(text, "%d/%m/%Y").date().isoformat()
    except ValueError:
        raise DemocracyError("malformed", f"a date not dd/mm/yyyy: {text[:20]!r}") from None


def clock(text):
    """ "10.00 am", "2.30 pm", "18:30" as HH:MM; "" when there is none or it cannot be read."""
    match = TIME.match(text or "")
    if not match:
        return ""
    hour, minute, half = int(match.group(1)), int(match.group(2)), (match.group(3) or "").lower()
    if half == "pm" and hour < 12:
        hour += 12
    elif half == "am" and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}" if hour < 24 and minute < 60 else ""


def committees(raw):
    return [Committee(id=_text(c, "committeeid"), title=words.title(_text(c, "committeetitle")),
                      category=words.title(_text(c, "committeecategory")),
                      current=not (_true(c, "committeedeleted") or _true(c, "committeeexpired")))
            for c in root(raw, "committees").findall("committee") if _text(c, "committeeid")]


def meetings(raw, committee):
    found = []
    for c in root(raw, "getmeetings").findall("committee"):
        title = words.title(_text(c, "committeetitle")) or committee.title
        cid = _text(c, "committeeid") or committee.id
        for m in c.iter("meeting"):
            if not _text(m, "meetingid"):
                continue
            found.append(MeetingDate(id=_text(m, "meetingid"), committee_id=cid, committee_title=title,
                                     date=day(_text(m, "meetingdate")), time=clock(_text(m, "meetingtime")),
                                     cancelled=_text(m, "meetingstatus").lower() == "cancelled",
                                     webcast=_true(m, "iswebcast")))
    return found


def meeting(raw):
    m = root(raw, "meeting")
    items = _without_empty_headings([item for item in map(_item, m.iter("agendaitem")) if item is not None])
    return Meeting(id=_text(m, "meetingid"), date=day(_text(m, "meetingdate")), time=clock(_text(m, "meetingtime")),
                   cancelled=_text(m, "meetingstatus").lower() == "cancelled",
                   location=words.title(_text(m, "meetinglocation")),
                   agenda_published=_true(m, "agendapublished"), decisions_published=_true(m, "decisionpublished"),
                   minutes_published=_true(m, "minutepublished"), items=items, webcast=_true(m, "iswebcast"))


def _without_empty_headings(items):
    """A heading is kept only with an item under it ("Part B" over restricted
    items alone says nothing once they are gone)."""
    kept = [item for i, item in enumerate(items)
            if not item.heading or (i + 1 < len(items) and not items[i + 1].heading)]
    return tuple(kept)


def _item(a):
    """One agenda item, or None: restricted, or a heading with no words at all."""
    if _true(a, "isrestricted"):
        return None
    title = words.title(_text(a, "agendaitemtitle"))
    # "4." as Modern.gov prints it is item 4: the dot is its list's punctuation, not the number's, and a
    # sentence saying "item 4.: Road repairs" would print it twice.
    number = words.title(_text(a, "fulldisplaynumberformat")).rstrip(".")
    heading = _text(a, "agendaitemnumber") in ("0", "") or not title
    if not title and not number:
        return None
    papers = tuple(Paper(id=_text(d, "attachmentid"), title=words.title(_text(d, "title")),
                         published=_published(_text(d, "publicationdate")))
                   for d in a.iter("linkeddoc")
                   if _text(d, "attachmentid") and not _true(d, "isrestricted") and not _true(d, "isurl"))
    return Item(id=_text(a, "agendaitemid"), number="" if heading else number, title=title or number,
                text=words.text(_text(a, "agendatext")), heading=heading and not papers,
                decision=words.text(_text(a, "decisionnonemptyhtmlbody")) if _true(a, "isdecisionpublished") else "",
                minutes=words.text(_text(a, "minutesnonemptyhtmlbody")) if _true(a, "isminutepublished") else "",
                is_decision=_true(a, "isdecision"), public_can_speak=_true(a, "ispubliccanspeak"), papers=papers)


def _published(text):
    try:
        return day(text)
    except DemocracyError:
        return ""  # a paper's date is a nicety: one we cannot read is left out, the paper kept
