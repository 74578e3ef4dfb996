"""The repairs desk's steps on one repair: its page (the tenant's contact on
it, read with a reason, the reading audited), a priority changed with a reason (audited, If-Match),
a team or trade assigned (its crew job made in the same transaction), and a
follow-on job raised (a new repair for the same home, once per
Idempotency-Key). Every change is conditional on the repair's `seq` as read,
which is also its ETag, so two officers never overwrite each other."""
import re

from .... import validation
from ....errors import Conflict, Stale
from ....stamps import stamp
from ....storage.errors import AlreadyExists, EditConflict
from ....storage.records import AuditEntry, Repair
from ..closing import open_repair
from ..reporting import REPAIR_ID
from ..reporting import on_board, view
from ..rules import of
from ..wording import CHANGED, NO_SUCH_REPAIR
from ...shared.versions import expected_version
from ....errors import NotFound
from . import FOLLOW_ON_KEY_MAX, PRIORITIES, TEAM_PATTERN, wording
from .crewing import followed, job_for, withdrawn


TEAM = re.compile(TEAM_PATTERN)


def etag(repair):
    return f'"{int(repair.seq or 0)}"'


def page(deps, repair_id):
    """(view for the desk, ETag): the repair, and the tenant's contact and access notes once the officer
    says why (the reading audited); without a reason they are withheld (null)."""
    repair = deps.repairs.get(repair_id) if isinstance(repair_id, str) and re.match(REPAIR_ID, repair_id) else None
    if repair is None:
        raise NotFound(NO_SUCH_REPAIR, code="repair_not_found")
    said = deps.reason is not None
    if said:
        _read(deps, repair)
    out = desk_view(deps, repair) if said else changed_view(deps, repair)
    out["contact_withheld"] = not said
    if repair.block:  # a shared part's: how many of the block's tenants said it affects them too
        row = deps.communal.get(repair.id)
        out["me_too"] = int(row.me_too or 0) if row is not None else 0
    return out, etag(repair)


def desk_view(deps, repair):
    out = view(repair, deps.clock(), of(deps))
    out.update(contact=repair.contact, trade=repair.trade, code=repair.code, team=repair.team, job=repair.job_id,
               parent=repair.parent_id, priority_reason=repair.priority_reason, on_way_at=stamp(repair.on_way_at),
               no_access_at=stamp(repair.no_access_at), reopened_at=stamp(repair.reopened_at),
               seq=int(repair.seq or 0))
    return out


def changed_view(deps, repair):
    """The desk's view with the tenant's contact and access notes withheld: what a change, a stale If-Match or a
    follow-on answers, since only the page read with a reason (audited) may carry them."""
    return {**desk_view(deps, repair), "contact": None, "access": None, "contact_withheld": True}


def _read(deps, repair):
    """The tenant's contact and access notes read: said why, audited after the repair's change (shared/reading.py)."""
    from ...shared.reading import audited
    audited(deps, repair.id, wording.READ_CONTACT, after=repair.seq, action="contact_read")


def _as_read(deps, repair_id, if_match):
    version = expected_version(if_match, "GET /v1/staff/repairs/{id}")
    repair = open_repair(deps, repair_id)
    if int(repair.seq or 0) != version:
        raise Stale(changed_view(deps, repair), etag(repair))
    return repair


def _audit(deps, repair, action, now, changes):
    from ....auth.grants import acting_as
    return AuditEntry(report_id=repair.id, seq=int(repair.seq or 0) + 1, action=action,
                      by_user_id=deps.principal.user_id, by_email=deps.principal.email, created_at=now,
                      changes=changes, **acting_as(deps.principal))


def _keep(deps, repair, audit, event=None, jobs=(), also=()):
    try:
        deps.repairs.changed(repair, repair.seq, event, audit=audit, jobs=jobs, also=also)
    except EditConflict:
        raise Conflict(CHANGED, code="repair_changed") from None
    if event is not None:
        from ...shared.effects import first_try
        first_try(deps, [event])
    return changed_view(deps, repair), etag(repair)


def priority(deps, repair_id, body, if_match):
    problems = validation.Problems({"reason": {"missing": wording.REASON, "length": wording.REASON}})
    body = body if isinstance(body, dict) else {}
    wanted = body.get("priority")
    if wanted not in PRIORITIES:
        problems.add("priority", wording.PRIORITY)
    reason = validation.text(body.get("reason"), "reason", problems, 1, 300)
    problems.raise_if_any()
    repair = _as_read(deps, repair_id, if_match)
    if repair.priority == wanted:
        raise Conflict(wording.SAME_PRIORITY, code="same_priority")
    now = deps.clock()
    audit = _audit(deps, repair, "priority", now, {"priority": {"before": repair.priority, "after": wanted},
                                                   "reason": {"before": None, "after": reason}})
    repair.priority, repair.priority_reason, repair.updated_at = wanted, reason, now
    job = followed(deps, on_board(repair, of(deps)), now)  # the clocks re-derived first: the job's due day follows them
    return _keep(deps, repair, audit, jobs=[job] if job is not None else [])


