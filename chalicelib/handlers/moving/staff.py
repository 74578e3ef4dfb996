"""Staff's view of a move (the council tax desk: moves are its work) and
undoing one part with a reason. Each read and undo is in the move's audit
with who and why; the reason travels in the body, never the path."""
from ... import validation
from ...errors import Conflict, NotFound, Unacceptable
from ...stamps import stamp
from . import limits, wording
from .view import shown, sorted_parts

UNDOABLE = ("address", "bin_days", "garden")


def _found(deps, move_id):
    move = deps.moves.find(move_id)
    if move is None:
        raise NotFound(wording.NO_MOVE, code="move_not_found")
    return move


def _reason(body):
    problems = validation.Problems()
    for key in body:
        if key != "reason":
            problems.add(key, wording.NOT_ASKED)
    reason = body.get("reason")
    if not isinstance(reason, str) or not 5 <= len(reason.strip()) <= limits.REASON_MAX:
        problems.add("reason", wording.REASON)
    problems.raise_if_any()
    return reason.strip()


def read(deps, move_id, body):
    reason = _reason(body)
    move = _found(deps, move_id)
    _audit(deps, move, "read", reason)
    return _staff_view(deps, move)


def _staff_view(deps, move):
    parts = deps.moves.parts(move["user_id"], move["id"])
    out = shown(deps, move, parts, staff=True)
    for shown_part, part in zip(out["parts"], sorted_parts(parts)):
        shown_part["version"] = int(part.get("version") or 1)  # the undo's If-Match
        shown_part["undoable"] = shown_part["kind"] in UNDOABLE and part["state"] in ("moved", "stopped")
    out["audit"] = [{**a, "at": stamp(a["at"])} for a in deps.moves.audit(move["user_id"], move["id"])]
    from ..shared.effects import made_so_far
    return {**out, **made_so_far(deps, limits.event_id(move["id"]), limits.FOLLOW, move["created_at"])}


def _audit(deps, move, action, reason, part=None):
    now = deps.clock()
    entry = {"action": action, "reason": reason, "by_user_id": deps.principal.user_id,
             "by": deps.principal.email or deps.principal.user_id, "part": part}
    deps.moves.add_audit(move["user_id"], move["id"], entry, now, deps.new_opaque_id())


def undo(deps, move_id, name, body, if_match):
    """One part undone, as the officer saw it: If-Match names the part's
    version from the lookup (428 without, 409 when it changed since)."""
    from ..shared.versions import expected_version
    reason = _reason(body)
    move = _found(deps, move_id)
    expected = expected_version(if_match, read_from="POST /v1/staff/moves/{move_id}/lookup")
    part = deps.moves.part(move["user_id"], move_id, name)
    if part is None:
        raise NotFound(wording.NO_PART, code="part_not_found")
    if expected != int(part.get("version") or 1):
        raise Conflict(wording.PART_CHANGED, code="edit_conflict")
    kind = name.split(":")[0]
    if kind not in UNDOABLE or part["state"] not in ("moved", "stopped"):
        raise Unacceptable(wording.NOT_UNDONE, code="not_undoable")
    data = {k: v for k, v in part.items() if k not in ("name", "state", "created_at", "updated_at")}
    data["undone"] = {"reason": reason, "by": deps.principal.email or deps.principal.user_id,
                      "at": stamp(deps.clock())}
    if not deps.moves.settle_part(move["user_id"], move_id, name, (part["state"],), "undone", data, deps.clock()):
        raise Conflict(wording.CHOSEN_ALREADY, code="part_changed")
    if kind in ("address", "bin_days"):
        user = deps.accounts.user(move["user_id"])
        if user is not None and (user.moving_to or {}).get("move_id") == move["id"]:
            user.moving_to = None
            deps.accounts.save_user(user)
    elif kind == "garden":
        uprn, start = name.split(":", 1)[1].split(".")
        to_uprn, to_start = part["to"].split(".")
        deps.garden.move_back(uprn, start, part["end"], to_uprn, to_start)
    _audit(deps, move, "undo", reason, name)
    return _staff_view(deps, move)
