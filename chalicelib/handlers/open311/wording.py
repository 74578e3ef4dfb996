"""What Open311 says to partners of the councils it serves."""

UNKNOWN_JURISDICTION = "jurisdiction_id: {given} is not a jurisdiction this server answers for."
# The discovery document's contact and key_service (Service Discovery: human readable).
CONTACT = "{council}: {reach}."
SEE_WEBSITE = "see the council's website"
KEY_SERVICE = "Ask {council} for an api_key to create requests."
