"""A place's free hours over some weeks, and a block booking checked whole.

Free hours: the calendar's open hours (no reads), less what is taken: one
Query of the place's taken hours over the window, reading only those. A
block's check: its dates' hours read by key (one BatchGetItem for up to 100
hours), each date then free, taken (with what takes it) or closed (a
closure, a bank holiday, outside the hours), so the hirer sees every clash
before paying and nothing is ever half booked in silence."""
from datetime import date, timedelta

from ... import validation
from ...errors import ValidationFailed
from .limits import MAX_BLOCK_HOURS, MAX_SESSION_HOURS, MAX_VIEW_DAYS, MAX_WEEKS, VIEW_DAYS
from .places import current, hire_date, iso, is_closed, open_hours, place_or_404, session_hours, today
from .wording import BLOCK_TOO_LONG, BODY_NOT_OBJECT, DATE, HOURS, START, WEEKS


def free(deps, place_id, query):
    """GET /v1/hire/places/{id}/times?from=&days=: each day's open hours, each free or not."""
    place = place_or_404(deps, place_id)
    problems = validation.Problems()
    first = today(deps)
    if query.get("from"):
        asked = hire_date(query["from"], "from", problems, deps.calendar)
        first = max(first, date.fromisoformat(asked or first.isoformat()))
    days = validation.number(query.get("days", VIEW_DAYS), "days", problems, 1, MAX_VIEW_DAYS) or VIEW_DAYS
    problems.raise_if_any()
    days = int(days)
    taken = {start for start, *_ in _taken(deps, place["id"], first, first + timedelta(days=days))}
    now = iso(deps.clock())
    out = []
    for n in range(days):
        day = first + timedelta(days=n)
        hours = open_hours(place, day, deps.calendar)
        out.append({"date": day.isoformat(), "closed": not hours,
                    "hours": [{"start": h, "free": h not in taken and h > now} for h in hours]})
    return {"place": place["id"], "days": out}


def _taken(deps, place_id, first, last):
    from datetime import datetime, time
    from .places import LONDON
    lo, hi = (iso(datetime.combine(d, time(0), LONDON)) for d in (first, last))
    now = deps.clock()
    return [t for t in deps.hire.taken_between(place_id, lo, hi)
            if not (t[1] == "held" and t[3] is not None and t[3] < now)]  # a lapsed hold is free


def parse_block(body, problems, holidays):
    """(first date, start "HH:00", hours, weeks) of a session or block request."""
    first = hire_date(body.get("date"), "date", problems, holidays)
    start = body.get("start")
    if not isinstance(start, str) or len(start) != 5 or not start.endswith(":00") or not validation.digits(start[:2]) \
            or not 0 <= int(start[:2]) <= 23:
        problems.add("start", START)
    hours, weeks = body.get("hours"), body.get("weeks", 1)
    if isinstance(hours, bool) or not isinstance(hours, int) or not 1 <= hours <= MAX_SESSION_HOURS:
        problems.add("hours", HOURS.format(max=MAX_SESSION_HOURS))
    if isinstance(weeks, bool) or not isinstance(weeks, int) or not 1 <= weeks <= MAX_WEEKS:
        problems.add("weeks", WEEKS.format(max=MAX_WEEKS))
    if not problems.items and hours * weeks > MAX_BLOCK_HOURS:
        problems.rule("weeks", BLOCK_TOO_LONG.format(most=MAX_BLOCK_HOURS))
    if first is None and "date" not in dict(problems.items + problems.rules):
        problems.add("date", DATE)
    return (date.fromisoformat(first) if first else None), start, hours, weeks


def sessions_of(place, first, start, hours, weeks, holidays):
    """[{date, start, hours: [UTC starts], open}] of each week's session (shut on the council's `holidays`)."""
    out = []
    for week in range(weeks):
        day = first + timedelta(days=7 * week)
        wanted = session_hours(day, start, hours)
        out.append({"date": day.isoformat(), "start": start, "hours": wanted,
                    "open": not is_closed(place, day, holidays) and set(wanted) <= set(open_hours(place, day, holidays))})
    return out


def checked(deps, place, first, start, hours, weeks):
    """Each session with its state: free, taken (someone's hours), held (hours held for someone paying, with
    `held_until`: when they are let go if the payment never comes), blocked (staff closed it) or closed."""
    sessions = sessions_of(place, first, start, hours, weeks, deps.calendar)
    taken = deps.hire.taken_at(place["id"], [h for s in sessions if s["open"] for h in s["hours"]])
    now = deps.clock()
    for s in sessions:
        clash = [h for h in s["hours"] if h in taken
                 and not (taken[h][0] == "held" and taken[h][2] is not None and taken[h][2] < now)]
        # staff's maintenance block is "blocked" (the resident reads "closed", never the block's reason,
        # which is staff's own note); a session with any hour booked or held by a hirer is "taken"
        s["state"] = "closed" if not s["open"] else (
            "free" if not clash else "blocked" if all(taken[h][0] == "blocked" for h in clash)
            else "held" if all(taken[h][0] == "held" for h in clash) else "taken")
        if s["state"] == "held":
            s["held_until"] = max(taken[h][2] for h in clash if taken[h][2] is not None)
        if s["state"] == "free" and s["hours"][0] <= iso(now):
            s["state"] = "past"
    return sessions


def clash_of(session, *extra):
    """A session's date and state as a hirer is shown it (a held one with when it is let go)."""
    from ...stamps import stamp
    out = {k: session[k] for k in ("date", *extra, "state")}
    if session["state"] == "held":
        out["held_until"] = stamp(session["held_until"])
    return out


def check(deps, place_id, body):
    """POST /v1/hire/places/{id}/check: a session or block checked whole, before anything is held."""
    place = place_or_404(deps, place_id, current(deps))
    problems = validation.Problems()
    if not isinstance(body, dict):
        raise ValidationFailed([("body", BODY_NOT_OBJECT)])
    first, start, hours, weeks = parse_block(body, problems, deps.calendar)
    problems.raise_if_any()
    sessions = checked(deps, place, first, start, hours, weeks)
    return {"place": place["id"], "sessions": [clash_of(s, "start") for s in sessions],
            "free": sum(s["state"] == "free" for s in sessions),
            "clashes": [s["date"] for s in sessions if s["state"] != "free"]}
