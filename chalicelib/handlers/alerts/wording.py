"""Words of the alerts people read that are not a report's own facts, and what the
alerts' routes say when they refuse: the request as a whole, and each field."""

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

# The noun of "That place is outside the area ... looks after" (OutsideServiceArea).
PLACE = "place"

# Fields, whatever the alert: the body, a choice, a yes or no, one that is missing.
BODY_NOT_OBJECT = "Must be a JSON object."
ONE_OF = "Must be one of: {choices}."
TRUE_OR_FALSE = "Must be true or false."
CIRCLE_NOT_AN_OBJECT = "Must be an object with lat, lon and radius_m."

# Fields of an alert's channels (push, email, sms).
CHANNELS_LIST = "Must be a list of distinct channels from: {channels}."
EMAIL_FOR_EMAIL_CHANNEL = "Is required for the email channel."
PHONE_FOR_SMS_CHANNEL = "Is required for the sms channel."
SUBSCRIPTION_FOR_PUSH_CHANNEL = "Is required for the push channel."
NOT_A_PUSH_SUBSCRIPTION = "Must be the browser's PushSubscription (endpoint and keys)."
NOT_A_PUSH_SERVICE_URL = "Must be an https URL of a push service."
NOT_A_P256_KEY = "Must be a base64url uncompressed P-256 key (65 bytes)."
NOT_A_PUSH_SECRET = "Must be a base64url 16-byte secret."

# Fields of what an alert listens to, by kind.
REQUIRED_FOR_KIND = "Is required for this kind."
REPORT_ID_REQUIRED = "Is required for kind report."
APPLICATION_ID_REQUIRED = "Is required for kind planning."
NO_SUCH_APPLICATION = "No planning application {application_id!s:.40} in our copy of the register."
SERVICE_CODE_REQUIRED = "Is required for kind category."
TOPICS_REQUIRED = "Is required for kind broadcast."
UPDATES_ONLY_FOR_AREA = "Goes with kind area: updates on reports near a place."
NEAR_ONLY_FOR_JOBS = "Goes with kind jobs: a street crew's phone."
PETITIONS_ONLY_FOR_PLACES = "Goes with kind area or ward: new petitions in that place."
NOT_A_WARD_ID = "Must be a ward id, as GET /v1/councillors gives it."
NOT_FOLLOWABLE = "Is not a category residents can follow; see GET /v1/services."
TOPICS_LIST = "Must be a list of distinct topics from: {topics}."
MEETINGS_FOLLOW_ONE = "Give one of committee, ward or topic for kind meetings."
NOT_A_COMMITTEE_ID = "Must be a committee's id (digits), as GET /v1/committees gives it."
NOT_A_TOPIC = "Must be a topic's name, in lower case (at most 60 characters)."  # MEETING_TOPIC_PATTERN's 60
# A crew member's point on a jobs alert.
RADIUS_WITHOUT_POINT = "Goes with lat and lon: the point it is measured from."
NEAR_ONLY_WITHOUT_POINT = "Needs lat and lon: near is measured from your point."
HALF_A_POINT = "Give both lat and lon, or neither."

# Fields of a staff broadcast and of its target.
URL_FORMAT = "Must be an http(s) link of at most {most} characters."
NOT_A_CURSOR = "Is not a cursor this list gave."
# Never formatted: the braces show the three shapes as JSON.
TARGET_NOT_ONE_SHAPE = ('Must be one of {"wards": [...]}, {"polygon": GeoJSON} or '
                        '{"circle": {"lat", "lon", "radius_m"}}.')
WARDS_LIST = "Must be a list of 1 to {most} ward ids."
UNKNOWN_WARD = "Unknown ward."
POLYGON_SHAPE = ("Must be a GeoJSON Polygon or MultiPolygon with closed rings of at least 4 [lon, lat] positions "
                 "({most} in all at most).")
TARGET_TOO_LARGE = "Covers far more than the council's area; draw a smaller one."

