"""A council's repairs contractors (data/repair_contractors.json): its usual
one and the others on its list, which a Scottish secure tenant is told of
when reporting a qualifying repair and may call when the usual one is late.
Checked on first read: a council listed with no other contractor is refused,
as the regulations ask for at least one."""
import json
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "data" / "repair_contractors.json"
_loaded = {}


class ContractorDataError(ValueError):
    """repair_contractors.json lists a council without a usual contractor and another."""


def checked(document):
    for council, listed in document.items():
        if council == "about":
            continue
        people = [listed.get("usual") or {}, *(listed.get("others") or [])]
        if len(people) < 2 or not all(p.get("name") and p.get("phone") for p in people):
            raise ContractorDataError(f"{council}: a usual contractor and at least one other, each named with a phone")
    return document


def of(council_id):
    """{"usual": {...}, "others": [...]} for the council, or None when it lists none."""
    if not _loaded:
        _loaded.update(checked(json.loads(DATA.read_text())))
    return _loaded.get(council_id) if council_id != "about" else None
