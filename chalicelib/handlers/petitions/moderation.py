"""Staff: the moderation queue, publishing and rejecting, the council's
response and a debate, and invalidating signatures in bulk.

Every staff change names the version it was made to (If-Match) and writes
its audit entry (storage/staff/audit.py, keyed by the petition's id and its new
version) in the same transaction. Invalidation moves each matching signature
to invalidated with a conditional update, and only the call that moved a
counted one takes it off the counts, so the count drops by exactly the
confirmed signatures invalidated, however often the request is repeated."""
from datetime import timedelta

from ... import validation
from ...auth.grants import acting_as
from ...config import petitions as petition_settings
from ...errors import Conflict, Stale, Unacceptable, ValidationFailed
from ...stamps import parse, stamp
from ...storage.errors import EditConflict
from ...storage.records import AuditEntry
from .canonical import postcode as canonical_postcode
from .drafting import petition_or_404, view
from .limits import NOTE_MAX, REJECTIONS, RESPONSE_MAX
from .notices import notice_event
from .wording import (DEBATE_NOT_PUBLISHED, KEPT_CHANGING_WHILE_AUDITING, MODERATION_STATE, MOMENT_WITHOUT_ZONE,
                      NOTHING_TO_MATCH, NOT_A_FIELD_HERE, NOT_A_POSTCODE, ONE_OF, PETITION_CHANGED_FIRST,
                      PUBLISH_NOT_AWAITING_MODERATION, REJECT_NOT_AWAITING_MODERATION, REQUIRED, RESPOND_NOT_PUBLISHED,
                      TRUE_OR_FALSE)


def queue(deps, params):
    """GET /v1/staff/petitions?state=: one page of petitions in any state
    (default: sponsored, the moderation queue), oldest first."""
    from .drafting import decode_cursor, encode_cursor, page_size
    state = params.get("state") or "sponsored"
    if state not in ("pending", "sponsored", "open", "rejected", "closed"):
        raise ValidationFailed([("state", MODERATION_STATE)])
    found, more = deps.petitions.in_state(state, decode_cursor(params.get("cursor")), page_size(params),
                                          newest_first=False)
    return {"state": state, "petitions": [view(deps, p, private=True) for p in found],
            "next_cursor": encode_cursor(more)}


def read(deps, petition_id):
    petition = petition_or_404(deps, petition_id)
    out = view(deps, petition, private=True)
    out["audit"] = [{"seq": e.seq, "action": e.action, "by": e.by_email or e.by_user_id,
                     "at": stamp(e.created_at), "changes": e.changes} for e in deps.audit.entries(petition.id)]
    return out


def _change(deps, petition, version, action, changes, event=None):
    """Save a staff change made to `version`, audited, with its event if any
    (written in the same transaction); a stale version gets 409 with the petition as it is."""
    before = petition.version
    caller = deps.principal
    entry = AuditEntry(report_id=petition.id, seq=version + 1, action=action, by_user_id=caller.user_id,
                       created_at=deps.clock(), by_email=caller.email, changes=changes, **acting_as(caller))
    if before != version:
        _stale(deps, petition)
    try:
        deps.petitions.save(petition, version, entry, event)
    except EditConflict:
        _stale(deps, deps.petitions.get(petition.id))
    return view(deps, deps.petitions.get(petition.id), private=True)


def _stale(deps, current):
    raise Stale(view(deps, current, private=True), f'"{current.version}"', PETITION_CHANGED_FIRST)


def _note(body, problems, required=False, field="note", limit=NOTE_MAX):
    return validation.text(body.get(field), field, problems, 1 if required else 0, limit, required=required) or ""


def _only(body, allowed, problems):
    for key in body:
        if key not in allowed:
            problems.add(key, NOT_A_FIELD_HERE)


def publish(deps, petition_id, body, version):
    problems = validation.Problems()
    _only(body, ("note",), problems)
    note = _note(body, problems)
    problems.raise_if_any()
    petition = petition_or_404(deps, petition_id)
    if petition.state not in ("sponsored", "pending"):
        raise Conflict(PUBLISH_NOT_AWAITING_MODERATION, code="not_awaiting_moderation")
    now = deps.clock()
    old = petition.state
    petition.state, petition.opened_at = "open", now
    petition.closes_at = now + timedelta(days=petition_settings()["open_days"])
    petition.moderation = {"decision": "published", "note": note, "by": deps.principal.user_id, "at": stamp(now)}
    from .new_petitions import published_event  # area and ward alerts that asked for petitions
    return _change(deps, petition, version, "petition_published",
                   {"state": {"before": old, "after": "open"}, "note": {"before": None, "after": note},
                    "closes_at": {"before": None, "after": stamp(petition.closes_at)}},
                   published_event(deps, petition, now))


