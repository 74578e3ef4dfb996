"""When a consultation opens and closes, in the council's time (Europe/London).

A consultation names its moments as London wall-clock times to the second
("2026-06-14T23:59:59"). They are kept in UTC. A closing moment names the
last second responses are taken in: closing at 23:59:59, a response at
23:59:59.9 is taken and one at 00:00:00 is refused. A wall-clock time the
clocks skip (01:30 on the last Sunday of March) or repeat (01:30 on the last
Sunday of October) is refused on load: the loader says which they mean with
an offset ("2026-10-25T01:30:00+01:00")."""
import re
from datetime import datetime, timedelta, timezone

ZONE = "Europe/London"
ONE_SECOND = timedelta(seconds=1)
MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})?$")
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _zone():
    from zoneinfo import ZoneInfo
    return ZoneInfo(ZONE)


def parse(value):
    """(the UTC moment, None) or (None, what is wrong with `value`: a key of
    wording.MOMENT_PROBLEMS, as wording reads this module's moment_words)."""
    if not isinstance(value, str) or not MOMENT.match(value):
        return None, "not_a_moment"
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None, "not_a_real_moment"
    if moment.tzinfo is not None:
        return moment.astimezone(timezone.utc), None
    zone = _zone()
    early, late = moment.replace(tzinfo=zone, fold=0), moment.replace(tzinfo=zone, fold=1)
    utc = early.astimezone(timezone.utc)
    if utc.astimezone(zone).replace(tzinfo=None) != moment:
        return None, "skipped_hour"
    if early.utcoffset() != late.utcoffset():
        return None, "repeated_hour"
    return utc, None


def local(moment):
    return moment.astimezone(_zone())


def london_iso(moment):
    """The moment as London wall-clock time with its offset ("2026-06-14T23:59:59+01:00")."""
    return local(moment).isoformat()


def status(consultation, now):
    """forthcoming, open or closed, at `now`."""
    if now < consultation.opens_at:
        return "forthcoming"
    return "open" if now < consultation.closes_at + ONE_SECOND else "closed"


def time_words(moment):
    """"11:59:59pm", "9am", "10:30am", "midnight", "midday" (GOV.UK's style)."""
    at = local(moment)
    if (at.hour, at.minute, at.second) == (0, 0, 0):
        return "midnight"
    if (at.hour, at.minute, at.second) == (12, 0, 0):
        return "midday"
    hour = at.hour % 12 or 12
    clock = f"{hour}:{at.minute:02d}:{at.second:02d}" if at.second else f"{hour}:{at.minute:02d}" if at.minute \
        else f"{hour}"
    return f"{clock}{'am' if at.hour < 12 else 'pm'}"


def day_words(moment):
    """"Sunday 14 June 2026", the London date of `moment`."""
    at = local(moment)
    return f"{at:%A} {at.day} {at:%B %Y}"


def moment_words(moment):
    """"11:59:59pm on Sunday 14 June 2026"."""
    return f"{time_words(moment)} on {day_words(moment)}"


def day(value):
    """A results-due date "2026-09-01": (date, None) or (None, what is wrong: as parse's)."""
    from datetime import date
    if not isinstance(value, str) or not DAY.match(value):
        return None, "not_a_day"
    try:
        return date.fromisoformat(value), None
    except ValueError:
        return None, "not_a_real_date"
