"""What a new report's checks say, in the field's own words as GOV.UK
writes errors (REPORT); and the council's words for a report's new state: a response template's text
with its placeholders filled from the report. Staff manage the templates
(staff/templates.py); whoever changes a report (staff, a crew's done) words
the change through here, so a public update says the same whoever made it.
And what the reports' routes say when they refuse (a report not found, a link
not valid, a photo too large), each field's check in the API's short words,
the answers to a "me too", where a report went, the RSS feeds and the e-mail
confirming a "me too"."""
import re
from datetime import date

from ... import states, visibility
from ..shared import placement

REPORT = {"description": {"missing": "Enter a description of the problem"}}
# A form's case (form_cases.py): private for good, and worked at a desk.
FORM_CASE_PRIVATE = "This case came from a form: it is the resident's own, and nothing of it can be made public."
NOT_FOR_A_FORM_CASE = ("This case came from a form: it is answered at a desk, so street work (a crew, a place, "
                       "another body, a duplicate) is not for it.")

# Refusals: what the API answers when it will not do what was asked.
# Nothing (or nothing public) by that name.
NO_SUCH_REPORT = "No report {report_id!s:.40}."
NO_SUCH_SERVICE = "No service {code!s:.40}."
NO_SUCH_WARD = "There is no ward {ward!r}."
NO_SUCH_PHOTO = "No such photo."
# A link or token that does not open what it names.
TOKEN_DOES_NOT_OPEN = "That tracking token does not open this report."
SUPPORT_LINK_NOT_VALID = "That link is not (or no longer) valid; say \"me too\" again to be sent a new one."
WITHDRAW_LINK_NOT_VALID = "That link is not a valid link to withdraw support."
# Someone else changed the report, or the same request is under way.
CHANGED_WHILE_EDITING = "The report changed while you were editing it; reload and try again."
REPORT_CHANGING = "The report is changing right now; try again in a moment."
UPDATE_BEING_RECORDED = "This update is being recorded already."
IDENTICAL_REQUEST_IN_PROGRESS = "An identical request is being processed; retry shortly."
NO_REFERENCE_FREE = "Could not allocate a reference; retry."
# Supporting a report ("me too").
EMAIL_OR_SIGN_IN = "Give an email address, or sign in with a verified one."
EMAIL_NOT_VERIFIED = "Only a verified email address supports a report; yours is not verified yet."
OWN_REPORT = "You reported this problem: it counts you already."
REPORT_CLOSED = "This report is closed: report the problem again if it is back."
# Photos and files.
PHOTO_TOO_LARGE = "Photos can be at most {megabytes} MB."
FILE_TOO_LARGE = "Files can be at most {megabytes} MB."
UPLOAD_UNKNOWN_OR_EXPIRED = "That photo upload is unknown or has expired; upload it again."
PHOTO_NEVER_UPLOADED = "The photo was never uploaded; send the file to the upload URL first."
PHOTO_ALREADY_ATTACHED = "That photo is already attached to a report."
PHOTO_ON_ANOTHER_REPORT = "A photo is already attached to another report."
# A photo refused by what it is (photos.py, by its code): {megabytes} and {pixels} are the limits.
PHOTO_REFUSED = {
    "photo_too_large": "The photo is larger than {megabytes} MB. Please send a smaller photo.",
    "not_an_image": "The file is not a photo we can read. It may be damaged or incomplete.",
    "unsupported_image_type": "This type of image is not accepted. Please send a JPEG, PNG, WebP or GIF photo.",
    "image_dimensions_too_large": ("The photo's dimensions are too large (over {pixels:,} pixels). "
                                   "Please send a smaller photo."),
}
# The map.
AREA_TOO_LARGE = "That area is too large for one map query; zoom in."
IDEMPOTENCY_KEY_REUSED = "This Idempotency-Key was used with a different request body."

# Fields: what a field's check says beside it, in the API's short words.
# Any field: a body, a choice, a size.
NOT_AN_OBJECT = "Must be a JSON object."
REQUIRED = "Is required."
ONE_OF = "Must be one of: {choices}."
TOO_LARGE = "Too large."
# A new report: its category, place, photos and contact.
STAFF_ONLY_CATEGORY = "Only council staff can report in this category."
NOT_A_SERVICE = "Is not a known service; see GET /v1/services."
REQUIRED_FOR_CATEGORY = "Is required for this category."
PHOTOS_NOT_A_LIST = "Must be a list of upload ids."
PHOTOS_AT_MOST = "At most {most} photos."
PHOTO_TWICE = "Lists the same upload twice."
NOT_A_UPRN = "Must be a UPRN: 1 to 12 digits."
UPRN_WITHOUT_PLACE = "Needs lat and lon: the address names where the problem is."
UPRN_NOT_HERE = "Is not an address in this council's area; GET /v1/places finds one."
UPRN_AWAY = ("Is {metres:.0f} m from lat/lon; send the address's own point, "
             "or no uprn when the pin is moved away from it.")
