"""The resident's choice for each thing a move offered: a bulky collection or
a container request at the old home kept or cancelled (cancelling goes
through their own cancel, as the resident, so it refunds by their terms and
can touch nothing of anyone else's), an alert moved or kept where it is
(leaving the area: stopped or kept).

The part moves from `offered` to its choice by a conditional write first, so
two taps act once; the cancel or move follows, and is itself safe to repeat
(a cancelled booking stays cancelled; the alert's identity makes the
subscription one)."""
import re

from ... import validation
from ...errors import Conflict, NotFound
from . import limits, wording
from .view import mine_or_404

STATE = {"keep": "kept", "cancel": "cancelled", "move": "moved", "stay": "stayed", "link": "linked",
         "decline": "declined", "stop": "stopped"}


def choose(deps, move_id, name, body):
    move = mine_or_404(deps, move_id)
    kind = name.split(":", 1)[0]
    part = deps.moves.part(move["user_id"], move_id, name) if re.fullmatch(limits.PART_PATTERN, name) else None
    if part is None or kind not in limits.CHOICES:
        raise NotFound(wording.NO_PART, code="part_not_found")
    problems = validation.Problems()
    for key in body:
        if key != "choice":
            problems.add(key, wording.NOT_ASKED)
    choice, allowed = body.get("choice"), limits.choices(kind, move["move"])
    if choice not in allowed:
        problems.add("choice", wording.CHOICE.format(choices=" or ".join(allowed)))
    problems.raise_if_any()
    if part["state"] != "offered":
        if part["state"] == STATE[choice]:
            return _view(deps, move)
        raise Conflict(wording.CHOSEN_ALREADY, code="chosen_already")
    data = {k: v for k, v in part.items() if k not in ("name", "state", "created_at", "updated_at")}
    if not deps.moves.settle_part(move["user_id"], move_id, name, ("offered",), STATE[choice], data, deps.clock()):
        return _view(deps, move)  # a twin tap chose first
    try:
        act(deps, move, kind, part.get("id"), choice, part)
    except Exception:
        # Refused there (past a booking's cut-off, a payment not stopped): offered again, their answer stands.
        deps.moves.settle_part(move["user_id"], move_id, name, (STATE[choice],), "offered", data, deps.clock())
        raise
    return _view(deps, move)


def act(deps, move, kind, thing_id, choice, part=None):
    if kind == "bulky" and choice == "cancel":
        from ..waste.bookings import cancel
        cancel(deps, thing_id)
    elif kind == "container" and choice == "cancel":
        from ..containers.cancelling import cancel
        cancel(deps, thing_id, {})
    elif kind == "alert" and choice == "move":
        from .alert_offers import move_alert
        move_alert(deps, move, thing_id)
    elif kind == "alert" and choice == "stop":
        from .alert_offers import stop_alert
        stop_alert(deps, thing_id)
    elif kind == "council_tax_new" and choice == "link":
        from .council_tax import link_new
        link_new(deps, move, part)


def _view(deps, move):
    from .view import one
    return one(deps, move["id"])
