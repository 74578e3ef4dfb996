"""What a repair's tenant is told: each date it keeps that concerns them, in
words (its priority's or, for a qualifying repair, the Right to Repair's
period, the stricter; for damp and mould Awaab's Law's inspection), and by
text, once, that they can choose a time when its order was placed late."""
from ...stamps import stamp
from . import clocks, wording


def deadlines(repair):
    """The repair's clocks (clocks.Deadline), from when the council became aware."""
    found = [clocks.for_priority(repair.priority, repair.aware_at)]
    if repair.right_to_repair_days:
        qualifying = first_period(repair)
        if repair.second_contractor_at is not None:
            qualifying = second_period(repair)
        found = [qualifying if qualifying.due <= found[0].due or repair.second_contractor_at else found[0]]
    if repair.damp_mould:
        found += clocks.awaab(repair.aware_at, investigated=repair.investigated_at,
                              emergency=repair.priority == "emergency")
    return found


def first_period(repair):
    return clocks.right_to_repair(repair.aware_at, repair.right_to_repair_days)


def second_period(repair):
    from dataclasses import replace
    return replace(clocks.right_to_repair(repair.second_contractor_at, repair.right_to_repair_days),
                   name="right_to_repair_second")


def done_at(repair, deadline):
    """When what the deadline asks was done, or None."""
    done = {"investigation": repair.investigated_at, "emergency_hazard": repair.investigated_at,
            "written_summary": repair.summary_at}
    if deadline.name in done:
        return done[deadline.name]
    return repair.done_at


def open_deadlines(repair):
    return [d for d in deadlines(repair) if done_at(repair, d) is None]


def dates(repair, now):
    out = []
    for deadline in deadlines(repair):
        state = clocks.status(deadline, now, done_at(repair, deadline))
        out.append({"clock": deadline.name, "due": stamp(deadline.due), "state": state,
                    "text": wording.said(deadline, state)})
    return out


class TextNotSent(Exception):
    """The SMS service did not take the text: the effect is tried again."""


def on_ordered(deps, event, key):
    from ...notify import SENT
    from ...notify.sms import send_sms
    from ...validation import e164
    repair = deps.repairs.get(event.payload["repair_id"])
    if repair is None or repair.status != "reported" or repair.priority == "emergency" or \
            not repair.contact.get("phone"):
        return
    words = wording.CHOOSE_A_TIME.format(reference=repair.id)
    if send_sms(e164(repair.contact["phone"]), words, deps.settings, deps.clock(), deps.new_opaque_id) != SENT:
        raise TextNotSent(f"repair {repair.id}: the text to choose a time was not sent")


def on_inspected(deps, event, key):
    """The tenant told by text that the inspection's written summary is theirs to read, once."""
    from ...notify import SENT
    from ...notify.sms import send_sms
    from ...validation import e164
    repair = deps.repairs.get(event.payload["repair_id"])
    if repair is None or not repair.summary or not repair.contact.get("phone"):
        return
    words = wording.SUMMARY_READY.format(reference=repair.id)
    if send_sms(e164(repair.contact["phone"]), words, deps.settings, deps.clock(), deps.new_opaque_id) != SENT:
        raise TextNotSent(f"repair {repair.id}: the text of the summary was not sent")
