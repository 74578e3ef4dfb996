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
