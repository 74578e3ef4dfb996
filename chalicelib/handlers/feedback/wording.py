"""What feedback says to the people who give it and read it: the question, each field's check,
and its refusals."""

# Refusals: what was asked for is not there, or not this council's.
TOKEN_NOT_VALID = "That link does not ask about anything of this council's. Use the link you were given."
NOT_A_SERVICE = "Must be one of this council's services: {services}."

NOT_YOUR_SERVICE = "Only officers of the {desk} desk read this service's feedback."
UNKNOWN_ANSWER = "No answer of this service has that id."

# Refusals: its state does not allow it.
CLOSED = ("Your answer was given on {answered} and can no longer be changed. To tell us more, "
          "use Comments, compliments and complaints.")

# Fields: what a field's check says beside it, in the API's short words.
NOT_AN_OBJECT = "Must be a JSON object."
TOKEN_REQUIRED = "Is required: the token given with your confirmation."
RATING_RANGE = "Must be a whole number from 1 (very dissatisfied) to 5 (very satisfied)."
NOT_AN_ANSWER_FIELD = "Is not part of an answer."
NOT_A_CHANGE_FIELD = "Is not part of \"you said, we did\": you_said and we_did."
TAGS = "Must be a list of at most {most} tags, each a word or two of at most {longest} characters."
NOT_A_TIME = "Must be the last page's `next`, as it gave it."

# The figures' definitions, published beside them (the page, the JSON, the CSV's metadata).
DEFINITIONS = {
    "transactions": "Transactions finished: online, done by staff on a resident's behalf (assisted), and the "
                    "contacts by phone and face to face the council entered.",
    "digital_take_up": "Transactions finished online, as a share of all transactions (online, assisted, "
                       "phone and face to face).",
    "completion_rate": "Transactions finished online, as a share of those started online. Starts and finishes "
                       "are counted as visits, never by person: nobody who starts is recorded.",
    "satisfaction": "Answers 'satisfied' or 'very satisfied', as a share of all answers to 'How satisfied were "
                    "you with this service?' (GOV.UK's five-point scale) in the month.",
    "cost_per_transaction_pence": "What the month's transactions cost at the council's cost per channel, "
                                  "divided by their number, in pence.",
    "saving_pence": "What the month's online transactions saved, in pence, against the cost of doing each as "
                    "the council's assisted contacts are done.",
    "withheld": "A count under 10 is withheld (null), and so is every figure made from it.",
}
