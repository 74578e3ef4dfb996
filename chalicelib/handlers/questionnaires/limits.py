"""The numbers the questionnaire's validators and its OpenAPI fragments share."""
from datetime import timedelta

RATING_MIN, RATING_MAX = 1, 5
COMMENT_MAX = 2000
TOKEN_MAX = 200  # a link's token: ids.new_token() gives 32 characters
ASKED_STATES = ("fixed", "closed")  # "has it been fixed?" means nothing of a duplicate or another body's job
RESEND_AFTER = timedelta(minutes=15)  # a claimed send not marked sent by then: its sender died (a send takes seconds)
SEND_BATCH = 200  # questionnaires one scheduled run sends at most; the next run takes the rest
REOPENED_FLAG = "reopened_by_reporter"
