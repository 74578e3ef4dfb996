"""What payers and officers read from paying bills (server side). A fund's own
reference rule is the council's, in its funds file."""
CHECK_DIGIT = "That {label} is not right: one of its digits is wrong or two are swapped. Check it against your bill."
NO_FUND = "Choose what you are paying for."
AMOUNT = "Enter an amount from {least} to {most}."
PCN_NOT_FOUND = "We cannot find a PCN with that number. Check it against the notice."
PCN_NOT_PAYABLE = "This PCN cannot be paid online now: it is {status}. Call us if you think that is wrong."
ISSUER_DOWN = "We cannot check the amount due just now. Try again in a few minutes."
NO_BILL = "We cannot find that payment. If you paid, your receipt email has its details."
FIELD_UNKNOWN = "Is not a payment field."
EMAIL = "Enter an email address like name@example.com, or leave it empty."
# What a payment is called on the card page, the receipt and My Account.
DESCRIPTION = "{fund}: {label} {reference}, payment {number}"
OFFER_BALANCE = "Pay the balance"
OFFER_INSTALMENT = "Pay the next instalment (due {due})"
OFFER_INSTALMENT_PAID = "Next instalment paid on {date}: it can take up to 3 working days to show on your account"
RECEIPT_SUBJECT = "Your payment of {amount}: {fund}"
RECEIPT_BODY = ("Thank you. We have received your payment.\n\n"
                "What for: {fund}\n{label}: {reference}\nAmount: {amount}\nPayment reference: {payment}\n"
                "Date: {date}\n\nKeep this email as your receipt. It can take up to 3 working days to show "
                "on your account.\n\n"
                "How was paying? Tell us in a minute, without giving your name: {feedback}\n")
# Finance's screens (links.py, cashfile.py).
LINK_DAYS = "Enter a number of days from 1 to {most}."
CONFIRM = "Must be true or false."
DAY = "Choose a day, or type it like 2026-11-24."
NO_SUCH_FUND = "We do not take payments for that fund. Choose one from the list."
LINK_GONE = "This payment link has been used or has expired. Ask the officer who sent it for a new one."
# A link's state said as it is (links.py): in progress is neither used nor free.
LINK_IN_PROGRESS = ("A payment with this link is in progress: it started at {started}. If the card page was closed "
                    "without paying, the link can be used again once the payment has expired, about {again}.")
LINK_PAID = "This payment link has been used: the payment was made at {paid}. You do not need to pay again."
LINK_EXPIRED = "This payment link expired at {expired}. Ask the officer who sent it for a new one."
AT = "{clock} on {day}"
LINK_EXISTS = ("There is already a payment link for {reference} that can still be paid. Sending another could "
               "mean the bill is paid twice. Confirm to make another link anyway.")
LINK_EXISTS_ONE = "Made at {made} by {by}: {state}"
LINK_STATE_LIVE = "not used yet, it expires at {expires}"
LINK_STATE_IN_PROGRESS = "a payment with it is in progress, started at {started}"
# A staff payment link sent to the payer (sending.py): the link itself from configuration.
LINK_PHONE = "Enter a mobile number like 07700 900123, or leave it empty."
LINK_ON_THE_DAY = "the amount due on the day you pay"
LINK_SUBJECT = "A link to pay: {fund}"
LINK_BODY = ("The council has sent you a link to pay online.\n\n"
             "What for: {fund}\nReference: {reference}\nAmount: {amount}\n\n"
             "Pay here: {url}\n\nThe link can be used once, until {expires}. If you did not expect it, "
             "you can ignore this email.\n")
LINK_TEXT = "Pay {fund} {reference}, {amount}, by {expires}: {url}"


# Refusals: what was asked cannot be done as asked.
REFERENCE_RULE = "{rule}."  # a fund's own rule, the council's words from its funds file, said as a sentence
