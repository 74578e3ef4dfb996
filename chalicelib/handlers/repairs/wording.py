"""What tenants and staff read about repairs (server side): each clock's
deadline in words."""
from datetime import datetime, time

# What falls due, by the clock's name (data/repair_clocks.json).
DUE = {"emergency": "A repairs operative's visit", "urgent": "Your repair", "routine": "Your repair",
       "right_to_repair": "Your repair", "emergency_hazard": "Making your home safe",
       "investigation": "The inspection", "written_summary": "Your written summary of the inspection",
       "safety_work": "The work to make your home safe", "further_work_begun": "The further work",
       "further_work_physically_begun": "The further work on site"}
SAID = {"on_time": "{what} is due by {when}.", "at_risk": "{what} is due by {when}.",
        "due_today": "{what} is due today, by {when}.", "late": "{what} was due by {when} and is late.",
        "met": "{what} was done in time.", "missed": "{what} was done late: it was due by {when}."}
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
    return SAID[state].format(what=DUE[deadline.name], when=when(deadline))
