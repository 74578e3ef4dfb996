"""What a petition's checks say, in each field's own words as GOV.UK writes
errors ("Enter your full name"), so the app and any other client show the
same sentences: one catalogue for the petition and one for a signature; and
what the petitions' routes say when they refuse; the answers to signing and
following, the e-mails confirming them, the notices to signers and followers,
a new petition's push and the RSS feed."""
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

# Fields: what a field's check says beside it, in the API's short words.
# Any field.
REQUIRED = "Is required."
ONE_OF = "Must be one of {choices}."
TRUE_OR_FALSE = "Must be true or false."
NOT_A_POSTCODE = "Must be a UK postcode."
# A field the request does not take.
NOT_A_PETITION_FIELD = "Is not a petition field."
NOT_A_SIGNATURE_FIELD = "Is not a signature field."
NOT_A_FOLLOWER_FIELD = "Is not a follower field."
NOT_A_FIELD_HERE = "Is not a field here."
# Lists of petitions, the public's and moderation's.
PUBLIC_STATE = "Must be open, closed, responded or rejected."
MODERATION_STATE = "Must be pending, sponsored, open, rejected or closed."
LIMIT = "Must be 1 to 50."
CURSOR_NOT_OURS = "Is not a cursor this API gave."
MOMENT_WITHOUT_ZONE = "Must be a moment with its zone, e.g. 2026-11-23T09:00:00Z."
# Signing and following: who, and the link that confirms it.
EMAIL_REQUIRED_UNLESS_SIGNED_IN = "Is required unless you are signed in with a verified email address."
TOKEN_IN_EMAIL_LINK = "Is required: the email's link carries it."
TOKEN_IN_SPONSORS_LINK = "Is required: the sponsors' link carries it."

# Answers: what a signer or follower is told once asked.
SIGNATURE_CHECK_EMAIL = "Thank you. We have sent you an email: your signature counts once you follow its link."
FOLLOW_CHECK_EMAIL = "Thank you. We have sent you an email: you follow this petition once you open its link."
NOW_FOLLOWING = "You follow this petition: we will email you when it moves on."

# Notices to signers and followers (e-mail and push): the subject by what happened, what it says,
# and the e-mail around it.
SIGNED_SUBJECTS = {"response": "The council has responded to a petition you signed",
                   "debate": "A petition you signed will be debated",
                   "closed": "A petition you signed has closed"}
FOLLOWED_SUBJECTS = {"response": "The council has responded to a petition you follow",
                     "debate": "A petition you follow will be debated",
                     "closed": "A petition you follow has closed"}
RESPONDED = "The council's response:\n\n{text}"
DEBATE_AT_MEETING = "It will be debated at {committee} on {date}{time}, as the item \"{item}\".\n\n{note}"
DEBATE_TIME = " at {time}"  # DEBATE_AT_MEETING's {time}, when the meeting has one
DEBATE_AT_FULL_COUNCIL = "It will be debated at full council on {date}.\n\n{note}"
CLOSED_WITH = "It closed with {signatures:,} signatures."
SIGNER_EMAIL = "You signed the petition:\n\n  {action}\n\n{said}\n\nRead more: {link}\n"
FOLLOWER_EMAIL = ("You follow the petition:\n\n  {action}\n\n{said}\n\nRead more: {link}\n\n"
                  "To stop these emails: {stop}\n")

# The e-mails that ask a signer (or sponsor) and a follower to confirm.
CONFIRM_SIGNATURE_SUBJECT = "Please confirm your signature"
SIGNER_ROLE = "sign this petition"
SPONSOR_ROLE = "support this petition as a sponsor"
CONFIRM_SIGNATURE_BODY = ("You asked to {role}:\n\n  {action}\n\nTo confirm, open this link:\n{link}\n\n"
                          "Your signature counts only once you have. If it was not you, ignore this message.")
CONFIRM_FOLLOW_SUBJECT = "Please confirm you want to follow a petition"
CONFIRM_FOLLOW_BODY = ("You asked to be told when this petition moves on:\n\n  {action}\n\n"
                       "To confirm, open this link:\n{link}\n\nIf it was not you, ignore this message.")

# A new petition, pushed to area and ward alerts.
NEW_PETITION = "New petition {where}"
IN_WARD = "in {ward} ward"
NEAR_YOU = "near you"

# The RSS feed of open petitions.
FEED_TITLE = "Doorstep: open petitions"
FEED_DESCRIPTION = "Petitions to the council that are open for signatures"
FEED_ITEM_COUNT = "{signatures:,} signatures; open until {closes:%d %B %Y}."
