"""A temporary event notice given: its timing and the yearly limits decided
at the moment it is given, which is the moment its fee is paid (the Act: a
notice is accompanied by its fee, s.100(7)(b)), on the provider's word.

Timing (s.100A): the working days strictly between the day it is given and
the event's first day (neither counted), on the council's calendar: 10 or
more, a standard notice; 5 to 9, a late one; fewer, none can be given.

Limits (s.107), per calendar year of the event's days (an event over the new
year counts in both): the premises' notices and days, the premises user's
notices and late notices. Each is a tally item (storage/licensing), written
with the case in one transaction conditional on every tally being as read:
two people giving the last notice for one premises at once both read the
same count, one transaction is written, the other fails on its tally, reads
again and is refused in words that say the limit. A notice refused is kept
(state refused, with why) before its fee is refunded, so a refund interrupted
is made again when the payment's hook is told again."""
import copy
import logging
from datetime import date, datetime, timedelta

from ...stamps import london_today
from . import law, wording
from ..shared.clock import date_words

log = logging.getLogger(__name__)
TRIES = 5


def event_days(first_day, start, hours):
    """The dates (London) an event from `start` ("HH:MM") on `first_day` for `hours` touches."""
    from zoneinfo import ZoneInfo
    london = ZoneInfo("Europe/London")
    hh, mm = (int(x) for x in start.split(":"))
    begins = datetime(first_day.year, first_day.month, first_day.day, hh, mm, tzinfo=london)
    ends = begins + timedelta(hours=hours)
    days, day = [], first_day
    while datetime(day.year, day.month, day.day, tzinfo=london) < ends:
        days.append(day)
        day += timedelta(days=1)
    return days


def timing(calendar, given_day, first_day, notice):
    """("standard" | "late" | None, the working days between): `notice` is the version's notice rule."""
    between = calendar.working_days_between(given_day, first_day - timedelta(days=1))
    low, high = notice["late_working_days"]
    if between >= notice["standard_working_days"]:
        return "standard", between
    return ("late" if low <= between <= high else None), between


def last_day_to_give(calendar, first_day, working_days):
    """The last day a notice can be given with `working_days` working days between it and the event."""
    return calendar.working_days_before(first_day, working_days) - timedelta(days=1)


def tally_keys(case, years):
    return {year: (f"premises#{case.premises_key}#{year}", f"user#{case.user_id}#{year}") for year in years}


def decide(deps, case, now):
    """The notice given or refused, at `now`: ("given" | "refused" | "moved", the case as now stored).
    "moved": someone else decided it first (the case was no longer paying for its payment)."""
    from ...storage.licensing.licensing import EditConflict, TallyReadAgain
    for _ in range(TRIES):
        fresh = deps.licensing.get(case.id)
        if fresh is None or fresh.state != "paying":
            return "moved", fresh
        outcome, tallies = _decided(deps, fresh, now)
        expected = fresh.seq
        try:
            deps.licensing.save(fresh, expected, was="paying", listed=outcome == "given",
                                event=_event(deps, fresh, outcome, now), tallies=tallies)
            return outcome, fresh
        except TallyReadAgain:
            continue  # another notice for the premises or its user was given meanwhile: decide again
        except EditConflict:
            return "moved", deps.licensing.get(case.id)
    raise RuntimeError(f"notice {case.id}: its tallies kept changing")


