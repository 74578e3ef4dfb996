"""Which rules for taking part each committee follows, as democratic services
choose them on the meetings desk: every current committee with the set it
follows (or none: the default set applies, and a committee whose meetings
ahead have items the public may speak on is marked so), the sets to choose
from, and each change kept with who made it, when, and from what to what.
The choice is one versioned document (If-Match on its version): two officers
choosing at once cannot lose one's change."""
from ...errors import Stale
from ...stamps import stamp
from ...storage.errors import EditConflict
from ...validation import Problems
from . import rules, wording

AUDIT_KEPT = 200  # the newest changes kept with the choice; older ones fall off
AHEAD_DAYS = 365


def view(deps):
    """(body, etag): the two documents, a Query of the meetings ahead and a BatchGetItem of their items."""
    from datetime import timedelta
    from ..democracy.queries import today as london_today
    chosen, audit, version = rules.chosen(deps)
    kept = deps.democracy.document("committees")
    today = london_today(deps)
    ahead = deps.democracy.between(today.isoformat(), (today + timedelta(days=AHEAD_DAYS)).isoformat(), limit=500)
    # Items come whole only from the meetings themselves: one BatchGetItem of those ahead (the soonest 100).
    committee_of = {m["id"]: m["committee_id"] for m in ahead if not m.get("cancelled")}
    speaking = {committee_of[mid] for mid, m in deps.democracy.headings(list(committee_of)[:100]).items()
                if any(i.get("public_can_speak") and not i.get("heading") for i in m["items"])}
    committees = [{"id": c["id"], "title": c["title"], "rules": chosen.get(c["id"]),
                   "speaking_items_ahead": c["id"] in speaking}
                  for c in (kept[0] if kept else []) if c["current"]]
    every = rules.sets()
    body = {"committees": committees, "default": rules.default_set(),
            "sets": [{"name": name, **every[name]} for name in every], "audit": audit[::-1], "version": version}
    return body, f'"{version}"'


def choose(deps, body, version):
    """One committee's set chosen (or null: back to the default), audited."""
    problems = Problems()
    committee_id, name = body.get("committee_id"), body.get("rules")
    kept = deps.democracy.document("committees")
    known = {c["id"]: c["title"] for c in (kept[0] if kept else [])}
    if set(body) - {"committee_id", "rules"}:
        problems.add(sorted(set(body) - {"committee_id", "rules"})[0], wording.NOT_A_FIELD_HERE)
    if not isinstance(committee_id, str):
        problems.add("committee_id", wording.RULES_COMMITTEE)
    elif committee_id not in known:
        problems.rule("committee_id", wording.RULES_COMMITTEE)
    if name is not None and not isinstance(name, str):
        problems.add("rules", wording.RULES_SET.format(names=", ".join(rules.sets())))
    elif name is not None and name not in rules.sets():
        problems.rule("rules", wording.RULES_SET.format(names=", ".join(rules.sets())))
    problems.raise_if_any()
    chosen, audit, _ = rules.chosen(deps)
    before = chosen.get(committee_id)
    if name is None:
        chosen.pop(committee_id, None)
    else:
        chosen[committee_id] = name
    officer, now = deps.principal, deps.clock()
    entry = {"at": stamp(now), "by": officer.email or officer.user_id, "by_user_id": officer.user_id,
             "committee_id": committee_id, "committee_title": known[committee_id], "from": before, "to": name}
    try:
        deps.democracy.replace_versioned(rules.CHOSEN, {"chosen": chosen, "audit": (audit + [entry])[-AUDIT_KEPT:]},
                                         version, now)
    except EditConflict:
        current, etag = view(deps)
        raise Stale(current, etag) from None
    return view(deps)
