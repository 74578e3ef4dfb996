"""Limits of the accounts routes, read by the handlers and by the OpenAPI document alike."""
from ...auth.oidc import MAX_TOKEN_CHARS as EXTERNAL_TOKEN_MAX  # noqa: F401 (an Azure AD token with its groups)
from ...auth.passwords import MAX_LENGTH as PASSWORD_MAX, MIN_LENGTH as PASSWORD_MIN  # noqa: F401
from ...validation import EMAIL

EMAIL_MAX = 254
EMAIL_PATTERN = EMAIL.pattern
NAME_MAX = 200
ADDRESS_MAX = 300
UPRN_PATTERN = r"^[0-9]{1,12}$"
TOKEN_MAX = 1024  # a token of ours (an e-mail's link, a session's refresh): anything longer is not one
DEVICE_TOKEN_MAX = 200
