"""What signing in and the limits say: a route's rule refused, a token or
session not accepted, too many of something."""

# -- a route's rule
SIGN_IN = "Sign in to use this."
STAFF_ONLY = "Only council staff can do this."
ADMIN_ONLY = "Only administrators can do this."
CREW_ONLY = "Only street-crew members of a team can do this."
OUTSIDE_YOUR_AREA = "This report is outside your area of responsibility."

# -- tokens and sessions
BEARER = "Send the access token as 'Authorization: Bearer <token>'."
SESSION_ENDED = "This session has ended; sign in again."
NOT_ACCESS_TOKEN = "That is not an access token."
TOKEN_INVALID = "The access token is not valid."
TOKEN_EXPIRED = "The access token has expired; refresh it."

# -- limits
TOO_MANY = "Too many attempts; try again later."
TOO_MANY_SIGN_INS = ("Too many failed sign-ins; try again later, sign in from a device you have used before, "
                     "or reset your password.")
TOO_MANY_NEW = "Too many new {things} from you for now; try again later."
TOO_MANY_MAP = "Too many map requests from you for now; try again in a minute."
TOO_MANY_ASKED = "Too many {things} asked for from you for now; try again later."
SENDING_TOO_MANY = "We are sending too many {things} to unconfirmed addresses right now; try again later."
NOUNS = {"report": "reports", "upload": "photo uploads", "alert": "alerts", "conversation": "conversations",
         "chat_message": "messages", "live_question": "questions", "form": "forms started",
         "hold": "appointment holds"}
CHANNEL_NOUNS = {"email": "emails", "sms": "text messages"}
