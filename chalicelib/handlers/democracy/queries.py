"""The meetings routes' query strings checked, every problem named at once (400)."""
import re
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from ...validation import Problems, page_limit
from . import limits, wording

LONDON = ZoneInfo("Europe/London")
ID = re.compile(limits.ID_PATTERN)


def today(deps):
    return deps.clock().astimezone(LONDON).date()


def _day(params, name, problems):
    value = params.get(name)
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        problems.add(name, wording.DATE)
        return None


def _limit(params, problems):
    return page_limit(params, problems, limits.LIMIT_DEFAULT, limits.LIMIT_MAX, wording.LIMIT)


def _ward(params, problems):
    raw = params.get("ward") or ""
    if len(raw) > limits.WARD_MAX:
        problems.add("ward", wording.WARD)
    return raw.strip() or None


def span(params, problems, first, last):
    """(from, to): given, or first and last; in order and at most a year apart."""
    start, end = _day(params, "from", problems), _day(params, "to", problems)
    start, end = start or first, end or last
    if start > end or (end - start).days > limits.SPAN_DAYS:
        problems.rule("to", wording.SPAN)  # each date well formed: a rule between them (422)
    return start, end


def listing(deps, params):
    """{when, from, to, committee, ward, limit} of GET /v1/meetings."""
    problems = Problems()
    when = params.get("when") or "ahead"
    if when not in ("ahead", "past"):
        problems.add("when", wording.WHEN)
    now = today(deps)
    first, last = ((now, now + timedelta(days=limits.AHEAD_DAYS)) if when != "past"
                   else (now - timedelta(days=limits.PAST_DAYS), now - timedelta(days=1)))
    start, end = span(params, problems, first, last)
    committee = params.get("committee") or None
    if committee is not None and not ID.match(committee):
        problems.add("committee", wording.COMMITTEE)
    found = {"when": when, "from": start.isoformat(), "to": end.isoformat(), "committee": committee,
             "ward": _ward(params, problems), "limit": _limit(params, problems)}
    problems.raise_if_any()
    return found


def forthcoming(params):
    problems = Problems()
    key = params.get("key")
    if key not in (None, "", "true", "false"):
        problems.add("key", wording.KEY)
    found = {"key": None if key in (None, "") else key == "true", "ward": _ward(params, problems)}
    problems.raise_if_any()
    return found


def search(deps, params):
    problems = Problems()
    raw = params.get("q") or ""
    words = raw.strip()
    if not limits.QUERY_MIN <= len(raw) <= limits.QUERY_MAX:
        problems.add("q", wording.QUERY)
    elif len(words) < limits.QUERY_MIN:
        problems.rule("q", wording.QUERY)  # long enough, but blank
    now = today(deps)
    start, end = span(params, problems, now - timedelta(days=limits.PAST_DAYS - 90), now + timedelta(days=90))
    found = {"q": words, "from": start.isoformat(), "to": end.isoformat(), "limit": _limit(params, problems)}
    problems.raise_if_any()
    return found


def decisions(deps, params):
    problems = Problems()
    now = today(deps)
    start, end = span(params, problems, now - timedelta(days=limits.PAST_DAYS), now)
    found = {"from": start.isoformat(), "to": end.isoformat(), "limit": _limit(params, problems)}
    problems.raise_if_any()
    return found


def ids(**given):
    """Path ids checked (digits, as Modern.gov's are): a 400 naming each that is not."""
    problems = Problems()
    for name, value in given.items():
        if not ID.match(value or ""):
            problems.add(name, wording.ID)
    problems.raise_if_any()
