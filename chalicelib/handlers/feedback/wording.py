"""What feedback says to the people who give it and read it: the question, each field's check,
and its refusals."""

# Refusals: what was asked for is not there, or not this council's.
TOKEN_NOT_VALID = "That link does not ask about anything of this council's. Use the link you were given."
NOT_A_SERVICE = "Must be one of this council's services: {services}."

# Refusals: its state does not allow it.
CLOSED = ("Your answer was given on {answered} and can no longer be changed. To tell us more, "
          "use Comments, compliments and complaints.")

# Fields: what a field's check says beside it, in the API's short words.
NOT_AN_OBJECT = "Must be a JSON object."
TOKEN_REQUIRED = "Is required: the token given with your confirmation."
RATING_RANGE = "Must be a whole number from 1 (very dissatisfied) to 5 (very satisfied)."
NOT_AN_ANSWER_FIELD = "Is not part of an answer."
