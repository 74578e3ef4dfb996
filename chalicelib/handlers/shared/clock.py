"""How a moment's time of day reads, the same in every capability's words
(GOV.UK style: "9am", "9:45am", "midday", "midnight", on the council's
clock); the screens write theirs with web/js/i18n.js formatClock, the same way."""
CLOCK = {"am": "{time}am", "pm": "{time}pm", "midday": "midday", "midnight": "midnight"}


def local(moment):
    """The aware `moment` on the council's clock (Europe/London)."""
    from zoneinfo import ZoneInfo
    from ...stamps import TIMEZONE
    return moment.astimezone(ZoneInfo(TIMEZONE))


def clock(moment):
    """A moment's time of day on the council's clock: "9am", "9:45am", "midday", "midnight"."""
    moment = local(moment)
    if moment.minute == 0 and moment.hour % 12 == 0:
        return CLOCK["midday" if moment.hour else "midnight"]
    time = f"{moment.hour % 12 or 12}" + (f":{moment.minute:02d}" if moment.minute else "")
    return CLOCK["am" if moment.hour < 12 else "pm"].format(time=time)


def day(moment):
    """A moment's day on the council's calendar: "Tuesday 1 December 2026"."""
    return date_words(local(moment))


def date_words(day):
    """A calendar day (a date, or its ISO text) as a person reads it: "Tuesday 26 January 2027"."""
    if isinstance(day, str):
        from datetime import date
        day = date.fromisoformat(day)
    return f"{day:%A} {day.day} {day:%B %Y}"
