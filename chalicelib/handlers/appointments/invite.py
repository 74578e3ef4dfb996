"""An appointment as an iCalendar (RFC 5545) invite for its e-mails, written
with the few pieces the bin-day feed already uses (places/ics.py) rather
than the icalendar package, which the Lambda does not carry. The UID stays
the appointment's, and SEQUENCE rises with each change, so a calendar
updates the entry rather than adding a second."""
from datetime import timedelta

from ..places.ics import lines, plain, text, utc
from . import wording


def invite(appointment, service, now, cancel_url, move_url, cancelled=False):
    """The .ics file's text."""
    end = appointment.start + timedelta(minutes=service["minutes"])
    content = [("BEGIN", "VCALENDAR"), ("VERSION", "2.0"), ("PRODID", "-//Doorstep//Appointments//EN"),
               ("METHOD", "CANCEL" if cancelled else "PUBLISH"), ("BEGIN", "VEVENT"),
               ("UID", f"{appointment.uid or appointment.id}@doorstep"),
               ("SEQUENCE", str(appointment.seq_from + appointment.seq)), ("DTSTAMP", utc(now)),
               ("DTSTART", utc(appointment.start)), ("DTEND", utc(end)),
               ("SUMMARY", text(wording.invite_summary(service, appointment.start))), ("LOCATION", text(service["place"])),
               ("DESCRIPTION", text(wording.invite_description(service, appointment.id, cancel_url, move_url))),
               ("ORGANIZER;CN=" + plain(service["sender"]).replace(":", " ").replace(";", " "),
                "mailto:noreply@doorstep.invalid"),
               ("STATUS", "CANCELLED" if cancelled else "CONFIRMED"), ("END", "VEVENT"), ("END", "VCALENDAR")]
    return lines(content).decode("utf-8")


def attachment(appointment, service, now, cancel_url, move_url, cancelled=False):
    return {"filename": "appointment.ics", "content_type": "text/calendar; charset=utf-8",
            "content": invite(appointment, service, now, cancel_url, move_url, cancelled)}
