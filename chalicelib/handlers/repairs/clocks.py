"""The clocks a repair keeps, from data/repair_clocks.json: its priority's,
the Right to Repair's and Awaab's Law's. Pure functions of the moment the
clock starts (when the council became aware, or the investigation) and `now`,
both aware datetimes; nothing here reads a clock of its own.

A deadline falls due at an instant: `hours` after its start, or at the end (on
the council's calendar) of the last of its `working_days` (England's, bank
holidays excluded, the starting day not counted) or of its `weeks`. It is at
risk from `at_risk` before that, due today on its last day, late after it.
"""
import json
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from ...workdays import add_working_days, working_days_before

DATA = Path(__file__).resolve().parents[2] / "data" / "repair_clocks.json"
LONDON = ZoneInfo("Europe/London")
UNITS = ("hours", "working_days", "weeks")
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

    @property
    def last_day(self):
        """The day it is due on the council's calendar (the last working day, for working days)."""
        return (self.due - timedelta(microseconds=1)).astimezone(LONDON).date() if not self.by_hours \
            else self.due.astimezone(LONDON).date()


def data():
    if not _loaded:
        document = json.loads(DATA.read_text())
        for name, rule in [*document["priorities"].items(), *document["awaab"]["clocks"].items()]:
            _check(name, rule["within"]), _check(name, rule["at_risk"])
            if rule["starts"] not in ("aware", "investigated"):
                raise ClockDataError(f"{name}: starts must be aware or investigated")
        _check("right_to_repair", document["right_to_repair"]["at_risk"])
        _loaded.update(document)
    return _loaded


def _check(name, span):
    if len(span) != 1 or next(iter(span)) not in UNITS or not isinstance(next(iter(span.values())), int) \
            or next(iter(span.values())) <= 0:
        raise ClockDataError(f"{name}: a span is one of {UNITS} with a positive whole number, not {span}")


def _end_of(day):
    return datetime.combine(day + timedelta(days=1), time(0), LONDON)


def deadline(name, starts, within, at_risk):
    """The Deadline `within` (one of hours, working_days, weeks) after `starts`."""
    (unit, amount), = within.items()
    if unit == "hours":
        due = starts + timedelta(hours=amount)
    elif unit == "working_days":
        due = _end_of(add_working_days(starts.astimezone(LONDON).date(), amount))
    else:
        due = _end_of(starts.astimezone(LONDON).date() + timedelta(weeks=amount))
    (risk_unit, risk), = at_risk.items()
    if risk_unit == "hours":
        risky = due - timedelta(hours=risk)
    else:
        last = (due - timedelta(microseconds=1)).astimezone(LONDON).date()
        risky = datetime.combine(working_days_before(last, risk) if risk_unit == "working_days"
                                 else last - timedelta(weeks=risk), time(0), LONDON)
    return Deadline(name, starts, due, max(risky, starts), unit == "hours")


def status(clock, now, done_at=None):
    """met, missed (done after it was due), late, due_today (working days and weeks), at_risk or on_time."""
    if done_at is not None:
        return "met" if done_at < clock.due else "missed"
    if now >= clock.due:
        return "late"
    if not clock.by_hours and now.astimezone(LONDON).date() == clock.last_day:
        return "due_today"  # a clock of hours is at risk in its last hours, whatever the day
    return "at_risk" if now >= clock.at_risk_from else "on_time"


def for_priority(priority, aware):
    rule = data()["priorities"].get(priority)
    if rule is None:
        raise ClockDataError(f"no such priority: {priority}")
    return deadline(priority, aware, rule["within"], rule["at_risk"])


def awaab(aware, investigated=None, emergency=False):
    """Awaab's Law's deadlines for a hazard the council became aware of at
    `aware`: the emergency's 24 hours, or the investigation's 10 working days
    and, once `investigated`, the summary, safety work and further work."""
    clocks = data()["awaab"]["clocks"]
    names = ["emergency_hazard"] if emergency else ["investigation"]
    if investigated is not None:
        names += ["written_summary", "safety_work", "further_work_begun", "further_work_physically_begun"]
    return [deadline(name, aware if clocks[name]["starts"] == "aware" else investigated,
                     clocks[name]["within"], clocks[name]["at_risk"]) for name in names]


def right_to_repair(received, days):
    """A qualifying repair's period (1, 3 or 7 working days) from the council's
    receipt of the tenant's notice, or of their request for another contractor."""
    rule = data()["right_to_repair"]
    if days not in rule["periods_working_days"]:
        raise ClockDataError(f"a Right to Repair period is one of {rule['periods_working_days']} working days")
    return deadline("right_to_repair", received, {"working_days": days}, rule["at_risk"])


def compensation(second, done_at):
    """Pence owed when the second contractor's period `second` (a Deadline) is
    missed: the base and a sum for each calendar day after its last day until
    the repair is done (`done_at`, or now for what is owed so far), capped."""
    rule = data()["right_to_repair"]["compensation"]
    if done_at < second.due:
        return 0
    days_late = (done_at.astimezone(LONDON).date() - second.last_day).days
    return min(rule["base_pence"] + rule["per_day_pence"] * days_late, rule["most_pence"])
