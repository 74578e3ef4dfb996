"""What a bulky booking's and a garden subscription's checks say to a
resident, in each field's own words as GOV.UK writes errors ("Choose a day
for the collection"), so every client shows the same sentences. Fields only
a program fills (uprn, ids) keep the checks' terse words for developers.
And what waste's routes say when they refuse (a day not offered, a booking
past its cut-off, a bin not reportable missed yet), the e-mails and push
waste sends, and what each payment is for."""
from .limits import LOCATION_MAX, NOTES_MAX

DAY = "Choose a day for the collection"
DAY_NOT_OFFERED = "Choose one of the days offered for this address"
ITEMS_COUNT = "Choose between 1 and {max} items"
BINS_COUNT = "Choose how many bins, from 1 to {max}"
MINIMUM_TOP_UP = "Minimum charge top-up"  # the line that brings the items' prices up to the minimum charge
BAND_PRICE = "Price for {start} to {up_to} items"  # banded pricing: the one line the items are priced by


def for_people(day):
    """A day as people write it, "Monday 7 December 2026" (not 2026-12-07, nor "07"),
    in every payment description, receipt and message waste sends."""
    from datetime import date
    day = date.fromisoformat(day) if isinstance(day, str) else day
    return f"{day:%A} {day.day} {day:%B %Y}"


def moment_for_people(moment):
    """"14:00 on Friday 4 December 2026", in London time."""
    from zoneinfo import ZoneInfo
    local = moment.astimezone(ZoneInfo("Europe/London"))
    return f"{local:%H:%M} on {for_people(local.date())}"


def top_up(amount, items):
    """Pence the minimum charge adds above the items' prices (0 when they reach it). From the
    booking alone, with no read of the price rules (see docs/decisions/ on banded prices)."""
    return max(0, amount - sum(i.get("price") or 0 for i in items))

BOOKING = {
    "date": {"missing": DAY, "invalid": DAY},
    "location": {"length": f"Where you will leave the items must be {LOCATION_MAX} characters or fewer"},
    "notes": {"length": f"Notes for the crew must be {NOTES_MAX} characters or fewer"},
}
CONTAINER_NOT_HERE = "Choose a container delivered before that collection"
CHOOSE_A_NEW_DAY = "Choose a new day."

# Refusals: what the API answers when it will not do what was asked.
# Nothing (or nothing of yours) by that name.
NO_SUCH_BOOKING = "No such booking."
NO_SUCH_SUBSCRIPTION = "No such subscription."
NO_SUCH_GARDEN_ROUND = "No such garden round."
NO_ROUND_FOR_PROPERTY = ("No {stream} round is known for this property, so no bulky collection can be booked online; "
                         "call the council.")
GARDEN_CREW_ONLY = "Garden rounds' lists are for the crew that empties garden bins."
# A bulky booking's day. "{uprn}" is the route's own words, not a placeholder: never .format() it.
NOT_AN_OFFERED_DAY = "That day is not one offered for this property (GET /v1/places/{uprn}/bulky/dates)."
DAY_FULLY_BOOKED = "That day has just been fully booked; choose another."
PAST_CUT_OFF = "It is past the cut-off for this collection (14:00 the working day before)."
# Cancelling or changing a bulky booking.
UNPAID_NOTHING_TO_CANCEL = "That booking was not paid for, so there is nothing to cancel."
ONLY_CONFIRMED_CHANGED = "Only a confirmed (paid) booking can be changed."
REBOOKING_MOVES_DAY_ONLY = "A free rebooking moves the same items to another offered day: choose a new day."
CHANGE_REFUND_UNDER_WAY = "The last change's refund is still being made; try again in a few minutes."
CHANGE_AWAITING_PAYMENT = "A change is waiting for its difference to be paid: pay it, or wait until its hold ends."
CHANGE_PAYMENT_BEING_TAKEN = "The change's payment is being taken this moment; try again in a minute."
BOOKING_CHANGED_MEANWHILE = "The booking changed meanwhile; read it again."
PAYMENT_NOT_STOPPED = "The payment could not be stopped just now; try again."
# A garden waste subscription.
NO_GARDEN_ROUND = "This property is not on a garden waste round, so it cannot subscribe online."
ALREADY_SUBSCRIBED = "This property is subscribed until {until}; renewing opens on {opens}."
GARDEN_PAYMENT_UNDER_WAY = "Someone is paying for this property's garden waste right now, or it is paid for already."
ONLY_ACTIVE_CANCELLED = "Only an active subscription can be cancelled."
# A missed bin. "{{uprn}}" stays "{uprn}", the route's own words.
NOT_REPORTABLE_NOW = ("The {stream} cannot be reported missed now: from the day after its collection until "
                      "{working_days} working days after it (GET /v1/places/{{uprn}}/missed-bins).")
