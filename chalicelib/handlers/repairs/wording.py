"""What tenants and staff read about repairs (server side): each clock's
deadline in words."""
from datetime import datetime, time

# What falls due, by the clock's name (data/repair_clocks.json).
DUE = {"emergency": "A repairs operative's visit", "urgent": "Your repair", "routine": "Your repair",
       "right_to_repair": "Your repair", "right_to_repair_second": "Your repair by a second contractor",
       "emergency_hazard": "Making your home safe",
       "investigation": "The inspection", "written_summary": "The written summary of the inspection",
       "safety_work": "The work to make your home safe", "further_work_begun": "The further work",
       "further_work_physically_begun": "The further work on site"}
SAID = {"on_time": "{what} is due by {when}.", "at_risk": "{what} is due by {when}.",
        "due_today": "{what} is due today, by {when}.", "late": "{what} was due by {when} and is late.",
        "met": "{what} was {done} in time.", "missed": "{what} was {done} late: it was due by {when}."}
# What meeting a clock is, where "done" is not the word: the summary's clock stops when it is recorded and
# sent to the tenant (inspecting.py), who did not write it; a visit is made.
DONE = {"written_summary": "sent to you", "emergency": "made"}
BOARD = {"on_time": "On time", "at_risk": "At risk", "due_today": "Due today", "late": "Late", "met": "Done in time",
         "missed": "Done late"}


def when(deadline):
    """"3:30pm on Saturday 19 December 2026" for hours, "Friday 8 January 2027" for days."""
    from ..shared.clock import clock, day
    if deadline.by_hours:
        return f"{clock(deadline.due)} on {day(deadline.due)}"
    from .clocks import LONDON
    return day(datetime.combine(deadline.last_day, time(12), LONDON))


def said(deadline, state):
    """The deadline in words for the tenant, in the state clocks.status gave."""
    return SAID[state].format(what=DUE[deadline.name], when=when(deadline), done=DONE.get(deadline.name, "done"))


# Which rule set a date (data/repair_clocks.json's `rule`), said beside it: "3 working days under ...".
RULES = {"policy": "our repairs policy", "right_to_repair_england": "the Right to Repair (England)",
         "right_to_repair_scotland": "the Right to Repair (Scotland)", "awaab": "Awaab's Law",
         "damp_mould_scotland": "Scotland's damp and mould rules"}
SPANS = {"hours": ("{n} hour", "{n} hours"), "working_days": ("{n} working day", "{n} working days"),
         "weeks": ("{n} week", "{n} weeks")}
BY_RULE = "{span} under {rule}"


def span(deadline):
    """"3 working days", "24 hours", "12 weeks"."""
    (unit, n), = deadline.within.items()
    return SPANS[unit][n != 1].format(n=n)


def by_rule(deadline):
    """"3 working days under the Right to Repair (Scotland)": the span and the rule that set a date."""
    return BY_RULE.format(span=span(deadline), rule=RULES[deadline.rule])

# Refusals and field messages
NO_HOMES = "We could not find a council home you rent. Link your council tax account to report a repair."
NO_SUCH_HOME = "You can report repairs only for the council home you rent."
HOMES_UNAVAILABLE = "We cannot check your tenancy just now. Try again in a few minutes, or call us."
NO_SUCH_REPAIR = "You have no repair with that reference."
NOT_A_REPAIR_FIELD = "This is not part of a repair."
BODY_NOT_OBJECT = "Send the repair as a JSON object."
NOT_IN_TREE = "Choose where the problem is, what it is and the issue from the list."
EMERGENCY = "This is an emergency: do not report it online. {do_now} Call {phone}."
DESCRIPTION = "Describe the problem in up to 500 characters."
PHONE = "Enter a phone number we can text, like 07700 900123."
PHOTOS = "Add at most {most} photos, each one you uploaded."
ACCESS = "Give access notes (pets, times, needs) in up to 300 characters each."
NO_CHOICE = "An emergency repair is not booked by choosing a time: an operative comes within 24 hours."
NOT_ORDERED = "We are still arranging your repair with our contractor. We will text you when you can choose a time."
SCHEDULER_DOWN = "We cannot reach our contractor's diary just now. Your repair is taken: try again later."
SLOT = "Choose one of the times offered: a date and AM or PM."
SLOT_GONE = "That time has just been taken. Choose another."
SLOT_NOT_OFFERED = "That time is not one we can offer now. Choose one of the times shown."
ALREADY_BOOKED = "This repair already has an appointment. Move it instead."
NOT_BOOKED = "This repair has no appointment to move or cancel."
CLOSED = "This repair is closed."
CHANGED = "This repair was changed at the same moment. Look at it again and try once more."

NO_BLOCK = "Your home is not in a block whose shared parts we look after. Call us to report this repair."
NOT_IN_YOUR_BLOCK = "There is no open repair with that reference in your block."
YOUR_OWN = "You reported this repair: it is counted as yours already."
ME_TOO_CLOSED = "This repair is closed: there is nothing to add to."

SUMMARY = "Write the inspection's summary for the tenant in up to 2000 characters."
ALREADY_INSPECTED = "This repair's inspection is recorded already."
NOT_QUALIFYING = "This repair is not a qualifying repair under the Right to Repair."
FIRST_NOT_LATE = "The first contractor's time has not run out yet."
SECOND_ALREADY = "A second contractor is already sent."
DONE_WHAT = "Say what was done in up to 500 characters."
CLOSED_BY_OFFICE = "closed by the office"  # why a repair's crew job ended when the desk closed the repair
CANCELLED_BY_TENANT = "cancelled by the tenant"  # why it ended when the tenant cancelled the repair


COMPENSATION = {
    "second_period": "Your repair was late twice under the Right to Repair, so you are owed {owed} in compensation. "
                     "We will pay it to your rent account.",
    "first_period": "Your repair was late under {rule}, so you are owed {owed} in compensation. We will pay it to "
                    "your rent account: you do not need to claim it."}
OWED_SO_FAR = ("Your repair is late under {rule}, so you are owed {owed} in compensation so far: {more} more for each "
               "working day until it is done, up to {most}. You do not need to claim it.")
CONTRACTORS = ("Under {rule} your repair is due within {span}. Our contractor is {usual} ({usual_phone}). If they "
               "are late you may ask another contractor on our list to do it instead: {others}.")
OTHER_CONTRACTOR = ("Our contractor is late. You may ask {name} on {phone}, on our list, to do your repair: "
                    "we pay them, and the same time to do it starts again when you ask.")
CONTRACTOR = "{name} on {phone}"


def compensation(pence, rule):
    """What a closed repair owes, in words, as the rule that owes it says."""
    from ..payments.core import pounds
    return COMPENSATION[rule["compensation"]["after"]].format(owed=pounds(pence), rule=RULES[rule["rule"]])


def owed_so_far(pence, rule):
    from ..payments.core import pounds
    owed = rule["compensation"]
    return OWED_SO_FAR.format(rule=RULES[rule["rule"]], owed=pounds(pence), more=pounds(owed["per_day_pence"]),
                              most=pounds(owed["most_pence"]))


# Texts
SUMMARY_READY = ("The written summary of the inspection for your council repair {reference} is ready. Read it in "
                 "the Doorstep app: Repairs, {reference}.")
CHOOSE_A_TIME = ("Your council repair {reference} is with our contractor. Choose a time for it in the Doorstep app: "
                 "Repairs, {reference}.")
