"""A licence granted by law when the council has not decided in time: where
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
        term = licence_type.get("term_months")
        start = licence_starts(case, date.fromisoformat(case.deemed_on) + timedelta(days=1))
        expected, now = case.seq, deps.clock()
        case.state, case.updated_at = "deemed_granted", now
        case.decision = {**(case.decision or {}), "outcome": "deemed_granted",
                         "reasons": (case.law or {}).get("missed_words") or "", "by": "the law", "at": stamp(now)}
        case.licence = {"number": licence_number(case.id), "from": start.isoformat(),
                        "to": add_months(start, term).isoformat() if term else None, "state": "current"}
        case.reminder = first_reminder(licence_type, case.licence, deps.council.jurisdiction, case.regime, today)
        event = new_event(deps, "licence_decided", now, event_id=f"licence.{case.id}.deemed", case_id=case.id,
                          type_id=case.type_id, outcome="deemed_granted")
        try:
            deps.licensing.save(case, expected, listed=True, event=event)
        except EditConflict:
            continue  # decided (or deemed by another run) meanwhile
        first_try(deps, [event])
        granted += 1
    return granted
