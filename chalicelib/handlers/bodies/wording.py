"""What bodies say: the council's own body as residents see it before an
administrator stores it, why a report's category goes to nobody at a place,
and the administrators' refusals (a body that is not there, or is already)."""

# The council as a body, until an administrator stores its own (routing.implicit_council).
COUNCIL_NAME = "The council"
CONTACT_THE_COUNCIL = "Contact the council."
# A category no body takes at a point: {who} is the bodies' contact texts, or CONTACT_THE_COUNCIL.
NOBODY_TAKES_THIS = "Nobody here takes reports of {service}. {who}"
NOT_TAKEN_HERE = "Not taken at this place."  # the service_code field's own words, beside it

# Fields' own words, beside each field (422).
BODY_NOT_OBJECT = "Must be a JSON object."
NOT_BODY_FIELD = "Is not a field of a body."
ID_CANNOT_CHANGE = "A body's id cannot change."
ID_NOT_SLUG = "Must be 2-40 lower-case letters, digits and dashes, e.g. north-yorkshire."
PRECEDENCE_NOT_DIGIT = "Must be a whole number from 0 to 9 (higher wins where two bodies take the same category)."
CATEGORIES_NOT_CODES = 'Must be a list of category codes (GET /v1/services), or ["*"] for all.'
NOT_ONE_OF = "Must be one of: {choices}."
NOT_TRUE_OR_FALSE = "Must be true or false."
ANSWER_WITHIN_NOT_DAYS = "Must be 1 to {most} days, or null."
ENDPOINT_NOT_HTTPS = "Must be an https:// address with no query string."
# The same on a local or test stage, where http:// will do too.
ENDPOINT_NOT_HTTPS_LOCAL = "Must be an https:// address with no query string (http:// too on one machine)."
MAPPING_NOT_TEXT = "Must be an object of text to text."
MAPPING_NOT_STATES = "Each value must be one of: {choices}."
AREA_NOT_POLYGONS = "Must be a GeoJSON Polygon or MultiPolygon of [lon, lat] positions."
WARDS_NOT_IDS = "Must be a list of ward ids (GET /v1/councillors finds them)."
NOT_A_WARD = "{ward_id!s:.40} is not a ward of this council."
WITHIN_NOT_DISTANCE = "Must be a distance from the line in metres, over 0 and at most {most}."
AREA_NOT_LINES = "Must be a GeoJSON LineString or MultiLineString of [lon, lat] positions."

# Rules across fields: what one field needs of another (422).
OPEN311_NEEDS_ENDPOINT = "An Open311 body needs its endpoint (the base URL before /requests.json)."
EMAIL_NEEDS_ADDRESS = "A body sent reports by email needs its address."


# Refusals: what was asked for is not there.
NO_BODY = "No body {body_id!s:.40}."

# Refusals: its state does not allow it, or it changed meanwhile.
BODY_EXISTS = "There is a body {id} already."

# Another council of the deployment as a body (send_method "council", receiving.py).
NOT_A_COUNCIL_HERE = "Must be the id of another council of this service, e.g. staffordshire-county."
COUNCIL_NEEDS_METHOD = "Only a body sent by council (send_method council) names a council."
RECEIVER_LACKS = "{name} has no category {codes}: it could not file these reports."
