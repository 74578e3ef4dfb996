"""Opening hours of the staff desk, from settings (DOORSTEP_CHAT_HOURS), in
London time: "Mon-Fri 09:00-17:00; Sat 10:00-13:00". Outside them a resident
is told when an answer will come."""
import re
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from . import wording as words

LONDON = ZoneInfo("Europe/London")
DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
RULE = re.compile(r"^\s*([a-z]{3})(?:\s*-\s*([a-z]{3}))?\s+(\d{2}):(\d{2})\s*-\s*(\d{2}):(\d{2})\s*$", re.I)


def parse(spec):
    """{weekday 0-6: [(opens, closes)]}; a part that does not parse is ignored
    (a council's typo must not close the desk for ever: the default then holds)."""
    hours = {}
    for part in (spec or "").split(";"):
        m = RULE.match(part)
        if not m or m.group(1).lower() not in DAYS or (m.group(2) and m.group(2).lower() not in DAYS):
            continue
        first = DAYS.index(m.group(1).lower())
        last = DAYS.index(m.group(2).lower()) if m.group(2) else first
        opens, closes = time(int(m.group(3)), int(m.group(4))), time(int(m.group(5)), int(m.group(6)))
        for day in range(first, last + 1):
            hours.setdefault(day, []).append((opens, closes))
    return hours or parse("Mon-Fri 09:00-17:00")


def is_open(spec, now):
    local = now.astimezone(LONDON)
    return any(o <= local.time() < c for o, c in parse(spec).get(local.weekday(), []))


def next_opening(spec, now):
    """When the desk next opens (aware, London), or `now` when it is open."""
    if is_open(spec, now):
        return now
    hours = parse(spec)
    local = now.astimezone(LONDON)
    for ahead in range(8):
        day = local.date() + timedelta(days=ahead)
        for opens, _ in sorted(hours.get(day.weekday(), [])):
            moment = datetime.combine(day, opens, LONDON)
            if moment > local:
                return moment
    return None


def when_text(opening):
    """When the desk opens, said one way on the screen and in the desk's message: "Wednesday at 09:00"."""
    return words.OPENS_AT.format(opening=opening) if opening else words.OPENS_SOON


def view(spec, now):
    opening = next_opening(spec, now)
    open_now = opening == now
    return {"open": open_now, "hours": spec,
            "answer_from": None if open_now or opening is None else opening.isoformat(timespec="minutes"),
            "answer_from_text": None if open_now else when_text(opening)}


def closed_notice(spec, now, channels):
    when = when_text(next_opening(spec, now))
    if not channels:
        return words.CLOSED_NOW.format(hours=spec, when=when)
    named = words.CHANNELS_AND.join(words.CHANNEL_NAMES.get(c, c) for c in channels)
    return words.CLOSED_NOW_ALSO_SENT.format(hours=spec, when=when, channels=named)
