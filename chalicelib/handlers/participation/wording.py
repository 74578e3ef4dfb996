"""What people read from taking part in meetings (server side)."""
NO_MEETING = "There is no meeting with that id."
NO_ITEM = "That meeting has no agenda item with that id."
NO_REGISTRATION = "That meeting has no registration with that id."
CANCELLED = "That meeting is cancelled: there is nothing to speak at."
NOT_ALLOWED = "The public cannot speak on that item."
CLOSED = "Registration closed at {moment}."
MEETING_FULL = "All {places} places to speak at this meeting are taken."
ITEM_FULL = "All {places} places to speak on this item are taken."
ALREADY = "You have already registered to speak on this item."
MODE = "Choose in_person or remote."
NEEDS = "Choose from hearing_loop, interpreter and step_free."
SIDE = "Say for or against: this committee hears both sides."
NO_SIDE = "This committee does not take sides: leave side out."
LINK_NOT_VALID = "That link is not valid."
LINK_EXPIRED = "That link has expired: the meeting is over."
NOT_HOLDING_A_PLACE = "That registration is no longer holding a place."
DECISION = "Choose accept or decline."
REASON = "Give a reason (1 to 500 characters): the speaker is told it."
CHANGED = "That registration changed meanwhile; reload it and try again."
MODES = {"in_person": "in person", "remote": "remotely"}
NEED_NAMES = {"hearing_loop": "a hearing loop", "interpreter": "an interpreter", "step_free": "step-free access"}
SIDES = {"for": "for", "against": "against"}
STATUSES = {"registered": "registered", "accepted": "accepted", "declined": "declined", "withdrawn": "withdrawn"}

CONFIRMED_SUBJECT = "You are registered to speak: {committee}, {day}"
CONFIRMED_BODY = ("You are registered to speak at {committee} on {day}, on item {number}: {title}.\n"
                  "You will speak {mode}{side} for up to {minutes} minutes.{needs}\n"
                  "Democratic services will confirm your place before the meeting.\n\n"
                  "If you cannot come, withdraw here (so someone else may speak): {link}\n")
CONFIRMED_TEXT = ("Registered to speak at {committee}, {day}, item {number}. Withdraw: {link}")
ACCEPTED_SUBJECT = "Your place to speak is confirmed: {committee}, {day}"
ACCEPTED_BODY = ("Your place to speak at {committee} on {day}, on item {number}: {title}, is confirmed.\n\n"
                 "If you cannot come, withdraw here: {link}\n")
ACCEPTED_TEXT = "Your place to speak at {committee}, {day}, item {number} is confirmed. Withdraw: {link}"
DECLINED_SUBJECT = "Your request to speak was declined: {committee}, {day}"
DECLINED_BODY = ("Your request to speak at {committee} on {day}, on item {number}: {title}, was declined.\n"
                 "The reason: {reason}\n")
DECLINED_TEXT = "Your request to speak at {committee}, {day}, item {number} was declined: {reason}"
NEEDS_LINE = " You asked for {needs}."
SIDE_WORDS = ", {side} the application"
LIST_TITLE = "Speakers: {committee}, {day}"
CSV_HEADER = ["Order", "Item", "Item title", "Name", "For or against", "How", "Needs", "Minutes", "Status", "Late"]


def moment(when):
    """'5pm on Thursday 3 December 2026' (London time)."""
    if when.minute:
        hour = f"{when.hour % 12 or 12}:{when.minute:02d}{'am' if when.hour < 12 else 'pm'}"
    elif when.hour == 12:
        hour = "noon"
    else:
        hour = f"{when.hour % 12 or 12}{'am' if when.hour < 12 else 'pm'}"
    return f"{hour} on {when:%A} {when.day} {when:%B %Y}"


def day(date_text):
    from datetime import date
    d = date.fromisoformat(date_text)
    return f"{d:%A} {d.day} {d:%B %Y}"
