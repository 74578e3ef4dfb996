"""A category's published target, and a report's time open against it.

The target is the category's due-date rule (storage/staff/due_rules.py, the one
staff's due dates come from) at its usual priority: "We aim to fix potholes
within 20 working days", said before Send, on the sent screen and on the
report page. How long a report has been open is counted in the same working
days (weekends and the council's own holidays skipped: deps.calendar), and past the target it
is "overdue" for everyone to see, as FixMyStreet shows it (its issue 2378).
The staff's own due date (a priority's, or set by hand) stays theirs.
"""
from ... import states
from ...stamps import london_today

DEFAULT_TEXT = "We aim to deal with {category} reports within {days}"
WE_AIM = "We aim"


def target(deps, service, bodies=None):
    """{"working_days", "text"} from the category's rule, or None without one.
    A category may word it itself (`target_text`, "{days}" for "20 working days").
    bodies: the names of who takes the report, when the point has decided it:
    the target is theirs, and says so ("North Yorkshire Council aims to ...")."""
    if not service or deps.due_rules is None:
        return None
    rule = deps.due_rules.get(service["service_code"])
    if rule is None:
        return None
    days = int(rule.working_days)
    span = f"{days} working day{'' if days == 1 else 's'}"
    text = (service.get("target_text") or DEFAULT_TEXT).replace("{days}", span).replace(
        "{category}", service.get("name", service["service_code"]).lower())
    return {"working_days": days, "text": whose(text, bodies), **({"rule": rule.basis} if rule.basis else {}),
            **({"by": " and ".join(bodies)} if bodies else {})}


def whose(text, bodies):
    """"We aim to ..." as the body's own: "North Yorkshire Council aims to ..." (several: "A and B aim to")."""
    if not bodies or not text.startswith(WE_AIM):
        return text
    return f"{' and '.join(bodies)} {'aims' if len(bodies) == 1 else 'aim'}{text[len(WE_AIM):]}"


def working_days_open(report, today, calendar):
    """Working days on the council's `calendar` from the day it came (not counted) to `today`;
    None where the calendar has no data."""
    from ...workdays import NoHolidayData
    try:
        return calendar.working_days_between(london_today(report.created_at), today)
    except NoHolidayData:
        return None


def _falls_on(report, days, calendar):
    """{"date": the day the target falls on} from the day the report came, so a complaint's maker is told the
    date of their answer and not a sum to do; {} where the calendar has no data for it."""
    from ...workdays import NoHolidayData
    try:
        return {"date": calendar.add_working_days(london_today(report.created_at), days).isoformat()}
    except NoHolidayData:
        return {}


def against_target(deps, report, service, bodies=None):
    """What the public sees of a report's time: the category's target (the
    bodies', when known: who it went to) and, while it is open,
    {"working_days_open", "overdue"}; {} without a target."""
    aim = target(deps, service, bodies)
    if aim is None:
        return {}
    from .placement import rule_calendar
    calendar = rule_calendar(deps, deps.due_rules.get(service["service_code"]))
    out = {"target": {**aim, **_falls_on(report, aim["working_days"], calendar)}}
    if states.is_open(report.state):
        days = working_days_open(report, london_today(deps.clock()), calendar)
        if days is not None:
            out.update({"working_days_open": days, "overdue": days > aim["working_days"]})
    return out
