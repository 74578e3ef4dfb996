"""What container requests say to a resident: the fields' checks in GOV.UK's
words, the reasons' names, and the e-mails that follow a request's events; and
the refusals a resident or an officer keeping the depots' stock may meet."""

CONTAINER = "Choose a container this address can have"
REASON = "Choose why you need it"
NOTES = "Where to leave it must be {max} characters or fewer"
REASON_NAMES = {"damaged": "Damaged", "damaged_by_crew": "Damaged by our crew", "missing": "Missing or stolen",
                "new_resident": "New property", "extra": "An extra container"}
DESCRIPTION = "{name} for {address}"

CONFIRMED_SUBJECT = "Your {name} will be delivered on {day}"
CONFIRMED_BODY = ("Thank you. Your request {id} for a {name} at {address} is confirmed.\n\n"
                  "Our crew will bring it on {day}, your {stream} collection day.\n{paid}"
                  "You can see your request here: {link}\n\n"
                  "How was asking for it? Tell us in a minute, without giving your name: {feedback}\n")
PAID = "Paid: {amount}\n\n"
FREE = "There is nothing to pay.\n\n"
DELIVERED_SUBJECT = "Your {name} has been delivered"
DELIVERED_BODY = "Our crew delivered your {name} to {address} (request {id}).\n"
NOT_DELIVERED_SUBJECT = "We could not deliver your {name}"
NOT_DELIVERED_BODY = ("Our crew could not deliver your {name} to {address} (request {id}).\n\n"
                      "The crew's reason: {reason}\n\nPlease call us to arrange another day.\n")
REFUNDED_SUBJECT = "Your container request {id} was not made"
REFUNDED_BODY = ("Your payment for a {name} arrived after its 30 minutes had run out, so the request was not "
                 "made.\n\n{amount} is being refunded to the card you paid with.\n")
NOT_CANCELLABLE = "Request {id} cannot be cancelled: the crew has delivered it, or it has ended."
CANCELLED_SUBJECT = "Your container request {id} is cancelled"
CANCELLED_BODY = "Your request {id} for a {name} at {address} is cancelled.\n\n{refund}"
CANCEL_REFUND = "{amount} is being refunded to the card you paid with.\n"
CANCEL_NOTHING = "There was nothing to refund.\n"

# Fields' own words, beside each field (422).
NOT_CANCELLATION_FIELD = "Is not a cancellation field."
BODY_NOT_OBJECT = "Must be a JSON object."
NOT_REQUEST_FIELD = "Is not a container request field."
UPRN_NOT_DIGITS = "Must be a UPRN: 1 to 12 digits."
NOT_LIST_FILTER = "Is not a filter of this list."
STATUS_NOT_ONE_OF = "Must be one of {choices}."
LIMIT_OUT_OF_RANGE = "Must be 1 to {most}."
NOT_STOCK_CHANGE_FIELD = "Is not a stock change field."
ADD_OUT_OF_RANGE = "Must be a whole number of containers from -{most} to {most} (less than 0: written off)."


# Refusals: what was asked for is not there.
NO_DEPOT = "No depot is called {depot!r}; the council's are {depots}."
NO_SUCH_CONTAINER = "The council's list has no such container."

# Refusals: its state does not allow it, or it changed meanwhile.
REQUEST_BEING_CHANGED = "The request is being changed just now; try again."
NONE_LEFT = "The depot has no {name} left just now, so it cannot be ordered; try again in a few days."

# Refusals: what was asked cannot be done as asked.
CHANGE_OF_NOTHING = "A change of 0 changes nothing."
ADD_NOT_ZERO = "Must not be 0."  # the add field's own words, beside CHANGE_OF_NOTHING
WRITE_OFF_AT_MOST = "The depot has {count}: at most {count} can be written off."
ADD_AT_MOST = "At most {count} can be written off."  # the add field's, beside WRITE_OFF_AT_MOST
REQUEST_ALREADY_OPEN = "A request for this container is already open: {reference}."  # its reference rides along
REQUEST_OPEN_AT_ADDRESS = ("A request for this container is already open at this address. If it is yours, you can "
                           "find it in My Account.")  # anyone else's: no reference
NO_SUCH_REQUEST = "No such container request."
PAYMENT_BEING_TAKEN = "The payment is being taken just now: its cancellation is tried again."  # logs, not people

# The containers' names in the default settings (limits.py), read on screens and
# in e-mails; a council's own settings name theirs.
CONTAINER_NAMES = {
    "refuse-bin": "Grey wheeled bin (180 litres)",
    "recycling-box": "Green recycling box (55 litres)",
    "recycling-bin": "Blue recycling bin (240 litres)",
    "food-caddy": "Food waste caddy",
    "garden-bin": "Brown garden waste bin (240 litres)",
}

# What an officer opened, in the audit's line of the reading (shared/reading.py).
READ_REQUEST = "The container request, with the resident's address"
