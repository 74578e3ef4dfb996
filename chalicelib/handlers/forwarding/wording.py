"""Forwarding's words that staff read: a body's health, a send awaiting the
body's id, a token that never resolved, a "send again" that had nothing to do."""

NAMELESS_UPDATES = ("{n} of {of} updates had no update_id or service_request_id and were skipped: "
                    "is the answer shaped as GeoReport's servicerequestupdates?")
AWAITING_ID = "{name} took it and will give its reference later (token {token})"
NO_ID_FOR_TOKEN = "{name} gave token {token} at {at} UTC and no service_request_id for it since."
UNDER_WAY = "It is being sent to {name} this moment."
JUST_SENT = "It reached {name} at {at} UTC, moments ago: send it again later if they have lost it."
