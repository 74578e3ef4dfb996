"""What consultations say to residents and staff: one catalogue."""
from .timing import moment_words

NOT_FOUND = "No such consultation."
RESPONSE_NOT_FOUND = "You have not responded to this consultation."
ANSWERS_INVALID = "Some answers need changing before your response can be sent."
EDITED_ELSEWHERE = "Your response was changed somewhere else at the same moment: reload it and try again."
RESULTS_BEFORE_CLOSE = "Results can be published once the consultation has closed."
FORM_FIXED = "People have responded already: the questions cannot change now. Load them as a new consultation."
REFUSED = "The consultation was not loaded: mend each error listed."
WITHHELD = "fewer than 10"
REQUIRED = "Is required"


def closed(closes_at):
    return f"This consultation closed at {moment_words(closes_at)}. Responses can no longer be sent or changed."


def closes(closes_at):
    return f"This consultation closes at {moment_words(closes_at)}. Send your response before then: " \
           f"answers not sent by then cannot be taken."


def not_open_yet(opens_at):
    return f"This consultation opens at {moment_words(opens_at)}."


def opened_title(title):
    return f"New consultation: {title}"


def closing_title(title):
    return f"Closing soon: {title}"


def results_title(title):
    return f"We asked, you said, we did: {title}"


def response_for(title):
    return f"Your response to \"{title}\""


# Refusals: what was asked for is not there.
NO_RESULTS_YET = "No results have been published for this consultation yet."

# Refusals: a change sent without If-Match.
IF_MATCH_NEEDED = "This consultation exists: send If-Match with its ETag to change it."

# Fields: what a field's check says beside it, in the API's short words.
NOT_AN_OBJECT = "Must be an object"
ANSWERS_NOT_AN_OBJECT = "Must be an object of answers by question id."
STATUS_FILTER = "Must be open, forthcoming or closed"
NOT_A_POSTCODE = "Is not a UK postcode, such as YO1 7HH"

# Refusals: too many responses from one address (the throttle's words).
TOO_MANY_RESPONSES = "Too many responses from you for now; try again later."