CONTAINER_NOT_DELIVERED = ("No {container} was delivered to this property before its {collection} collection, "
                           "so it cannot be reported missed from it.")

# Fields: what a field's check says beside it, in the API's short words (fields a program fills,
# and the officers' settings).
# Any field.
NOT_AN_OBJECT = "Must be a JSON object."
REQUIRED = "Is required."
ONE_OF = "Must be one of {choices}."
WHOLE_NUMBER = "Must be a whole number from {low} to {high}."
NOT_A_UPRN = "Must be a UPRN: 1 to 12 digits."
# A field the request does not take.
NOT_A_BOOKING_FIELD = "Is not a booking field."
NOT_A_CHANGE_FIELD = "Is not something a booking's change can set."
NOT_A_GARDEN_SETTING = "Is not a garden waste setting."
NOT_A_SUBSCRIPTION_FIELD = "Is not a subscription field."
NOT_A_MISSED_BIN_FIELD = "Is not a missed bin field."
NOT_A_SETTING = "Is not a setting."
CANNOT_BE_SET = "Cannot be set."  # currency and version: the council's, not a setting's
# A bulky booking, booked for a caller, and changed.
NOT_AN_ITEM = "Is not an item on the list (GET /v1/waste/bulky/items)."
CARD_OR_WAIVED = "Must be card (the caller's card, keyed in on the provider's page) or waived."
WAIVED_WITHOUT_REASON = "Say why the charge is waived: it is kept with the booking."
REASON_WITHOUT_WAIVING = "Goes with payment waived."
CHANGE_WITHOUT_KEY = ("Is required: a change may refund, and a retry must not "
                      "change or refund twice (a UUID per press).")
GIVE_WHAT_CHANGES = "Give what changes: {fields}."
# The bulky catalogue and its prices. ITEM_SHAPE's and BAND_SHAPE's braces are the shape's own words,
# not placeholders: never .format() them; BANDS_COUNT's "{{...}}" is said "{up_to, price}".
CATALOGUE_ITEMS_COUNT = "Must be a list of 1 to {most} items."
ITEM_SHAPE = "Must be {id, name, price}."
ITEM_ID = "Must be a unique id of lower-case letters, digits, - and _."
NOT_A_TEAM = "Must be the id of a team taking work (GET /v1/staff/teams)."
PRICING = "Must be per_item or banded."
BANDS_WITHOUT_BANDED = "Go with pricing banded."
BANDS_COUNT = "Must be a list of 1 to {most} bands: {{up_to, price}}."
BAND_SHAPE = "Must be {up_to, price}."
LAST_BAND_SHORT = "The last band must reach max_items ({max_items})."
# A missed bin.
NOT_AN_ORDERED_CONTAINER = "Must be one of the collection's ordered containers."
STREAM_NOT_REPORTABLE = "Not reportable now."
# A crew's round.
ROUND_DAY_TOO_FAR = "Must be within {days} days of today."

# The e-mails (receipts.py): a booking paid for, waived, reminded, changed, cancelled or not collected,
# and a garden subscription paid for or to renew. {day}: for_people's; amounts in pounds.
NOT_GIVEN = "not given"
WHERE_THE_CREW_CAN_SEE = "where the crew can see them"
REFUNDED_TO_CARD = "{amount} is being refunded to the card you paid with; it usually shows within 5 working days.\n"
NOTHING_TO_REFUND = "Nothing was left to refund.\n"
BOOKED_SUBJECT = "Your bulky waste collection on {day} is booked"
PAID_BODY = ("Thank you. Your bulky waste collection is booked and paid for.\n\n"
             "Booking reference: {reference}\nCollection: {day}, from 6am\n"
             "Address: {address}\nWhere the items will be: {location}\n\n"
             "Items:\n{lines}\nTotal paid: {total} (card payment {payment})\n\n"
             "You can cancel for a full refund until {cut_off} (the working day before): {link}\n\n"
             "How was booking your collection? Tell us in a minute, without giving your name: {feedback}\n")
