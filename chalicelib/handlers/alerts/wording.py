"""Words of the alerts people read that are not a report's own facts, and what the
alerts' routes say when they refuse."""

# A form's case, told to the resident who sent the form (dispatch.form_case_words).
FORM_CASE_TITLE = "{form} {reference}: {label}"
FORM_CASE_MOVED = "Your form \"{form}\" (reference {reference}) is now {label}."
FORM_CASE_UPDATED = "An update on your form \"{form}\" (reference {reference})."

# Refusals: what the API answers when it will not do what was asked.
# Nothing (or nothing of yours) by that name.
NO_SUCH_ALERT = "No such alert of yours."
NO_SUCH_BROADCAST = "No such broadcast."
NO_SUCH_REPORT = "No report {report_id!s:.40}."
NO_SUCH_WARD = "No ward {ward!r}; GET /v1/councillors?lat=..&lon=.. gives a place's ward id."
UNKNOWN_WARDS = "No ward {wards}; GET /v1/councillors gives ward ids."
# Who may: a sign-in, a token or a link that does not open the alert.
SIGN_IN_OR_TOKEN = "Sign in, or give the alert's management token as ?token=."
TOKEN_DOES_NOT_OPEN = "That token does not open an alert (used, expired or mistyped)."
TOKEN_FOR_ANOTHER_ALERT = "That token belongs to another alert."
UNSUBSCRIBE_LINK_NOT_VALID = "That unsubscribe link is not valid."
CREW_MEMBERS_ONLY = "Job alerts are for street-crew members of a team: sign in as one."
# Broadcasts and push.
KEY_USED_FOR_ANOTHER_BROADCAST = "This Idempotency-Key was used for a different broadcast."
PUSH_NOT_SET_UP = "Push alerts are not set up on this service."
