"""What the crews' capability says to a crew member when it refuses: a job
that is not their team's, a job or a report that changed under their update;
and what each field of an update, of their jobs' list and of a report they
raise says when it is not right; and the words of a crew's work that others read
(the note on a report a crew fixed, the names of work that is not a report's)."""

# Refusals: what was asked for is not there.
NO_JOB = "No such job for your team."

# Refusals: its state does not allow it, or it changed meanwhile.
PHOTO_ATTACHED_ELSEWHERE = "A photo is already attached elsewhere; upload it again."
REPORT_KEPT_CHANGING = "The report kept changing; try again."
JOB_CHANGED = "The job changed since you read it: here it is now."
JOB_CLOSED = "The job is {status}: nothing more can be added."
JOB_CLOSED_WHY = "The job is {status} ({reason}): nothing more can be added."
JOB_UPDATES_FULL = "A job keeps at most {most} updates."
KEY_USED_FOR_ANOTHER_UPDATE = "This Idempotency-Key was used with a different update."

# Fields, whatever the form: the body, a choice, a yes or no.
BODY_NOT_OBJECT = "Must be a JSON object."
ONE_OF = "Must be one of: {choices}."
TRUE_OR_FALSE = "Must be true or false."

# Fields of a field update (POST /v1/crew/jobs/{id}/updates).
IDEMPOTENCY_KEY_REQUIRED = ("Is required: a phone retries, and a retry must not update the job twice (a UUID per "
                            "button press).")
NOT_AN_UPDATE_FIELD = "Is not a field of a crew's update."
REASON_MISSING = "Say why the job cannot be done: staff read it in their inbox."
REASON_WITHOUT_UNABLE = "Goes with status unable."
NOTHING_TO_ADD = "Give a status, a note or a photo."
NOT_A_LIST_OF_UPLOADS = "Must be a list of upload ids (POST /v1/uploads)."
TOO_MANY_PHOTOS = "At most {most} photos."
SAME_UPLOAD_TWICE = "Lists the same upload twice."
HALF_A_POINT = "Give both lat and lon, or neither."
SAVED_AT_MISSING = "Is required: when the button was pressed (ISO 8601, with its time zone)."
SAVED_AT_FORMAT = "Must be a date-time with its time zone, e.g. 2026-11-22T09:30:00Z."
SAVED_AT_IN_FUTURE = "Is in the future: check the phone's clock."
SAVED_AT_TOO_OLD = "Is over {days} days old: read the job again and resend."

# Fields of the jobs' list (GET /v1/crew/jobs).
CURSOR_BY_DISTANCE = "Lists by distance come whole (up to limit); cursors page the due order."
NOT_A_CURSOR = "Is not a cursor this list gave (next_cursor)."

# Fields of a report a crew member raises (assign_to_my_team).
ONLY_CREW_TAKE_JOBS = "Only a street-crew member of a team can take a report as a job."

# The status note a report gets when a crew marks its job done and the category has no
# automatic "fixed" template (report_outcome): the reporter and followers are told it.
DONE_TEXT = "Fixed by the council's street crew."

# What a crew's job list calls work that is not a report's (limits.OTHER_WORK).
BULKY_WORK_NAME = "Bulky waste collection"
CONTAINER_WORK_NAME = "Container delivery"
REPAIR_WORK_NAME = "Housing repair"

# Why a job was withdrawn from a team (assigning.assign), as the crew's job list shows it.
JOB_MOVED_TO_TEAM = "moved to team {team}"
JOB_UNASSIGNED = "unassigned"
JOB_REPORT_ENDED = "report {state}"  # the report's state code: closed, fixed, ...
