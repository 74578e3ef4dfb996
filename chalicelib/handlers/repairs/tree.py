"""The triage and repair tree, from data/repair_tree.json: the emergencies a
tenant is asked about first (each goes to the phone, never online), then
location -> problem -> issue, whose issue names a repair: the council's code,
a trade and a priority. Whether it qualifies under the Right to Repair is the
law's, by jurisdiction (data/repair_clocks.json, rules.py).

Checked when first read: a tree that names a repair, trade, phone or priority
it does not define, an id twice among siblings, or a jurisdiction's qualifying
repair it does not have, is refused whole, so a
council's edit cannot leave a tenant at a dead end or a repair without a clock.
"""
import json
import re
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "data" / "repair_tree.json"
ID = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_loaded = {}


class TreeDataError(ValueError):
    """repair_tree.json names something it does not define, or repeats an id."""


@dataclass(frozen=True)
class Repair:
    name: str
    code: str  # the council's own (opaque) code for the work, sent to the scheduler
    trade: str
    priority: str  # emergency, urgent or routine (data/repair_clocks.json)
    damp_mould: bool = False  # starts the damp and mould clocks of its jurisdiction's rules


def tree():
    if not _loaded:
        _loaded.update(checked(json.loads(DATA.read_text())))
    return _loaded


def checked(document):
    """The document, unless it breaks a rule above (TreeDataError naming where)."""
    from .clocks import data as clocks
    priorities = clocks()["priorities"]
    phones, trades, repairs = document["phones"], set(document["trades"]), document["repairs"]
    _unique("emergencies", document["emergencies"])
    for emergency in document["emergencies"]:
        if emergency.get("call") not in phones or not emergency.get("do_now") or not emergency.get("label"):
            raise TreeDataError(f"emergency {emergency['id']}: a label, what to do now and a known phone")
    used = set()
    _unique("locations", document["locations"])
    for location in document["locations"]:
        _unique(location["id"], location["problems"])
        for problem in location["problems"]:
            _unique(f"{location['id']}.{problem['id']}", problem["issues"])
            for issue in problem["issues"]:
                where = f"{location['id']}.{problem['id']}.{issue['id']}"
                if issue.get("repair") not in repairs or not issue.get("label"):
                    raise TreeDataError(f"{where}: a label and a repair defined under repairs")
                used.add(issue["repair"])
    for name, repair in repairs.items():
        if not repair.get("code") or repair.get("trade") not in trades or repair.get("priority") not in priorities:
            raise TreeDataError(f"repair {name}: a code, a known trade and a known priority")
    for where, kinds in clocks()["jurisdictions"].items():
        for version in kinds.get("right_to_repair", ()):
            if set(version["qualifying"]) - set(repairs):
                raise TreeDataError(f"{where}: qualifying repairs the tree has not: {sorted(set(version['qualifying']) - set(repairs))}")
    if set(repairs) - used:
        raise TreeDataError(f"repairs no issue names: {sorted(set(repairs) - used)}")
    return document


def _unique(where, nodes):
    ids = [node.get("id", "") for node in nodes]
    bad = [i for i in ids if not ID.match(i)] or sorted({i for i in ids if ids.count(i) > 1})
    if bad or not nodes:
        raise TreeDataError(f"{where}: ids are short snake_case words, each once, and there is at least one ({bad})")


def emergencies(council_phone=None):
    """Each emergency with the number to call put in: the council's own (`council_phone`, its settings'
    branding) for those the council attends, else the tree's."""
    document = tree()
    phones = {**document["phones"], **({"council": council_phone} if council_phone else {})}
    return [{**e, "phone": phones[e["call"]]} for e in document["emergencies"]]


def repair(location, problem, issue):
    """The Repair the three answers lead to, or None when they lead nowhere."""
    for place in tree()["locations"]:
        if place["id"] != location:
            continue
        for found in place["problems"]:
            if found["id"] != problem:
                continue
            for leaf in found["issues"]:
                if leaf["id"] == issue:
                    rule = tree()["repairs"][leaf["repair"]]
                    return Repair(leaf["repair"], rule["code"], rule["trade"], rule["priority"],
                                  bool(rule.get("damp_mould")))
    return None


def phone_of(council):
    """The number a council's tenants call in an emergency it attends: its settings' branding phone."""
    return ((council.document or {}).get("branding") or {}).get("phone")


def communal(location):
    """True for a location that is a shared part of a block (the stairs' lights, the door entry, the lift)."""
    return any(place["id"] == location and place.get("communal") for place in tree()["locations"])


def questions(council_phone=None):
    """The tree as the screen asks it: labels and ids, no codes, trades or priorities."""
    return {"emergencies": emergencies(council_phone),
            "locations": [{"id": place["id"], "label": place["label"], "communal": bool(place.get("communal")),
                           "problems": [
                {"id": p["id"], "label": p["label"], "issues": [{"id": i["id"], "label": i["label"]}
                                                                for i in p["issues"]]}
                for p in place["problems"]]} for place in tree()["locations"]]}
