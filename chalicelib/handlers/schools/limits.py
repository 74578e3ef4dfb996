"""The numbers the school places' checks and OpenAPI fragments share."""
APPLICATION_ID_PATTERN = "^SA-[A-Z0-9]{10}$"
ROUND_PATTERN = "^20[2-9][0-9]-(primary|secondary)$"
RUN_ID_PATTERN = "^RUN-[A-Z0-9]{10}$"
START_ID_PATTERN = "^ST-[A-Z0-9]{10}$"
SCHOOL_ID_PATTERN = "^[a-z0-9][a-z0-9-]{1,59}$"
UPRN_PATTERN = "^[0-9]{1,12}$"
NAME_MAX = 100
CHILD_YEARS_MAX = 20  # the oldest a child in a school place can be born: sixth forms end at 19
EVIDENCE_MAX = 200
GROUNDS_MAX = 2000
REASON_MAX = 300
IDEMPOTENCY_HOURS = 24
ANSWERS = ("accept", "decline")
# The effect of a `school_start_told` event that awards what the benefits records show (awards.py): the
# page reads again while a part is still being checked and it is under way.
AWARDS_EFFECT = "schools.start_awards"


def start_event_id(start_id):
    """A telling's own `school_start_told` event: one per telling, whatever is retried."""
    return f"start.{start_id}"
