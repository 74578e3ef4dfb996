"""The licensing law by jurisdiction (data/licensing_law.json): each regime a
list of versions with the day it starts and its source, checked when first
read, so a mistake in the file stops the first licensing request with what is
wrong rather than counting a wrong date. A case keeps the version in force on
the day the council received it; a temporary event notice's limits, the
version in force on 1 January of the year counted (s.107 counts by the
calendar year of the event)."""
import json
from datetime import date
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "data" / "licensing_law.json"
REGIMES = ("premises_licence", "temporary_event_notice", "occasional_licence", "short_term_let", "taxi_driver",
           "taxi_vehicle", "private_hire_operator", "street_trading")
MISSED = ("none", "tacit_consent", "deemed_granted", "deemed_refused")
UNITS = ("days", "working_days", "months")
_loaded = {}


class LawDataError(ValueError):
    """licensing_law.json says something a clock or a limit cannot keep."""


def document():
    if not _loaded:
        _loaded.update(checked(json.loads(DATA.read_text())))
    return _loaded


def regimes(jurisdiction):
    """{regime: [versions]} of a jurisdiction (Wales's are England's: one Act for both)."""
    found = document()["jurisdictions"].get(jurisdiction) or {}
    if "same_as" in found:
        found = document()["jurisdictions"][found["same_as"]]
    return found


def version(jurisdiction, regime, day):
    """The version of `regime` in force on `day` (a date), or None (no such regime, or not yet law)."""
    started = [v for v in regimes(jurisdiction).get(regime, ()) if date.fromisoformat(v["from"]) <= day]
    return max(started, key=lambda v: v["from"]) if started else None


def for_purpose(version, purpose, day):
    """The version as it applies to `purpose` on `day`: a purpose with its own procedure in the law's data (a
    premises licence's minor variation, ss.41A-41B: its own clocks, no hearing, refused when undecided) replaces
    the version's clocks and what follows a missed decision; any other purpose runs the version's own."""
    own = ((version or {}).get("purposes") or {}).get(purpose)
    if not own or date.fromisoformat(own["from"]) > day:
        return version
    return {**version, **{k: v for k, v in own.items() if k != "from"}, "purpose_from": own["from"]}


def purpose_in_force(jurisdiction, regime, purpose, day):
    """Whether the law's data gives `purpose` of `regime` its own procedure on `day`."""
    own = ((version(jurisdiction, regime, day) or {}).get("purposes") or {}).get(purpose)
    return bool(own) and date.fromisoformat(own["from"]) <= day


def checked(doc):
    for where, kinds in doc["jurisdictions"].items():
        if "same_as" in kinds:
            if kinds["same_as"] not in doc["jurisdictions"]:
                raise LawDataError(f"{where}: same_as names no jurisdiction")
            continue
        for regime, versions in kinds.items():
            if regime not in REGIMES or not versions:
                raise LawDataError(f"{where}.{regime}: not a regime ({', '.join(REGIMES)}), or no version")
            for v in versions:
                _version(f"{where}.{regime}", v)
                for purpose, own in (v.get("purposes") or {}).items():
                    _version(f"{where}.{regime}.{purpose}", own)
                _checks(f"{where}.{regime}", v.get("checks"))
    return doc


def _checks(where, checks):
    """A regime's checks of the person (a taxi driver's DBS, NR3S): each with its words and source; a check the
    law asks for before a grant, at most how many months apart during the licence, what NR3S records."""
    for name, check in (checks or {}).items():
        every = check.get("every_months_max")
        if not check.get("words") or not check.get("source") or not isinstance(check.get("checked"), bool) or (
                every is not None and (not isinstance(every, int) or every < 1)) or not set(
                check.get("record_on") or ()) <= {"refused", "revoked", "suspended"}:
            raise LawDataError(f"{where}.checks.{name}: its words, source, whether checked; every_months_max whole "
                               "months; record_on some of refused, revoked, suspended")


def _version(where, v):
    try:
        date.fromisoformat(v["from"])
    except (KeyError, TypeError, ValueError):
        raise LawDataError(f"{where}: each version has the date it starts (from)") from None
    if not v.get("source") or not isinstance(v.get("checked"), bool):
        raise LawDataError(f"{where} from {v['from']}: a source, and whether it was checked (true or false)")
    if v.get("missed") not in MISSED or not v.get("missed_words"):
        raise LawDataError(f"{where} from {v['from']}: missed is one of {', '.join(MISSED)}, with its words")
    names = set(v.get("clocks") or {})
    for name, clock in (v.get("clocks") or {}).items():
        units = [u for u in UNITS if u in clock]
        if len(units) != 1 or not isinstance(clock[units[0]], int) or clock[units[0]] < 1:
            raise LawDataError(f"{where}.{name}: one span, whole {' or '.join(UNITS)} from 1")
        if clock.get("starts") != "received" and clock.get("starts") not in names - {name}:
            raise LawDataError(f"{where}.{name}: starts at received or at another clock's last day")
        if not clock.get("words") or not clock.get("source") or not isinstance(clock.get("checked"), bool):
            raise LawDataError(f"{where}.{name}: its words, its source and whether it was checked")
    appeal = v.get("appeal")
    if appeal is not None and not (
            isinstance(appeal, dict) and appeal.get("to") and appeal.get("source")
            and isinstance(appeal.get("days"), int) and appeal["days"] >= 1 and isinstance(appeal.get("checked"), bool)
            and appeal.get("who") and set(appeal["who"]) <= {"applicant", "objectors"}):
        raise LawDataError(f"{where}: an appeal says to whom, within whole days, who may make it (applicant, "
                           "objectors), its source and whether it was checked")
    term = v.get("term_max_months")
    if term is not None and (not isinstance(term, int) or term < 1):
        raise LawDataError(f"{where}: term_max_months is whole months, or null (no end)")
