"""A parent's answer to the released offer (accept or decline, once) and their appeals for schools
they were not offered, each with its deadline by the round's rules: an appeal after it is taken, as
late (the Appeals Code hears late appeals too), and says so."""
from datetime import date

from ... import validation
from ...errors import Conflict, Unacceptable
from ...stamps import london_today, stamp
from . import limits, wording
from ..shared.clock import date_words
from .view import mine_or_404, one


def _released_offer(deps, app):
    from .applying import round_of
    release = deps.allocations.release(app["round"])
    offer = deps.allocations.offer(app["round"], release["run_id"], app["id"]) if release else None
    if offer is None or offer["school_id"] is None:
        raise Unacceptable(wording.NO_OFFER, code="no_offer")
    return offer, round_of(deps, app["round"])[0]


def answer(deps, app_id, body):
    """The first offer's answer, or with `school_id` a waiting list's offer's. A place declined, or given
    up for one accepted from a list, goes down its school's list (waiting.offer_down)."""
    problems = validation.Problems()
    for key in set(body) - {"answer", "school_id"}:
        problems.add(key, wording.NOT_ASKED)
    if body.get("answer") not in limits.ANSWERS:
        problems.add("answer", wording.ANSWER)
    if body.get("school_id") is not None and not isinstance(body["school_id"], str):
        problems.add("school_id", wording.NOT_ASKED)
    problems.raise_if_any()
    app = mine_or_404(deps, app_id)
    offer, _ = _released_offer(deps, app)
    if body.get("school_id") is not None and body["school_id"] != offer["school_id"]:
        return _answer_waiting(deps, app, offer, body["school_id"], body["answer"])
    if app.get("answer"):
        if app["answer"]["answer"] == body["answer"]:
            return one(deps, app_id)  # a second tap
        raise Conflict(wording.ANSWERED, code="answered_already")
    _save(deps, app, answer={"answer": body["answer"], "school_id": offer["school_id"], "at": stamp(deps.clock())})
    if body["answer"] == "decline":
        from .waiting import offer_down
        offer_down(deps, app["round"], deps.allocations.release(app["round"])["run_id"], offer["school_id"])
    return one(deps, app_id)


def _answer_waiting(deps, app, offer, school_id, choice):
    from ...storage.errors import EditConflict
    from .waiting import expired, held, offer_down
    run_id = deps.allocations.release(app["round"])["run_id"]
    reoffers = deps.allocations.reoffers(app["round"], app["id"])
    found = next((r for r in reoffers if r["school_id"] == school_id), None)
    if found is None:
        raise Unacceptable(wording.NO_OFFER, code="no_offer")
    lapsed = (found.get("answer") or {}).get("answer") == "lapsed"  # its day went by: the place went on
    if found.get("answer") and not lapsed:
        if found["answer"]["answer"] == choice:
            return one(deps, app["id"])
        raise Conflict(wording.ANSWERED, code="answered_already")
    if lapsed or expired(found, london_today(deps.clock())):
        raise Unacceptable(wording.OFFER_EXPIRED.format(date=date_words(found["accept_by"])), code="offer_expired")
    holding = held(app, offer, reoffers)
    try:
        deps.allocations.answer_reoffer(app["round"], app["id"], school_id, {"answer": choice,
                                                                            "at": stamp(deps.clock())},
                                        found["accept_by"])
    except EditConflict:
        raise Conflict(wording.ANSWERED, code="answered_already") from None
    if choice == "decline":
        offer_down(deps, app["round"], run_id, school_id)
        return one(deps, app["id"])
    rank = {p["school_id"]: p["rank"] for p in app["preferences"]}
    below = [(w["school_id"], w["key"], app["id"]) for w in offer["waiting"]
             if rank.get(w["school_id"], 99) > rank.get(school_id, 0)]
    deps.allocations.leave_lists(app["round"], run_id, below)
    if holding:
        offer_down(deps, app["round"], run_id, holding)  # the place given up goes down its own list
    return one(deps, app["id"])


def appeal(deps, app_id, body):
    problems = validation.Problems()
    for key in set(body) - {"school_id", "grounds"}:
        problems.add(key, wording.NOT_ASKED)
    grounds = body.get("grounds")
    if not isinstance(grounds, str) or not 10 <= len(grounds.strip()) <= limits.GROUNDS_MAX:
        problems.add("grounds", wording.GROUNDS)
    if not isinstance(body.get("school_id"), str):
        problems.add("school_id", wording.APPEAL_SCHOOL)
    problems.raise_if_any()
    app = mine_or_404(deps, app_id)
    from .applying import round_of
    from .view import shown
    seen = shown(deps, app)
    if seen["offer"] is None and not (seen["placing"] and seen["placing"]["state"] == "deemed_refused"):
        raise Unacceptable(wording.NO_OFFER, code="no_offer")
    dates = round_of(deps, app["round"])[0]
    appeals = app.get("appeals") or []
    if any(a["school_id"] == body["school_id"] for a in appeals):
        raise Conflict(wording.APPEALED, code="appealed_already")
    if body["school_id"] not in seen["appealable"]:
        raise Unacceptable(wording.APPEAL_SCHOOL, code="validation_failed",
                           fields=[{"field": "school_id", "message": wording.APPEAL_SCHOOL}])
    due = (dates["dates"].get("appeal_by") or {}).get("date")
    late = bool(due) and london_today(deps.clock()) > date.fromisoformat(due)
    made = {"school_id": body["school_id"], "grounds": grounds.strip(), "lodged_at": stamp(deps.clock()),
            "due": due, "late": late, "note": wording.LATE_APPEAL.format(date=date_words(due)) if late else None}
    _save(deps, app, appeals=[*appeals, made])
    return one(deps, app_id)


def _save(deps, app, **changes):
    from ...storage.errors import EditConflict
    try:
        deps.school_applications.replace({**app, **changes}, app["version"], deps.clock())
    except EditConflict:
        raise Conflict(wording.CHANGED, code="edit_conflict") from None
