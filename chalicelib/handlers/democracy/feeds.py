"""A committee's meetings as an iCalendar (RFC 5545) feed to subscribe to,
and decisions made as an Atom (RFC 4287) feed: both from our copy, each one
read (a committee's Query, the decisions' document), with a strong ETag so
a client polling them gets 304 until something changes."""
from datetime import datetime, timedelta
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from ...errors import NotFound
from ..places import ics
from . import decisions, queries, wording

LONDON = ZoneInfo("Europe/London")
CALENDAR_TYPE = "text/calendar; charset=utf-8"
ATOM_TYPE = "application/atom+xml; charset=utf-8"
BACK, AHEAD = timedelta(days=90), timedelta(days=365)
MEETING_LENGTH = timedelta(hours=2)  # Modern.gov gives a start only; a calendar needs an end
ATOM_ENTRIES = 50


def _committee(deps, committee_id):
    kept = deps.democracy.document("committees")
    found = next((c for c in (kept[0] if kept else []) if c["id"] == committee_id), None)
    if found is None:
        raise NotFound(wording.NO_COMMITTEE, code="committee_not_found")
    return found


def committee_calendar(deps, committee_id):
    queries.ids(committee_id=committee_id)
    committee = _committee(deps, committee_id)
    today = queries.today(deps)
    meetings = deps.democracy.between((today - BACK).isoformat(), (today + AHEAD).isoformat(),
                                      committee_id=committee_id, limit=500)
    name = wording.CALENDAR_NAME.format(committee=committee["title"])
    about = wording.CALENDAR_ABOUT.format(committee=committee["title"])
    content = [("BEGIN", "VCALENDAR"), ("VERSION", "2.0"), ("PRODID", "-//Doorstep//Meetings//EN"),
               ("METHOD", "PUBLISH"), ("NAME", ics.plain(name)), ("X-WR-CALNAME", ics.plain(name)),
               ("DESCRIPTION", ics.text(about)), ("X-WR-CALDESC", ics.plain(about)),
               ("REFRESH-INTERVAL;VALUE=DURATION", "PT6H"), ("X-PUBLISHED-TTL", "PT6H")]
    for m in meetings:
        start = datetime.fromisoformat(f"{m['date']}T{m.get('time') or '00:00'}").replace(tzinfo=LONDON)
        title = m["committee_title"] + (f" ({wording.CANCELLED})" if m.get("cancelled") else "")
        content += [("BEGIN", "VEVENT"), ("UID", ics.text(f"meeting-{m['id']}@doorstep")),
                    ("DTSTAMP", ics.utc(m.get("checked_at") or start)), ("DTSTART", ics.utc(start)),
                    ("DTEND", ics.utc(start + MEETING_LENGTH)), ("SUMMARY", ics.text(title)),
                    ("STATUS", "CANCELLED" if m.get("cancelled") else "CONFIRMED"),
                    *([("LOCATION", ics.text(m["location"]))] if m.get("location") else []),
                    ("URL", f"{deps.base_url}/meetings/{m['id']}"), ("END", "VEVENT")]
    return ics.lines(content + [("END", "VCALENDAR")]).decode("utf-8")


def decisions_atom(deps):
    entries = decisions.latest(deps, ATOM_ENTRIES)
    updated = max((d["decided"] for d in entries), default=queries.today(deps).isoformat())
    feed_url = f"{deps.base_url}/v1/feeds/decisions.atom"
    parts = ['<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">',
             f"<title>{escape(wording.ATOM_TITLE)}</title>", f"<subtitle>{escape(wording.ATOM_SUBTITLE)}</subtitle>",
             f'<link rel="self" href="{escape(feed_url)}"/>', f'<link href="{escape(deps.base_url)}/decisions"/>',
             f"<id>{escape(feed_url)}</id>", f"<updated>{updated}T00:00:00Z</updated>"]
    for d in entries:
        about = " ".join(x for x in (d["decision_maker"], d["call_in"]) if x)
        page = (f"/meetings/{d['meeting_id']}#item-{d['item_id']}" if d["meeting_id"]
                else f"/decisions#decision-{d['id']}")
        parts.append(f"<entry><title>{escape(d['title'])}</title>"
                     f'<link href="{escape(deps.base_url + page)}"/>'
                     f"<id>tag:doorstep,2026:decision-{d['id']}</id><updated>{d['decided']}T00:00:00Z</updated>"
                     f"<author><name>{escape(d['decision_maker'] or wording.ATOM_TITLE)}</name></author>"
                     f"<summary>{escape(about)}</summary></entry>")
    return "\n".join([*parts, "</feed>\n"])
