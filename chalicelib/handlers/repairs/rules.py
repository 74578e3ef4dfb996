"""The law a repair is kept under: its council's jurisdiction's Right to
Repair and damp and mould rules (data/repair_clocks.json), each a list of
versions with the day it starts, and the council's working days.

A repair keeps the version in force on the day the council became aware of
it, on the council's clock: a rule that changes on a date (Scotland's damp
and mould rules from 6 October 2026) applies to what was reported from that
day, and a repair reported the day before keeps the old rules to its end.
A jurisdiction, or a day, with no version has no such clock: its repairs
keep their priority's clock alone (a council's own policy).

A council's repairs contractors (data/repair_contractors.json, by council id)
are here too: its usual one and the others on its list, which a Scottish
secure tenant is told of when reporting a qualifying repair and may call when
the usual one is late. A council listed with no other is refused on first
read, as the regulations ask for at least one."""
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

CONTRACTORS = Path(__file__).resolve().parents[2] / "data" / "repair_contractors.json"
_contractors = {}


class ContractorDataError(ValueError):
    """repair_contractors.json lists a council without a usual contractor and another."""


@dataclass(frozen=True)
class Rules:
    council: str  # its id: whose contractors a tenant is told of (data/repair_contractors.json)
    jurisdiction: str
    calendar: object  # workdays.Calendar: the council's division's bank holidays and its own

    def in_force(self, kind, aware):
        """The version of `kind` in force on the day of `aware` (an aware datetime), or None."""
        from .clocks import LONDON, data
        day = aware.astimezone(LONDON).date()
        versions = data()["jurisdictions"].get(self.jurisdiction, {}).get(kind, ())
        started = [v for v in versions if date.fromisoformat(v["from"]) <= day]
        return max(started, key=lambda v: v["from"]) if started else None

    def right_to_repair(self, aware):
        return self.in_force("right_to_repair", aware)

    def damp_mould(self, aware):
        return self.in_force("damp_mould", aware)

    def period(self, repair_name, aware):
        """The Right to Repair's period in working days for the tree's repair reported at `aware`, or None."""
        rule = self.right_to_repair(aware)
        found = (rule or {}).get("qualifying", {}).get(repair_name)
        if not found:
            return None
        return found["days"] if in_season(aware, found.get("season")) else found["otherwise"]["days"]


    def contractors(self):
        """{"usual": {...}, "others": [...]} for the council, or None when it lists none."""
        if not _contractors:
            _contractors.update(checked_contractors(json.loads(CONTRACTORS.read_text())))
        return _contractors.get(self.council) if self.council != "about" else None


def in_season(aware, season):
    """Whether the day of `aware` falls in `season` ({"from": "MM-DD", "to": "MM-DD"}, both days counted,
    across the new year when from is later): England's heating is 1 day from 31 October to 1 May."""
    if not season:
        return True
    from .clocks import LONDON
    day = aware.astimezone(LONDON).strftime("%m-%d")
    if season["from"] <= season["to"]:
        return season["from"] <= day <= season["to"]
    return day >= season["from"] or day <= season["to"]


def checked_contractors(document):
    for council, listed in document.items():
        if council == "about":
            continue
        people = [listed.get("usual") or {}, *(listed.get("others") or [])]
        if len(people) < 2 or not all(p.get("name") and p.get("phone") for p in people):
            raise ContractorDataError(f"{council}: a usual contractor and at least one other, each named with a phone")
    return document


def of(deps):
    """The rules of the council the work is for."""
    return Rules(deps.council.id, deps.council.jurisdiction, deps.calendar)


def of_council(council):
    from ...workdays import calendar_for
    return Rules(council.id, council.jurisdiction, calendar_for(council))
