"""A case's statutory clocks, from its regime's version (law.py) and the day
the council received it, on the council's calendar. Pure: the caller hands in
the day (London's date), the calendar and what has happened since (whether
there are relevant representations, the hearing's day).

A clock's last day is counted from its start, the starting day never counted
("28 consecutive days starting on the day after the application was given";
"20 working days beginning with the day after the end of the period"), unless
its data says `counted` ("5 working days beginning with the day of the
hearing": the hearing's day is the first). A clock that starts from another
runs from that one's last day; one marked `if` (a hearing, only when there are
relevant representations) is given with `conditional` until it is known."""
from calendar import monthrange
from datetime import date, timedelta


def add_months(day, months):
    """The same day `months` later, or the month's last day (31 August + 6 months is 28 February)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def last_day(clock, start, calendar):
    """The last day of `clock` (law data) running from `start` (a date)."""
    if "working_days" in clock:
        days = clock["working_days"]
        if clock.get("counted") and calendar.is_working_day(start):
            days -= 1  # the starting day is the first of them
        return calendar.add_working_days(start, days) if days else start
    if "months" in clock:
        return add_months(start, clock["months"])
    return start + timedelta(days=clock["days"] - (1 if clock.get("counted") else 0))


def clocks(version, received, calendar, relevant_representations=None, hearing=None):
    """[{name, last_day, words, source, checked, conditional}] in the law's order: each clock of the
    version run from the day received (or from the clock it names). `hearing` (a date) once it is set:
    the decision runs from it; until then a decision that starts from the hearing runs from the
    hearing clock's last day (the latest the law allows)."""
    found, out = {}, []
    for name, clock in (version.get("clocks") or {}).items():
        starts = clock["starts"]
        if starts == "received":
            start = received
        elif starts == "hearing" and hearing is not None:
            start = hearing
        else:
            start = found[starts]
        day = hearing if name == "hearing" and hearing is not None else last_day(clock, start, calendar)
        found[name] = day
        conditional = bool(clock.get("if")) and relevant_representations is not True
        if clock.get("if") and relevant_representations is False:
            continue  # no relevant representations: no hearing, and nothing runs from it
        out.append({"name": name, "last_day": day.isoformat(), "words": clock["words"], "source": clock["source"],
                    "checked": clock["checked"], "conditional": conditional})
    return out


def last_day_of(case_clocks, name):
    """The last day (a date) of the case's clock `name`, or None."""
    found = next((c for c in case_clocks or () if c["name"] == name), None)
    return date.fromisoformat(found["last_day"]) if found else None
