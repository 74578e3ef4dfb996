"""An application and the Planning Committee that decides it, linked both
ways from the agenda's own event.

The agenda's sync keeps the references each item names with the meeting
(democracy/planning_refs.py) and, when they or the meeting's day, time or
place change, writes `meeting_planning_items` in the meeting's transaction.
Its effect here (`on_agenda`, claimed once) keeps, for each application the
agenda names, a row keyed by the application's id (`committee#<id>`): which
meeting and item, when and where. Keyed by the reference, not by our copy of
the application, so the order of the two syncs does not matter: an
application first copied after its agenda finds its row by its id (one
GetItem on its page), and the meeting's page reads the applications its
items name in one BatchGetItem (democracy/meetings.py). Nothing is scanned.

An application can come to committee twice (deferred, then decided): the row
holds each meeting, and the page shows the next one still to come, else the
last. An older event handled after a newer one (the stream's order is per
shard) changes nothing: each meeting's entry keeps the moment it was made."""
from datetime import date, datetime

from . import wording

ROW = "committee#"


def on_agenda(deps, event, key):
    """The effect of `meeting_planning_items`: each named application's row made to say so."""
    facts = event.payload or {}
    meeting_id, at = facts["meeting_id"], facts.get("at") or ""
    place = {k: facts.get(k) or "" for k in ("committee_id", "committee_title", "date", "time", "location")}
    for app_id, link in (facts.get("links") or {}).items():
        _edit(deps, app_id, meeting_id, at, {**place, **link, "cancelled": bool(facts.get("cancelled")),
                                             "meeting_id": meeting_id, "at": at})
    for app_id in facts.get("gone") or []:
        _edit(deps, app_id, meeting_id, at, None)


def _edit(deps, app_id, meeting_id, at, entry):
    body, _ = deps.planning.state(ROW + app_id)
    body = dict(body or {})
    if (body.get(meeting_id) or {}).get("at", "") > at:
        return  # a newer event already said where it stands
    if entry is None:
        if meeting_id not in body:
            return
        body.pop(meeting_id)
    else:
        body[meeting_id] = entry
    deps.planning.keep_state(ROW + app_id, body, at or None)


def chosen(entries, today):
    """The meeting to show: the next one to come (not cancelled), else the last held."""
    live = [e for e in entries if not e.get("cancelled")]
    ahead = sorted((e for e in live if e["date"] >= today.isoformat()), key=lambda e: (e["date"], e["time"]))
    behind = sorted((e for e in live if e["date"] < today.isoformat()), key=lambda e: (e["date"], e["time"]))
    return ahead[0] if ahead else (behind[-1] if behind else None)


def of_application(deps, app_id, today):
    """Where and when the application is (or was) decided, and how to register to speak; None if on no agenda.
    One GetItem, and where an item takes speakers, the committee's chosen rules (one more)."""
    body, _ = deps.planning.state(ROW + app_id)
    entry = chosen(list((body or {}).values()), today)
    if entry is None:
        return None
    ahead = entry["date"] >= today.isoformat()
    day = date.fromisoformat(entry["date"])
    words = (wording.COMMITTEE_AHEAD if ahead else wording.COMMITTEE_HELD).format(
        committee=entry["committee_title"], day=f"{day:%A} {day.day} {day:%B %Y}",
        time=_time_words(entry["time"]), where=entry["location"] or wording.COMMITTEE_NO_PLACE)
    base = deps.base_url.rstrip("/") if deps.base_url else ""
    found = {"meeting_id": entry["meeting_id"], "item_id": entry["item_id"], "committee": entry["committee_title"],
             "date": entry["date"], "time": entry["time"] or None, "location": entry["location"] or None,
             "words": words, "url": f"{base}/meetings/{entry['meeting_id']}#item-{entry['item_id']}",
             "speaking": None}
    if entry.get("can_speak"):
        found["speaking"] = _speaking(deps, entry)
    return found


def _speaking(deps, entry):
    from ..participation import rules
    from ..participation.wording import moment
    closes = rules.deadline({"date": entry["date"]}, rules.of_committee(deps, entry["committee_id"])["speak"],
                            deps.calendar)
    still = deps.clock() < closes
    return {"open": still, "closes": moment(closes),
            "words": (wording.SPEAK_OPEN if still else wording.SPEAK_CLOSED).format(moment=moment(closes)),
            "url": f"/meetings/{entry['meeting_id']}/items/{entry['item_id']}/speak" if still else None}


def _time_words(text):
    """"16:30" -> "4:30pm"; "" -> ""."""
    try:
        t = datetime.strptime(text, "%H:%M")
    except (TypeError, ValueError):
        return text or ""
    hour = t.hour % 12 or 12
    return f"{hour}:{t.minute:02d}{'am' if t.hour < 12 else 'pm'}" if t.minute else f"{hour}{'am' if t.hour < 12 else 'pm'}"