def reject(deps, petition_id, body, version):
    problems = validation.Problems()
    _only(body, ("reason", "note"), problems)
    reason = body.get("reason")
    if reason not in REJECTIONS:
        problems.add("reason", ONE_OF.format(choices=", ".join(REJECTIONS)))
    note = _note(body, problems)
    problems.raise_if_any()
    petition = petition_or_404(deps, petition_id)
    if petition.state not in ("sponsored", "pending"):
        raise Conflict(REJECT_NOT_AWAITING_MODERATION, code="not_awaiting_moderation")
    now = deps.clock()
    old = petition.state
    petition.state = "rejected"
    petition.moderation = {"decision": "rejected", "reason": reason, "note": note, "by": deps.principal.user_id,
                           "at": stamp(now)}
    return _change(deps, petition, version, "petition_rejected",
                   {"state": {"before": old, "after": "rejected"}, "reason": {"before": None, "after": reason},
                    "note": {"before": None, "after": note}})


def respond(deps, petition_id, body, version):
    """The council's response, shown on the petition; its signers and
    followers are told once, the first time (notices.py, through the queue)."""
    problems = validation.Problems()
    _only(body, ("text",), problems)
    text = _note(body, problems, required=True, field="text", limit=RESPONSE_MAX)
    problems.raise_if_any()
    petition = petition_or_404(deps, petition_id)
    if petition.state not in ("open", "closed"):
        raise Conflict(RESPOND_NOT_PUBLISHED, code="petition_not_published")
    now = deps.clock()
    before = (petition.response or {}).get("text")
    first = petition.response_at is None
    petition.response = {"text": text, "at": stamp(now), "by": deps.principal.user_id}
    petition.response_at = petition.response_at or now
    return _change(deps, petition, version, "petition_response", {"response": {"before": before, "after": text}},
                   notice_event(deps, petition, "response", now) if first else None)


def schedule_debate(deps, petition_id, body, version):
    problems = validation.Problems()
    _only(body, ("date", "note"), problems)
    day = validation.iso_date(body.get("date"), "date", problems)
    if body.get("date") is None:
        problems.add("date", REQUIRED)
    note = _note(body, problems)
    problems.raise_if_any()
    petition = petition_or_404(deps, petition_id)
    if petition.state not in ("open", "closed"):
        raise Conflict(DEBATE_NOT_PUBLISHED, code="petition_not_published")
    before = dict(petition.debate or {}) or None
    now = deps.clock()
    petition.debate = {"date": day, "note": note, "at": stamp(now), "by": deps.principal.user_id}
    return _change(deps, petition, version, "petition_debate",
                   {"debate": {"before": before and before.get("date"), "after": day}},
                   notice_event(deps, petition, "debate", now) if before is None else None)


def debate_at_meeting(deps, petition_id, place, version):
    """The petition debated at a council meeting's agenda item (`place`: the
    meeting's id, date, time and committee, the item's id and title, from our
    copy of the committee system: democracy/petition_links.py). Its signers
    and followers are told when it is first placed at a meeting, and again
    only if it moves to another; staff's note stays."""
    petition = petition_or_404(deps, petition_id)
    if petition.state not in ("open", "closed"):
        raise Conflict(DEBATE_NOT_PUBLISHED, code="petition_not_published")
    before = dict(petition.debate or {}) or None
    now = deps.clock()
    petition.debate = {"note": (before or {}).get("note", ""), **place, "at": stamp(now),
                       "by": deps.principal.user_id}
    moved = before is None or before.get("meeting_id") != place["meeting_id"]
    return _change(deps, petition, version, "petition_debate",
                   {"debate": {"before": before and before.get("date"), "after": place["date"],
                               "meeting": place["meeting_id"], "item": place["item_id"]}},
                   notice_event(deps, petition, "debate", now) if moved else None)


