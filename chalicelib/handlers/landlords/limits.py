"""The numbers of the landlords' portal, shared with its OpenAPI."""
from datetime import timedelta

CREDITOR_PATTERN = "^CR[0-9]{6}$"
CLAIM_PATTERN = "^HB[0-9]{5}$"
RUN_PATTERN = "^[A-Z0-9]{4,30}$"
NAME_MAX = 60
ROLES = ("view", "report")
# Registering: every attempt counts, right or wrong, as council tax linking's (revenues/limits.py).
PER_CLIENT = (10, timedelta(hours=1))
PER_USER = (20, timedelta(days=1))
PER_CREDITOR = (5, timedelta(hours=1))
SEARCH_MIN, SEARCH_MAX, SEARCH_LIMIT = 2, 120, 50  # an address as printed, with its postcode
CURSOR_MAX = 1500  # a row's key (at most 1,024 bytes) in base64
ADDRESS_MAX = 200
CHANGE_BACK_DAYS, CHANGE_AHEAD_DAYS = 365, 183
IDEMPOTENCY_HOURS = 24
REASON_MAX = 300
