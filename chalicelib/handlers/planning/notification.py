"""Who is told of a planning application and how long they have to comment, by the council's
jurisdiction (data/neighbour_notification.json, each rule with its law).

Scotland: the planning authority notifies the owners and occupiers of neighbouring land, land
within 20 metres of the site (the 2013 Regulations, regulations 3 and 18), who have 21 days to
make representations. England: the authority publicises by a site notice or by notice to
adjoining owners or occupiers, with at least 21 days to comment (the 2015 Order, article 15).
A jurisdiction not written takes England's, as working days do (workdays.division_of)."""
import json
from functools import cache
from pathlib import Path

from . import wording

DATA = Path(__file__).resolve().parents[2] / "data" / "neighbour_notification.json"


@cache
def _rules():
    return json.loads(DATA.read_text(encoding="utf-8"))


def rule_for(council):
    rules = _rules()
    return rules.get(council.jurisdiction) if council.jurisdiction in rules and council.jurisdiction != "about" \
        else rules["england"]


def shown(rule):
    """The rule as a resident reads it: its days, distance and law, and the sentence saying so."""
    words = wording.NOTIFIED_WITHIN if rule["within_m"] else wording.NOTIFIED_ADJOINING
    return {"days": rule["days"], "within_m": rule["within_m"],
            "rule": {k: rule[k] for k in ("id", "title", "url", "from")},
            "text": words.format(metres=rule["within_m"], days=rule["days"], title=rule["title"])}
