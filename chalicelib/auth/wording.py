"""What signing in and the limits say: a route's rule refused, a token or
session not accepted, too many of something."""

# -- a route's rule
SIGN_IN = "Sign in to use this."
STAFF_ONLY = "Only council staff can do this."
ADMIN_ONLY = "Only administrators can do this."
NOT_YOUR_DESK = ("Your roles do not open the {desk} desk. If your work needs it, ask an administrator to give you "
                 "a role that does.")
CREW_ONLY = "Only street-crew members of a team can do this."
OPERATOR_ONLY = "Only the deployment's operator can do this."
OPERATOR_HOLDS_NOTHING_HERE = ("You are signed in as the deployment's operator, which opens the operator's routes "
                               "alone: this council has given you no role here.")
OUTSIDE_YOUR_AREA = "This report is outside your area of responsibility."

# -- tokens and sessions
BEARER = "Send the access token as 'Authorization: Bearer <token>'."
SESSION_ENDED = "This session has ended; sign in again."
ACCOUNT_DEACTIVATED = ("Your council has turned off your account in its staff directory, so this session has ended. "
                       "If you think this is wrong, ask your council's IT service desk.")
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
         "hold": "appointment holds", "feedback": "answers", "start": "services started",
         "comment": "comments",
         "sign_in": "sign-ins begun"}
CHANNEL_NOUNS = {"email": "emails", "sms": "text messages"}

# -- external sign-in tokens (accounts' SSO route shows these as the refusal)
EXTERNAL_TOKEN_MALFORMED = "Token is missing or malformed."
EXTERNAL_TOKEN_UNREADABLE = "Token is malformed."
EXTERNAL_TOKEN_UNKNOWN_ISSUER = "Token is not from an issuer Doorstep trusts."
EXTERNAL_TOKEN_ALGORITHM = "Token algorithm is not allowed."
EXTERNAL_TOKEN_NO_KEY_ID = "Token has no key id."
EXTERNAL_TOKEN_EXPIRED = "Token has expired."
EXTERNAL_TOKEN_NOT_VALID = "Token is not valid: {detail}"
EXTERNAL_TOKEN_EMPTY_SUBJECT = "Token has an empty subject."
EXTERNAL_KEYS_UNREACHABLE = "Could not fetch the issuer's keys."
EXTERNAL_TOKEN_UNKNOWN_KEY = "Token was signed with an unknown key."

# -- a sign-in through the council's provider (auth/code_flow.py)
PROVIDER_ANSWER_UNREADABLE = "The sign-in provider's answer could not be read. Start again from the sign-in page."
PROVIDER_NONCE = "The sign-in provider's answer belongs to another sign-in. Start again from the sign-in page."
PROVIDER_OTHER_PERSON = "The sign-in provider described another person. Start again from the sign-in page."
PROVIDER_REFUSED = "The sign-in provider refused to finish this sign-in ({error}). Start again from the sign-in page."

# -- password advice (shown beside the password field)
PASSWORD_TOO_SHORT = "Use at least {min_length} characters. A few unrelated words make a good password."
PASSWORD_TOO_LONG = "Use at most {max_length} characters."
PASSWORD_COMMON = "This password is one of the most commonly used. Choose one that is harder to guess."
PASSWORD_IS_EMAIL = "Don't use your email address as your password."
PASSWORD_IS_NAME = "Don't use your name as your password."
