"""The law a repair is kept under: its council's jurisdiction's Right to
Repair and damp and mould rules (data/repair_clocks.json), each a list of
versions with the day it starts, and the council's working days.

A repair keeps the version in force on the day the council became aware of
it, on the council's clock: a rule that changes on a date (Scotland's damp
and mould rules from 6 October 2026) applies to what was reported from that
day, and a repair reported the day before keeps the old rules to its end.
A jurisdiction, or a day, with no version has no such clock: its repairs
keep their priority's clock alone (a council's own policy)."""
from dataclasses import dataclass
from datetime import date

KINDS = ("right_to_repair", "damp_mould")


@dataclass(frozen=True)
class Rules:
    council: str  # its id: whose contractors a tenant is told of (contractors.py)
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
        return found["days"] if found else None


def of(deps):
    """The rules of the council the work is for."""
    return Rules(deps.council.id, deps.council.jurisdiction, deps.calendar)


def of_council(council):
    from ...workdays import calendar_for
    return Rules(council.id, council.jurisdiction, calendar_for(council))
