"""A temporary event notice withdrawn by its premises user (Licensing Act 2003 s.103): no later than 24 hours before
its event period begins, and then it is disregarded for s.107's limits, so its place is given back in the tallies
giving.py wrote: the premises' (a notice and its days) and the user's (a notice, and a late one if it was late),
for each calendar year its event touches. The case, its `licence_withdrawn` event and every tally are one
transaction conditional on each being as read: a notice given for the same premises meanwhile makes it read again,
never undo the other's count. A day of the premises' year is given back only when no other notice in that tally
holds it (or may: one that cannot be read keeps its days), since s.107(5) counts days, not notices' days."""
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from ...errors import Conflict, Unacceptable
from ...stamps import london_today, stamp
from ..shared.clock import date_words
from . import catalogue, wording
from .giving import tally_keys
from .ids import is_case
from .refund_rule import refund_due, rule_words

LONDON = ZoneInfo("Europe/London")
WITHDRAWABLE = ("given", "objected", "hearing")  # a counter notice has ended it already (s.104A, s.105)
BEFORE = timedelta(hours=24)
TRIES = 5


def begins(case):
    event = case.event or {}
    first = date.fromisoformat(event["first_day"])
    hh, mm = (int(x) for x in event.get("start", "00:00").split(":"))
    return datetime(first.year, first.month, first.day, hh, mm, tzinfo=LONDON)


def withdraw_notice(deps, case, why):
    """The notice withdrawn now, its tallies given back (the applicant's view); refused 422 within 24 hours of
    its event, 409 once it has ended."""
    from ...storage.licensing.licensing import EditConflict, TallyReadAgain
    from ..shared.effects import first_try
    from ..shared.events import new_event
    from .views import applicant_view
    for _ in range(TRIES):
        case = deps.licensing.get(case.id)
        if case.state == "withdrawn":
            return applicant_view(deps, case)
        if case.state not in WITHDRAWABLE:
            raise Conflict(wording.NOT_WITHDRAWABLE.format(state=case.state), code="not_withdrawable")
        now, start = deps.clock(), begins(case)
        if now > start - BEFORE:
            last = (start - BEFORE).astimezone(LONDON)
            raise Unacceptable(wording.TEN_WITHDRAWAL_TOO_LATE.format(
                begins=f"{start:%H:%M} on {date_words(start.date())}",
                last=f"{last:%H:%M} on {date_words(last.date())}"), code="ten_withdrawal_too_late")
        licence_type = catalogue.find(catalogue.of_council(deps), case.type_id) or {}
        refund = refund_due(licence_type, case, london_today(now), deps.calendar) if case.fee else "none"
        tallies = given_back(deps, case)
        expected = case.seq
        case.state, case.updated_at = "withdrawn", now
        case.decision = {**(case.decision or {}), "outcome": "withdrawn", "why": why, "by": deps.principal.user_id,
                         "at": stamp(now), "refund": refund, "rule": rule_words(licence_type, case, deps.calendar)}
        event = new_event(deps, "licence_withdrawn", now, case_id=case.id, type_id=case.type_id, refund=refund)
        try:
            deps.licensing.save(case, expected, listed=True, event=event, tallies=tallies)
        except (TallyReadAgain, EditConflict):
            continue  # a notice given or withdrawn for the premises or the user meanwhile, or the desk: again
        first_try(deps, [event])
        return applicant_view(deps, case)
    raise Conflict(wording.CHANGED_MEANWHILE, code="edit_conflict")


def given_back(deps, case):
    """The tallies as they become with `case` taken out of each, with the `seq` each was read at."""
    days = [date.fromisoformat(d) for d in (case.event or {}).get("days") or []]
    late = bool((case.event or {}).get("late"))
    keys = tally_keys(case, sorted({d.year for d in days}))
    read = deps.licensing.tallies([k for pair in keys.values() for k in pair])
    out = []
    for year, (premises_key, user_key) in keys.items():
        for key in (premises_key, user_key):
            if key not in read or case.id not in read[key][3]:
                continue  # not counted there (an old notice): nothing to give back
            count, late_count, held, notices, seq = read[key]
            others = [n for n in notices if n != case.id]
            kept = set(held)
            theirs = _days_of(deps, others) if key == premises_key else None
            if theirs is not None:
                kept -= {d.isoformat() for d in days if d.year == year} - theirs
            out.append((deps.licensing.tally(key, max(count - 1, 0), max(late_count - late, 0), kept, others, seq),
                        seq))
    return out


def _days_of(deps, notice_ids):
    """Every day the other notices hold, or None when one cannot be read (its days are not known: keep them all)."""
    held = set()
    for notice_id in notice_ids:
        other = deps.licensing.get(notice_id) if is_case(notice_id) else None
        if other is None or not other.event:
            return None
        held |= set(other.event.get("days") or [])
    return held
