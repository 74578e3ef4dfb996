"""Registering to speak on an agenda item, by its committee's rules
(rules.py): before the deadline, first come first served, a place taken by
the store's one transaction (its counters' conditions decide who gets the
last place), one person once per item. The confirmation (e-mail and text,
with the withdraw link) follows from the registration's event."""
from ...errors import ApiError, Conflict, NotFound
from ...storage.errors import AlreadyExists, EditConflict
from ...validation import Problems, e164, phone, text
from ..shared import idempotency
from ..shared.contention import contended
from ..shared.events import new_event
from . import limits, rules, wording

REGISTERED = "speaker_registered"


def meeting_or_404(deps, meeting_id):
    from ..democracy.queries import ids
    ids(meeting_id=meeting_id)
    found = deps.democracy.meeting(meeting_id)
    if found is None:
        raise NotFound(wording.NO_MEETING, code="meeting_not_found")
    return found


def item_or_404(meeting, item_id):
    import re
    found = next((i for i in meeting.get("items") or [] if i["id"] == item_id), None) \
        if re.fullmatch(limits.ID_PATTERN, item_id or "") else None
    if found is None or found.get("heading"):
        raise NotFound(wording.NO_ITEM, code="item_not_found")
    return found


def read_body(body, speak_rule, staff=False):
    problems = Problems()
    allowed = {"name", "phone", "mode", "needs", "side", *(("email", "reason") if staff else ())}
    for key in body:
        if key not in allowed:
            problems.add(key, wording.NOT_A_FIELD_HERE)
    name = text(body.get("name"), "name", problems, min_len=1, max_len=limits.NAME_MAX, required=True)
    number = phone(body.get("phone"), "phone", problems)
    mode = body.get("mode")
    if mode not in limits.MODES:
        problems.add("mode", wording.MODE)
    needs = body.get("needs", [])
    if not isinstance(needs, list) or any(n not in limits.NEEDS for n in needs):
        problems.add("needs", wording.NEEDS)
        needs = []
    side = body.get("side")
    if speak_rule["sides"] and side not in limits.SIDES:
        problems.add("side", wording.SIDE)
    elif not speak_rule["sides"] and side is not None:
        problems.add("side", wording.NO_SIDE)
    extra = {}
    if staff:
        from ...validation import email
        extra["email"] = email(body.get("email"), "email", problems)
        extra["reason"] = text(body.get("reason"), "reason", problems, min_len=1, max_len=limits.REASON_MAX,
                               required=True)
    problems.raise_if_any()
    return {"name": name, "phone": e164(number), "mode": mode, "needs": sorted(set(needs)),
            "side": side if speak_rule["sides"] else None, **extra}


def closed(deps, meeting, speak_rule):
    """The deadline's words when registration is closed, else None."""
    closes = rules.deadline(meeting, speak_rule, deps.calendar)
    if deps.clock() >= closes:
        return wording.CLOSED.format(moment=wording.moment(closes))
    return None


def register(deps, meeting_id, item_id, body, idempotency_key):
    """(registration, created) for the signed-in resident."""
    meeting = meeting_or_404(deps, meeting_id)
    item = item_or_404(meeting, item_id)
    speak = rules.of_committee(deps, meeting["committee_id"])["speak"]
    asked = read_body(body, speak)
    if meeting.get("cancelled"):
        raise Conflict(wording.CANCELLED, code="meeting_cancelled")
    if not item.get("public_can_speak"):
        raise ApiError(wording.NOT_ALLOWED, status=422, code="speaking_not_allowed")
    words = closed(deps, meeting, speak)
    if words:
        raise ApiError(words, status=422, code="registration_closed")
    principal = deps.principal
    claim = idempotency.Claim(deps, idempotency_key, f"{principal.user_id}#speaking", {
        "meeting": meeting_id, "item": item_id, **body}, lambda r: deps.participation.get(meeting_id, r.resource_id),
        "another registration")
    earlier = claim.earlier()
    if earlier:
        return earlier, False
    now = deps.clock()
    registration = {"id": deps.new_opaque_id(), "meeting_id": meeting_id, "committee_id": meeting["committee_id"],
                    "item_id": item_id, "user_id": principal.user_id, "email": principal.email, **asked,
                    "status": "registered", "late": False, "capped": speak["per_item"] is not None,
                    "created_at": now, "meeting_ends": rules.meeting_ends(meeting)}
    event = new_event(deps, REGISTERED, now, meeting_id=meeting_id, registration_id=registration["id"])
    try:
        made = take_place(deps, registration, {"meeting": speak["per_meeting"], "item": speak["per_item"]}, event,
                   claim.record(registration["id"], now, limits.IDEMPOTENCY_HOURS))
    except AlreadyExists as e:
        if e.part == "idempotency":
            return claim.twin(), False
        # the registration already there may be the twin's: its once row fails before its key
        return claim.refused(Conflict(wording.ALREADY, code="already_registered")), False
    except EditConflict as e:
        if e.part == "item":
            raise Conflict(wording.ITEM_FULL.format(places=speak["per_item"]), code="item_full") from None
        raise Conflict(wording.MEETING_FULL.format(places=speak["per_meeting"]), code="meeting_full") from None
    from ..shared.effects import first_try
    first_try(deps, [event])
    return made, True


def take_place(deps, registration, caps, event, record=None, uncapped=False):
    """The store's transaction, tried again when another racing transaction
    cancelled it (TransactionConflict: nothing written, no place decided)."""
    return contended(lambda: deps.participation.register(registration, caps, event=event, idempotency=record,
                                                         uncapped=uncapped))


def _linked(deps, token):
    """The registration a genuine, live withdraw link names (404 otherwise, 403 once the meeting is over)."""
    from .links import read_token
    meeting_id, registration_id = read_token(token, deps.clock())
    found = deps.participation.get(meeting_id, registration_id)
    if found is None:
        raise ApiError(wording.LINK_NOT_VALID, status=404, code="link_not_valid")
    return found


def linked(deps, token):
    """What a withdraw link is for, changing nothing: the meeting and item it
    withdraws from and whether it still holds a place (never who)."""
    found = _linked(deps, token)
    meeting = deps.democracy.meeting(found["meeting_id"]) or {}
    item = next((i for i in meeting.get("items") or [] if i["id"] == found["item_id"]), {})
    return {"meeting_id": found["meeting_id"], "item_id": found["item_id"],
            "committee_title": meeting.get("committee_title"), "date": meeting.get("date"),
            "time": meeting.get("time") or None, "item_number": item.get("number") or None,
            "item_title": item.get("title"), "status": found["status"],
            "holding": found["status"] in ("registered", "accepted")}


def withdraw(deps, token):
    """The link's registration withdrawn: its place freed for another."""
    found = _linked(deps, token)
    meeting_id, registration_id = found["meeting_id"], found["id"]
    if found["status"] not in ("registered", "accepted"):
        raise Conflict(wording.NOT_HOLDING_A_PLACE, code="not_holding_a_place")
    try:
        deps.participation.settle(found, "withdrawn", deps.clock())
    except EditConflict:
        raise Conflict(wording.NOT_HOLDING_A_PLACE, code="not_holding_a_place") from None
    return deps.participation.get(meeting_id, registration_id)
