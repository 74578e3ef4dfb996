"""Every word the appointments capability says on the server: errors, and the
messages residents receive (the NHS booking-SMS guidance: the time, in person
or by phone or video, the place, who is sending it, how to cancel)."""

# How a time reads (GOV.UK style: "9am", "9:45am", "midday"), in every message and the
# API's `start_text`: shared/clock.py, as the bills' words write it too.
from ..shared.clock import clock, day as _day  # noqa: E402,F401  (clock: the appointments' own name for it)

WHEN = "{day} at {clock}"


def when(start):
    """How a resident reads a start: "Tuesday 1 December 2026 at 9:45am"."""
    return WHEN.format(day=_day(start), clock=clock(start))


# A setup document's errors.
REQUIRED = "Required."
BAD_ID = "Must be lower-case letters, digits and '-', 2 to 60 characters."
NO_CALENDAR = "Is not a calendar in this document."
ONE_LENGTH = "A calendar serves services of one length: this one's differs from another on the same calendar."
BAD_QUESTION = "A question needs an id (lower-case letters, digits, '_') and a label."
BAD_STAFF_LABEL = "A question's staff_label, when given, is the officer's words for it: text of 1 to 200 characters."
BAD_SPAN = "Must be [\"HH:MM\", \"HH:MM\"], the first before the second."


def one_of(values):
    return f"Must be one of: {', '.join(values)}."


def between(low, high):
    return f"Must be a whole number from {low} to {high}."


NOT_A_DAY = "Must be a date, like 2026-12-29."
NOT_IN_PERSON = "Only an appointment in person can be marked arrived: mark a call seen or did not attend."
# A place (calendar) named on a hold, a move or the waiting list.
CALENDAR_NOT_TEXT = "Must be a calendar's id, as text."
NOT_A_PLACE = "Is not a place that offers this service."
NOT_A_SETUP = "Must be an object with `services` and `calendars`."
# Other fields' own words, beside each field (422).
NOT_A_FIELD_HERE = "Is not a field here."
DATE_NOT_ISO = "Must be a date (YYYY-MM-DD)."
NOT_A_CALENDAR = "Is not a calendar."
CALLER_NAME_NEEDED = "Enter the caller's name."
TO_NOT_WITHIN_MONTH = "Must be after `from`, at most 31 days on."
NOT_A_MOMENT = "Must be a date and time with its zone, like 2026-12-29T09:00:00Z."


def setup_changed(version):
    return (f"The services and calendars changed since you read them: they are at version {version} now "
            f"(doorstep appointments list); load your file again with --if-match {version} if it still stands.")


def setup_refused(count):
    return f"The appointments setup has {count} error{'s' if count != 1 else ''}: each field names where."


# A resident's requests.
NO_SERVICE = "No such appointment service."
NO_APPOINTMENT = "No such appointment."
NOT_OFFERED = "That time cannot be booked now. Choose another time."
JUST_TAKEN = "Sorry, that time has just been taken. Here are the nearest other free times."
HOLD_ELSEWHERE = "You are already holding another time: book it or let it go first."
HOLD_EXPIRED = "We held that time for you for 10 minutes and the time has run out: choose a time again."
NOT_HELD = "That appointment is not waiting to be booked."
ANSWER_REQUIRED = "Answer this question."
NOT_AN_OPTION = "Choose one of the options."


def too_long(most):
    return f"Your answer must be {most} characters or fewer."


NOT_A_QUESTION = "Is not a question this service asks."
CONTACT_NEEDED = "Enter a mobile number or an email address so we can confirm your appointment and remind you."
CALL_NUMBER_NEEDED = "Enter the mobile number we should call you on."
CALLER_NUMBER_NEEDED = "Enter the caller's mobile number: the appointment is a call to it."
BAD_PHONE = "Enter a UK mobile number, like 07700 900123."
BAD_EMAIL = "Enter an email address, like name@example.com."


def contact_words(name_max):
    """A booking's contact fields' problems in their own words (validation.Problems' catalogue)."""
    return {"phone": {"invalid": BAD_PHONE, "length": BAD_PHONE},
            "name": {"length": f"Your name must be {name_max} characters or fewer."}}


LINK_NOT_VALID = "That link is not valid. Use the link in your latest message about the appointment."
LINK_EXPIRED = "That link has expired: the appointment time has passed."


