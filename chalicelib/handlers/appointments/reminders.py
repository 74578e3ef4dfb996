"""The day-before reminders: a scheduled sweep (app.py's remind_appointments,
every 15 minutes; on one machine doorstep_cli/local/schedules.py, every
minute). From 09:00 London time, each booked appointment of tomorrow still
in the sparse reminder index is taken out of it with its reminder's event,
one transaction each, once; the text and e-mail follow from that event
(messages.py), so a sweep that dies part-way leaves the rest for the next.
GOV.UK Notify schedules only 24 hours ahead, so the schedule is ours."""
from datetime import time, timedelta

from ...storage.errors import EditConflict
from ..shared.events import new_event
from .slots import LONDON

REMIND_FROM = time(9)  # no texts in the night
REMINDER_EVENT = "appointment_reminder"


def every_quarter(deps):
    """The schedule's run: reminders written, waiting-list offers passed on."""
    from .waiting import pass_on
    return {"reminders": send_reminders(deps), "offers_passed_on": pass_on(deps)}


def send_reminders(deps):
    """Reminders for tomorrow's appointments: how many were written."""
    now = deps.clock()
    local = now.astimezone(LONDON)
    if local.time() < REMIND_FROM:
        return 0
    tomorrow, cursor, written = local.date() + timedelta(days=1), None, 0
    while True:
        page, cursor = deps.appointments.to_remind(tomorrow, cursor)
        for appointment_id, day_text in page:
            try:
                deps.appointments.remind(appointment_id, day_text, now,
                                         new_event(deps, REMINDER_EVENT, now, appointment_id=appointment_id))
                written += 1
            except EditConflict:
                pass  # another sweep took it, or it was cancelled or moved meanwhile
        if cursor is None:
            return written
