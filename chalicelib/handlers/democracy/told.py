"""What a resident was told of, and why: their own history of agenda items
(`GET /v1/me/meetings`), and their private "my meetings" calendar.

A row per meeting they were told of is written as the message is made
(notices.py), with each item and the reasons it concerned them: a report
they made, supported ("me too") or follow in the item's ward and topic, a
petition they signed or follow that the item debates, a committee, ward or
topic they follow. Only they see it (the account's routes, their export);
erasure deletes it.

The calendar is a link holding a secret (`/v1/feeds/my-meetings/{token}/meetings.ics`),
made and replaced from the account: a calendar application holds no
session, so the link is the key. The token's id finds its row (one GetItem),
its secret is checked against the digest kept (never the secret itself),
and the resident's rows are one Query. Replacing or revoking deletes the
old token's row, so the old link answers 404 at once, like any link never
made. The calendar names meetings and their items only: never why, so a
link passed on tells nobody what the resident reported or signed."""
import hmac
from datetime import datetime

from ... import ids
from ...errors import NotFound
from ...stamps import stamp
from . import wording
from .feeds import LONDON, MEETING_LENGTH

def record(deps, user_id, meeting, concerns):
    """Keep that `user_id` was told of `meeting`'s items in `concerns`
    ({item id: [reason]}); a repeat writes the same row."""
    titles = {i["id"]: i["title"] for i in meeting.get("items") or []}
    body = {"committee_id": meeting["committee_id"], "committee_title": meeting["committee_title"],
            "date": meeting["date"], "time": meeting.get("time") or "", "location": meeting.get("location") or "",
            "items": [{"id": i, "title": titles.get(i, ""), "reasons": reasons} for i, reasons in concerns.items()]}
    deps.told.tell(user_id, meeting["id"], body, deps.clock())


def history(deps, user_id):
    """The meetings they were told of, soonest first, each item with why."""
    rows = sorted(deps.told.of_user(user_id), key=lambda r: (r[1].get("date", ""), r[1].get("time", ""), r[0]))
    return [{"meeting_id": mid, "committee_id": b.get("committee_id"), "committee_title": b.get("committee_title"),
             "date": b.get("date"), "time": b.get("time") or None, "location": b.get("location") or None,
             "told_at": stamp(at), "url": f"{deps.base_url}/meetings/{mid}",
             "items": [{"id": i["id"], "title": i["title"], "reasons": i.get("reasons", [])} for i in b.get("items", [])]}
            for mid, b, at in rows]


def mine(deps):
    user_id = deps.principal.user_id
    token = deps.told.calendar_of(user_id)
    return {"meetings": history(deps, user_id), "calendar": {"active": token is not None}}


def new_calendar(deps):
    """A new calendar link, the old one (if any) dead from now: the link is shown this once."""
    user_id = deps.principal.user_id
    token_id, secret = deps.new_opaque_id(), deps.new_token()
    deps.told.replace_calendar(user_id, deps.told.calendar_of(user_id), token_id, ids.digest(secret), deps.clock())
    return {"url": f"{deps.base_url}/v1/feeds/my-meetings/{token_id}.{secret}/meetings.ics", "active": True}


def revoke_calendar(deps):
    user_id = deps.principal.user_id
    old = deps.told.calendar_of(user_id)
    if old:
        deps.told.replace_calendar(user_id, old, None, None, deps.clock())


def calendar(deps, token):
    """The resident's meetings as iCalendar, from the token alone: 404 for a
    link revoked, replaced or never made (the same answer)."""
    from ..places import ics
    token_id, _, secret = (token or "").partition(".")
    if not (token_id and secret and len(token) <= 200):
        raise NotFound(wording.NO_CALENDAR, code="calendar_not_found")
    kept = deps.told.calendar_token(token_id)
    if kept is None or not kept[1] or not hmac.compare_digest(kept[1], ids.digest(secret)):
        raise NotFound(wording.NO_CALENDAR, code="calendar_not_found")
    content = [("BEGIN", "VCALENDAR"), ("VERSION", "2.0"), ("PRODID", "-//Doorstep//My meetings//EN"),
               ("METHOD", "PUBLISH"), ("NAME", ics.plain(wording.MY_CALENDAR)),
               ("X-WR-CALNAME", ics.plain(wording.MY_CALENDAR)), ("REFRESH-INTERVAL;VALUE=DURATION", "PT6H")]
    for mid, b, at in deps.told.of_user(kept[0]):
        start = datetime.fromisoformat(f"{b['date']}T{b.get('time') or '00:00'}").replace(tzinfo=LONDON)
        items = "; ".join(i["title"] for i in b.get("items", []))
        content += [("BEGIN", "VEVENT"), ("UID", ics.text(f"my-meeting-{mid}@doorstep")),
                    ("DTSTAMP", ics.utc(at or start)), ("DTSTART", ics.utc(start)),
                    ("DTEND", ics.utc(start + MEETING_LENGTH)), ("SUMMARY", ics.text(b.get("committee_title", ""))),
                    ("DESCRIPTION", ics.text(wording.MY_CALENDAR_ITEMS.format(items=items))),
                    *([("LOCATION", ics.text(b["location"]))] if b.get("location") else []),
                    ("URL", f"{deps.base_url}/meetings/{mid}"), ("END", "VEVENT")]
    return ics.lines(content + [("END", "VCALENDAR")]).decode("utf-8")


def export(deps, user_id):
    """Their export: what they were told of and why, and whether a calendar link is live."""
    return {"told_of": history(deps, user_id), "calendar_link_active": deps.told.calendar_of(user_id) is not None}


def erase(deps, user_id):
    deps.told.forget_user(user_id)

