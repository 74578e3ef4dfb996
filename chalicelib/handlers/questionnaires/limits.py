"""The numbers the questionnaire's validators and its OpenAPI fragments share."""
RATING_MIN, RATING_MAX = 1, 5
COMMENT_MAX = 2000
ASKED_STATES = ("fixed", "closed")  # "has it been fixed?" means nothing of a duplicate or another body's job
SEND_BATCH = 200  # questionnaires one scheduled run sends at most; the next run takes the rest
REOPENED_FLAG = "reopened_by_reporter"
