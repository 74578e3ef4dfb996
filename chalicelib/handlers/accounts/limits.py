"""Limits of the accounts routes, read by the handlers and by the OpenAPI document alike."""
from ...auth.passwords import MAX_LENGTH as PASSWORD_MAX, MIN_LENGTH as PASSWORD_MIN  # noqa: F401
from ...validation import EMAIL

EMAIL_MAX = 254
EMAIL_PATTERN = EMAIL.pattern
NAME_MAX = 200
ADDRESS_MAX = 300
UPRN_PATTERN = r"^[0-9]{1,12}$"
TOKEN_MAX = 1024  # a token from an e-mail or a sign-in: anything longer is not one
DEVICE_TOKEN_MAX = 200
