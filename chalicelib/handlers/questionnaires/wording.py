"""What a questionnaire says to a resident: its question, the update a "not
fixed" writes, each field's check, and its refusals (a report it was not sent
about, a link that does not open it, a report that changed while the answer
was saved, an answer given already)."""

# The questionnaire as the reporter reads it, and the update its "not fixed" writes on the report.
HAS_IT_BEEN_FIXED = "Has it been fixed?"
REOPENED_TEXT = "Reopened: the person who reported it says it has not been fixed."
# The push that asks it ({where}: " near 2 Micklegate", or nothing).
ASKED_TITLE = "{report_id}: has it been fixed?"
ASKED_BODY = ("The {category} report{where} was marked {status}. Has it been fixed? "
              "Tell us in one tap, and rate how it was dealt with (1 to 5).")

# Refusals: who is asking (not signed in, or not the one who may).
TOKEN_NOT_THIS_QUESTIONNAIRE = "That link's token does not open this questionnaire."

# Refusals: what was asked for is not there.
NONE_SENT = "No questionnaire was sent about {report_id}."

# Refusals: its state does not allow it, or it changed meanwhile.
REPORT_CHANGED = "The report changed while your answer was saved; try again."
ANSWERED_ALREADY = "This questionnaire was answered already; an answer cannot be changed."

# Fields: what a field's check says beside it, in the API's short words.
NOT_AN_OBJECT = "Must be a JSON object."
TOKEN_REQUIRED = "Is required: the token from the link you were sent."
FIXED_TRUE_OR_FALSE = "Must be true (it has been fixed) or false (it has not)."
RATING_RANGE = "Must be a whole number from {low} to {high}."
NOT_AN_ANSWER_FIELD = "Is not part of an answer."
