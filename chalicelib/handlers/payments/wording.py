"""What payments say to a payer or an officer when they refuse: a return
address or a payment that is not there, a refund the payment cannot take,
and a payment provider that did not answer; and a field that is not what it
must be."""

# Fields' own words, beside each field (422).
DATE_NOT_ISO = "Must be a date (YYYY-MM-DD)."
NOT_REFUND_FIELD = "Is not a refund field."
AMOUNT_NOT_PENCE = "Must be a whole number of pence, at least 1."
SEEN_NOT_PENCE = "Must be the refundable amount you saw, in whole pence."
NOT_A_WEBHOOK = "Not a payment webhook."

# Refusals: what was asked for is not there.
NO_RETURN_ADDRESS = "No payment has that return address."
NO_PAYMENT = "No payment with that id."

# Refusals: its state does not allow it, or it changed meanwhile.
REFUNDABLE_CHANGED = "The refundable amount changed since you read it (someone refunded meanwhile)."
REFUNDED_AT_ONCE = "Someone refunded this payment at the same moment; read it again."

# Refusals: what was asked cannot be done as asked.
REFUND_ONLY_SUCCEEDED = "Only a payment that succeeded can be refunded."
REFUND_AT_MOST = "At most {left} pence is left to refund."
AMOUNT_AT_MOST = "Must be at most {most}."  # the amount field's own words, beside REFUND_AT_MOST

# Refusals: a service it relies on did not answer as it should.
REFUND_NOT_AGREED = "The refund could not be agreed with the payment provider; it will be tried again."
PROVIDER_UNCHECKED = "The payment could not be checked with the provider: {problem}"
PAYMENTS_DOWN = "Card payments cannot be taken just now; try again in a few minutes."
PAYMENTS_NOT_SET_UP = "Card payments are not set up here (the council has no payment account set up)."
PROVIDER_OTHER_AMOUNT = "The payment provider answered with another amount; nothing was taken."

# The provider's failures, as the finance desk reads them in a payment's note
# and inside PROVIDER_UNCHECKED.
PROVIDER_MISMATCH = "The provider's payment does not match ours."
PROVIDER_UNREACHABLE = "The payment provider could not be reached: {problem}"
PROVIDER_NOT_JSON = "The payment provider answered with something that is not JSON."
PROVIDER_ANSWERED = "The payment provider answered {status}: {description} ({code})"
PROVIDER_NO_DESCRIPTION = "no description"  # stands in for {description} in PROVIDER_ANSWERED
PROVIDER_NO_CODE = "no code"  # stands in for {code} in PROVIDER_ANSWERED
PROVIDER_NOT_A_PAYMENT = "The payment provider's answer lacks what a payment has ({missing})."

# Notes on a payment, read on the finance desk.
NEVER_ACKNOWLEDGED = "The provider never acknowledged it."

# Refusals to the caller of the webhook.
WEBHOOK_SIGNATURE = "The webhook's Pay-Signature does not match its body."
