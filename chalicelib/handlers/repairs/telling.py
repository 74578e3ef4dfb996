"""Each date a repair keeps that concerns its tenant, in words: its priority's
(or, for a qualifying repair, the Right to Repair's period, the stricter), and
for damp and mould Awaab's Law's inspection."""
from ...stamps import stamp
from . import clocks, wording


def deadlines(repair):
    """The repair's clocks (clocks.Deadline), from when the council became aware."""
    found = [clocks.for_priority(repair.priority, repair.aware_at)]
    if repair.right_to_repair_days:
        qualifying = clocks.right_to_repair(repair.aware_at, repair.right_to_repair_days)
        found = [qualifying if qualifying.due <= found[0].due else found[0]]
    if repair.damp_mould:
        found += clocks.awaab(repair.aware_at, emergency=repair.priority == "emergency")
    return found


def dates(repair, now):
    done_at = repair.updated_at if repair.status == "done" else None
    out = []
    for deadline in deadlines(repair):
        state = clocks.status(deadline, now, done_at)
        out.append({"clock": deadline.name, "due": stamp(deadline.due), "state": state,
                    "text": wording.said(deadline, state)})
    return out
