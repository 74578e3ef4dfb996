"""What officers, operatives and tenants read from the repairs desk and the
crew app's repairs (server side)."""

PRIORITY = "Choose a priority the council uses: emergency, urgent or routine."
SAME_PRIORITY = "The repair has that priority already."
REASON = "Say why the priority changes, in 1 to 300 characters: the audit keeps it."
TEAM = "Choose one of the council's active teams to send."
TEAM_HOLDS_IT = "That team has the repair already."
INSTRUCTIONS = "Instructions for the operatives are at most 500 characters."
FOLLOW_ON = "Say what the follow-on job is, in 1 to 500 characters."
FOLLOW_ON_KEY = "Send an Idempotency-Key: the same key answers the same follow-on job."
KEY_REUSED = "That Idempotency-Key was used for another follow-on job."
NO_REPAIR_JOB = "That job is not a repair's, or not your team's."
NOT_ASSIGNED = "You see the tenant's contact only while your team has the repair."
ON_WAY_ALREADY = "The tenant has been told you are on your way already."
NO_PHONE = "The tenant left no number to text."
NOT_BOOKED_JOB = "The job has ended already."
RATING = "Rate the repair from 1 to 5."
FIXED = "Say whether it was fixed: true or false."
COMMENT = "A comment is at most 500 characters."
NOT_ASKED = "You have not been asked about this repair yet: we ask when it is done."
ANSWERED = "You have told us how it went already."
REOPEN_REASON = "Say what is still wrong, in 1 to 500 characters."
NOT_DONE = "Only a repair that was done can be reopened."
REOPENED_ALREADY = "The repair has been reopened once already: call the repairs team."
REOPEN_TOO_LATE = ("A repair can be reopened within {days} days of being done: this one was done on {done}, "
                   "so please report it as a new repair.")
NO_ACCESS_CARD = "No access: a card was left at the home."
CREW_DONE = "Done by the operative."

# Texts to the tenant (SMS: no links, the reference and where to look).
ON_MY_WAY_TEXT = "Your council repair {reference}: the operative is on the way to you now."
NO_ACCESS_TEXT = ("We called for your council repair {reference} but could not get in, and left a card. "
                  "Choose a new time in the Doorstep app: Repairs, {reference}.")
HOW_DID_IT_GO_TEXT = ("Your council repair {reference} is done. How did it go? Tell us in the Doorstep app: "
                      "Repairs, {reference}.")
REMINDER_TEXT = "A reminder: your council repair {reference} is booked for tomorrow, {when}."
HALVES = {"AM": "in the morning (8am to 12pm)", "PM": "in the afternoon (12pm to 4pm)"}

# What an officer read, in the audit's line of the reading (shared/reading.py).
READ_CONTACT = "The tenant's contact and access notes"
READ_HOME = "The home's repairs"
