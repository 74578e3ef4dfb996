"""The numbers council tax linking and the view share with their OpenAPI."""
from datetime import timedelta

NAME_MAX = 100
CHECK_MAX = 20
LINK_ID_PATTERN = "^[A-Za-z0-9_-]{8,40}$"
DOCUMENT_ID_PATTERN = "^[A-Za-z0-9_.-]{1,40}$"
LINKS_PER_USER = 10  # accounts one person may link (a landlord's few homes, old and new)
CHECKS = ("online_key", "postcode", "phone_last3", "dd_last3")
CHECKS_NEEDED = 2
# An account's sections beyond its first screen; `sections` names some, comma separated ("none", and
# empty names, for none), as the document's pattern states it.
SECTIONS = ("plan", "payments", "documents", "benefits", "rent")
_SECTION = "(?:" + "|".join((*SECTIONS, "none")) + ")?"
SECTIONS_PATTERN = rf"^{_SECTION}(?:,{_SECTION})*$"
REASON_MIN, REASON_MAX = 5, 300  # an officer's reason for a lookup, a document, an unlock or a revocation
# Attempts to link (every attempt counts, right or wrong, so guessing costs
# the same as trying): per client address, per user, per account reference.
PER_CLIENT = (10, timedelta(hours=1))
PER_USER = (20, timedelta(days=1))
PER_REFERENCE = (5, timedelta(hours=1))

# Requests. Dates the back office accepts for a move or a discount: a year
# back to six months ahead (a council's Civica settles its own window; set
# these to it). Not 14 days ahead, as older portals allow.
REQUEST_BACK_DAYS = 365
REQUEST_AHEAD_DAYS = 183
REQUEST_KINDS = ("paperless", "move", "single_person_discount", "instalment_day")
MOVES = ("in", "out", "within")
ADDRESS_MAX = 200
PEOPLE_MAX = 10  # everyone on the bill a move names
TENURES = ("sold", "rented")
CONTACT_ROLES = {"sold": ("buyer", "solicitor"), "rented": ("landlord", "agent")}
REQUEST_ID_PATTERN = "^CTR-[A-Z0-9]{10}$"
IDEMPOTENCY_HOURS = 24
