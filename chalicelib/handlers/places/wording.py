"""What places say when they find nothing: a property, a street, a postcode or
a ward the council does not know; and what each field of a place's look-up
(a postcode, a street, a point, a UPRN, a facility's type) says when it is
not right."""

# Refusals: what was asked for is not there.
NO_PROPERTY = "No property is known with UPRN {uprn}."
NO_WARD_COVERS = "No ward of this council covers that place."
NO_STREET = "No addresses are known on a street called {street}."
NO_ADDRESSES_AT = "No addresses are known at {postcode}."

# The noun of "That postcode (YO1 7HH) is outside the area ... looks after" (OutsideServiceArea).
POSTCODE_NOUN = "postcode ({postcode})"

# Fields, whatever the look-up.
REQUIRED = "Is required."
WHOLE_NUMBER_RANGE = "Must be a whole number from {low} to {high}."

# Fields of a place: its postcode or street, a point, a UPRN.
NOT_A_POSTCODE = "Is not a UK postcode, such as YO1 7HH."
POSTCODE_AND_STREET = "Give a postcode or a street, not both."
NO_POSTCODE_OR_STREET = "Give a postcode, or a street."
STREET_TOO_SHORT = "Give at least {least} letters of the street's name."
POINT_AND_POSTCODE = "Give lat and lon, or postcode, not both."
HALF_A_POINT = "Is required (with the other of lat and lon), or give postcode."
NOT_A_UPRN = "Must be a UPRN: 1 to 12 digits."

# Fields of the nearest facilities (GET /v1/facilities/nearest).
NOT_A_FACILITY_TYPE = "Must be a facility type such as library (see /v1/facility-types)."

# A property's bin streams, as its place view and bin calendar name them (bins.LABELS;
# waste's missed-collection reports read them there too).
BIN_LABELS = {"refuse": "Refuse (general waste)", "recycling": "Recycling", "garden": "Garden waste",
              "food": "Food waste"}

# The bin-day calendar feed (calendar.render), as a calendar app shows it: the calendar's
# name and description, each collection's title and its note.
BIN_CALENDAR_NAME = "Bin days: {address}"
BIN_CALENDAR_ABOUT = "Bin collections at {address}, from the council."
BIN_COLLECTION = "{label} collection"
BIN_PUT_OUT = "Put it out by 7am on the day."
# A collection moved from its usual day (a bank holiday); days as "Friday 26 December".
BIN_MOVED_PUT_OUT = "Moved from {moved_from:%A %-d %B}. Put it out by 7am on {date:%A %-d %B}."
