"""Staff's repairs board: the open repairs late, due today or at risk, each
with its clocks' states, worst first. One Query of the sparse board index
reads only the repairs one of whose clocks is at risk now or past it, so the
board costs what it shows, not the repairs open and on time."""
from ...stamps import stamp
from . import clocks
from .rules import of
from .wording import by_rule
from .telling import deadlines, first_period

SHOWN = ("late", "due_today", "at_risk")  # the board's columns, worst first


def board(deps):
    now, rules = deps.clock(), of(deps)
    columns = {name: [] for name in SHOWN}
    found = deps.repairs.at_risk(now)
    for repair in found:
        states = [(d, clocks.status(d, now)) for d in deadlines(repair, rules)]
        worst = next((name for name in SHOWN if any(state == name for _, state in states)), None)
        if worst is None:
            continue  # its soonest clock was met or moved: nothing to show
        columns[worst].append({
            "id": repair.id, "address": repair.address, "priority": repair.priority, "trade": repair.trade,
            "status": repair.status, "appointment": repair.appointment, "aware_at": stamp(repair.aware_at),
            "clocks": [{"clock": d.name, "due": stamp(d.due), "state": state, "by": by_rule(d)} for d, state in states],
            "proposal": _proposal(repair, now, rules)})
    for rows in columns.values():
        rows.sort(key=lambda row: min(c["due"] for c in row["clocks"]))
    return {**columns, "read": len(found), "at": stamp(now)}


# What follows a first period run out, by who brings in another contractor under the law in force:
# England's tenant asks and the council sends a second; Scotland's tenant calls one from the list.
PROPOSALS = {"asked_by_tenant": "second_contractor", "instructed_by_tenant": "tenant_may_call_another"}


def _proposal(repair, now, rules):
    """What the board proposes once the Right to Repair's first period has run out and no second
    contractor is recorded yet: the council's to send (England) or the tenant's to call (Scotland)."""
    if repair.right_to_repair_days and repair.second_contractor_at is None and now >= first_period(repair, rules).due:
        law = rules.right_to_repair(repair.aware_at) or {}
        return PROPOSALS.get(law.get("other_contractor"), "second_contractor")
    return None