WAIVED_BODY = ("Your bulky waste collection is booked, free of charge.\n\n"
               "Booking reference: {reference}\nCollection: {day}, from 6am\n"
               "Address: {address}\nWhere the items will be: {location}\n\n"
               "Items:\n{lines}\n\n"
               "How was booking your collection? Tell us in a minute, without giving your name: {feedback}\n")
REMINDER_SUBJECT = "Reminder: your bulky waste collection is on {day}"
REMINDER_BODY = ("Your bulky waste collection (reference {reference}) is on {day}.\n\n"
                 "Please put these items out by 6am that day, {location}: {items}.\nOnly the items booked are taken.\n")
CANCELLED_SUBJECT = "Your bulky waste collection {reference} is cancelled"
CANCELLED_BODY = "Your bulky waste collection on {day} (reference {reference}) is cancelled.\n\n{refund}"
CHANGED_SUBJECT = "Your bulky waste collection {reference} is changed"
CHANGED_BODY = ("Your bulky waste collection (reference {reference}) is now on {day}, from 6am.\n\n"
                "Where the items will be: {location}\nItems:\n{lines}\nTotal: {total}\n{refund}{paid}")
DIFFERENCE_REFUNDED = ("\n{amount}, the difference, is being refunded to the card you paid with; it "
                       "usually shows within 5 working days.\n")
DIFFERENCE_PAID = "\nThank you for paying the difference, {amount}.\n"
CHANGE_NOT_MADE_SUBJECT = "Your change to bulky waste collection {reference} was not made"
CHANGE_NOT_MADE_BODY = ("Your payment of {paid} for a change to your bulky waste collection (reference "
                        "{reference}) arrived after the change's 30 minutes had run out, so the change was not made "
                        "and your collection stays as it was, on {day}.\n\n{refund}")
NOT_COLLECTED_SUBJECT = "Your bulky waste collection {reference} could not be made"
NOT_COLLECTED_BODY = ("Our crew could not collect your bulky waste on {day} (reference {reference}).\n\n"
                      "The crew's reason: {reason}\n\n{remedy}")
REBOOK_FREE = "You can choose a new day for the same items, free of charge: {link}\n"
REFUND_TO_COME = "Everything you paid will be refunded to your card; we will write when it is done.\n"
GARDEN_PAID_SUBJECT = "Your garden waste subscription is paid for"
GARDEN_PAID_BODY = ("Thank you. Your garden waste bins at {address} will be emptied from {start} to {end}.\n\n"
                    "Bins: {bins}\nTotal paid: {total} (card payment {payment})\n"
                    "We will remind you when you can renew.\n\n"
                    "How was subscribing? Tell us in a minute, without giving your name: {feedback}\n")
GARDEN_RENEW_SUBJECT = "Renew your garden waste subscription"
GARDEN_RENEW_BODY = ("Your garden waste subscription at {address} ends on {end}.\n"
                     "Renew it here so your bins keep being emptied: {link}\n")

# The push when a crew could not collect (never the reason on a lock screen).
NOT_COLLECTED_PUSH = "Your bulky waste was not collected"
PUSH_REBOOK = "Choose a new day, free of charge."
PUSH_REFUNDING = "Your payment is being refunded."
PUSH_SEE_WHY = " Open the booking to see why."

# What a payment is for, as the payment page and the card statement say it.
BULKY_PAYMENT = {"one": "Bulky waste collection on {day}: {count} item",
                 "other": "Bulky waste collection on {day}: {count} items"}
GARDEN_PAYMENT = {"one": "Garden waste collection, {bins} bin, {start} to {end}",
                  "other": "Garden waste collection, {bins} bins, {start} to {end}"}
CHANGE_PAYMENT = "Change to bulky waste collection {reference}: {amount} more"

# A missed bin's report, as the council reads it ({stream}: the bin's label, places/bins.py).
MISSED_CONTAINER = "{stream} ({container}, delivered {delivered})"
MISSED_DESCRIPTION = "{what} not collected on {day}. "

# An Idempotency-Key sent again with another body: what it was used for ends the refusal
# (shared/idempotency.py: "That Idempotency-Key was used for {what}.").
KEY_USED_FOR_BOOKING = "another booking"
KEY_USED_FOR_CHANGE = "another change"
KEY_USED_FOR_SUBSCRIPTION = "another subscription"

# What an officer opened, in the audit's line of the reading (shared/reading.py).
READ_BOOKING = "The bulky booking, with the resident's address"
READ_SUBSCRIPTION = "The garden waste subscription, with the resident's address"
