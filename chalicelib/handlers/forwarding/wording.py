"""Forwarding's words: those staff read (a body's health, a send awaiting the
body's id, a token that never resolved, a "send again" that had nothing to
do) and those a body's officer reads about the link in its e-mail (in the
e-mail itself, and when the link no longer works), and on the report's page
in each field's own words as GOV.UK writes errors; and the refusals staff may
meet (a body that is not there, a send that changed or is already on its way)."""

NAMELESS_UPDATES = ("{n} of {of} updates had no update_id or service_request_id and were skipped: "
                    "is the answer shaped as GeoReport's servicerequestupdates?")
AWAITING_ID = "{name} took it and will give its reference later (token {token})"
NO_ID_FOR_TOKEN = "{name} gave token {token} at {at} UTC and no service_request_id for it since."
UNDER_WAY = "It is being sent to {name} this moment."
JUST_SENT = "It reached {name} at {at} UTC, moments ago: send it again later if they have lost it."

LINK_NOT_VALID = "This link is not valid: open the one in the email."
NO_LONGER_YOURS = "The council has taken this report back, so this link no longer works."
REPORT_CLOSED = ("The council has closed this report, so this link no longer works. "
                 "If it needs more work, contact the council.")


def link_expired(expires):
    from ..reports.views import local_time
    return (f"This link expired at {local_time(expires)}. If the report still needs an answer, "
            "contact the council: it can send it to you again.")


def link_lasts(expires):
    from ..reports.views import local_time
    return f"  (This link works until {local_time(expires)}.)"


NOT_OURS_WITHOUT_REASON = "Enter why the report is not yours, so the council can pass it on"
OFFICER = {
    "reason": {"length": "What the resident should know must be 1000 characters or fewer"},
    "responsible": {"length": "Whose it is must be 300 characters or fewer"},
}

# Fields' own words, beside each field (422).
NOT_ONE_OF = "Must be one of: {choices}."
NOT_A_BODY = "Must be the id of a body (GET /v1/staff/bodies)."


# Refusals: what was asked for is not there.
NO_BODY = "No body {body_id!s:.40}."

# Refusals: its state does not allow it, or it changed meanwhile.
SEND_CHANGED = "The send changed meanwhile; read the report again."
ON_ITS_WAY = "It is on its way to {name} already."
