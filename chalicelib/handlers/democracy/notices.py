"""Residents told of the agenda items that concern them when an agenda is
published (the sync's `meeting_agenda_published` event), through the alerts'
fan-out: this module only says who (the index keys of the meeting's
committee and of its items' wards and topics) and what (each alert's own
items). The alerts' page jobs, channels and delivery claims do the rest, so
each person hears of an agenda once, on every channel they chose, however
often the event comes.

The cost follows who is concerned: one Query per key (the committee, each
ward and topic an item is tagged with), never the number of residents.
Who was told, and why, stays in the alerts' private tables: nothing here is
in a public answer or feed.
"""
from datetime import timedelta

from ..alerts.audience import Audience
from ..alerts.delivery import links_base, unsubscribe_links
from ..alerts.targets import interest_key, meeting_key
from . import wording
from .agendas import AGENDA_PUBLISHED

SHOWN_ITEMS = 3  # items named in one message; the page has the rest
HISTORY = timedelta(days=365)  # a report followed or supported longer ago says nothing of today's interests


def audience(deps, event):
    """The Audience of an agenda's publication, or None when there is
    nobody to tell (the meeting is gone or was cancelled since)."""
    if event.kind != AGENDA_PUBLISHED:
        return None  # decisions and cancellations: their notices come with petitions (item 6)
    meeting = deps.democracy.meeting((event.payload or {}).get("meeting_id"))
    if meeting is None or meeting.get("cancelled"):
        return None
    plan, matched = interests(deps, meeting), {}

    def check(row):
        """A follow's row matches by its key; an interest's when its report's
        point is in an item's ward (noting which items, for the message)."""
        if row.key not in plan:
            return True
        found = [item for ward, item in plan[row.key] if ward.contains(float(row.lon), float(row.lat))]
        matched.setdefault(row.alert_id, []).extend(i for i in found if i not in matched[row.alert_id])
        return bool(found)

    def hears(alert):
        recent = event.created_at is None or alert.created_at is None or alert.created_at >= event.created_at - HISTORY
        return alert.kind != "report" or recent

    return Audience(lambda: keys(meeting) + sorted(plan), check,
                    lambda alert: message(deps, event, meeting, alert, matched.get(alert.id)), hears=hears)


def interests(deps, meeting):
    """{interest key: [(ward, item)]}: for each item, the precision-5 cells
    of each ward it names and the report categories of each topic it has
    (a category is in a topic when its name or keywords are, by the staff's
    mapping: "highways" covers potholes and street lights)."""
    from ...geo import cells
    from .tagging import topics_of
    from .topics import current
    items = [i for i in business(meeting) if i.get("wards") and i.get("topics")]
    if not items or deps.wards is None:
        return {}
    mapping, wards = current(deps.democracy)[0], {w.name: w for w in deps.wards.all()}
    categories = {}
    for code, service in deps.services.by_code().items():
        words = " ".join([service.get("name") or service.get("service_name") or "", *(service.get("keywords") or ())])
        for topic in topics_of(words, mapping):
            categories.setdefault(topic, []).append(code)
    plan = {}
    for item in items:
        for ward in (wards[name] for name in item["wards"] if name in wards):
            for cell in cells.bbox_cells(*ward.bbox, cells.PARTITION_PRECISION):
                for code in sorted({c for t in item["topics"] for c in categories.get(t, ())}):
                    plan.setdefault(interest_key(cell, code), []).append((ward, item))
    return plan


def nice_date(day):
    """"Monday 30 November 2026" from YYYY-MM-DD (as the meeting row keeps it)."""
    from datetime import date
    try:
        d = date.fromisoformat(day)
    except (TypeError, ValueError):
        return day or ""
    return f"{d:%A} {d.day} {d:%B %Y}"


def business(meeting):
    return [i for i in meeting.get("items") or [] if not i.get("heading")]


def keys(meeting):
    """The committee's key, then each ward's and topic's an item is tagged with."""
    items = business(meeting)
    wards = sorted({w for i in items for w in i.get("wards") or ()})
    topics = sorted({t for i in items for t in i.get("topics") or ()})
    return ([meeting_key("committee", meeting["committee_id"])] + [meeting_key("ward", w) for w in wards]
            + [meeting_key("topic", t) for t in topics])


def items_for(meeting, target):
    """The items an alert's follow concerns: all of a followed committee's,
    else those tagged with its ward (by name) or topic."""
    items = business(meeting)
    if target.get("committee"):
        return items
    if target.get("ward"):
        return [i for i in items if target.get("ward_name") in (i.get("wards") or ())]
    return [i for i in items if target.get("topic") in (i.get("topics") or ())]


def message(deps, event, meeting, alert, matched=None):
    items = matched or items_for(meeting, alert.target or {}) or business(meeting)[:1]
    base = links_base(deps)
    date = nice_date(meeting["date"])
    named = "; ".join(i["title"] for i in items[:SHOWN_ITEMS])
    if len(items) > SHOWN_ITEMS:
        named += wording.TOLD_MORE.format(more=len(items) - SHOWN_ITEMS)
    body = wording.TOLD_BODY.format(committee=meeting["committee_title"], date=date,
                                    time=f" at {meeting['time']}" if meeting.get("time") else "",
                                    place=f", {meeting['location']}" if meeting.get("location") else "", items=named)
    body += wording.TOLD_SPEAK if any(i.get("public_can_speak") for i in items) else wording.TOLD_WRITE
    first = items[0] if items else {}
    anchor = f"#item-{first['id']}" if first.get("id") else ""
    return {"event_id": event.id, "title": wording.TOLD_TITLE.format(
                committee=meeting["committee_title"], date=date, item=first.get("title", ""))[:120],
            "body": body[:500], "url": f"{base}/meetings/{meeting['id']}{anchor}",
            "meeting_id": meeting["id"], "topic": f"meeting{meeting['id']}", "ttl": 24 * 3600,
            "urgency": "low", **unsubscribe_links(base, alert)}
