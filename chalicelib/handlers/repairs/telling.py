"""What a repair's tenant is told: each date it keeps that concerns them, in
words with the rule that set it (its priority's or, for a qualifying repair,
the Right to Repair's period, the stricter; for damp and mould the
inspection its jurisdiction's rules set), and by text, once, that they can
choose a time when its order was placed late. Every clock is counted on the
council's calendar under the rules in force the day it was reported (rules.py)."""
from ...stamps import stamp
from . import clocks, wording


def deadlines(repair, rules):
    """The repair's clocks (clocks.Deadline), from when the council became aware."""
    found = [clocks.for_priority(repair.priority, repair.aware_at, rules.calendar)]
    if repair.right_to_repair_days and rules.right_to_repair(repair.aware_at):
        qualifying = first_period(repair, rules)
        if repair.second_contractor_at is not None:
            qualifying = second_period(repair, rules)
        found = [qualifying if qualifying.due <= found[0].due or repair.second_contractor_at else found[0]]
    law = rules.damp_mould(repair.aware_at) if repair.damp_mould else None
    if law is not None:
        found += clocks.damp_mould(law, repair.aware_at, rules.calendar, investigated=repair.investigated_at,
                                   emergency=repair.priority == "emergency")
    return found


def first_period(repair, rules):
    return clocks.right_to_repair(rules.right_to_repair(repair.aware_at), repair.aware_at,
                                  repair.right_to_repair_days, rules.calendar)


def second_period(repair, rules):
    return clocks.right_to_repair(rules.right_to_repair(repair.aware_at), repair.second_contractor_at,
                                  repair.right_to_repair_days, rules.calendar, name="right_to_repair_second")


def compensation(repair, rules, now):
    """Pence owed so far (or when done) under the repair's Right to Repair: 0 while nothing is owed."""
    law = rules.right_to_repair(repair.aware_at) if repair.right_to_repair_days else None
    if law is None:
        return 0
    if law["compensation"]["after"] == "second_period":
        if repair.second_contractor_at is None:
            return 0
        period = second_period(repair, rules)
    else:
        period = first_period(repair, rules)
    return clocks.compensation(law, period, repair.done_at or now, rules.calendar)


def contractors(repair, now, rules, law):
    """Where the tenant may instruct another contractor (Scotland's Right to Repair): who the usual and
    the listed others are; once the first period has run out on an open repair, the other offered and
    the compensation owed so far."""
    out = {"contractors_text": None, "other_contractor": None, "compensation_so_far": None,
           "compensation_so_far_text": None}
    found = rules.contractors()
    if law is None or law.get("other_contractor") != "instructed_by_tenant" or found is None:
        return out
    period = first_period(repair, rules)
    others = "; ".join(wording.CONTRACTOR.format(**other) for other in found["others"])
    out["contractors_text"] = wording.CONTRACTORS.format(
        rule=wording.RULES[law["rule"]], span=wording.span(period),
        usual=found["usual"]["name"], usual_phone=found["usual"]["phone"], others=others)
    if now is None or repair.status in ("done", "cancelled") or now < period.due:
        return out
    other = found["others"][0]
    out["other_contractor"] = {**other, "text": wording.OTHER_CONTRACTOR.format(**other)}
    owed = compensation(repair, rules, now)
    out.update(compensation_so_far=owed, compensation_so_far_text=wording.owed_so_far(owed, law))
    return out


def done_at(repair, deadline):
    """When what the deadline asks was done, or None."""
    done = {"investigation": repair.investigated_at, "emergency_hazard": repair.investigated_at,
            "written_summary": repair.summary_at}
    if deadline.name in done:
        return done[deadline.name]
    return repair.done_at


def open_deadlines(repair, rules):
    return [d for d in deadlines(repair, rules) if done_at(repair, d) is None]


def dates(repair, now, rules):
    out = []
    for deadline in deadlines(repair, rules):
        state = clocks.status(deadline, now, done_at(repair, deadline))
        out.append({"clock": deadline.name, "due": stamp(deadline.due), "state": state,
                    "text": wording.said(deadline, state), "rule": deadline.rule, "by": wording.by_rule(deadline)})
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