# A report's news, told to those who follow it or its place (dispatch.build_message): push
# title and body, the same words by e-mail and text. {where} is the report's place phrase
# after a space, or nothing; {said} is REPORT_SAID, or nothing when the report has no summary.
NEW_REPORT_NEAR_TITLE = "New {name} report near you"
NEW_REPORT_NEAR = "{name} reported{where}.{said} Status: {label}."
REPORT_SAID = " \"{summary}\""
REPORT_TITLE = "{report_id}: {label}"
# To its reporter, who follows it from its creation.
REPORT_RECEIVED = "The {name} report{where} was received. Status: {label}."
REPORT_RECEIVED_ASKS = "{body} How was reporting it? Tell us, without giving your name: {link}"
# Followers are not only the reporter: "the", never "your".
REPORT_MOVED = "The {name} report{where} is now {label}."
REPORT_UPDATED = "Update on the {name} report{where}."
# The status notes staff wrote, after any of the bodies above (and the form case's).
WITH_NOTES = "{body} {notes}"

# A crew's job, pushed to the team's phones (job_notices.message): title and body.
# {due} is JOB_DUE, or nothing when the job has no due date; {summary} is the job's
# summary, or its category's name when it has none; {distance} is "350 m" or "1.2 km".
JOB_URGENT_NEAR_TITLE = "Urgent job {distance} from you"
JOB_URGENT_NEAR = "{name}: {summary}{due}."
JOB_ASSIGNED_TITLE = "New job: {name}"
JOB_ASSIGNED = "{summary}. Priority {priority}{due}."
JOB_MADE_URGENT_TITLE = "Job now urgent: {name}"
JOB_MADE_URGENT = "{summary}. Priority urgent{due}."
JOB_MOVED_TITLE = "Job moved: {name}"
JOB_MOVED = "{summary} is no longer your team's."
JOB_DUE = ", due {due}"

# Asking an address to confirm an alert (subscriptions._send_confirmation).
# The e-mail: subject and text; {describes} is what the alert listens to.
CONFIRM_EMAIL_SUBJECT = "Confirm your Doorstep alerts"
CONFIRM_EMAIL = ("Someone asked Doorstep to send alerts ({describes}) to this address.\n\n"
                 "To start them, open this link within {days} days:\n{link}\n\nToken: {token}\n\n"
                 "If it was not you, ignore this message: nothing will be sent.")
# The text message.
CONFIRM_SMS = "Doorstep alerts: confirm at {link}"
# What an unsubscribe link's GET says it would take to stop the alert.
UNSUBSCRIBE_HOW = "POST this same URL to stop these alerts."
# A council meeting notice's link (subscriptions.meeting_notices_token): it stops those notices alone.
STOP_MEETING_NOTICES_HOW = "POST this same URL to stop the meeting notices this alert brings; the alert itself goes on."

# What an alert listens to (subscriptions.describe), inside the confirmation e-mail's
# "send alerts (...) to this address" and on an unsubscribe link's page. The optional
# parts are the fragments below or nothing: {petitions} DESCRIBE_PETITIONS_TOO,
# {updates} DESCRIBE_UPDATES_TOO, {in_area} DESCRIBE_IN_AN_AREA, {near_only} DESCRIBE_NEAR_ONLY.
DESCRIBE_REPORT = "report {report_id}"
DESCRIBE_PLANNING = "planning application {reference}: its decision, a withdrawal or an appeal"
DESCRIBE_AREA = "new reports{petitions} within {radius_m} m of a place{updates}"
DESCRIBE_WARD = "new reports{petitions} in {ward} ward"
DESCRIBE_CATEGORY = "new {service_code} reports{in_area}"
DESCRIBE_BROADCAST = "council news: {topics}"  # the topics joined by ", "
DESCRIBE_MEETINGS = "council meetings' items: {follows}"  # one of the three below
DESCRIBE_MEETINGS_COMMITTEE = "committee {committee}"
DESCRIBE_MEETINGS_WARD = "{ward} ward, and consultations there"  # a ward's follow is one: consultations reach it
DESCRIBE_MEETINGS_TOPIC = "topic {topic}"
DESCRIBE_JOBS = "jobs for team {team}{near_only}"
DESCRIBE_PETITIONS_TOO = " and petitions"
DESCRIBE_UPDATES_TOO = ", and their updates"
DESCRIBE_IN_AN_AREA = " in an area"
DESCRIBE_NEAR_ONLY = " (urgent ones within {radius_m} m of you only)"
# An area alert's planning applications: by type, only while comments are open (targets.py)
PLANNING_TYPES_LIST = "Give a list of one or more of: {choices}, each once."
PLANNING_ONLY_FOR_AREA = "Goes with kind area: planning applications near a place."
