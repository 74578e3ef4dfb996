"""What hiring a place says to a hirer: the fields' checks in GOV.UK's words,
the terms, the emails that follow a booking's events, and the refusals a hirer
or an officer (cancelling, returning a deposit, blocking hours) may meet."""

HIRER_TYPE = "Choose who is hiring: a resident, a community group or a business"
DATE = "Enter the date of the first session"
DATE_RANGE = "Enter a date from {first} to {last}: the council's calendar goes no further"
START = "Choose a start time on the hour"
HOURS = "Choose from 1 to {max} hours"
WEEKS = "Choose from 1 to {max} weeks"
TERMS = "You must accept the terms of hire"
HIRER_NAME = "Enter the name of the group or business"
CALLER_NAME = "Enter the caller's name, or their group's or business's"
KINDS = {"hall": "Hall", "room": "Room", "pitch": "Pitch"}
TERMS_TEXT = ("The hirer leaves the place as they found it. The deposit is returned, in part or whole, once an "
              "officer has checked the place after the last session. Cancelling a session refunds its hire by "
              "the notice given: {rules}; none with less notice.")
RULE = "{percent}% with at least {notice}"
DESCRIPTION = "{place}: {sessions} ({first})"
AT_WHEN = "on {day} at {time}"
SESSIONS = {"one": "{count} session", "other": "{count} sessions"}

CONFIRMED_SUBJECT = "Your booking {id} of {place} is confirmed"
CONFIRMED_BODY = ("Thank you. Your booking {id} of {place} is confirmed and paid for.\n\n"
                  "Sessions:\n{sessions}\n\nHire: {amount}\nDeposit: {deposit}\nTotal paid: {total}\n\n"
                  "You can see and cancel sessions here: {link}\n\n"
                  "How was booking with us? Tell us in a minute, without giving your name: {feedback}\n")
CANCELLED_SUBJECT = "A session of booking {id} is cancelled"
CANCELLED_BODY = "Your session on {when} at {place} (booking {id}) is cancelled.\n\n{refund}"
REFUND_LINE = "{amount} ({percent}% of its hire, for {notice} notice) is being refunded to the card you paid with.\n"
NO_REFUND_LINE = "With {notice} notice, the terms give no refund.\n"
DEPOSIT_SUBJECT = "Your deposit for booking {id}"
DEPOSIT_BODY = "Your deposit of {deposit} for booking {id}: {returned} is being refunded.\n\nThe officer's reason: {reason}\n"
REFUNDED_LATE_SUBJECT = "Your booking {id} was not made"
REFUNDED_LATE_BODY = ("Your payment arrived after the 30 minutes your times were held had run out, and someone else "
                      "has booked them since, so the booking was not made. {amount} is being refunded.\n")

# Fields' own words, beside each field (422).
BODY_NOT_OBJECT = "Must be a JSON object."
NOT_BOOKING_FIELD = "Is not a booking field."
SKIP_NOT_DATES = "Must be a list of the block's dates to leave out (YYYY-MM-DD)."
SKIP_MORE_THAN_WEEKS = "Leave out no more dates than the block has weeks."
NOT_DEPOSIT_FIELD = "Is not a deposit field."
NOT_BLOCK_CANCEL_FIELD = "Is not a field of cancelling the whole booking."
RETURNED_NOT_PENCE = "Must be whole pence, 0 or more."
BLOCK_START_NOT_HOUR = "Must be a time on the hour (HH:00)."
BLOCK_HOURS_OUT_OF_RANGE = "Must be 1 to {most}."
BLOCK_TOO_LONG = "A block may hold at most {most} hours: book it as two terms."


# Refusals: what was asked for is not there.
NO_SESSION_ON_DATE = "That booking has no session on that date."
NO_PLACE = "No such place for hire."
NO_BLOCK = "That place has no such block."

# Refusals: its state does not allow it, or it changed meanwhile.
HOURS_JUST_TAKEN = "Someone has just taken one of those hours; check again."
PAYING_FOR_ANOTHER = "You are already paying for another booking: finish it, or let it go, first."
SESSIONS_ONLY_CONFIRMED = "Only a confirmed booking's sessions can be cancelled."
SESSION_STARTED = "That session has started."
BOOKING_BEING_CHANGED = "The booking is being changed just now; try again."
NOTHING_TO_COME = "Every session of that booking has begun, ended or been cancelled: there is nothing left to cancel."
DEPOSIT_ONLY_CONFIRMED = "Only a confirmed booking's deposit can be returned."
DEPOSIT_BEFORE_END = "The deposit can be checked once the booking's last session has ended, {when}."
BLOCK_OVER_BOOKING = "That time is booked already ({hour}): move the booking first, or block around it."
BLOCK_BEING_CHANGED = "The block is being changed just now; try again."

# Refusals: what was asked cannot be done as asked.
EVERY_SESSION_LEFT_OUT = "Every session of the block was left out."
DEPOSIT_AT_MOST = "At most the deposit paid, {paid} pence, can go back."
RETURNED_AT_MOST = "Must be at most the deposit, {paid} pence."  # the returned field's own words, beside it
SESSIONS_CLASH = "Some sessions cannot be booked: book again leaving them out (skip), or choose another time."
SESSION_UNAVAILABLE = {  # a single session (one week) that cannot be had, by why
    "taken": "That time is already booked. Choose another time or day.",
    "held": ("That time is held for a booking being paid for, until {until}. If it is yours, cancel the payment on "
             "the card page to let it go now; otherwise choose another time, or try again after {until}."),
    "blocked": "The place is closed at that time. Choose another time or day.",
    "closed": "The place is not open at that time (a bank holiday, a closure, or outside its hours). Choose another "
              "time or day.",
    "past": "That time has passed. Choose a time still to come.",
}
NO_SUCH_BOOKING = "No such booking."

# What an officer opened, in the audit's line of the reading (shared/reading.py).
READ_BOOKING = "The booking, with the hirer's name"
