"""Democratic services' desk: a meeting's registrations (one Query of the
meeting's partition, after the meeting's GetItem for its items' numbers and
titles), accepted or declined with a reason (the speaker told, from the
change's event), a late one added at the chair's discretion, and the
speakers' list for the chair as CSV: in agenda order, first come first
within an item, with no one's contact details."""
import csv
import io

from ...errors import ApiError, Conflict, NotFound
from ...storage.errors import AlreadyExists, EditConflict
from ...validation import Problems, text
from ..shared.events import new_event
from ..shared.versions import expected_version
from . import limits, rules, wording
from .speaking import item_or_404, meeting_or_404, read_body, take_place
from .views import for_staff

READ_FROM = "GET /v1/staff/meetings/{id}/speakers"


def registrations(deps, meeting_id):
    meeting = meeting_or_404(deps, meeting_id)
    found = deps.participation.of_meeting(meeting_id)
    speak = rules.of_committee(deps, meeting["committee_id"])["speak"]
    return meeting, speak, found


def listing(deps, meeting_id):
    meeting, speak, found = registrations(deps, meeting_id)
    return {"meeting_id": meeting_id, "committee_title": meeting["committee_title"], "date": meeting["date"],
            "minutes_each": speak["minutes"], "closes_at": rules.deadline(meeting, speak, deps.calendar).isoformat(),
            "registrations": [for_staff(r) for r in found]}


def speakers_csv(deps, meeting_id):
    """(filename, CSV text): those holding a place, in agenda order."""
    meeting, speak, found = registrations(deps, meeting_id)
    order = {i["id"]: n for n, i in enumerate(meeting.get("items") or [])}
    items = {i["id"]: i for i in meeting.get("items") or []}
    live = sorted((r for r in found if r["status"] in ("registered", "accepted")),
                  key=lambda r: (order.get(r["item_id"], len(order)), r["created_at"]))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(wording.CSV_HEADER)
    for n, r in enumerate(live, 1):
        item = items.get(r["item_id"], {})
        writer.writerow([n, item.get("number") or "", _safe(item.get("title") or ""), _safe(r["name"]),
                         r["side"] or "", wording.MODES[r["mode"]],
                         "; ".join(wording.NEED_NAMES[x] for x in r["needs"]), speak["minutes"],
                         wording.STATUSES[r["status"]], "yes" if r["late"] else ""])
    return f"speakers-{meeting_id}-{meeting['date']}.csv", out.getvalue()


def _safe(value):
    """A cell a spreadsheet will not run as a formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def decide(deps, meeting_id, registration_id, body, if_match):
    meeting = meeting_or_404(deps, meeting_id)
    problems = Problems()
    for key in body:
        if key not in ("decision", "reason"):
            problems.add(key, wording.NOT_A_FIELD_HERE)
    decision = body.get("decision")
    if decision not in ("accept", "decline"):
        problems.add("decision", wording.DECISION)
    reason = text(body.get("reason"), "reason", problems, max_len=limits.REASON_MAX, required=decision == "decline")
    problems.raise_if_any()
    import re
    found = deps.participation.get(meeting_id, registration_id) \
        if re.fullmatch(limits.REGISTRATION_PATTERN, registration_id or "") else None
    if found is None:
        raise NotFound(wording.NO_REGISTRATION, code="registration_not_found")
    expected = expected_version(if_match, READ_FROM)
    now = deps.clock()
    status = "accepted" if decision == "accept" else "declined"
    event = new_event(deps, f"speaker_{status}", now, meeting_id=meeting["id"], registration_id=found["id"])
    try:
        deps.participation.settle(found, status, now, reason=reason, expected=expected, event=event,
                                  free_place=status == "declined",
                                  was=("registered",) if status == "accepted" else ("registered", "accepted"))
    except EditConflict:
        raise Conflict(wording.CHANGED, code="edit_conflict") from None
    from ..shared.effects import first_try
    first_try(deps, [event])
    return deps.participation.get(meeting_id, registration_id)


def add_late(deps, meeting_id, body):
    """A speaker the chair allows past the deadline or the caps: accepted at
    once, counted, and told when an address is given."""
    meeting = meeting_or_404(deps, meeting_id)
    problems = Problems()
    item_id = body.get("item_id")
    if not isinstance(item_id, str):
        problems.add("item_id", wording.ITEM_ID_NEEDED)
    problems.raise_if_any()
    item = item_or_404(meeting, item_id)
    speak = rules.of_committee(deps, meeting["committee_id"])["speak"]
    asked = read_body({k: v for k, v in body.items() if k != "item_id"}, speak, staff=True)
    if not item.get("public_can_speak"):
        raise ApiError(wording.NOT_ALLOWED, status=422, code="speaking_not_allowed")
    now = deps.clock()
    registration = {"id": deps.new_opaque_id(), "meeting_id": meeting_id, "committee_id": meeting["committee_id"],
                    "item_id": item_id, "user_id": None, **asked, "status": "accepted", "late": True,
                    "capped": speak["per_item"] is not None, "created_at": now, "decided_at": now,
                    "meeting_ends": rules.meeting_ends(meeting)}
    event = new_event(deps, "speaker_accepted", now, meeting_id=meeting_id, registration_id=registration["id"])
    try:
        made = take_place(deps, registration, {"meeting": speak["per_meeting"], "item": speak["per_item"]}, event,
                          uncapped=True)
    except AlreadyExists:
        raise Conflict(wording.ALREADY, code="already_registered") from None
    from ..shared.effects import first_try
    first_try(deps, [event])
    return made
