"""What a chat's checks say to a resident, in each field's own words as
GOV.UK writes errors, so every client shows the same sentences; what a
resident who waited is told; and the chat's refusals, to a resident or to
an officer at the desk."""

NAME_OR_SIGN_IN = "Enter your name, or sign in"
CONTACT_OR_SIGN_IN = "Enter an email address or a phone number so we can answer, or sign in"

MESSAGE = {
    "text": {"missing": "Enter your message"},
    "email": {"invalid": "Enter an email address in the correct format, like name@example.com"},
    "phone": {"invalid": "Enter a phone number, like 01904 551550"},
}

# What a resident who has waited is told when they choose another way (waiting.py).
CHOSE_EMAIL = "We will answer your question by email to {email}. You can close this page now."
CHOSE_PHONE = "You can call us on {phone} ({hours}). Your question stays here in case an officer answers first."
CHOSE_END = "You ended the conversation."
CHOICE_FIELD = {"choice": "Choose email, phone or end",
                "email": "Enter an email address in the correct format, like name@example.com"}
EMAIL_ANSWER_TITLE = "The council's answer to your question"
EMAIL_ANSWER_TEXT = "{text}\n\nThe whole conversation, where you can write back: {url}\n"

# Fields' own words, beside each field (422).
AFTER_NOT_CURSOR = "Must be a message number (the cursor from the last answer)."
BODY_NOT_OBJECT = "Must be a JSON object."
NOT_MESSAGE_FIELD = "Is not a message field."
PHOTOS_NOT_UPLOADS = "Must be a list of at most {most} upload ids (POST /v1/uploads)."
SEARCH_NOT_EMAIL = "Is not an email address."
TO_NOT_COLLEAGUE = "Must be the account id of a colleague whose roles open the Live chat desk."
NOT_REPORT_REFERENCE = "Must be a report reference (DS-7K3F9Q)."
CONTEXT_NOT_OBJECT = "Must be an object with screen, report_id and uprn."
NOT_CONTEXT_FIELD = "Is not a context field."
SCREEN_NOT_NAME = "Must be a screen's name: lower-case letters, digits and dashes."
CONTEXT_NOT_REPORT_REFERENCE = "Is not a report reference (DS-7K3F9Q)."
UPRN_NOT_DIGITS = "Must be a UPRN: 1 to 12 digits."
NOT_CONVERSATION_FIELD = "Is not a conversation field."
PHOTOS_WITHOUT_TEXT = "Say something with the photos."
RATING_NOT_ONE_TO_FIVE = "Must be a whole number from 1 to 5."

# What a socket is told of a frame it cannot follow.
# Its braces are JSON, said as they are (never .format()ted).
UNKNOWN_ACTION = 'Send {"action": "ping"} or {"action": "since", "after": N}.'
NOT_CONNECTED = "This connection follows no conversation."


# Refusals: who is asking (not signed in, or not the one who may).
TOKEN_NOT_THIS_CONVERSATION = "That conversation token does not open this conversation."
CHAT_STOPPED_FOR_YOU = "The council has stopped taking chat messages from you; please phone or write instead."
QUEUE_SIGN_IN = "Sign in as staff: the desk's queue is theirs."
QUEUE_FOR_STAFF = "The desk's queue is for staff."

# Refusals: what was asked for is not there.
NO_CONVERSATION = "No such conversation."
RESIDENT_NOT_TOLD_APART = "This conversation's resident cannot be told apart from others."

# Refusals: its state does not allow it, or it changed meanwhile.
CONVERSATION_CLOSED = "This conversation is closed; start a new one."
MESSAGES_AT_ONCE = "Many messages arrived at once; send yours again."
OFFICER_FULL = "You have {most} conversations already; close or hand one over first."
ALREADY_TAKEN = "Someone else has taken this conversation."
TAKE_IT_FIRST = "Take this conversation first: another officer has it, or nobody does."
COLLEAGUE_FULL = "That colleague has as many conversations as they may."
CHANGED_HANDS = "This conversation changed hands meanwhile."
ANOTHER_OFFICERS = "Another officer has this conversation."
CHANGED_MEANWHILE = "This conversation changed meanwhile; look again."
# {id} here is the route's own, said as it is (never .format()ted).
STAFF_ANSWER_ELSEWHERE = "Staff answer through POST /v1/staff/conversations/{id}/answer."
ONLY_RESIDENT_RATES = "Only the resident rates a conversation."
RATED_ONCE_CLOSED = "A conversation is rated once it has been closed."
ALREADY_RATED = "This conversation has been rated already."
ONLY_RESIDENT_CHOOSES = "Only the resident chooses how to be answered."

# Refusals: what was asked cannot be done as asked.
TOO_MANY_SCREENS = ("This conversation is open on {most} screens already; close one. This screen still gets its "
                    "messages, a few seconds later.")

# What the desk's hours say, on the screen and in the chat's own message (hours.py).
OPENS_AT = "{opening:%A} at {opening:%H:%M}"  # "Wednesday at 09:00"
OPENS_SOON = "as soon as we are open"  # when no opening is known
CLOSED_NOW = ("We are closed now (our hours: {hours}). An officer will answer from {when}; "
              "this conversation stays here until then.")
CLOSED_NOW_ALSO_SENT = ("We are closed now (our hours: {hours}). An officer will answer from {when}; "
                        "this conversation stays here until then. We will also send it to your {channels}.")
CHANNEL_NAMES = {"email": "email", "phone": "phone", "notifications": "notifications"}  # {channels}, joined by:
CHANNELS_AND = " and "

# What the chat itself says to both sides, as a system message (desk.py).
CLOSED_HOW_DID_WE_DO = "This conversation has been closed. How did we do? Rate it from 1 to 5."
REPORT_MADE = "We have made report {report_id} from this conversation: {url}"
REPORT_LINKED = "This conversation is about report {report_id}: {url}"

# The desk's search field, when what was typed is none of the things it finds by.
SEARCH_FOR = "Give a conversation reference (CV-...), a report reference (DS-...), an email address or a phone number."

# The notice (push or e-mail) that an officer has answered (notices.py).
# Never the words themselves: a lock screen or an inbox is not the conversation.
ANSWERED_TITLE = "The council has answered you"
ANSWERED_BODY = "An officer has written in your conversation with the council. Open it to read the answer."
