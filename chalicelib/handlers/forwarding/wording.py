"""Forwarding's words: those staff read (a body's health, a send awaiting the
body's id, a token that never resolved, a "send again" that had nothing to
do) and those a body's officer reads about the link in its e-mail (in the
e-mail itself, and when the link no longer works), and on the report's page
in each field's own words as GOV.UK writes errors; and the refusals staff may
meet (a body that is not there, a send that changed or is already on its way);
and what a body gets with a report (its e-mail, its Open311 description) and the
notes on a send staff read (chased, why a try failed)."""

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


# The e-mail a body gets with a report (email_out.send_by_email): subject and plain text.
# {where} is EMAIL_WHERE or nothing (a report with no point); {answers} EMAIL_ANSWERS and
# {photos} EMAIL_PHOTOS, or nothing; {reporter} EMAIL_REPORTER where the body is entitled
# to the reporter's details, else EMAIL_CONTACT_KEPT; {link_lasts} is link_lasts(...).
EMAIL_SUBJECT = "{category} reported: {reference}"
EMAIL_TEXT = ("A resident reported a problem that {body} looks after.\n\n"
              "Category: {category}\nReference: {reference}\n{where}"
              "Reported: {reported}\n\nWhat the resident said:\n{description}{answers}{photos}\n\n{reporter}\n\n"
              "The public page of this report:\n  {page}\n\n"
              "Tell us what happens (in progress, fixed, or not yours), no account needed:\n"
              "  {answer_link}\n{link_lasts}\n")
EMAIL_WHERE = "Where: {where}\nMap: {map}\n"
PLACE_AND_POINT = "{place} ({lat:.5f}, {lon:.5f})"
POINT = "{lat:.5f}, {lon:.5f}"
EMAIL_ANSWERS = "\n\nAnswers:\n{answers}"
EMAIL_ANSWER = "  {question}: {answer}"  # one a line
EMAIL_PHOTOS = "\n\nPhotos (no account needed):\n{photos}"
EMAIL_PHOTO = "  {url}"  # one a line
EMAIL_REPORTER = "Reporter: {contact}"  # name, e-mail and phone, those given, joined by ", "
EMAIL_CONTACT_KEPT = "The reporter's contact details are kept by the council."
# The same e-mail sent once more, when the body did not answer within its target.
EMAIL_SUBJECT_AGAIN = "Sent again, no answer yet: {category} reported: {reference}"
EMAIL_TEXT_AGAIN = "We sent you this report and have heard nothing back, so here it is again.\n\n{text}"

# A report's description as a body's Open311 server gets it (open311_out.request_fields),
# with the link to its public page; and sent once more, when the body did not answer.
OPEN311_DESCRIPTION = "{description}\n\n{page}"
OPEN311_DESCRIPTION_AGAIN = ("Sent again: no answer has come from you since it was first sent.\n\n"
                             "{description}\n\n{page}")

# Notes on a send, as staff read them on the body's health and the report's sends.
CHASED = "No answer since {sent_at:%Y-%m-%d %H:%M} UTC: sent again with a note."
# Why a try failed (BodyUnreachable); the next try may go through.
GONE = "The body or the report no longer exists."
COULD_NOT_SEND = "Doorstep could not send it: {error}"  # a bug's exception class
NEITHER_ID_NOR_TOKEN = "The answer had no service_request_id and no token."
ANSWER_TOO_LARGE = "The answer was over 2 MB."
NO_ANSWER_WITHIN = "No answer within {timeout} s."
COULD_NOT_REACH = "Could not reach {host}: {error}: {detail}"
NOT_OPEN311 = "The answer was not Open311 {format}: {error}"
# Why reading a body's updates failed (polling), before why the try failed as above.
READING_UPDATES_FAILED = "Reading updates: {problem}"

# What the officer's page offers to say happened, by choice (officer_actions.CHOICES).
OFFICER_CHOICES = {"in_progress": "In progress", "fixed": "Fixed", "not_ours": "Not ours"}
