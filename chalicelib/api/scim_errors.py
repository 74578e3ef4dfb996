"""SCIM's error shape (RFC 7644 section 3.12) for every error on a /scim/ path: the schemas, the status as
a string, a scimType where one of the RFC's fits, and a detail in words; application/scim+json. The
middleware renders them, as it renders Open311's, so a refusal before a view (a path no id can be, the
catch-all 404, Chalice's 405 and 415) comes out in the shape the council's directory reads."""
from chalice.app import Response

from .. import wording as words

SCIM_PREFIX = "/scim/"
SCIM_JSON = "application/scim+json"
ERROR = "urn:ietf:params:scim:api:messages:2.0:Error"
# RFC 7644 table 9: the scimType values an error may carry.
SCIM_TYPES = frozenset({"invalidFilter", "tooMany", "uniqueness", "mutability", "invalidSyntax", "invalidPath",
                        "noTarget", "invalidValue", "invalidVers", "sensitive"})


def body(status, detail, scim_type=None):
    found = {"schemas": [ERROR], "status": str(status), "detail": detail}
    if scim_type in SCIM_TYPES:
        found["scimType"] = scim_type
    return found


def from_api_error(error):
    """Any ApiError as SCIM's error; its code is its scimType where it is one of the RFC's."""
    return Response(body=body(error.status, error.message, error.code), status_code=error.status,
                    headers={"Content-Type": SCIM_JSON, **error.headers})


def from_chalice(response):
    """Chalice's own refusals (405, 415, a 500 of a view) as SCIM's error; never a stack trace."""
    if isinstance(response.body, dict) and response.body.get("schemas") == [ERROR]:
        return response
    message = response.body.get("Message") if isinstance(response.body, dict) else None
    if response.status_code >= 500 or not isinstance(message, str) or not message:
        message = words.SORRY if response.status_code >= 500 else words.REQUEST_NOT_ACCEPTED
    response.body = body(response.status_code, message)
    response.headers["Content-Type"] = SCIM_JSON
    return response
