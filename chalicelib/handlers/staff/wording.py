"""What the staff capability says to an officer or an administrator when it
refuses: a filter or a change outside their area of responsibility, teams
(their ids, names and existence), and response templates; and what each field
of the inbox's filters, the inspect form, a caller's report, an assignment, a
duplicate and a template says when it is not right."""

# Refusals: who is asking (not signed in, or not the one who may).
FILTER_OUTSIDE_AREA = "{field}={values} is outside your area of responsibility."
CHANGE_OUTSIDE_AREA = ("That change would move the report outside your area of responsibility (its category or "
                       "ward); ask a colleague who covers it.")

# Refusals: what was asked for is not there.
NO_TEAM = "No team {team_id!r}."
NO_TEMPLATE = "No response template {template_id!s:.40}."

# Refusals: its state does not allow it, or it changed meanwhile.
TEAM_EXISTS = "There is a team {team_id} already."
TEMPLATE_CHANGED = "The template changed since you read it; read it again."
REPORT_CHANGED = "The report changed since you read it: here it is now; reapply your change to it."
TEMPLATE_ALREADY_AUTOMATIC = ("The template {title!r} is already written automatically for this state and "
                              "category; deactivate it first.")

# Refusals: what was asked cannot be done as asked.
TEAM_ID_FORMAT = ("A team id is 1-40 lower-case letters, digits, - or _, starting with a letter or digit (north, "
                  "street-lighting).")
NO_ACTIVE_TEAM = "No active team {team_id!r}: make it first with `doorstep teams create`."
TEAM_NAME_LENGTH = "A team's name is 1 to {most} characters."

# Fields, whatever the form: a choice, a yes or no.
ONE_OF = "Must be one of: {choices}."
TRUE_OR_FALSE = "Must be true or false."

# Fields of the inbox's filters (GET /v1/staff/reports).
NOT_A_FILTER = "Is not a filter of the inbox."
STATUS_FILTER = "Must be open, closed, all, or a comma list of states."
UNKNOWN_FILTER_VALUES = {  # by filter: the noun each one's values are
    "service_code": "Unknown category: {values}.",
    "ward": "Unknown ward: {values}.",
    "priority": "Unknown priority: {values}.",
    "team": "Unknown team: {values}.",
}
FILTER_VALUES_MOST = "At most {most} values."
YES_OR_NO = "Must be yes or no."
SINCE_FORMAT = "Must be a date (YYYY-MM-DD) or a date-time (ISO 8601)."
SEARCH_WORDS = "At most {most} words."
SEARCH_NOTHING = "Give a reference or some words of the description."
# Filters that do not go together with the order asked for.
OVERDUE_NOT_IN_DUE_ORDER = "Overdue reports list in due order: leave out sort or use sort=due."
SINCE_IN_DUE_ORDER = "Lists by creation date: use sort=newest, oldest or priority."
SUPPORTERS_WITH_PRIORITY_OR_SINCE = "Most supported first lists every priority and date: leave out priority and since."
SEARCH_NOT_BY_DATE = "A word search lists newest or oldest first."
UNASSIGNED_WITH_TEAM = "assigned=no lists unassigned reports: leave out team."

# Fields of the inspect form (PATCH /v1/staff/reports/{id}).
NOT_A_STAFF_FIELD = "Is not a field staff can set here."
NOT_NULL = "Cannot be null."
NO_CHANGE = "Give at least one change."
NOT_A_CATEGORY_CODE = "Must be a category code (GET /v1/services)."
FIELDS_NOT_AN_OBJECT = "Must be an object of the category's questions and answers."
PIN_NEEDS_BOTH = "Move the pin with both lat and lon."
NOT_A_REPORT_REFERENCE = "Must be a report reference."
NOT_A_TEAM_ID = "Must be a team id (GET /v1/staff/teams)."
NOT_A_TEMPLATE_ID = "Must be a response template's id."
TEMPLATE_AND_UPDATE = "Give a template or your own public update, not both."
DUPLICATE_WITHOUT_ORIGINAL = "A duplicate names its original."
DUE_OUT_OF_RANGE = "Must fall between {first} and the end of {last_year}."
# The report as the form would leave it: its category, its place, its state.
UNKNOWN_CATEGORY = "Is not a known category; see GET /v1/services."
CATEGORY_NEEDS_PLACE = "This category needs a place: move the pin with lat and lon too."
DUPLICATE_IN_OTHER_STATE = "A report marked as a duplicate is in the state duplicate."
LEAVING_DUPLICATE_WITHOUT_STATE = "Give the state it goes back to."
DUPLICATE_NAMES_NO_ORIGINAL = "Name its original."

# Fields of a duplicate's original (duplicate_of).
NO_REPORT = "No report {report_id!s:.40}."
DUPLICATE_OF_ITSELF = "A report cannot duplicate itself."
ORIGINAL_IS_A_DUPLICATE = "{report_id} is itself a duplicate of {original_id}: mark it as a duplicate of that."

# Fields of an assignment (team, instructions).
NO_ACTIVE_TEAM_TO_ASSIGN = "No active team {team_id!r} (GET /v1/staff/teams)."
INSTRUCTIONS_WITHOUT_TEAM = "Instructions go with a team: assign one."

# Fields of a report taken for a caller (POST /v1/staff/reports).
CALLER_NOT_AN_OBJECT = "Must be the caller's name, email and/or phone."
CALLER_UNREACHABLE = "Give the caller's email or phone, so they can be sent the reference."

# Fields of a response template, and a template named for a report.
NOT_A_TEMPLATE_FIELD = "Is not a field of a response template."
UNKNOWN_PLACEHOLDER = "Unknown placeholder {{{name}}}; use: {placeholders}."  # {{ }}: the braces are shown
NOT_A_CATEGORY_LIST = "Must be a list of category codes (GET /v1/services)."
AUTOMATIC_WITHOUT_STATE = "An automatic template needs the state it answers."
NOT_AN_ACTIVE_TEMPLATE = "Is not an active response template (GET /v1/staff/templates)."
# Never formatted: {id} is the path's own placeholder, shown as it is.
NOT_THIS_FORMS_TEMPLATE = "Is not one of this form's templates (GET /v1/staff/reports/{id}/form)."

# Passing a report to another council of this service (staff/passing.py).
PASS_NOT_AN_OBJECT = "Must be an object with to (a council's id) and reason."
PASS_TO_NOT_AN_ID = "Must be the id of a council of this service, e.g. newcastle-under-lyme."
PASS_TO_NO_COUNCIL = "Is not another council of this service."
PASS_TO_LACKS = "{council} has no category {service}: it could not file this report."
PASS_TO_LEFT = "{council} has left this service: it takes no reports here."
PASSED = "Passed to {to} by {by}: {reason}"  # the public timeline's words, the reason as staff gave it
PASSED_ALREADY = "This report was passed between councils once already ({by} to {to}); it is not passed again."
PASS_NOT_OPEN = "Only an open report is passed to another council: reopen it first."
PASS_WITH_A_CREW = "Take this report off its crew's team first: the other council sends its own."
PASS_A_DUPLICATE = "A report marked as a duplicate, or with duplicates, is not passed: unmark them first."
PASS_REFERENCE_TAKEN = "{council} has a report with this reference already; it cannot take this one."
TOO_MUCH_TO_PASS = "This report has too long a history, or too many followers, to pass; send it to them instead."
