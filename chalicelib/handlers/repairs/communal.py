"""A block's communal repairs, as its tenants see them: a repair to a shared
part (a stair light, the door entry) is listed to the tenants of the block's
other homes, who can say "me too", once each, counted, as on a street report.
What they read is listed, never filtered: where, what, the reporter's words,
its state and the count (storage/repairs/repair_communal.py holds nothing more), so
no reporter's name, contact, access notes or photos can leak by being
forgotten. Their own repairs are in their own list, not again here; a tenant of
another block is told there is no such repair, as for any repair not theirs."""
import re

from ...errors import Conflict, NotFound
from ...stamps import stamp
from ...storage.errors import AlreadyExists, EditConflict
from . import wording
from .reporting import REPAIR_ID


def _blocks(deps):
    """{block id: {id, name}} of the blocks the caller rents a home in now (one back-office session)."""
    from .homes import homes
    return {h["block"]["id"]: h["block"] for h in homes(deps) if h.get("block")}


def _line(row, mine):
    return {"id": row.repair_id, "location": row.location, "problem": row.problem, "issue": row.issue,
            "description": row.description, "status": row.status, "created_at": stamp(row.created_at),
            "me_too": int(row.me_too or 0), "mine_too": mine}


def in_my_blocks(deps):
    """Each block the caller rents in, with its open communal repairs (one Query a block), newest first,
    and which of them they said "me too" to (one read by key of those listed)."""
    user_id, out = deps.principal.user_id, []
    for block in _blocks(deps).values():
        rows = [r for r in deps.communal.open_in(block["id"]) if r.reporter != user_id]
        said = deps.communal.supported([r.repair_id for r in rows], user_id)
        out.append({**block, "repairs": [_line(r, r.repair_id in said) for r in rows]})
    return {"blocks": out}


def me_too(deps, repair_id):
    """(answer, added): the caller's "me too" on an open communal repair of their block, counted once."""
    row = deps.communal.get(repair_id) if isinstance(repair_id, str) and re.match(REPAIR_ID, repair_id) else None
    if row is None or row.block not in _blocks(deps):
        raise NotFound(wording.NOT_IN_YOUR_BLOCK, code="repair_not_found")
    if row.reporter == deps.principal.user_id:
        raise Conflict(wording.YOUR_OWN, code="your_own_repair")
    added = True
    try:
        deps.communal.me_too(repair_id, deps.principal.user_id, deps.clock())
    except AlreadyExists:
        added = False  # said before (a retry, a second tab): counted once
    except EditConflict:
        raise Conflict(wording.ME_TOO_CLOSED, code="repair_closed") from None
    return _line(deps.communal.get(repair_id), True), added


def exported(deps, user_id):
    """Their "me too"s for the account's export: which repair, where and what (the tree's words), its state and
    when they said it. Not the reporter's words: those are the neighbour's, not theirs."""
    return [{"repair_id": r.repair_id, "block": r.block, "location": r.location, "problem": r.problem,
             "issue": r.issue, "status": r.status, "said_at": stamp(r.said_at)}
            for r in deps.communal.said_by(user_id)]
