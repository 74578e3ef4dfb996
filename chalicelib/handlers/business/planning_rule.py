"""Whether a business's use of its premises needs planning permission for
the change of use, from the use classes as data per jurisdiction
(chalicelib/data/use_classes.json): within one class no permission is needed
(it is not development); Scotland's permitted change from Class 1A to Class 3
holds within its limits; any other change, and any to or from sui generis,
needs permission (docs/decisions/starting-a-business.md)."""
import json
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "data" / "use_classes.json"
SUI_GENERIS = "sui generis"


@lru_cache(maxsize=1)
def data():
    return json.loads(DATA.read_text(encoding="utf-8"))


def activities():
    """Every activity a business may name, in the file's order."""
    return tuple(data()["activities"])


def rhl(activity):
    """Retail, hospitality or leisure: the lower multiplier's sector."""
    return bool(data()["activities"].get(activity, {}).get("rhl"))


def change(jurisdiction, last_use, activity):
    """{state, from_class, to_class, rule, source, url, limits}: state one of
    no_permission, permitted_if, permission_needed, unknown (no last use told
    or no classes held for the jurisdiction)."""
    rules = data().get(jurisdiction)
    if rules is None:
        return {"state": "unknown", "to_class": None, "from_class": None, "rule": None, "url": None}
    to = rules["classes"].get(activity)
    base = {"to_class": to, "from_class": None, "rule": rules["order"], "url": rules["url"]}
    if not last_use or last_use not in rules["classes"]:
        return {**base, "state": "unknown"}
    were = rules["classes"][last_use]
    base["from_class"] = were
    if last_use == activity or (SUI_GENERIS not in (were, to) and _class(rules, were) == _class(rules, to)):
        return {**base, "state": "no_permission", "rule": rules["same_class"]}
    for allowed in rules["permitted"]:
        if (allowed["from"], allowed["to"]) == (were, to):
            return {**base, "state": "permitted_if", "rule": allowed["source"], "limits": allowed["limits"]}
    return {**base, "state": "permission_needed"}


def _class(rules, name):
    """The class a sub-class belongs to (England's E(a) and E(b) are both Class E)."""
    return rules["within"].get(name, name)
