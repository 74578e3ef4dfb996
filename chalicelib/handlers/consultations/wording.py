"""What consultations say to residents and staff: one catalogue."""
from .timing import moment_words

NOT_FOUND = "No such consultation."
ANSWERS_INVALID = "Some answers need changing before your response can be sent."
EDITED_ELSEWHERE = "Your response was changed somewhere else at the same moment: reload it and try again."
RESULTS_BEFORE_CLOSE = "Results can be published once the consultation has closed."
FORM_FIXED = "People have responded already: the questions cannot change now. Load them as a new consultation."
REFUSED = "The consultation was not loaded: mend each error listed."
WITHHELD = "fewer than 10"
TOTAL_WITHHELD = "The total is not published while a ward's figure is withheld: it would give that figure away."
REQUIRED = "Is required"
# The consultations desk.
TEMPLATE_UNKNOWN = "Choose a template to start from"
CHOOSE_AREAS = "Choose the wards it concerns, or the whole council"
TITLE_TAKEN = "A consultation with this title exists already: give this one a title of its own"
OPEN_NOW = "This consultation has opened: residents are answering what it says, so it can no longer be changed."
OPENS_IN_THE_PAST = "Must be a moment still to come: a consultation opens after it is made"
ANOTHER_CONSULTATION = "another consultation"


def closed(closes_at):
    return f"This consultation closed at {moment_words(closes_at)}. Responses can no longer be sent or changed."


def closes(closes_at):
    return f"This consultation closes at {moment_words(closes_at)}. Send your response before then: " \
           f"answers not sent by then cannot be taken."


def not_open_yet(opens_at):
    return f"This consultation opens at {moment_words(opens_at)}."


# A new consultation's push, and the Atom feed ({moment}: timing.moment_words of the close).
OPENED = "{overview} It closes at {moment}."
FEED_TITLE = "Consultations: have your say"
FEED_CLOSES = "Closes at {moment}."
FEED_CLOSED = "Closed at {moment}."


def opened_title(title):
    return f"New consultation: {title}"


def closing_title(title):
    return f"Closing soon: {title}"


def results_title(title):
    return f"We asked, you said, we did: {title}"


def response_for(title):
    return f"Your response to \"{title}\""


# The one sentence on when results are out, true to where the consultation stands ({day}: "Tuesday 1 September 2026").
RESULTS_PUBLISHED_ON = "We published the results on {day}."
RESULTS_DUE_BY = "We will publish the results by {day}."
RESULTS_LATE = "The results were due by {day}. We have not published them yet."


# Refusals: what was asked for is not there.
NO_RESULTS_YET = "No results have been published for this consultation yet."

# Refusals: a change sent without If-Match.
IF_MATCH_NEEDED = "This consultation exists: send If-Match with its ETag to change it."
# Refusals: a change sent with an If-Match someone else's change has passed.
CHANGED_SINCE_READ = "Someone changed this consultation since you read it."

# Fields: what a field's check says beside it, in the API's short words.
# Any field.
NOT_AN_OBJECT = "Must be an object"
NOT_HTTPS = "Must be a web address starting https://"
NOT_A_REAL_DATE = "Is not a real date"
# A consultation loaded as data, by its JSON path.
NOT_A_PROPERTY = "Is not a property of a consultation"
NOT_THE_ADDRESS_ID = "Must be the consultation's id in its address, {consultation_id}"
WORDS_AT_MOST = "Must be words, at most {most} characters"
CLOSES_BEFORE_OPENING = "Must be after the opening"
AREAS = "Must be \"council\" or a list of the wards it concerns"
NOT_A_WARD = "Is not one of the council's wards: {area}"
TOPICS_AT_MOST = "Must be a list of at most {most} topics"
NOT_A_TOPIC = "Must be a topic's short name, like parking or libraries"
DOCUMENTS_AT_MOST = "Must be a list of at most {most} documents"
CONTACT = "Must be the team's name, email, phone and address as words"
FORM = "Must be the consultation's questions, as a form definition"
NOT_IN_A_CONSULTATION_FORM = "A consultation's form does not take this"
NO_FILES = "A consultation's form takes no files"
# Its opening and closing moments (London time), and the day results are due.
NOT_A_MOMENT = "Must be a London time to the second, like 2026-06-14T23:59:59"
NOT_A_REAL_MOMENT = "Is not a real date and time"
SKIPPED_HOUR = "Does not happen in London (the clocks go forward then): choose another time"
REPEATED_HOUR = "Happens twice in London (the clocks go back): add the offset, +01:00 or +00:00"
NOT_A_DAY = "Must be a date like 2026-09-01"
# timing.parse and timing.day name what is wrong by these keys (timing cannot read this module: it reads timing).
MOMENT_PROBLEMS = {"not_a_moment": NOT_A_MOMENT, "not_a_real_moment": NOT_A_REAL_MOMENT, "skipped_hour": SKIPPED_HOUR,
                   "repeated_hour": REPEATED_HOUR, "not_a_day": NOT_A_DAY, "not_a_real_date": NOT_A_REAL_DATE}
# A response.
ANSWERS_NOT_AN_OBJECT = "Must be an object of answers by question id."
POSTCODE = "Enter a real postcode, like YO1 7HH"
# Lists and searches (ours, and Citizen Space's API).
STATUS_FILTER = "Must be open, forthcoming or closed"
NOT_A_POSTCODE = "Is not a UK postcode, such as YO1 7HH"
SEARCH_STATUS = "Must be forthcoming, open or closed"
DATE_KIND = "Must be op (opening date) or cl (closing date)"
DATES_WITHOUT_KIND = "Say which date fd and td are of: op (opening) or cl (closing)"
TIER = "Must be basic, extended or all"
SEARCH_DATE = "Must be a date as yyyy/mm/dd"
# Results: "We asked, you said, we did".
RESULT_TEXT = "Enter {name} in at most {most} characters"
FIGURES_AT_MOST = "Must be a list of at most {most} figures"
FIGURE = "Each figure needs a label and a number as its value"
DECISION = "Give the meeting item's id (item_id) or a web address (url)"
NOT_AN_ITEM_ID = "Must be a meeting item's id"

# Refusals: too many responses from one address (the throttle's words).
TOO_MANY_RESPONSES = "Too many responses from you for now; try again later."

# An Idempotency-Key sent again with another body: what it was used for ends the refusal
# (shared/idempotency.py: "That Idempotency-Key was used for {what}.").
KEY_USED_FOR_RESPONSE = "another response"