def _decided(deps, case, now):
    """(outcome, tallies to write) with `case` changed to what it becomes: given (its clocks set) or refused."""
    from .clocks import clocks
    calendar, event = deps.calendar, dict(case.event or {})
    today = london_today(now)
    first = date.fromisoformat(event["first_day"])
    version = law.version(deps.council.jurisdiction, case.regime, today)
    kind, between = timing(calendar, today, first, version["notice"])
    case.updated_at = now
    if kind is None:
        low = version["notice"]["late_working_days"][0]
        return _refuse(case, "ten_too_late", wording.TEN_TOO_LATE.format(
            first_day=date_words(first), working_days=between,
            last_day=date_words(last_day_to_give(calendar, first, low)))), []
    days = [date.fromisoformat(d) for d in event["days"]]
    years = sorted({d.year for d in days})
    keys = tally_keys(case, years)
    read = deps.licensing.tallies([k for pair in keys.values() for k in pair])
    writes = []
    for year in years:
        limits = law.version(deps.council.jurisdiction, case.regime, date(year, 1, 1))["limits"]
        premises_key, user_key = keys[year]
        refused = _over(case, year, limits, kind, read.get(premises_key), read.get(user_key),
                        [d.isoformat() for d in days if d.year == year])
        if refused:
            return _refuse(case, *refused), []
        for key in (premises_key, user_key):
            count, late, held, notices, seq = read.get(key) or (0, 0, [], [], 0)
            grown = set(held) | ({d.isoformat() for d in days if d.year == year} if key == premises_key else set())
            writes.append((deps.licensing.tally(key, count + 1, late + (kind == "late"), grown,
                                                notices + [case.id], seq), seq))
    case.state, case.received_at, case.refused = "given", now, None
    case.event = {**event, "late": kind == "late", "working_days_given": between}
    case.law = {"regime": case.regime, "from": version["from"], "source": version["source"]}
    case.clocks = clocks(version, today, calendar)
    return "given", writes


def _over(case, year, limits, kind, premises, user, new_days):
    """(code, words) of the first limit this notice would pass in `year`, or None."""
    count, _, held, _, _ = premises or (0, 0, [], [], 0)
    # The premises' address, what the limits count by: the name given may be the event's ("Summer Fete"),
    # which has had no notices of its own.
    name = (case.premises or {}).get("address") or case.premises_key
    if count >= limits["per_premises"]:
        return "ten_premises_limit", wording.TEN_PREMISES_LIMIT.format(
            premises=name, count=count, year=year, limit=limits["per_premises"], source=limits["source"])
    total = len(set(held) | set(new_days))
    if total > limits["days_per_premises"]:
        return "ten_days_limit", wording.TEN_DAYS_LIMIT.format(
            premises=name, used=len(held), year=year, total=total, limit=limits["days_per_premises"],
            source=limits["source"])
    given, late, _, _, _ = user or (0, 0, [], [], 0)
    personal = bool((case.event or {}).get("personal_licence"))
    most = limits["per_personal_licence_holder" if personal else "per_user"]
    most_late = limits["late_per_personal_licence_holder" if personal else "late_per_user"]
    who = wording.WHO_PERSONAL if personal else wording.WHO_NOT_PERSONAL
    if given >= most:
        return "ten_user_limit", wording.TEN_USER_LIMIT.format(count=given, year=year, who=who, limit=most,
                                                               source=limits["source"])
    if kind == "late" and late >= most_late:
        return "ten_late_limit", wording.TEN_LATE_USER_LIMIT.format(count=late, year=year, who=who, limit=most_late,
                                                                    source=limits["source"])
    return None


def _refuse(case, code, words):
    case.state, case.refused = "refused", {"code": code, "words": f"{words} {wording.FEE_REFUNDED}"}
    return "refused"


def refusal(deps, case, now):
    """What giving the notice now would refuse, asked before its fee is (start, pay): (code, words saying
    nothing was charged), or None. The moment of giving decides again (decide): a notice given meanwhile
    may still take the last place, and that one's fee is refunded."""
    trial = copy.deepcopy(case)
    if _decided(deps, trial, now)[0] != "refused":
        return None
    words = trial.refused["words"].removesuffix(f" {wording.FEE_REFUNDED}")
    return trial.refused["code"], f"{words} {wording.NOTHING_CHARGED}"


def _event(deps, case, outcome, now):
    from ..shared.events import new_event
    kind = "licence_notice_given" if outcome == "given" else "licence_notice_refused"
    return new_event(deps, kind, now, event_id=f"licence.{case.id}.{outcome}", case_id=case.id,
                     type_id=case.type_id)
