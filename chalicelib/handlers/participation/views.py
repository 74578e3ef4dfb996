"""How a registration reads: to its speaker (their own choices, never
another's), and to democratic services (the speakers' list). Contact details
go to staff only, and never into the chair's printable list."""
from ...stamps import stamp
from . import rules, wording


def mine(registration):
    r = registration
    return {"id": r["id"], "meeting_id": r["meeting_id"], "item_id": r["item_id"], "name": r["name"],
            "mode": r["mode"], "needs": r["needs"], "side": r["side"], "status": r["status"],
            "reason": r["reason"] if r["status"] == "declined" else None, "late": r["late"],
            "created_at": stamp(r["created_at"])}


def for_staff(registration):
    r = registration
    return {**mine(r), "reason": r["reason"], "email": r["email"], "phone": r["phone"], "version": r["version"],
            "decided_at": stamp(r["decided_at"])}


def speaking(deps, meeting):
    """Anyone's view of a meeting's speaking: its rules, the deadline (and
    whether it has passed), places left at the meeting and on each item
    that allows speaking, and written questions' deadline and word limit
    (a resident is told both before they start). Never who."""
    committee = rules.of_committee(deps, meeting["committee_id"])
    speak, ask = committee["speak"], committee["questions"]
    asks_until = rules.deadline(meeting, ask, deps.calendar)
    closes = rules.deadline(meeting, speak, deps.calendar)
    taken = deps.participation.places(meeting["id"])
    left = max(0, speak["per_meeting"] - taken.get("meeting", 0))
    items = [{"id": i["id"], "number": i.get("number") or None, "title": i["title"],
              "places_left": min(left, speak["per_item"] - taken.get(i["id"], 0)) if speak["per_item"] else left}
             for i in meeting.get("items") or [] if i.get("public_can_speak") and not i.get("heading")]
    return {"meeting_id": meeting["id"], "closes_at": stamp(closes), "closes": wording.moment(closes),
            "open": deps.clock() < closes and not meeting.get("cancelled"), "minutes_each": speak["minutes"],
            "per_meeting": speak["per_meeting"], "per_item": speak["per_item"], "sides": speak["sides"],
            "places_left": left, "items": items,
            "questions": {"closes_at": stamp(asks_until), "closes": wording.moment(asks_until), "words": ask["words"],
                          "open": deps.clock() < asks_until and not meeting.get("cancelled")}}
