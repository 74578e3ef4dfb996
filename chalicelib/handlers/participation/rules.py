"""Each committee's rules for taking part, as data
(chalicelib/data/participation_rules.json): the deadline as "N working days
before at HH:MM" London time, speakers per meeting and per item, minutes
each, for or against (planning), and written questions' deadline and words.
A committee names only what differs from the default. A council changes the
file, not the code."""
import json
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from ...workdays import is_working_day

DATA = Path(__file__).resolve().parents[2] / "data" / "participation_rules.json"
LONDON = ZoneInfo("Europe/London")
_loaded = {}


def _document():
    if not _loaded:
        _loaded.update(json.loads(DATA.read_text()))
    return _loaded


def _merged(base, over):
    return {k: (_merged(v, over[k]) if isinstance(v, dict) and isinstance(over.get(k), dict) else over.get(k, v))
            for k, v in base.items()}


def of_committee(committee_id):
    """The committee's rules: {"speak": {...}, "questions": {...}}."""
    document = _document()
    return _merged(document["default"], document["committees"].get(str(committee_id), {}))


def working_days_before(day, days):
    """The date `days` working days before `day` (`day` itself not counted):
    two before a Monday is the Thursday; a bank holiday between moves it back."""
    counted = 0
    while counted < days:
        day -= timedelta(days=1)
        if is_working_day(day):
            counted += 1
    return day


def deadline(meeting, rule):
    """The moment (aware, London) registrations or questions close for `meeting`."""
    day = datetime.strptime(meeting["date"], "%Y-%m-%d").date()
    hour, minute = (int(p) for p in rule["deadline"]["at"].split(":"))
    closes_on = working_days_before(day, int(rule["deadline"]["working_days"]))
    return datetime.combine(closes_on, time(hour, minute), LONDON)


def meeting_start(meeting):
    day = datetime.strptime(meeting["date"], "%Y-%m-%d").date()
    hour, minute = (int(p) for p in (meeting.get("time") or "00:00").split(":"))
    return datetime.combine(day, time(hour, minute), LONDON)


def meeting_ends(meeting):
    """When a link about the meeting stops working: the end of its day, London."""
    day = datetime.strptime(meeting["date"], "%Y-%m-%d").date()
    return datetime.combine(day + timedelta(days=1), time(0, 0), LONDON)
