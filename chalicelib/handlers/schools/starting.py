"""The event "My child is starting school", told once as a move is (moving/making.py): the child, the
date of birth, the home and the school year, checked as an application's are (the age group by its
rule), kept with its `school_start_told` event and the Idempotency-Key's record in one transaction.
What follows from the event (awards.py: free school meals and the clothing grant from the benefits
back office) is written back on it; the rest is read when the page is: each service that applies,
with what the council already knows filled in (parts.py)."""
import secrets

from ... import ids, validation
from ...errors import NotFound
from . import limits, wording
from .applying import _home, _year_group, claimed, round_of, told as told_basics

KIND = "school_start_told"
FIELDS = {"child", "home_uprn", "round"}


def new_id():
    return "ST-" + "".join(secrets.choice(ids.ALPHABET) for _ in range(10))


def make(deps, body, idempotency_key):
    """POST /v1/me/starting-school: (view, created)."""
    from ...storage.errors import AlreadyExists
    from ..shared.effects import first_try
    from ..shared.events import new_event
    user_id = deps.principal.user_id
    claim, earlier = claimed(deps, idempotency_key, "start", body, one, wording.KEY_USED_START)
    if earlier is not None:
        return earlier, False
    now = deps.clock()
    problems = validation.Problems()
    round_id, child, uprn = told_basics(deps, body, FIELDS, problems)
    problems.raise_if_any()
    dates, _, _ = round_of(deps, round_id)
    user = deps.accounts.user(user_id)
    home = _home(deps, uprn or (user.uprn if user else None), problems)
    group = _year_group(deps, round_id, dates, child, problems)
    problems.raise_if_any()
    telling = {"id": new_id(), "user_id": user_id, "created_at": now, "email": deps.principal.email,
               "round": round_id, "child": {**child, **({"deferred": True} if group == "deferred" else {})},
               "home": home, "awards": {}}
    event = new_event(deps, KIND, now, event_id=limits.start_event_id(telling["id"]), user_id=user_id,
                      start_id=telling["id"])
    try:
        deps.school_applications.create_start(telling, event, claim.record(telling["id"], now,
                                                                           limits.IDEMPOTENCY_HOURS))
    except AlreadyExists:
        return claim.twin(), False
    first_try(deps, [event])
    return one(deps, telling["id"]), True


def one(deps, start_id):
    """GET /v1/me/starting-school/{id}: the parent's own telling with its parts (404 for anyone else's)."""
    from functools import cache
    from ..shared.effects import HELD_UP, UNDER_WAY, progress
    from .parts import shown
    found = deps.school_applications.start(deps.principal.user_id, start_id)
    if found is None:
        raise NotFound(wording.NO_START, code="start_not_found")

    # The claim is read only while an award is still unchecked, and once: a telling with its awards made
    # costs no more.
    @cache
    def awards():
        return progress(deps, limits.start_event_id(found["id"]), limits.AWARDS_EFFECT, found["created_at"])
    # Undecided a day on (the claim then not read), the check is as given up: the stream has let its event go.
    view = shown(deps, found, given_up=lambda: awards() in (HELD_UP, None))
    checking = any(p["state"] == "checking" for p in view["parts"])
    return {**view, "under_way": checking and awards() == UNDER_WAY}


def mine(deps):
    from ...stamps import stamp
    return {"tellings": [{"id": s["id"], "round": s["round"], "child_name": s["child"]["name"],
                          "created_at": stamp(s["created_at"])}
                         for s in deps.school_applications.starts(deps.principal.user_id)]}
