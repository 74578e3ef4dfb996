"""What the API says of a request as a whole, whatever capability it reaches:
the body that is not JSON, the general checks of a field, the refusals a
store or the routing gives. Each capability's own words are in its
handlers/<capability>/wording.py."""

# -- a request's body
BODY_REQUIRED = "A JSON object is required."
BODY_NOT_OBJECT = "Must be a JSON object."
BODY_NOT_JSON = "The request body is not valid JSON."
FIELDS_INVALID = "Some fields are missing or invalid."
NOT_TAKEN = "Is not a field this request takes."
NOT_ACCEPTED = "The request cannot be accepted as it is."
REQUEST_NOT_ACCEPTED = "The request was not accepted."
SORRY = "Something went wrong on our side; it has been logged."

# -- what a store said
BUSY = "The service is busy; retry in a moment."
CHANGED_AT_ONCE = "It changed at the same time; reload and try again."
EXISTS_ALREADY = "That exists already."
CHANGED_SINCE_READ = "It changed since you read it: here it is now; reapply your change to it."

# -- paths and ids
NOT_FOUND = "Not found."
NO_ROUTE = "No route for {method} {path}."
ONE_OF = "Must be one of: {choices}."
ID_NOT_TEXT = "Must be text: an id."
ID_LENGTH = "Must be an id of 1 to {max} characters."
ID_CHARACTERS = "Is not an id: it has characters no id has."
OPEN311_NO_RESOURCE = "No such resource {segment}: add .json or .xml."
OPEN311_FORMAT = "Unknown format {format}: use .json or .xml."

# -- the council's area
OUTSIDE_AREA = "That {noun} is outside the area {area} looks after."
OUTSIDE_AREA_FIELD = "Outside the service area."
THIS_COUNCIL = "this council"
LOCATION = "location"

# -- a field's general checks
REQUIRED = "Is required."
NUMBER_NOT_TEXT = "Must be a number, not text."
NUMBER = "Must be a number."
WHOLE_NUMBER = "Must be a whole number from {low} to {high}."
WHOLE_NUMBER_FROM = "Must be a whole number, {low} or more."
FAR_TOO_LARGE = "Is far too large."
FINITE = "Must be a finite number."
BETWEEN = "Must be between {low} and {high}."
BETWEEN_HERE = "Must be between {low} and {high} here."
TEXT = "Must be text."
NOT_VALID_TEXT = "Contains characters that are not valid text."
LENGTH = "Must be {min} to {max} characters."
AT_MOST = "Must be at most {max} characters."
EMAIL = "Is not an email address."
PHONE = "Is not a phone number."
DATE = "Must be a date (YYYY-MM-DD)."
FIELD_CODES = "Must be an object of field codes to values."
NOT_A_FIELD = "Is not a field of this service."
LIST_OF = "Must be a list of: {choices}."
UNKNOWN_FIELD_TYPE = "Has an unknown field type."
