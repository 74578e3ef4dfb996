"""Planning applications named on an agenda: a Planning Committee's item
names the application it decides by its reference, in its title ("Land to
the rear of 12 Front Street (25/01234/FUL)"), its words or its papers' titles.

References are opaque and differ by council (`24/01234/FUL`, `BH2017/04225`,
`DC/26/1388/TCA`), so a reference is any run of letters and digits in two to
four parts split by "/", with a digit, that is not plainly something else: a
date (24/11/2026) or a span of years (2027/28). A word that only looks like
one ("T1/T2") names no application in our copy, so it links to nothing.

The items' references are kept with the meeting (agendas.made), and a change
to them, or to where and when the meeting is, writes the event
`meeting_planning_items` (agendas.events) from which the planning capability
keeps each application's committee (planning/committee.py)."""
import re

from ...ids import planning_id

_TOKEN = re.compile(r"(?<![A-Za-z0-9/])[A-Za-z0-9]+(?:/[A-Za-z0-9]+){1,3}(?![A-Za-z0-9/])")
_DATE = re.compile(r"^\d{1,2}/\d{1,2}/\d{2,4}$")
PLANNING_ITEMS = "meeting_planning_items"


def is_reference(token):
    parts = token.split("/")
    if not any(c.isdigit() for c in token) or len(token) > 40:
        return False
    if all(p.isdigit() for p in parts):
        return len(parts) >= 3 and not _DATE.match(token)
    return True


def found(*texts):
    """The references the texts name, in the order first named, each once (as written: upper case kept)."""
    seen = {}
    for text in texts:
        for token in _TOKEN.findall(text or ""):
            if is_reference(token):
                seen.setdefault(planning_id(token), token.upper())
    return list(seen.values())


def links(items):
    """{application id: {item_id, reference, can_speak}} of an agenda's items (the first item naming each)."""
    out = {}
    for item in items or []:
        for reference in item.get("planning_refs") or []:
            out.setdefault(planning_id(reference), {"item_id": item["id"], "reference": reference,
                                                    "can_speak": bool(item.get("public_can_speak"))})
    return out


def place(row):
    return {k: row.get(k) or "" for k in ("committee_id", "committee_title", "date", "time", "location")} | {
        "cancelled": bool(row.get("cancelled"))}


def event(run, stored, row):
    """The event saying which applications the agenda decides, where and when: written when the links or
    the meeting's place change (its id their hash, so the same change written again is the same event)."""
    import hashlib
    import json
    from ...stamps import stamp
    from ..shared.events import new_event
    now, before = links(row.get("items")), links((stored or {}).get("items"))
    if not now and not before:
        return []
    if now == before and place(row) == place(stored or {}):
        return []
    facts = {"meeting_id": row["id"], **place(row), "links": now, "gone": sorted(set(before) - set(now)),
             "at": stamp(run.now)}
    digest = hashlib.sha256(json.dumps({k: v for k, v in facts.items() if k != "at"}, sort_keys=True).encode())
    return [new_event(run.deps, PLANNING_ITEMS, run.now, event_id=f"{PLANNING_ITEMS}-{row['id']}-"
                                                                   f"{digest.hexdigest()[:16]}", **facts)]
