"""Telling us about a move: checked against the councils' rules, then kept
with its `move_made` event and the Idempotency-Key's record in one
transaction. Everything the move changes elsewhere follows from that event
(following.py), once.

The rules (docs/decisions/moving.md): a date more than AHEAD_DAYS ahead is
refused with the rule in words (422); one more than LATE_DAYS ago is taken
with a note for staff; one older than BACK_DAYS is refused (the back office
takes no older). Days are London's: near midnight in summer, UTC's date is
a day behind.
"""
from datetime import date, timedelta

from ... import ids, validation
from ...errors import Unacceptable
from ...stamps import london_today
from . import limits, wording

KIND = "move_made"
FIELDS = {"move", "date", "from_uprn", "to_uprn", "people", "furnished", "tenure", "contact", "tenancy_end",
          "forwarding"}


def new_id():
    return ids.new_reference("MV-")


def make(deps, body, idempotency_key):
    """POST /v1/me/moves: (view, created)."""
    from ..shared.idempotency import Claim
    from .view import one
    user_id = deps.principal.user_id
    claim = Claim(deps, idempotency_key, f"{user_id}#move", body,
                  lambda record: one(deps, record.resource_id), wording.KEY_USED_FOR_MOVE)
    earlier = claim.earlier()
    if earlier is not None:
        return earlier, False
    now = deps.clock()
    user = deps.accounts.user(user_id)
    move = checked(deps, body, london_today(now), user)
    move.update(user_id=user_id, id=new_id(), created_at=now, email=deps.principal.email)
    from ...storage.errors import AlreadyExists
    from ..shared.effects import first_try
    from ..shared.events import new_event
    event = new_event(deps, KIND, now, event_id=limits.event_id(move["id"]), user_id=user_id,
                      move_id=move["id"])
    # The saved address ("my street", and with it bin days and the calendar) is the new home's from the move
    # date: written with the move, as the account's (accounts/me.living_at reads it from that day).
    moving_to = {"uprn": move.get("to_uprn"), "address": move.get("to_address"), "from": move["date"],
                 "move_id": move["id"]}
    try:
        deps.moves.create(move, event, claim.record(move["id"], now, limits.IDEMPOTENCY_HOURS), moving_to,
                          user.version)
    except AlreadyExists:
        return claim.twin(), False
    first_try(deps, [event])
    return one(deps, move["id"]), True


def checked(deps, body, today, user):
    """The move as kept, or 400 (the request breaks its description) / 422 (a rule, in words)."""
    from ..revenues.request_checks import move_more
    problems = validation.Problems()
    for name in sorted(set(body) - FIELDS):
        problems.add(name, wording.NOT_ASKED)
    kind = body.get("move")
    if kind not in limits.KINDS:
        problems.add("move", wording.KIND.format(area=deps.council.short_name))
    when = _date(body.get("date"), problems)
    more = []
    details = move_more({k: body[k] for k in ("people", "furnished", "tenure", "contact", "tenancy_end",
                                               "forwarding") if k in body}, more)
    for field, message in more:
        problems.add(field, message)
    if not details.get("people"):
        problems.add("people", wording.PEOPLE)
    for name in ("from_uprn", "to_uprn"):
        value = body.get(name)
        if value is not None and not (isinstance(value, str) and validation_uprn(value)):
            problems.add(name, wording.NOT_A_UPRN)
    # What each kind of move needs: rules the document states in words (422), not its schema.
    if kind == "out" and not details.get("forwarding") and "forwarding" not in body:
        problems.rule("forwarding", wording.FORWARDING.format(area=deps.council.short_name))
    if kind in ("out", "within") and not details.get("tenure") and "tenure" not in body:
        problems.rule("tenure", wording.TENURE)
    problems.raise_if_any()
    from ..revenues.limits import CONTACT_ROLES
    if details.get("contact") and details["contact"]["role"] not in CONTACT_ROLES.get(details.get("tenure"), ()):
        problems.rule("contact", wording.CONTACT_FOR_TENURE)
    _date_rules(when, today, problems)
    old, new = _homes(deps, kind, body, problems, user)
    problems.raise_if_any()
    move = {"move": kind, "date": when.isoformat(), **details,
            "late": when < today - timedelta(days=limits.LATE_DAYS)}
    if old is not None:
        move.update(from_uprn=old.uprn, from_address=old.text, from_ward=old.ward)
    if new is not None:
        move.update(to_uprn=new.uprn, to_address=new.text, to_ward=new.ward, to_postcode=new.postcode,
                    to_band=new.council_tax_band or None)  # what its council tax comes to (council_tax.estimate)
    return move


def validation_uprn(value):
    import re
    return re.fullmatch(limits.UPRN_PATTERN, value) is not None


def _date(value, problems):
    try:
        return date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else _bad(problems)
    except ValueError:
        return _bad(problems)


def _bad(problems):
    problems.add("date", wording.DATE)


def _date_rules(when, today, problems):
    last, first = today + timedelta(days=limits.AHEAD_DAYS), today - timedelta(days=limits.BACK_DAYS)
    if when > last:
        raise Unacceptable(wording.too_far_ahead(when - timedelta(days=limits.AHEAD_DAYS)),
                           code="move_too_far_ahead", fields=[{"field": "date", "message": wording.too_far_ahead(
                               when - timedelta(days=limits.AHEAD_DAYS))}])
    if when < first:
        problems.rule("date", wording.too_long_ago(first))


def _homes(deps, kind, body, problems, user):
    """(old, new) addresses from the address base: old for out/within (the
    saved one when not given), new for in/within; an address not in it is
    not in the council's area."""
    old = new = None
    area = deps.council.short_name
    if kind in ("out", "within"):
        uprn = body.get("from_uprn") or user.uprn
        old = deps.addresses.get(uprn) if uprn else None
        if old is None:
            problems.rule("from_uprn", wording.NO_OLD_HOME if not uprn else wording.NOT_IN_AREA.format(area=area))
    elif body.get("from_uprn"):
        problems.rule("from_uprn", wording.IN_HAS_NO_OLD.format(area=area))
    to = body.get("to_uprn")
    if kind in ("in", "within"):
        new = deps.addresses.get(to) if to else None
        if new is None:
            problems.rule("to_uprn", wording.NOT_IN_AREA.format(area=area))
    elif to:
        problems.rule("to_uprn", wording.MOVING_OUT_TO_AREA.format(area=area) if deps.addresses.get(to)
                      else wording.NOT_ASKED)
    if old is not None and new is not None and old.uprn == new.uprn:
        problems.rule("to_uprn", wording.SAME_HOME)
    return old, new
