"""What alerts and broadcasts accept, read by the validators and by the
OpenAPI document alike, so the two cannot disagree."""

KINDS = ("report", "area", "ward", "category", "broadcast", "jobs")  # jobs: street crews' own team's work
TOPICS = ("bins", "roads", "emergencies")
CHANNELS = ("push", "email", "sms")
RADIUS_MIN_M, RADIUS_MAX_M = 50, 5000  # an alert's circle
MAX_ENDPOINT = 2048  # a push subscription's URL
WARD_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9 '&,.()-]{0,79}$"  # a ward id, as GET /v1/councillors gives it

TITLE_MAX, BODY_MAX, URL_MAX = 120, 1000, 500  # a broadcast: what a push notification shows
BROADCAST_RADIUS_MIN_M, BROADCAST_RADIUS_MAX_M = 50, 20_000
MAX_WARDS = 50
MAX_VERTICES = 2_000  # a hand-drawn area has tens; a traced boundary a few hundred
PER_TOPIC_PER_HOUR, PER_STAFF_PER_HOUR = 5, 12  # broadcasts one staff member may send
LIST_DEFAULT, LIST_MAX = 20, 100
IDEMPOTENCY_KEY_MIN, IDEMPOTENCY_KEY_MAX = 8, 255  # staff are signed in (see shared/idempotency.py)
