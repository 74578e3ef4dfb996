"""A place given up offered down the school's waiting list: an offer declined, or a place left for one
the child preferred, goes to the next child on that school's list in its criteria order (rule,
distance, draw: never when they joined), with an answer-by date of its own, the acceptance period the
law gives any offer (England: two weeks, SI 2012/8 Sch. 2 para 1(f)) from the day it is made.

The offer and the child's leaving that list are one conditional transaction, so two places freed at
the same moment go to two children, never one twice; a child whose entry another freed place took
first is passed over for the next. A child who accepts a place from a list gives up the place they
held, which goes down its own list the same way, and leaves the lists of schools they ranked lower.

An offer from a list not answered by its day lapses: the quarter-hourly schedule (`lapse_due`) reads the
offers whose day has gone from their own sorted rows, marks each lapsed with its event in one
transaction, and the event's effect (`on_lapsed`) offers the place to the next child, once however often
it runs (the lapse's `given#` row, put in the offer's own transaction)."""
from datetime import date, timedelta

from ...stamps import london_today
from .rules import round_dates

KIND = "school_place_offered"
LAPSED = "school_place_lapsed"
ACCEPT_DAYS = 14  # where the jurisdiction's rules name none (Scotland's placing requests)


def offer_down(deps, round_id, run_id, school_id, freed_by=None):
    """The next child on the school's list offered its freed place: their application id, or None (nobody
    waiting, or the place `freed_by` a lapse given already)."""
    from ..shared.effects import first_try
    from ..shared.events import new_event
    if freed_by and deps.allocations.given(round_id, freed_by):
        return None
    _, settings = deps.schools.all()
    dates = round_dates(deps.council, deps.calendar, settings, round_id)
    now = deps.clock()
    accept_by = london_today(now) + timedelta(days=dates.get("accept_within_days") or ACCEPT_DAYS)
    for key, app_id in deps.allocations.waiting_list(round_id, run_id, school_id):
        event = new_event(deps, KIND, now, event_id=f"schools.{round_id}.{app_id}.{school_id}.offered",
                          round=round_id, run_id=run_id, application=app_id, school_id=school_id)
        offer = {"school_id": school_id, "accept_by": accept_by.isoformat(), "key": key}
        if deps.allocations.add_reoffer(round_id, run_id, school_id, key, app_id, offer, event, now, freed_by):
            first_try(deps, [event])
            return app_id
        if freed_by and deps.allocations.given(round_id, freed_by):  # a run of the effect beside this one
            return None
    return None


def lapse_due(deps):
    """The schedule (every council's): each released round's offers from waiting lists whose answer-by day
    has gone (London's day) lapsed, each place offered on by the lapse's effect. {"lapsed": how many now}."""
    from ..shared.effects import first_try
    from ..shared.events import new_event
    from .public import entry_year
    from .rules import PHASES
    now = deps.clock()
    today, count = london_today(now), 0
    for phase in PHASES:
        round_id = f"{entry_year(today)}-{phase}"
        for accept_by, app_id, school_id, run_id in deps.allocations.lapsing(round_id, today - timedelta(days=1)):
            event = new_event(deps, LAPSED, now, event_id=f"schools.{round_id}.{app_id}.{school_id}.lapsed",
                              round=round_id, run_id=run_id, application=app_id, school_id=school_id)
            if deps.allocations.lapse(round_id, app_id, school_id, accept_by, event, now):
                first_try(deps, [event])
                count += 1
    return {"lapsed": count}


def on_lapsed(deps, event, key):
    """A lapsed offer's place to the next child on its school's list (the effect of its event)."""
    payload = event.payload
    offer_down(deps, payload["round"], payload["run_id"], payload["school_id"], freed_by=event.id)


def held(app, offer, reoffers):
    """The school the child holds a place at now: the last waiting list place they accepted, else the
    first offer unless they declined it."""
    accepted = [r for r in reoffers if (r.get("answer") or {}).get("answer") == "accept"]
    if accepted:
        return accepted[-1]["school_id"]
    if offer and offer["school_id"] and (app.get("answer") or {}).get("answer") != "decline":
        return offer["school_id"]
    return None


def expired(reoffer, today):
    return today > date.fromisoformat(reoffer["accept_by"])
