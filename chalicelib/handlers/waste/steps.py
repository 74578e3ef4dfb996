"""What a confirmed bulky collection waits for next in the bookings' `due`
index: its reminders, then its crew's job on the day."""
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from ...stamps import TIMEZONE
from ...storage.waste.bulky import CREW, REMIND
from .limits import CREW_HOUR, REMIND_DAYS, REMIND_HOUR


def next_step(booking, after):
    """What a confirmed collection waits for next, (kind, when): a reminder at
    REMIND_HOUR (London) 3 days, then 1 day, before it; after those, its crew's
    job at CREW_HOUR on the day (at once if that moment has passed)."""
    day = date.fromisoformat(booking.date)
    for days in REMIND_DAYS:
        moment = datetime.combine(day - timedelta(days=days), time(REMIND_HOUR), ZoneInfo(TIMEZONE))
        if moment > after:
            return REMIND, moment.astimezone(ZoneInfo("UTC"))
    return CREW, datetime.combine(day, time(CREW_HOUR), ZoneInfo(TIMEZONE)).astimezone(ZoneInfo("UTC"))
