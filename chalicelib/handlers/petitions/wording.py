"""What a petition's checks say, in each field's own words as GOV.UK writes
errors ("Enter your full name"), so the app and any other client show the
same sentences: one catalogue for the petition and one for a signature; and
what the petitions' routes say when they refuse."""
from .limits import ACTION_MAX, BACKGROUND_MAX, DETAILS_MAX, NAME_MAX

PETITION = {
    "action": {"missing": "Enter what you want the council to do",
               "length": f"What you want the council to do must be between 10 and {ACTION_MAX} characters"},
    "background": {"missing": "Enter why you want it",
                   "length": f"Why you want it must be between 10 and {BACKGROUND_MAX} characters"},
    "details": {"length": f"More details must be {DETAILS_MAX} characters or fewer"},
}

SIGNATURE = {
    "name": {"missing": "Enter your full name", "length": f"Full name must be {NAME_MAX} characters or fewer"},
    "email": {"missing": "Enter your email address",
              "invalid": "Enter an email address in the correct format, like name@example.com",
              "length": "Enter an email address in the correct format, like name@example.com"},
    "postcode": {"missing": "Enter your postcode", "invalid": "Enter a real postcode, like YO1 7HH"},
    "in_area": {"missing": "Confirm that you live, work or study in the council's area"},
}

# Refusals: what the API answers when it will not do what was asked.
# Nothing (or nothing public) by that name, or a link that no longer opens anything.
NO_SUCH_PETITION = "No such petition."
SIGNATURE_LINK_NOT_VALID = "That link is not (or no longer) valid; sign again to be sent a new one."
FOLLOW_LINK_NOT_VALID = "That link is not (or no longer) valid."
# Asked of a petition in the wrong state.
NOT_TAKING_SIGNATURES = "This petition is not taking signatures."
PUBLISH_NOT_AWAITING_MODERATION = "Only a petition awaiting moderation can be published."
REJECT_NOT_AWAITING_MODERATION = "Only a petition awaiting moderation can be rejected."
RESPOND_NOT_PUBLISHED = "Only a published petition can be responded to."
DEBATE_NOT_PUBLISHED = "Only a published petition can be debated."
# Someone else changed the petition meanwhile.
PETITION_CHANGED_FIRST = "Someone changed this petition first; here it is as it is now."
KEPT_CHANGING_WHILE_AUDITING = "The petition kept changing; the signatures were invalidated but try again to audit it."
# What was sent cannot be used.
EMAIL_OR_SIGN_IN = "Give an email address, or sign in with a verified one."
PLACE_INCOMPLETE = "Give lat and lon together, or neither."
NOT_A_CURSOR = "That is not a cursor this API gave."
NOTHING_TO_MATCH = "Name a domain, postcode, client or time window (since/until)."
