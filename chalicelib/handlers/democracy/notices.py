"""Residents told of the agenda items that concern them when an agenda is
published (the sync's `meeting_agenda_published` event), and a petition's
signers told of the decision on it (`meeting_decisions_published`), through
the alerts' fan-out: this module only says who (the index keys of the
meeting's committee and of its items' wards and topics, the interest keys
of its wards' cells and topics' categories, and the signers and followers
of each petition on the agenda) and what (each person's own items). The
alerts' page jobs, channels and delivery claims do the rest, so each person
hears of an agenda once, on every channel they chose, however often the
event comes.

Every key a person has counts, not only the one whose page reached them
first: the message for one of their alerts reads their other alerts (an
account's through its index, an address's through the e-mail index) and,
of those, the interest rows under this agenda's keys, so "Road repairs in
Acomb" and "Street lighting in Hull Road" are named together to someone who
reported a pothole in one and supported a dark lamp in the other. That read
follows what it returns: one Query and one BatchGetItem of the person's
alerts, one BatchGetItem of their rows under this agenda's keys, for each
person told, never for anyone else.

A staff correction that gives a published item a ward or topic tells those
it newly concerns of that item (`retagged_audience`), never anyone told of
it already.

Who was told, and why, stays private: the alerts' tables and the resident's
own told-of rows (told.py), in their export, gone at erasure; nothing here
is in a public answer or feed.
"""
from datetime import timedelta

from ..alerts.audience import Audience
from ..alerts.delivery import links_base, unsubscribe_links
from ..alerts.targets import interest_key, meeting_key
from . import petition_links, wording
from .agendas import AGENDA_PUBLISHED, DECISIONS_PUBLISHED, ITEM_RETAGGED
from .petition_notices import FOLLOWERS, SIGNERS, identity, nice_date, petition_pages

SHOWN_ITEMS = 3  # items named in one message; the page has the rest
HISTORY = timedelta(days=365)  # a report followed or supported longer ago says nothing of today's interests


def audience(deps, event):
    """The Audience of an agenda's or its decisions' publication, or None when
    there is nobody to tell (the meeting is gone or was cancelled since)."""
    if event.kind not in (AGENDA_PUBLISHED, DECISIONS_PUBLISHED, ITEM_RETAGGED):
        return None  # a cancellation: the meeting's page says so
    meeting = deps.democracy.meeting((event.payload or {}).get("meeting_id"))
    if meeting is None or meeting.get("cancelled"):
        return None
    if event.kind == ITEM_RETAGGED:
        return retagged_audience(deps, event, meeting)
    linked = petition_links.of_meeting(deps, meeting["id"])  # {petition id: item id}
    if event.kind == DECISIONS_PUBLISHED:
        from .petition_notices import decided_audience
        return decided_audience(deps, event, meeting, linked)
    plan = interests(deps, meeting)
    people = petition_pages(deps, linked)
    concern = Concerns(deps, event, meeting, plan, linked)
    return Audience(lambda: keys(meeting) + sorted(plan) + [k + p for p in sorted(linked) for k in (SIGNERS, FOLLOWERS)],
                    in_plan(plan), lambda person: message(deps, event, meeting, person, concern.of(person)),
                    hears=lambda alert: recent_enough(alert, event), read_page=people, identity=identity)


def in_plan(plan):
    """The row check: a follow's row matches by its key; an interest's when its
    report's point is in one of the wards the key was read for."""
    def check(row):
        return row.key not in plan or any(ward.contains(float(row.lon), float(row.lat)) for ward, _ in plan[row.key])
    return check


def recent_enough(alert, event):
    """A follow always counts; a report's alert only within HISTORY of the event; an alert
    whose meeting notices were stopped by their link, never."""
    if getattr(alert, "meeting_notices_stopped", False):
        return False
    return getattr(alert, "kind", None) != "report" or recent(alert, event)


