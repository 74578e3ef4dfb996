"""What alerts and broadcasts accept, read by the validators and by the
OpenAPI document alike, so the two cannot disagree."""

KINDS = ("report", "area", "ward", "category", "broadcast", "jobs", "meetings", "planning")  # jobs: street crews' own team's work
# meetings: a committee's, a ward's or a topic's agenda items (democracy/notices.py tells them)
MEETING_FOLLOWS = ("committee", "ward", "topic")
# a topic of the meetings' mapping, as /v1/staff/meetings/topics names it
MEETING_TOPIC_PATTERN = r"^[a-z0-9][a-z0-9 -]{0,59}$"
TOPICS = ("bins", "roads", "emergencies")
# An area alert's planning applications by type (planning/kinds.py sorts each application into one)
PLANNING_TYPES = ("householder", "full", "outline", "listed_building", "trees", "advertisement", "other")
CHANNELS = ("push", "email", "sms")
TOKEN_MAX = 1024  # an e-mail's or a text's confirming link: longer is no token of ours
RADIUS_MIN_M, RADIUS_MAX_M = 50, 5000  # an alert's circle
# A crew member's point on a jobs alert: "near" is within their radius of it
# (a council's crews cover a few km; a rural van 20 km), and only while the
# point is fresh: one left from yesterday's shift says nothing of where they are.
JOBS_RADIUS_MIN_M, JOBS_RADIUS_MAX_M, JOBS_RADIUS_DEFAULT_M = 100, 20_000, 2_000
POINT_FRESH_HOURS = 12
# radius_m in /openapi.json: every kind's bounds together; each kind's own are a rule (422)
RADIUS_DOCUMENT_M = (min(RADIUS_MIN_M, JOBS_RADIUS_MIN_M), max(RADIUS_MAX_M, JOBS_RADIUS_MAX_M))
MAX_ENDPOINT = 2048  # a push subscription's URL
WARD_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9 '&,.()-]{0,79}$"  # a ward id, as GET /v1/councillors gives it

TITLE_MAX, BODY_MAX, URL_MAX = 120, 1000, 500  # a broadcast: what a push notification shows
BROADCAST_RADIUS_MIN_M, BROADCAST_RADIUS_MAX_M = 50, 20_000
MAX_WARDS = 50
MAX_VERTICES = 2_000  # a hand-drawn area has tens; a traced boundary a few hundred
PER_TOPIC_PER_HOUR, PER_STAFF_PER_HOUR = 5, 12  # broadcasts one staff member may send
LIST_DEFAULT, LIST_MAX = 20, 100
