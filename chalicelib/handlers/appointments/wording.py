"""Every word the appointments capability says on the server: errors, and the
messages residents receive (the NHS booking-SMS guidance: the time, in person
or by phone or video, the place, who is sending it, how to cancel)."""

# A setup document's errors.
REQUIRED = "Required."
BAD_ID = "Must be lower-case letters, digits and '-', 2 to 60 characters."
NO_CALENDAR = "Is not a calendar in this document."
ONE_LENGTH = "A calendar serves services of one length: this one's differs from another on the same calendar."
BAD_QUESTION = "A question needs an id (lower-case letters, digits, '_') and a label."
BAD_SPAN = "Must be [\"HH:MM\", \"HH:MM\"], the first before the second."


def one_of(values):
    return f"Must be one of: {', '.join(values)}."


def between(low, high):
    return f"Must be a whole number from {low} to {high}."


def setup_refused(count):
    return f"The appointments setup has {count} error{'s' if count != 1 else ''}: each field names where."


# A resident's requests.
NO_SERVICE = "No such appointment service."
NO_APPOINTMENT = "No such appointment."
NOT_OFFERED = "That time is not one offered for this service (GET its slots)."
JUST_TAKEN = "Sorry, that time has just been taken. Here are the nearest other free times."
HOLD_ELSEWHERE = "You are already holding another time: book it or let it go first."
HOLD_EXPIRED = "We held that time for you for 10 minutes and the time has run out: choose a time again."
NOT_HELD = "That appointment is not waiting to be booked."
ANSWER_REQUIRED = "Answer this question."
NOT_AN_OPTION = "Choose one of the options."
TOO_LONG = "Is too long."
NOT_A_QUESTION = "Is not a question this service asks."
CONTACT_NEEDED = "Give a mobile number or an e-mail address so we can confirm and remind you."
BAD_PHONE = "Enter a UK mobile number, like 07700 900123."
BAD_EMAIL = "Enter an e-mail address, like name@example.com."
