"""The clocks a repair keeps, from data/repair_clocks.json: its priority's (the
council's policy), and the law's: the Right to Repair's and the damp and mould
rules' of its jurisdiction, in the version rules.py chose. Pure functions of
the moment the clock starts (when the council became aware, or the
investigation), `now`, both aware datetimes, and the council's calendar;
nothing here reads a clock of its own.

A deadline falls due at an instant: `hours` after its start, or at the end (on
the council's calendar) of the last of its `working_days` (the council's, bank
and local holidays excluded, the starting day not counted) or of its `weeks`.
It is at risk from `at_risk` before that, due today on its last day, late after it.
"""
import json
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

DATA = Path(__file__).resolve().parents[2] / "data" / "repair_clocks.json"
LONDON = ZoneInfo("Europe/London")
UNITS = ("hours", "working_days", "weeks")
PERIODS = (1, 3, 7)  # the Right to Repair's periods in working days, in both jurisdictions' schedules
POLICY = "policy"  # the rule of a priority's clock: the council's own repairs policy
_loaded = {}


class ClockDataError(ValueError):
    """repair_clocks.json says something a clock cannot keep."""


@dataclass(frozen=True)
class Deadline:
    name: str  # emergency, urgent, routine, right_to_repair, investigation, written_summary...
    starts: datetime
    due: datetime  # the instant it is late from
    at_risk_from: datetime
    by_hours: bool  # said with its time of day ("by 3:30pm on ..."), else its day
    rule: str = POLICY  # which rule set it (data/repair_clocks.json's `rule`), said beside its date
    within: dict = field(default_factory=dict)  # its span ({"working_days": 3}), said beside its date

    @property
    def last_day(self):
        """The day it is due on the council's calendar (the last working day, for working days)."""
        return (self.due - timedelta(microseconds=1)).astimezone(LONDON).date() if not self.by_hours \
            else self.due.astimezone(LONDON).date()


def data():
    if not _loaded:
        _loaded.update(checked(json.loads(DATA.read_text())))
    return _loaded


def checked(document):
    """The document, unless a span, a start, a period or a version's date cannot be kept (ClockDataError)."""
    for name, rule in document["priorities"].items():
        _check(name, rule["within"]), _check(name, rule["at_risk"])
    for where, kinds in document["jurisdictions"].items():
        for kind, versions in kinds.items():
            if kind not in ("right_to_repair", "damp_mould") or not versions:
                raise ClockDataError(f"{where}: right_to_repair or damp_mould, each with at least one version")
            for version in versions:
                _version(f"{where}.{kind}", kind, version)
    return document


def _version(where, kind, version):
    try:
        date.fromisoformat(version["from"])
    except (KeyError, TypeError, ValueError):
        raise ClockDataError(f"{where}: each version has the date it starts (from)") from None
    if not version.get("rule") or not version.get("source"):
        raise ClockDataError(f"{where}: each version names its rule and its source")
    if kind == "damp_mould":
        for name, rule in version["clocks"].items():
            _check(name, rule["within"]), _check(name, rule["at_risk"])
            if rule["starts"] not in ("aware", "investigated"):
                raise ClockDataError(f"{where}.{name}: starts must be aware or investigated")
        return
    _check(where, version["at_risk"])
    periods = [*version["qualifying"].values(), *version.get("schedule", ())]
    seasonal = [q for q in version["qualifying"].values() if "season" in q]
    if any(not isinstance(q.get("otherwise"), dict) for q in seasonal):
        raise ClockDataError(f"{where}: a repair whose period has a season has the period otherwise")
    periods += [q["otherwise"] for q in seasonal]
    if any(q.get("days") not in PERIODS for q in periods):
        raise ClockDataError(f"{where}: a Right to Repair period is one of {PERIODS} working days")
    owed = version["compensation"]
    if owed.get("after") not in ("first_period", "second_period") or owed.get("days") not in ("calendar", "working"):
        raise ClockDataError(f"{where}: compensation runs after the first or second period, by calendar or working days")


