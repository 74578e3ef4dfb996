"""Offers released once per round, on or after offer day (London's day): the release row and its
event in one conditional transaction, so a release retried or raced by two officers makes one; the
same run asked again answers the release there is, another run is 409. The e-mails follow from the
event (registered in routes.py), one per application under its own outbox id, however often the
effect runs."""
from datetime import date

from ... import validation
from ...errors import Conflict, NotFound, Unacceptable
from ...stamps import london_today, stamp
from . import wording
from .applying import round_of
from .view import long_day

KIND = "school_offers_released"


def release(deps, round_id, body):
    """POST /v1/staff/school-rounds/{round}/release {"run_id"}: (release, made now)."""
    problems = validation.Problems()
    for key in set(body) - {"run_id"}:
        problems.add(key, wording.NOT_ASKED)
    if not isinstance(body.get("run_id"), str):
        problems.missing("run_id")
    problems.raise_if_any()
    dates, _, _ = round_of(deps, round_id)
    run_id = body["run_id"]
    if deps.allocations.run(round_id, run_id) is None:
        raise NotFound(wording.NO_RUN, code="run_not_found")
    now = deps.clock()
    offer_day = dates["dates"].get("offer")
    if offer_day and london_today(now) < date.fromisoformat(offer_day["date"]):
        words = wording.RELEASE_TOO_SOON.format(date=long_day(offer_day["date"]))
        raise Unacceptable(words, code="release_too_soon")
    existing = deps.allocations.release(round_id)
    if existing is not None:
        return _same_or_refused(existing, run_id), False
    from ...storage.errors import AlreadyExists
    from ..shared.effects import first_try
    from ..shared.events import new_event
    event = new_event(deps, KIND, now, event_id=f"schools.{round_id}.released", round=round_id, run_id=run_id)
    made = {"run_id": run_id, "by": deps.principal.email or deps.principal.user_id}
    try:
        deps.allocations.add_release(round_id, made, event, now)
    except AlreadyExists:
        return _same_or_refused(deps.allocations.release(round_id), run_id), False
    first_try(deps, [event])
    return shown({**made, "created_at": now}, round_id), True


def _same_or_refused(existing, run_id):
    if existing["run_id"] != run_id:
        raise Conflict(wording.RELEASED_ALREADY.format(at=stamp(existing["created_at"]), run=existing["run_id"]),
                       code="released_already")
    return shown(existing, None)


def shown(release, round_id):
    return {"run_id": release["run_id"], "by": release.get("by"), "released_at": stamp(release["created_at"])}


def on_released(deps, event, key):
    """The release's effect: each offer of the run e-mailed to its parent, once (outbox id per
    application). The child's name is the application's, read from the parent's partition."""
    from ...notify.email import queue_email
    payload = event.payload or {}
    round_id, run_id = payload.get("round"), payload.get("run_id")
    release_row = deps.allocations.release(round_id)
    if release_row is None or release_row["run_id"] != run_id:
        return
    schools, settings = deps.schools.all()
    names = {s["id"]: s["name"] for s in schools}
    from .rules import round_dates
    from .view import offer_view
    dates = round_dates(deps.council, deps.calendar, settings, round_id)["dates"]
    for app_id, offer in deps.allocations.offers(round_id, run_id):
        app = deps.school_applications.get(offer["user_id"], app_id)
        if app is None or not app.get("email"):
            continue
        seen = offer_view(deps, app, release_row, names)
        lines = [seen["text"], *[w["text"] for w in seen["waiting"]], "",
                 wording.EMAIL_END.format(date=long_day(dates["accept_by"]["date"]),
                                          appeal=long_day(dates["appeal_by"]["date"]))]
        queue_email(app["email"], wording.EMAIL_SUBJECT, "\n".join(lines), deps.clock(), f"school-offer:{app_id}")
