"""Our id of an application: its reference as one path segment, so a link
reads as the council's own reference ("24/01234/FUL" -> "24-01234-ful").
The rule is chalicelib/ids.planning_id: an agenda's sync names applications
by it too (democracy/planning_refs.py)."""
from ...ids import planning_id

ID_PATTERN = "^[a-z0-9][a-z0-9-]{0,79}$"


def of(reference):
    return planning_id(reference)