def assign(deps, repair_id, body, if_match):
    problems = validation.Problems()
    body = body if isinstance(body, dict) else {}
    team = body.get("team")
    if not (isinstance(team, str) and TEAM.match(team)):
        problems.add("team", wording.TEAM)
    else:  # the council's own teams: one it does not have (or has retired) is a rule (422)
        known = deps.teams.get(team)
        if known is None or known.retired:
            problems.rule("team", wording.TEAM)
    trade = validation.text(body.get("trade"), "trade", problems, 0, 40)
    instructions = validation.text(body.get("instructions"), "instructions", problems, 0, 500)
    problems.raise_if_any()
    repair = _as_read(deps, repair_id, if_match)
    if repair.team == team and repair.job_id:
        raise Conflict(wording.TEAM_HOLDS_IT, code="team_holds_it")
    now = deps.clock()
    jobs = [withdrawn(deps, repair, now)] if repair.job_id else []
    jobs = [j for j in jobs if j is not None]
    job = job_for(deps, repair, team, instructions, now)
    changes = {"team": {"before": repair.team, "after": team}}
    if trade and trade != repair.trade:
        changes["trade"] = {"before": repair.trade, "after": trade}
        repair.trade = trade
    audit = _audit(deps, repair, "assign", now, changes)
    repair.team, repair.job_id, repair.updated_at = team, job.id, now
    return _keep(deps, repair, audit, jobs=[*jobs, job])


def follow_on(deps, repair_id, body, key):
    """A follow-on job for the same home, as a repair of its own, once per key: (view, created)."""
    from ....errors import ValidationFailed
    if not key or len(key) > FOLLOW_ON_KEY_MAX:
        raise ValidationFailed([("Idempotency-Key", wording.FOLLOW_ON_KEY)])
    problems = validation.Problems({"what": {"missing": wording.FOLLOW_ON, "length": wording.FOLLOW_ON}})
    body = body if isinstance(body, dict) else {}
    what = validation.text(body.get("what"), "what", problems, 1, 500)
    wanted = body.get("priority") or None
    if wanted is not None and wanted not in PRIORITIES:
        problems.add("priority", wording.PRIORITY)
    problems.raise_if_any()
    import hashlib
    # Its id is the key's: a retry, or a twin racing it, names the same repair (created once, by a condition);
    # its prefix is the one reporting.py gives every repair (read from the reference's pattern).
    new_id = REPAIR_ID[1:4] + hashlib.sha256(f"{repair_id}#{key}".encode()).hexdigest()[:6].upper()
    earlier = deps.repairs.get(new_id)
    if earlier is not None:
        if earlier.parent_id != repair_id or earlier.description != what:
            raise Conflict(wording.KEY_REUSED, code="idempotency_key_reused")
        return changed_view(deps, earlier), False
    parent = deps.repairs.get(repair_id) if isinstance(repair_id, str) and re.match(REPAIR_ID, repair_id) else None
    if parent is None:
        raise NotFound(NO_SUCH_REPAIR, code="repair_not_found")
    now = deps.clock()
    child = Repair(id=new_id, home=parent.home, address=parent.address, user_id=parent.user_id,
                   location=parent.location, problem=parent.problem, issue=parent.issue, repair=parent.repair,
                   code=parent.code, trade=parent.trade, priority=wanted or parent.priority, aware_at=now,
                   description=what, access=parent.access, contact=parent.contact, damp_mould=parent.damp_mould,
                   created_at=now, updated_at=now, parent_id=parent.id, status="reported")
    on_board(child, of(deps))
    audit = _audit(deps, parent, "follow_on", now, {"follow_on": {"before": None, "after": new_id}})
    parent.updated_at = now
    try:
        deps.repairs.changed(parent, parent.seq, audit=audit, also=[child])
    except AlreadyExists:
        return follow_on(deps, repair_id, body, key)  # its twin came first: answered as it was
    except EditConflict:
        raise Conflict(CHANGED, code="repair_changed") from None
    return changed_view(deps, child), True


def history(deps, home):
    """A home's repairs, newest first (one Query of the home index), for the desk: a tenant's home, read by
    an officer who says why, the reading audited under the home."""
    from ...shared.reading import audited
    audited(deps, home, wording.READ_HOME)
    now, rules = deps.clock(), of(deps)
    return {"home": home, "repairs": [_line(r, now, rules) for r in deps.repairs.of_home(home)]}


def _line(repair, now, rules):
    return {k: v for k, v in view(repair, now, rules).items() if k not in ("access", "summary")}