def not_yet(day):
    """An officer's mark refused before the appointment's day."""
    return (f"This appointment is on {day:%A} {day.day} {day:%B %Y}: it can be marked arrived, seen or "
            f"did not attend from that day.")

# Messages. Each says the time, how (in person, by phone, by video), where,
# who sends it and how to cancel (the NHS booking-SMS guidance).
HOW = {"in_person": "in person", "phone": "by phone", "video": "by video"}
WHERE = {"in_person": "at {place}", "phone": "({place})", "video": "({place})"}


def what(service, when):
    return (f"{service['name']} {HOW[service['mode']]} on {when} "
            f"{WHERE[service['mode']].format(place=service['place'])}")


def confirmed_subject(service, when):
    return f"Appointment booked: {service['name']}, {when}"


def reminder_subject(service, when):
    return f"Reminder: {service['name']} tomorrow, {when}"


def moved_subject(service, when):
    return f"Appointment moved: {service['name']}, now {when}"


def email_body(kind, service, when, reference, cancel_url, move_url, feedback=None):
    """`feedback`: the link asking how booking went (a confirmation's)."""
    opening = {"confirmed": "Your appointment is booked.", "reminder": "A reminder of your appointment tomorrow.",
               "moved": "Your appointment has been moved to a new time."}[kind]
    asking = f"How was booking it? Tell us in a minute, without giving your name: {feedback}\n\n" if feedback else ""
    return (f"{opening}\n\n{what(service, when)}.\nReference: {reference}\n\n"
            f"To move it: {move_url}\nTo cancel it: {cancel_url}\n\n"
            f"The calendar file attached adds it to your calendar.\n\n{asking}From {service['sender']}\n")


def text_message(kind, service, when, cancel_url, move_url, feedback=None):
    # Both links: a cancel link cannot move, so one link offered "to cancel or move"
    # left a resident who wanted another time only the button that gives theirs up.
    opening = {"confirmed": "Booked", "reminder": "Reminder", "moved": "Moved"}[kind]
    asking = f" How was booking? {feedback}" if feedback else ""
    return (f"{service['sender']}: {opening}: {what(service, when)}. To move: {move_url} To cancel: {cancel_url}"
            f"{asking}")


def invite_summary(service, start):
    return f"{service['name']} at {clock(start)}"


def invite_description(service, reference, cancel_url, move_url):
    return f"{service['name']} ({HOW[service['mode']]}). Reference {reference}. Move: {move_url} Cancel: {cancel_url}"
TOO_LATE = "It is too late to change this appointment online: please phone us."
NOT_BOOKED = "This appointment is no longer booked, so the link cannot change it."


def moved(when, reference):
    """An old link of an appointment that was moved: where it went (a move gives it a new reference)."""
    return (f"This appointment was moved to {when}. Its new reference is {reference}: "
            f"use the links in the message about the new time to change it.")
ALREADY_WAITING = "You are already on the waiting list for this service."
NOT_WAITING = "You are no longer on the waiting list for this service."
NOT_EARLIER = "Give a time after now: we will tell you of a free time before it."


def offer_subject(service, when):
    return f"An earlier time is free: {service['name']}, {when}"


def offer_body(service, when, minutes, url, leave_url):
    return (f"You asked to be told of an earlier appointment.\n\n{what(service, when)} is free.\n"
            f"We are holding it for you for {minutes} minutes. To book it: {url}\n"
            f"If you do not book it, we offer it to the next person waiting. If you book it, it takes the place "
            f"of your later appointment for this service: you need not cancel that one.\n\n"
            f"To leave the waiting list: {leave_url}\n\nFrom {service['sender']}\n")


def offer_text(service, when, minutes, url):
    return f"{service['sender']}: earlier time free: {what(service, when)}. Held {minutes} min. Book: {url}"


def missed_subject(service, when):
    return f"We missed you: {service['name']}, {when}"


def missed_body(service, when, url):
    return (f"We are sorry we did not see you at your appointment: {what(service, when)}.\n\n"
            f"You can book another time here: {url}\n\nFrom {service['sender']}\n")


def missed_text(service, when, url):
    return f"{service['sender']}: we missed you at your {service['name']} on {when}. Book another time: {url}"


# Refusals: its state does not allow it, or it changed meanwhile.
CANNOT_MARK = "It cannot be marked {status} now."

# What an officer opened, in the audit's line of the reading (shared/reading.py).
READ_APPOINTMENT = "The appointment, with the resident's name, contact and answers"