def retagged_audience(deps, event, meeting):
    """Those a staff correction newly concerns: the keys the item has now and
    did not have (its gained wards' and topics', and their interest keys),
    each person told of that item alone, and only if it concerns them now
    and did not by the tags it had when they could have been told (their
    Concerns under the item's tags before), nor was it among the items they
    were told of this meeting (their told-of row: a correction made twice).
    The item gone from the agenda since, or no longer tagged so: nobody."""
    payload = event.payload or {}
    item_id = payload.get("item_id")
    item = next((i for i in business(meeting) if i["id"] == item_id), None)
    if item is None:
        return None
    before = {**meeting, "items": [{**i, "wards": payload.get("wards_before") or [],
                                    "topics": payload.get("topics_before") or []} if i["id"] == item_id else i
                                   for i in meeting.get("items") or []]}
    only = {**meeting, "items": [item]}
    only_before = {**before, "items": [i for i in before["items"] if i["id"] == item_id]}
    plan, plan_before = interests(deps, only), interests(deps, only_before)
    gained_keys = [k for k in keys(only) if k not in keys(only_before)] + gained_interests(plan, plan_before)
    if not gained_keys:
        return None
    now_concerns = Concerns(deps, event, only, plan, {})
    # A petition they signed on the agenda told them of its item whatever its tags.
    then_concerns = Concerns(deps, event, before, interests(deps, before), petition_links.of_meeting(deps, meeting["id"]))
    told = {}  # user id -> {item id: reasons} they were told of this meeting: one GetItem each, for hears and message

    def told_of(person):
        user_id = getattr(person, "user_id", None)
        if not user_id or deps.told is None:
            return {}
        if user_id not in told:
            row = deps.told.told_of(user_id, meeting["id"]) or {}
            told[user_id] = {i["id"]: i.get("reasons") or [] for i in row.get("items") or ()}
        return told[user_id]

    def hears(alert):
        return (recent_enough(alert, event) and item_id in now_concerns.of(alert)
                and item_id not in then_concerns.of(alert) and item_id not in told_of(alert))

    def message_for(person):
        concerns = now_concerns.of(person)
        # Their told-of row keeps what they were told before, and this item with it.
        return message(deps, event, meeting, person, {item_id: concerns.get(item_id, [])},
                       keep={**told_of(person), **concerns})
    return Audience(lambda: gained_keys, in_plan(plan), message_for, hears=hears)


def gained_interests(plan, plan_before):
    """The interest keys under which the item now reaches a ward it did not:
    a key new to the plan, or one a ward gained shares with one it had (two
    neighbouring wards often lie in one precision-5 cell)."""
    def wards(entries):
        return {ward.name for ward, _ in entries}
    return sorted(k for k in plan if wards(plan[k]) - wards(plan_before.get(k, ())))


def recent(alert, event):
    return event.created_at is None or alert.created_at is None or alert.created_at >= event.created_at - HISTORY


class Concerns:
    """{item id: [reason]} of one person: every key they have, read once per
    person (an agenda's audience lives for one worker's invocation)."""

    def __init__(self, deps, event, meeting, plan, linked):
        self.deps, self.event, self.meeting, self.plan, self.linked = deps, event, meeting, plan, linked
        self.seen = {}

    def of(self, person):
        who = _who(person)
        if who not in self.seen:
            self.seen[who] = self._read(person)
        return self.seen[who]

    def _read(self, person):
        deps, items = self.deps, {i["id"]: i for i in business(self.meeting)}
        found = {}

        def add(item_id, reason):
            if item_id in items and reason not in found.setdefault(item_id, []):
                found[item_id].append(reason)
        petition_id = getattr(person, "petition_id", None)
        if petition_id and petition_id in self.linked:
            add(self.linked[petition_id], {"why": "followed_petition" if person.follower else "signed",
                                           "petition_id": petition_id})
        mine = self._alerts_of(person)
        for alert in mine:
            if alert.kind == "meetings" and not alert.meeting_notices_stopped:
                for item in items_for(self.meeting, alert.target or {}):
                    add(item["id"], {"why": "follows", **{k: v for k, v in (alert.target or {}).items()
                                                         if k in ("committee", "ward_name", "topic")}})
        report_alerts = {a.id: a for a in mine if a.kind == "report" and recent_enough(a, self.event)}
        pairs = [(k, a.id) for a in report_alerts.values() for k in a.index_keys or () if k in self.plan]
        for row in deps.alerts.rows_of(pairs):
            for ward, item in self.plan[row.key]:
                if ward.contains(float(row.lon), float(row.lat)):
                    add(item["id"], {"why": row.why or "followed", "ward": ward.name,
                                     "report_id": (report_alerts[row.alert_id].target or {}).get("report_id"),
                                     "service_code": row.key.rsplit("#", 1)[1]})
        return {i: found[i] for i in items if i in found}

    def _alerts_of(self, person):
        """The person's alerts: their account's, else those mailing their
        address, else the one alert they are (an anonymous push)."""
        deps, user_id = self.deps, getattr(person, "user_id", None)
        email = (person.channels or {}).get("email")
        if user_id:
            mine = deps.alerts.of_user(user_id)
        elif email:
            mine = deps.alerts.with_email(email)
        else:
            mine = []
        mine = [a for a in mine if a is person or set(a.channels or {}) - set(a.pending or [])]  # confirmed only
        if hasattr(person, "index_keys") and person.id not in {a.id for a in mine}:
            mine.append(person)  # the alert found (an index not yet caught up, or an anonymous push)
        return mine


