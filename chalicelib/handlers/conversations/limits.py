"""Limits of the conversation routes, read by the validators and the OpenAPI document alike."""

CONVERSATION_ID_PATTERN = r"^CV-[0-9a-f]{16}$"
TEXT_MAX = 2000  # characters in one message
NAME_MAX, SCREEN_MAX, REASON_MAX = 100, 60, 500
MAX_PHOTOS = 3  # photos on one message
PAGE_MAX = 100  # messages in one answer; the cursor fetches the rest
QUEUE_MAX = 50  # waiting conversations in one answer
SEARCH_MAX = 50  # conversations in one search's answer, newest first
RATINGS = (1, 2, 3, 4, 5)
IDEMPOTENCY_HOURS = 24
SEEN_EVERY_S = 20  # the resident's reads are recorded at most this often (a poll every 2-3 s would write each time)
QUIET_S = 30  # a resident unseen this long is not looking: a reply is sent to their phone or inbox
SCREENS_PATTERN = r"^[a-z][a-z0-9-]{0,59}$"
STATES = ("waiting", "taken", "closed")
# Screens open on one conversation's socket at once (both sides together): a further
# connect is refused (429 too_many_connections) and that screen polls with its cursor.
SOCKETS_MAX = 5