NO_QUESTION = "That meeting has no question with that id."
CONSENT = "Say true to have your name printed with your question, or false."
TOO_MANY_WORDS = "Your question has {words} words: this committee takes at most {most}."
QUESTIONS_CLOSED = "Questions closed at {moment}."
A_RESIDENT = "A resident"
ITEM_ID = "Give the id of the agenda item now being discussed."
CHAPTERS = "Give chapters as a list of at most 200 {item_id, at_s}."
CHAPTER = "Each chapter needs an item of this meeting and the seconds into the recording (0 to 86400)."
# A list of chapters as saved: the desk's words where it has them (web/messages/staff.en.json, staff.webcast.*).
ASCENDING = "{item} must start after {before}, which starts at {at}"
NOT_ON_AGENDA = "Chapter {n} names item {item_id}, which is not on this meeting's agenda"
UNKNOWN_ITEM = "item {item_id}"
INDEX_NOT_SAVED = ("The webcast provider's chapters cannot be saved as they are: two start in the same second. "
                   "Nothing was changed.")
YT_REFUSED = "YouTube would not take these chapters."
# Marking an item "now on" (webcast_checks.live_window): the meeting's own day, around its start.
LIVE_WINDOW = "Items can be marked as they start from {opens} until {closes}."
NOT_MEETING_TIME = ("Items can be marked only while the meeting is on: from {opens} until {closes}. "
                    "Set the chapters afterwards below.")
YT_FEW = "YouTube needs at least {least} chapters; there are {count}."
YT_FIRST = "The first chapter must start at 0:00; it starts at {at}."
YT_GAP = "The chapter at {at} is {gap} s after the one at {before}: YouTube needs at least {least} s."
# Importing the provider's index of item times (webcasts.py, vtt.py).
INDEX_NOT_CONFIGURED = "No webcast provider's index is set for this council, so chapters cannot be imported."
INDEX_NOT_FOUND = "The webcast provider has no index of item times for this meeting."
INDEX_UNAVAILABLE = ("The webcast provider did not answer within {timeout:g} seconds. Nothing was changed; "
                     "try again later.")
INDEX_DOWN = "The webcast provider answered with an error ({status}). Nothing was changed; try again later."
INDEX_HTML = ("The webcast provider answered with a web page, not an index of item times (WebVTT). "
              "Nothing was changed.")
INDEX_TOO_BIG = "The webcast provider's index is larger than {kb} KB. Nothing was changed."
INDEX_MALFORMED = {
    "signature": "The webcast provider's index is not WebVTT: it does not start with WEBVTT.",
    "timing": "The webcast provider's index is not WebVTT: line {line} should be a cue's times "
              "(like 00:04:05.000 --> 00:09:00.000).",
    "order": "The webcast provider's index has a cue out of order at line {line}.",
    "empty_title": "The webcast provider's index has a cue with no title at line {line}.",
    "too_many": "The webcast provider's index has more than {most} cues.",
    "encoding": "The webcast provider's index is not UTF-8 text.",
}
INDEX_MALFORMED_AFTER = " Nothing was changed."
NONE_MATCHED = "None of the provider's {count} chapters names an item on this agenda. Nothing was changed."
UNMATCHED_CUE = "{at} \"{title}\" matches no item on the agenda."

# Live questions during a webcast (live.py).
LIVE_QUESTION = {"question": {"missing": "Enter your question"},
                 "first_name": {"missing": "Enter your first name, or do not show your name"},
                 "ward_id": {"missing": "Choose your ward, or do not show your name"}}
LIVE_TOO_MANY_WORDS = "Your question has {words} words: questions during the meeting take at most {most}."
NOT_LIVE = "The meeting is not live: questions can be sent while it is being webcast."
MOVED_ON = "The meeting has moved on to item {number}: {title}. Send a question about it, or about the next."
NO_WARD = "Choose a ward from the list."
SHOW_NAME = "Say true to show your first name and ward with your question, or false."
LIVE_DECISION = "Choose approve, reject or answered."
LIVE_CHANGED = "That question changed meanwhile; reload the list and try again."
NO_LIVE_QUESTION = "That meeting has no live question with that id."
ASKED_BY = "{name}, {ward}"

# -- the live moderation desk's socket
LIVE_DESK_SIGN_IN = "Sign in as staff: moderating live questions is theirs."
LIVE_DESK_STAFF = "Moderating live questions is for staff."

# Fields' own words, beside each field (422).
NOT_A_FIELD_HERE = "Is not a field here."
ITEM_ID_NEEDED = "Give the agenda item's id."
# Choosing a committee's rules for taking part on the desk (speaking_rules.py).
RULES_COMMITTEE = "Choose a committee of the council's committee system."
RULES_SET = "Choose one of the sets of rules ({names}), or null for the default."
