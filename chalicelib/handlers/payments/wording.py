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
