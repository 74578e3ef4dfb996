"""What bodies say: the council's own body as residents see it before an
administrator stores it, why a report's category goes to nobody at a place,
and the administrators' refusals (a body that is not there, or is already)."""

# The council as a body, until an administrator stores its own (routing.implicit_council).
COUNCIL_NAME = "The council"
CONTACT_THE_COUNCIL = "Contact the council."
# A category no body takes at a point: {who} is the bodies' contact texts, or CONTACT_THE_COUNCIL.
NOBODY_TAKES_THIS = "Nobody here takes reports of {service}. {who}"
NOT_TAKEN_HERE = "Not taken at this place."  # the service_code field's own words, beside it


# Refusals: what was asked for is not there.
NO_BODY = "No body {body_id!s:.40}."

# Refusals: its state does not allow it, or it changed meanwhile.
BODY_EXISTS = "There is a body {id} already."
