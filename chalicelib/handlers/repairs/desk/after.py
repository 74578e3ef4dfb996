"""After a repair: its tenant asked how it went (the questionnaires' table
and answer, once, from the repair's `repair_done` event), a text the day
before its appointment (a sweep beside the appointments' day-before
reminders, once per appointment day, from its own event), reopening a repair
that failed within DOORSTEP_REPAIR_REOPEN_DAYS of its being done, and a
home's history for its tenant."""
from datetime import time, timedelta

from .... import config, validation
from ....errors import Conflict, Unacceptable
from ....stamps import stamp
from ....storage.errors import EditConflict
from ...shared.events import new_event
from ...shared.clock import day as day_in_words
from ..reporting import mine_or_404, on_board, view
from ..rules import of
from ..scheduler import LONDON
from ..wording import CHANGED
from . import wording
from .crewing import _text

REMIND_FROM = time(9)  # no texts in the night, as the appointments' reminders


def on_done(deps, event, key):
    """The tenant asked "how did it go?" once: claimed in the questionnaires' table before the text."""
    repair = deps.repairs.get(event.payload["repair_id"])
    if repair is None or repair.status != "done":
        return
    if deps.repairs.ask(repair.id, repair.done_at or deps.clock(), deps.clock()) not in ("new", "sending"):
        return  # asked already
    _text(deps, event, wording.HOW_DID_IT_GO_TEXT, lambda r: True)
    deps.repairs.asked(repair.id)


def reopen_by(repair, now):
    """The last London day a done repair may be reopened on (ISO), or None once past it or not done:
    the tenant's page offers reopening while this holds, and says the day in words."""
    if repair.status != "done" or repair.done_at is None or repair.reopened_at is not None:
        return None
    last = repair.done_at.astimezone(LONDON).date() + timedelta(days=config.repair_reopen_days())
    return last.isoformat() if now.astimezone(LONDON).date() <= last else None


def question(deps, repair_id):
    repair = mine_or_404(deps, repair_id)
    q = deps.questionnaires.get(repair.id)
    return {"repair": repair.id, "asked": q is not None, "answer": (q.answer if q is not None else None),
            "reopen_by": reopen_by(repair, deps.clock())}


def answer(deps, repair_id, body):
    repair = mine_or_404(deps, repair_id)
    problems = validation.Problems({"comment": {"length": wording.COMMENT}})
    body = body if isinstance(body, dict) else {}
    if not isinstance(body.get("fixed"), bool):
        problems.add("fixed", wording.FIXED)
    rating = body.get("rating")
    if isinstance(rating, bool) or not isinstance(rating, int) or not 1 <= rating <= 5:
        problems.add("rating", wording.RATING)
    comment = validation.text(body.get("comment"), "comment", problems, 0, 500)
    problems.raise_if_any()
    q = deps.questionnaires.get(repair.id)
    if q is None:
        raise Conflict(wording.NOT_ASKED, code="not_asked")
    now = deps.clock()
    given = {"fixed": body["fixed"], "rating": rating, "comment": comment or None, "answered_at": stamp(now)}
    if q.answer:
        raise Conflict(wording.ANSWERED, code="already_answered")
    try:
        deps.questionnaires.answer(repair.id, given, new_event(deps, "repair_answered", now, repair_id=repair.id,
                                                               fixed=given["fixed"], rating=rating))
    except EditConflict:
        raise Conflict(wording.ANSWERED, code="already_answered") from None
    return {"repair": repair.id, "asked": True, "answer": given}


def reopen(deps, repair_id, body):
    repair = mine_or_404(deps, repair_id)
    problems = validation.Problems({"what": {"missing": wording.REOPEN_REASON, "length": wording.REOPEN_REASON}})
    what = validation.text((body if isinstance(body, dict) else {}).get("what"), "what", problems, 1, 500)
    problems.raise_if_any()
    if repair.status != "done":
        raise Conflict(wording.NOT_DONE, code="not_done")
    if repair.reopened_at is not None:
        raise Conflict(wording.REOPENED_ALREADY, code="reopened_already")
    now, days = deps.clock(), config.repair_reopen_days()
    if reopen_by(repair, now) is None:
        raise Unacceptable(wording.REOPEN_TOO_LATE.format(days=days, done=day_in_words(repair.done_at)),
                           code="reopen_too_late")
    # The council is aware of the failure now: its clocks start again from the reopening.
    repair.status, repair.reopened_at, repair.aware_at, repair.updated_at = "reported", now, now, now
    repair.description = f"{repair.description}\n{what}"[:2000]
    repair.done_at = repair.job_id = repair.appointment = repair.on_way_at = None
    try:
        deps.repairs.changed(on_board(repair, of(deps)), repair.seq, new_event(deps, "repair_reopened", now,
                                                                     repair_id=repair.id))
    except EditConflict:
        raise Conflict(CHANGED, code="repair_changed") from None
    return view(repair, now, of(deps))


def home_history(deps, home_id):
    """A home the caller rents now, with its repairs newest first (theirs and earlier tenants' alike)."""
    from ..homes import home_of
    home, now = home_of(deps, home_id), deps.clock()
    return {"home": home, "repairs": [{k: v for k, v in view(r, now, of(deps)).items() if k not in ("access", "summary")}
                                      for r in deps.repairs.of_home(home["id"])]}


def send_reminders(deps):
    """The day-before texts' events for tomorrow's booked repairs, from 9am: how many were written."""
    now = deps.clock()
    local = now.astimezone(LONDON)
    if local.time() < REMIND_FROM:
        return 0
    tomorrow, written = (local.date() + timedelta(days=1)).isoformat(), 0
    for repair in deps.repairs.to_remind(tomorrow):
        repair.reminded_for = tomorrow
        event = new_event(deps, "repair_reminder", now, repair_id=repair.id, day=tomorrow)
        try:
            deps.repairs.changed(repair, repair.seq, event)
        except EditConflict:
            continue  # moved or cancelled meanwhile: its new day is reminded in its turn
        written += 1
        from ...shared.effects import first_try
        first_try(deps, [event])  # the text's first try; the stream carries out what a crash leaves
    return written


def on_reminder(deps, event, key):
    def still(repair):
        return repair.status == "booked" and (repair.appointment or {}).get("day") == event.payload.get("day")
    repair = deps.repairs.get(event.payload["repair_id"])
    half = ((repair.appointment or {}).get("half") if repair else None) or "AM"
    _text(deps, event, wording.REMINDER_TEXT, still, when=wording.HALVES.get(half, half))


def exported(deps, user_id):
    """Their repairs for the account's export: each as they see it, with the contact and access notes they gave."""
    now = deps.clock()
    return [{**view(r, now, of(deps)), "contact": r.contact, "photos": len(r.photos or [])} for r in deps.repairs.of_user(user_id)]