CONTACT_NOT_AN_OBJECT = "Must be an object with name, email and phone."
# A category answered to its maker (a complaint): `contact: required` in its settings.
CONTACT_TO_ANSWER = "Give an email address or a phone number, so the council can answer you."
# Where: a feed's or the categories' place.
ONE_PLACE_ONLY = "Give report, ward or lat/lon: one of them."
LAT_LON_OR_REPORT_OR_WARD = "Is required (with the other of lat and lon), or give report or ward."
LAT_LON_TOGETHER = "Send lat and lon together."
# The map's query.
MAP_STATUS = "Must be open, closed, all or a comma list of states."
SERVICE_CODES_AT_MOST = "At most {most} service codes."
NOT_A_CATEGORY = "Not a category: {codes} (GET /v1/services lists them)."
BBOX_NOT_FOUR_NUMBERS = "Must be w,s,e,n (four numbers, longitude first)."
BBOX_INSIDE_OUT = "West must not exceed east, nor south north."
SINCE_NOT_A_DATE = "Must be an ISO 8601 date or date-time."
SINCE_NO_SUCH_DAY = "Must be a date that exists."
# Supporting a report, and withdrawing.
NOT_A_SUPPORTER_FIELD = "Is not a supporter field."
EMAIL_REQUIRED_UNLESS_SIGNED_IN = "Is required unless you are signed in with a verified email address."
TOKEN_REQUIRED = "Is required: the email's link carries it."
# An upload's size, and the upload a report names.
SIZE_NOT_BYTES = "Must be the file size in bytes."
UPLOAD_UNKNOWN = "Unknown upload."
UPLOAD_USED = "Already used."
UPLOAD_WITHOUT_FILE = "No file."

# Answers: what a supporter is told once asked, counted or withdrawn.
SUPPORT_CHECK_EMAIL = "Thank you. We have sent you an email: your support counts once you open its link."
SUPPORT_COUNTED = "Thank you: your support is counted, and we will email you when the report is updated."
SUPPORT_WITHDRAWN = "Your support is withdrawn, and we will no longer email you about this report."

# A report's view: what the public reads of a moderation (who, never why).
MODERATED_BY_COUNCIL = "Moderated by the council"
# Where a report went, by its send's state ({name}: the body's), and when ("10:04 on 3 March 2027").
SENT_WORDS = {"waiting": "Waiting to be sent to {name}",
              "sending": "Waiting to be sent to {name}",
              "retrying": "Could not be sent to {name} yet; we keep trying",
              "awaiting_id": "Sent to {name}; waiting for their reference",
              "failed": "Could not be sent to {name}; the council has been told",
              "refused": "{name} says this is not theirs",
              "withdrawn": "No longer going to {name}: moved to another body before it was sent"}
SENT_AT = "Sent to {name} at {at}"
LOCAL_MOMENT = "{at:%H:%M} on {day} {at:%B %Y}"
# A category offered at a point: who it will go to ("X and Y").
WILL_BE_SENT_TO = "This will be sent to {bodies}"
AND = " and "

# The e-mail that asks a supporter to confirm ("me too").
CONFIRM_SUPPORT_SUBJECT = "Please confirm you have this problem too"
CONFIRM_SUPPORT_BODY = ("You said you have this problem too: the {category} report {report_id}.\n\n"
                        "To add your support, open this link within 7 days:\n{link}\n\n"
                        "We will then email you when the council updates the report. If it was not you, "
                        "ignore this message: nothing is counted.\n\n"
                        "To take your support back at any time:\n{withdraw}")

# The RSS feeds: an area's (a ward, or a circle around a point) and one report's timeline.
THE_COUNCIL = "the council"  # when the area has no name
FEED_IN_WARD = "in {ward} ward"
FEED_WITHIN = "within {distance} of {lat:.5f}, {lon:.5f}"
KILOMETRES = "{km:g} km"
METRES = "{metres} m"
AREA_FEED_TITLE = "Reports to {council} {area}"
AREA_FEED_DESCRIPTION = "New problems reported to {council} {area}, newest first."
AREA_FEED_TRUNCATED = (" This area has more open reports than one feed reads ({cap}):"
                       " a smaller radius gives the complete list.")
TIMELINE_DESCRIPTION = "Progress on report {report_id}, newest first."
ITEM_WHERE = "Where: {place}"
ITEM_STATUS = "Status: {status}"
ITEM_REPORTED = "Reported: {category}"
ITEM_UPDATE = "Update from the council"

PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
# Only what the public may read: a template's text becomes a public update.
PLACEHOLDERS = {
    "reference": "the report's reference (DS-7K3F9Q)",
    "category": "its category's name",
    "status": "its status after the change",
    "address": "the problem's street address, or the nearest one in words (\"Near 2 Micklegate\"), if known",
    "due": "the date it is due to be dealt with by (14 May 2026)",
    "due_rule": "which rule made that date (\"20 working days under the Freedom of Information (Scotland) Act 2002\")",
    "duplicate_of": "the reference of the report it duplicates",
}


def render(template, report, service):
    """The template's text for this report (after the change it goes with)."""
    values = {
        # A form's case is known to its resident by the form's reference (FM-...), not the case's.
        "reference": visibility.form_reference(report) or report.id, "category": (service or {}).get("name", report.service_code),
        "status": states.LABELS.get(report.state, report.state), "address": placement.place_text(report) or "",
        "due": _long_date(report.due) if report.due else "", "duplicate_of": report.duplicate_of or "",
        "due_rule": report.due_rule or "",
    }
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template.text).strip()


def automatic(deps, state, service_code):
    """The active auto template for `state`: one for the category before one for every category."""
    found = [t for t in deps.templates.all() if t.active and t.auto and t.state == state
             and (not t.service_codes or service_code in t.service_codes)]
    return min(found, key=lambda t: (not t.service_codes, t.id), default=None)


def _long_date(text):
    day = date.fromisoformat(text)
    return f"{day.day} {day:%B %Y}"

# What an officer opened, in the audit's line of the reading (shared/reading.py).
READ_PRIVATE_VIEW = "The report's private view, with the reporter's contact details"
READ_TIMELINE = "The report's private timeline"
READ_CONTACT = "The reporter's contact details"
# A report the point and category give to another council of this service (reports/across.py).
RECEIVER_TAKES_NONE = "{council} looks after this place but takes no reports of {service}: contact it directly."