def _who(person):
    """One person, however they were found: their account, their address or the alert."""
    user_id = getattr(person, "user_id", None)
    email = (person.channels or {}).get("email")
    return f"user#{user_id}" if user_id else f"email#{identity('email', email)}" if email else f"alert#{person.id}"


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
        return items if target["committee"] == meeting.get("committee_id") else []
    if target.get("ward"):
        return [i for i in items if target.get("ward_name") in (i.get("wards") or ())]
    if target.get("topic"):
        return [i for i in items if target.get("topic") in (i.get("topics") or ())]
    return []


def message(deps, event, meeting, person, concerns, keep=None):
    """`keep`: what their told-of row is to hold, when more than `concerns` (a correction's one item
    added to what they were told before)."""
    by_id = {i["id"]: i for i in business(meeting)}
    items = [by_id[i] for i in concerns] or business(meeting)[:1]
    user_id = getattr(person, "user_id", None)
    if user_id and concerns and deps.told is not None:
        from .told import record
        record(deps, user_id, meeting, keep or concerns)
    base = links_base(deps)
    date = nice_date(meeting["date"])
    named = "; ".join(i["title"] for i in items[:SHOWN_ITEMS])
    if len(items) > SHOWN_ITEMS:
        named += wording.TOLD_MORE.format(more=len(items) - SHOWN_ITEMS)
    body = wording.TOLD_BODY.format(committee=meeting["committee_title"], date=date,
                                    time=wording.TOLD_TIME.format(time=meeting["time"]) if meeting.get("time") else "",
                                    place=wording.TOLD_PLACE.format(place=meeting["location"]) if meeting.get("location") else "",
                                    items=named)
    body += wording.TOLD_SPEAK if any(i.get("public_can_speak") for i in items) else wording.TOLD_WRITE
    first = items[0] if items else {}
    anchor = f"#item-{first['id']}" if first.get("id") else ""
    out = {"event_id": event.id, "title": wording.TOLD_TITLE.format(
               committee=meeting["committee_title"], date=date, item=first.get("title", ""))[:120],
           "body": body[:500], "url": f"{base}/meetings/{meeting['id']}{anchor}",
           "meeting_id": meeting["id"], "topic": f"meeting{meeting['id']}", "ttl": 24 * 3600, "urgency": "low"}
    stop = getattr(person, "alert", None) if not hasattr(person, "index_keys") else person
    if stop is not None:  # a follow of meetings is stopped whole; any other alert's meeting notices alone
        out.update(unsubscribe_links(base, stop, meeting_notices=stop.kind != "meetings"))
    if not hasattr(person, "index_keys"):  # a petition's signer or follower: the petition's own plain e-mail
        from .petition_notices import agenda_notice
        out["notice"] = agenda_notice(deps, base, person, out)
    return out
