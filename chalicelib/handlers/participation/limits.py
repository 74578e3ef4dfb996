"""The numbers taking part shares with its OpenAPI."""
ID_PATTERN = "^[0-9]{1,12}$"  # Modern.gov's ids: meetings, agenda items
REGISTRATION_PATTERN = "^[0-9a-f]{32}$"
NAME_MAX = 100
REASON_MAX = 500
TOKEN_MAX = 300
MODES = ("in_person", "remote")
NEEDS = ("hearing_loop", "interpreter", "step_free")
SIDES = ("for", "against")
IDEMPOTENCY_HOURS = 24
QUESTION_MAX = 2000  # characters; the committee's word limit is the rule people read
ANSWER_MAX = 8000
LIVE_TEXT_MAX = 500  # characters in a question sent live; the committee's word limit is the rule people read
FIRST_NAME_MAX = 40
WARD_ID_MAX = 20
LIVE_DECISIONS = {"approve": "approved", "reject": "rejected", "answered": "answered"}