def criteria(body):
    """What to invalidate: any of domain, postcode, client, and a time window
    (since/until, signed in it); at least one of the first three or a window."""
    problems = validation.Problems()
    _only(body, ("domain", "postcode", "client", "since", "until", "dry_run"), problems)
    out = {}
    domain = validation.text(body.get("domain"), "domain", problems, 0, 253)
    if domain:
        out["domain"] = domain.lower().lstrip("@")
    if body.get("postcode") is not None:
        out["postcode"] = canonical_postcode(body["postcode"]) if isinstance(body["postcode"], str) else None
        if out["postcode"] is None:
            problems.add("postcode", NOT_A_POSTCODE)
    client = validation.text(body.get("client"), "client", problems, 0, 100)
    if client:
        out["client"] = client
    for edge in ("since", "until"):
        if body.get(edge) is not None:
            try:
                moment = parse(body[edge].upper()) if isinstance(body[edge], str) else None
            except ValueError:
                moment = None
            if moment is None or moment.tzinfo is None:
                problems.add(edge, MOMENT_WITHOUT_ZONE)
            else:
                out[edge] = moment
    if body.get("dry_run") not in (None, True, False):
        problems.add("dry_run", TRUE_OR_FALSE)
    problems.raise_if_any()
    if not out:
        raise Unacceptable(NOTHING_TO_MATCH, code="nothing_to_match")
    return out


def _matches(signature, rule):
    return (("domain" not in rule or signature.domain == rule["domain"])
            and ("postcode" not in rule or signature.postcode == rule["postcode"])
            and ("client" not in rule or signature.client == rule["client"])
            and ("since" not in rule or signature.created_at >= rule["since"])
            and ("until" not in rule or signature.created_at < rule["until"]))


def invalidate(deps, petition_id, body):
    """POST /v1/staff/petitions/{id}/invalidate: every matching signature not
    yet invalidated is; the counts drop by the counted ones among them.
    Reads the petition's signatures page by page (a staff tool; its cost
    follows the petition's size). dry_run: count without changing anything."""
    rule = criteria(body)
    petition = petition_or_404(deps, petition_id)
    now = deps.clock()
    matched = invalidated = uncounted = 0
    cursor = None
    while True:
        page, cursor = deps.petitions.signatures(petition.id, cursor)
        for signature in page:
            if signature.state == "invalidated" or not _matches(signature, rule):
                continue
            matched += 1
            if body.get("dry_run"):
                uncounted += 1 if signature.counted else 0
                continue
            if deps.petitions.invalidate(signature, now):
                invalidated += 1
                if signature.counted:
                    deps.petitions.add_counts(petition.id, -1, -1 if signature.sponsor else 0)
                    deps.petitions.add_ward(petition.id, signature.ward, -1)
                    uncounted += 1
        if cursor is None:
            break
    shown = {k: (stamp(v) if k in ("since", "until") else v) for k, v in rule.items()}
    if not body.get("dry_run"):
        _audit_invalidation(deps, petition.id, shown, invalidated, uncounted)
    fresh = deps.petitions.get(petition.id)
    return {"matched": matched, "invalidated": 0 if body.get("dry_run") else invalidated,
            "uncounted": uncounted, "dry_run": bool(body.get("dry_run")), "criteria": shown,
            "signature_count": int(fresh.signatures or 0)}


def _audit_invalidation(deps, petition_id, shown, invalidated, uncounted):
    """The audit entry of an invalidation, at the petition's next version (retried past a concurrent edit)."""
    for _ in range(5):
        petition = deps.petitions.get(petition_id)
        entry = AuditEntry(report_id=petition_id, seq=petition.version + 1, action="signatures_invalidated",
                           by_user_id=deps.principal.user_id, created_at=deps.clock(), by_email=deps.principal.email,
                           **acting_as(deps.principal), changes={"criteria": {"before": None, "after": shown},
                                    "invalidated": {"before": None, "after": invalidated},
                                    "signature_count": {"before": None, "after": f"-{uncounted}"}})
        try:
            deps.petitions.save(petition, petition.version, entry)
            return
        except EditConflict:
            continue
    raise Conflict(KEPT_CHANGING_WHILE_AUDITING, code="edit_conflict")


def close_due(deps):
    """The hourly job: petitions open past their closing moment are closed and their signers told."""
    from .drafting import close_if_due
    closed, cursor = 0, None
    now = deps.clock().strftime("%Y-%m-%dT%H:%M:%S")
    while True:
        page, cursor = deps.petitions.in_state("open", cursor, 50, newest_first=False, before=now)
        for petition in page:
            if close_if_due(deps, petition).state == "closed":
                closed += 1
        if cursor is None:
            return closed

