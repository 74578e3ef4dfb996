"""Each committee's rules for taking part: sets of rules as data
(chalicelib/data/participation_rules.json: the deadline as "N working days
before at HH:MM" London time, speakers per meeting and per item, minutes
each, for or against (planning), written questions' deadline and words),
and which set each committee follows, as democratic services choose it on
the desk (speaking_rules.py: kept in our own store with its audit, never a
file keyed by a committee's id). A committee not chosen for follows the
default set, and the desk says so."""
import json
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

DATA = Path(__file__).resolve().parents[2] / "data" / "participation_rules.json"
LONDON = ZoneInfo("Europe/London")
CHOSEN = "speaking_rules"  # the democracy store's document: {"chosen": {committee id: set}, "audit": [...]}
_loaded = {}


def _document():
    if not _loaded:
        _loaded.update(json.loads(DATA.read_text()))
    return _loaded


def _merged(base, over):
    return {k: (_merged(v, over[k]) if isinstance(v, dict) and isinstance(over.get(k), dict) else over.get(k, v))
            for k, v in base.items()}


def default_set():
    return _document()["default"]


def sets():
    """{name: the whole rules} of every set to choose from."""
    document = _document()
    default = document["sets"][document["default"]]
    return {name: _merged(default, over) for name, over in document["sets"].items()}


def chosen(deps):
    """({committee id: set name}, audit, version): one GetItem."""
    body, version = deps.democracy.versioned(CHOSEN)
    return dict((body or {}).get("chosen") or {}), list((body or {}).get("audit") or []), version


def of_committee(deps, committee_id):
    """The committee's rules: {"speak": {...}, "questions": {...}, "live": {...}}."""
    name = chosen(deps)[0].get(str(committee_id))
    every = sets()
    return every.get(name) or every[default_set()]


def deadline(meeting, rule, calendar):
    """The moment (aware, London) registrations or questions close for `meeting`: the rule's
    working days before it on the council's `calendar` (deps.calendar), the day itself not
    counted (two before a Monday is the Thursday; a holiday between moves it back)."""
    day = datetime.strptime(meeting["date"], "%Y-%m-%d").date()
    hour, minute = (int(p) for p in rule["deadline"]["at"].split(":"))
    closes_on = calendar.working_days_before(day, int(rule["deadline"]["working_days"]))
    return datetime.combine(closes_on, time(hour, minute), LONDON)


def meeting_start(meeting):
    day = datetime.strptime(meeting["date"], "%Y-%m-%d").date()
    hour, minute = (int(p) for p in (meeting.get("time") or "00:00").split(":"))
    return datetime.combine(day, time(hour, minute), LONDON)


def meeting_ends(meeting):
    """When a link about the meeting stops working: the end of its day, London."""
    day = datetime.strptime(meeting["date"], "%Y-%m-%d").date()
    return datetime.combine(day + timedelta(days=1), time(0, 0), LONDON)
