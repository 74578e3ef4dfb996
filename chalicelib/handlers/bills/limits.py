"""The numbers paying bills shares with its OpenAPI."""
PURPOSE = "bill"  # payments' purpose (payments/hooks.py)
BILL_ID_PATTERN = "^[0-9a-f]{32}$"
FUND_ID_PATTERN = "^[a-z0-9-]{2,40}$"
REFERENCE_MAX = 40  # as typed, spaces included
EMAIL_MAX = 254
IDEMPOTENCY_HOURS = 24
ISSUER_TIMEOUT_S = 5.0
LINK_DAYS_DEFAULT, LINK_DAYS_MAX = 7, 30  # a staff payment link's life
LINK_ID_PATTERN = "^[A-Za-z0-9_-]{20,64}$"
# A link whose payment was left on the card page is given back when the provider expires that
# payment (GOV.UK Pay: 90 minutes) and the settling job (every 5 minutes) hears of it.
LINK_BACK_AFTER_MINUTES = 90 + 5
