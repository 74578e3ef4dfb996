"""Limits of the payments routes, read by the validators and the OpenAPI document alike."""

AMOUNT_MIN, AMOUNT_MAX = 1, 10_000_000  # pence: GOV.UK Pay takes 1p to £100,000
REFERENCE_MAX, DESCRIPTION_MAX = 255, 255
# Return tokens: Doorstep's payment id (32 hex), a dot, a random secret (token_urlsafe(24): 32 characters).
RETURN_TOKEN_PATTERN = r"^[0-9a-f]{32}\.[A-Za-z0-9_-]{32}$"
WEBHOOK_MAX_BYTES = 256 * 1024
# The reconciliation job re-checks payments still unfinished this long after they were made.
# (GOV.UK Pay gives a payer 90 minutes; older ones are finished there and are settled once.)
RECONCILE_AFTER_MINUTES = 15
RECONCILE_UNTIL_HOURS = 48
RECONCILE_BATCH = 200