def _check(name, span):
    if len(span) != 1 or next(iter(span)) not in UNITS or not isinstance(next(iter(span.values())), int) \
            or next(iter(span.values())) <= 0:
        raise ClockDataError(f"{name}: a span is one of {UNITS} with a positive whole number, not {span}")


def _end_of(day):
    return datetime.combine(day + timedelta(days=1), time(0), LONDON)


def deadline(name, starts, within, at_risk, calendar, rule=POLICY):
    """The Deadline `within` (one of hours, working_days, weeks) after `starts`, on the council's `calendar`."""
    (unit, amount), = within.items()
    if unit == "hours":
        due = starts + timedelta(hours=amount)
    elif unit == "working_days":
        due = _end_of(calendar.add_working_days(starts.astimezone(LONDON).date(), amount))
    else:
        due = _end_of(starts.astimezone(LONDON).date() + timedelta(weeks=amount))
    (risk_unit, risk), = at_risk.items()
    if risk_unit == "hours":
        risky = due - timedelta(hours=risk)
    else:
        last = (due - timedelta(microseconds=1)).astimezone(LONDON).date()
        risky = datetime.combine(calendar.working_days_before(last, risk) if risk_unit == "working_days"
                                 else last - timedelta(weeks=risk), time(0), LONDON)
    return Deadline(name, starts, due, max(risky, starts), unit == "hours", rule, dict(within))


def status(clock, now, done_at=None):
    """met, missed (done after it was due), late, due_today (working days and weeks), at_risk or on_time."""
    if done_at is not None:
        return "met" if done_at < clock.due else "missed"
    if now >= clock.due:
        return "late"
    if not clock.by_hours and now.astimezone(LONDON).date() == clock.last_day:
        return "due_today"  # a clock of hours is at risk in its last hours, whatever the day
    return "at_risk" if now >= clock.at_risk_from else "on_time"


def for_priority(priority, aware, calendar):
    rule = data()["priorities"].get(priority)
    if rule is None:
        raise ClockDataError(f"no such priority: {priority}")
    return deadline(priority, aware, rule["within"], rule["at_risk"], calendar)


def damp_mould(version, aware, calendar, investigated=None, emergency=False):
    """The damp and mould rule's deadlines (`version`, as rules.py chose it) for a hazard the council
    became aware of at `aware`: an emergency's 24 hours where the rule has them (Awaab's Law), else
    the investigation's, and, once `investigated`, those that run from it."""
    clocks = version["clocks"]
    names = ["emergency_hazard"] if emergency and "emergency_hazard" in clocks else ["investigation"]
    if investigated is not None:
        names += [name for name, rule in clocks.items() if rule["starts"] == "investigated"]
    return [deadline(name, aware if clocks[name]["starts"] == "aware" else investigated,
                     clocks[name]["within"], clocks[name]["at_risk"], calendar, version["rule"]) for name in names]


def right_to_repair(version, received, days, calendar, name="right_to_repair"):
    """A qualifying repair's period (1, 3 or 7 working days) under `version`, from the council's
    receipt of the tenant's notice, or of their request for another contractor."""
    if days not in PERIODS:
        raise ClockDataError(f"a Right to Repair period is one of {PERIODS} working days")
    return deadline(name, received, {"working_days": days}, version["at_risk"], calendar, version["rule"])


def compensation(version, period, done_at, calendar):
    """Pence owed under `version` when `period` (the Deadline the rule's compensation runs after) is
    missed: the base and a sum for each day after its last day until the repair is done (`done_at`,
    or now for what is owed so far), calendar or working days as the rule counts them, capped."""
    rule = version["compensation"]
    if done_at < period.due:
        return 0
    done_day = done_at.astimezone(LONDON).date()
    days_late = (done_day - period.last_day).days if rule["days"] == "calendar" \
        else calendar.working_days_between(period.last_day, done_day)
    return min(rule["base_pence"] + rule["per_day_pence"] * days_late, rule["most_pence"])
