"""A licence granted (or refused) by law when the council has not decided in time: where
the regime says so (Scotland's Civic Government Act's licences: a short-term
let after 9 months, a taxi or street trader's after 6), a received case whose
decision day has passed undecided becomes `deemed_granted`, with its licence
numbered from the day after and its type's term, and its `licence_decided`
event (the applicant and those who made representations are told). Run by the
five-minute job for each council; reads only what is due (the sparse `deemed`
index), and each change is conditional on the case as read, so two runs at
once grant it once."""
from datetime import date, timedelta

from ...stamps import london_today, stamp
from . import catalogue
from .clocks import add_months
from .ids import licence_number
from .renewing import first_reminder, licence_starts


def deem_due(deps):
    """How many cases were deemed granted now."""
    from ...storage.errors import EditConflict
    from ..shared.effects import first_try
    from ..shared.events import new_event
    today = london_today(deps.clock())
    granted = 0
    types = None
    for case in deps.licensing.deemed_by(today.isoformat()):
        types = types if types is not None else catalogue.of_council(deps)
        licence_type = catalogue.find(types, case.type_id) or {}
        outcome = "deemed_refused" if (case.law or {}).get("missed") == "deemed_refused" else "deemed_granted"
        expected, now = case.seq, deps.clock()
        case.state, case.updated_at = outcome, now
        case.decision = {**(case.decision or {}), "outcome": outcome,
                         "reasons": (case.law or {}).get("missed_words") or "", "by": "the law", "at": stamp(now)}
        if outcome == "deemed_granted":
            _licensed(deps, case, licence_type, today)
        event = new_event(deps, "licence_decided", now, event_id=f"licence.{case.id}.deemed", case_id=case.id,
                          type_id=case.type_id, outcome=outcome)
        try:
            deps.licensing.save(case, expected, listed=True, event=event)
        except EditConflict:
            continue  # decided (or deemed by another run) meanwhile
        first_try(deps, [event])
        granted += 1
    return granted


def _licensed(deps, case, licence_type, today):
    term = licence_type.get("term_months")
    start = licence_starts(case, date.fromisoformat(case.deemed_on) + timedelta(days=1))
    case.licence = {"number": licence_number(case.id), "from": start.isoformat(),
                    "to": add_months(start, term).isoformat() if term else None, "state": "current"}
    case.reminder = first_reminder(licence_type, case.licence, deps.council.jurisdiction, case.regime, today)


def on_decided(deps, event, key):
    """A case the law treats as refused with its fee returned (s.41B(3)): refunded in full, once however often the
    event is delivered (refund_in_full finds nothing left the second time)."""
    from ..payments.in_full import refund_in_full
    case = deps.licensing.get((event.payload or {}).get("case_id"))
    if case is None or case.state != "deemed_refused" or not (case.law or {}).get("refund_when_missed"):
        return
    if case.payment_id:
        refund_in_full(deps, case.payment_id, by=f"licence {case.id} treated as refused")
