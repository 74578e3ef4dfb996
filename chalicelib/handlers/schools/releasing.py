"""Offers released once per round, on or after offer day (London's day): the release row and its
event in one conditional transaction, so a release retried or raced by two officers, or by an officer
and the schedule, makes one; the same run asked again answers the release there is, another run is
409. Before offer day an officer may choose the run to be released on it (`on_offer_day`): the
schedule (release_due, every council's, every 15 minutes) releases it once offer day has begun. The
messages follow from the release's event (messages.py)."""
from datetime import date

from ... import validation
from ...errors import Conflict, NotFound, Unacceptable
from ...stamps import london_today, stamp
from . import wording
from .applying import round_of
from ..shared.clock import date_words

KIND = "school_offers_released"


def release(deps, round_id, body):
    """POST /v1/staff/school-rounds/{round}/release {"run_id", "on_offer_day"}: (release, made now)."""
    problems = validation.Problems()
    for key in set(body) - {"run_id", "on_offer_day"}:
        problems.add(key, wording.NOT_ASKED)
    if not isinstance(body.get("run_id"), str):
        problems.missing("run_id")
    if not isinstance(body.get("on_offer_day", False), bool):
        problems.add("on_offer_day", wording.NOT_ASKED)
    problems.raise_if_any()
    dates, _, _ = round_of(deps, round_id)
    run_id = body["run_id"]
    if deps.allocations.run(round_id, run_id) is None:
        raise NotFound(wording.NO_RUN, code="run_not_found")
    now = deps.clock()
    offer_day = _offer_day(dates)
    existing = deps.allocations.release(round_id)
    if existing is not None:
        return _same_or_refused(existing, run_id), False
    by = deps.principal.email or deps.principal.user_id
    if offer_day and london_today(now) < offer_day:
        if not body.get("on_offer_day"):
            words = wording.RELEASE_TOO_SOON.format(date=date_words(offer_day.isoformat()))
            raise Unacceptable(words, code="release_too_soon")
        deps.allocations.schedule(round_id, {"run_id": run_id, "by": by, "on": offer_day.isoformat()}, now)
        return {"run_id": run_id, "by": by, "released_at": None, "scheduled_for": offer_day.isoformat()}, False
    return released(deps, round_id, run_id, by, now)


def _offer_day(dates):
    found = dates["dates"].get("offer") or dates["dates"].get("placing_answer_by")
    return date.fromisoformat(found["date"]) if found else None


def released(deps, round_id, run_id, by, now):
    """The release row and its event, once: (the release, made now); a twin's release when it lost the race."""
    from ...storage.errors import AlreadyExists
    from ..shared.effects import first_try
    from ..shared.events import new_event
    event = new_event(deps, KIND, now, event_id=f"schools.{round_id}.released", round=round_id, run_id=run_id)
    made = {"run_id": run_id, "by": by}
    try:
        deps.allocations.add_release(round_id, made, event, now)
    except AlreadyExists:
        return _same_or_refused(deps.allocations.release(round_id), run_id), False
    first_try(deps, [event])
    return shown({**made, "created_at": now}, round_id), True


def release_due(deps):
    """The schedule (every council's): each round of this offer year whose run was chosen for offer day,
    released once offer day has begun (London's day). {"released": how many now}."""
    from .public import entry_year
    from .rules import PHASES
    now = deps.clock()
    today, count = london_today(now), 0
    for phase in PHASES:
        round_id = f"{entry_year(today)}-{phase}"
        chosen = deps.allocations.scheduled(round_id)
        if chosen is None or today < date.fromisoformat(chosen["on"]) or deps.allocations.release(round_id):
            continue
        try:
            _, made = released(deps, round_id, chosen["run_id"], wording.BY_SCHEDULE, now)
        except Conflict:  # an officer released another run first: theirs stands
            made = False
        count += made
    return {"released": count}


def every_quarter(deps):
    """The quarter-hourly schedule's turn at a council: offer day's release, and waiting lists' offers
    lapsed whose day has gone (waiting.lapse_due)."""
    from .waiting import lapse_due
    return {**release_due(deps), **lapse_due(deps)}


def _same_or_refused(existing, run_id):
    if existing["run_id"] != run_id:
        raise Conflict(wording.RELEASED_ALREADY.format(at=stamp(existing["created_at"]), run=existing["run_id"]),
                       code="released_already")
    return shown(existing, None)


def shown(release, round_id):
    return {"run_id": release["run_id"], "by": release.get("by"), "released_at": stamp(release["created_at"]),
            "scheduled_for": None}
