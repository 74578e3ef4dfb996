"""OpenAPI pieces of the Open311 routes. Each path segment carries its format
(`services.json`, `DS-7K3F9Q.xml`), and errors are Open311's list of
{code, description}, in JSON or XML as the segment asks."""
from .limits import MAX_ATTRIBUTE_VALUE, MAX_EXTRA_ATTRIBUTES, MAX_MEDIA_URLS, MAX_URL

ERRORS = {"$ref": "#/components/schemas/Open311Errors"}
XML_ERRORS = "<errors><error><code/><description/></error></errors>"
TEXT = {400: "Invalid input", 403: "Invalid or missing api_key", 404: "Unknown service, request, resource or format"}


def segment(name, example):
    return {"name": name, "in": "path", "required": True, "schema": {"type": "string", "example": example},
            "description": "The name and the format, split on the last dot: .json or .xml"}


def ok(schema, description="OK"):
    return {"description": description, "content": {
        "application/json": {"schema": schema},
        "text/xml": {"schema": {"type": "string", "description": "The same as XML, with a prolog"}}}}


def errors(*codes):
    return {str(c): {"description": TEXT[c], "content": {
        "application/json": {"schema": ERRORS},
        "text/xml": {"schema": {"type": "string", "description": XML_ERRORS}}}} for c in codes}


def q(name, description):
    return {"name": name, "in": "query", "required": False, "description": description, "schema": {"type": "string"}}


def array(ref):
    return {"type": "array", "items": {"$ref": f"#/components/schemas/{ref}"}}


JURISDICTION = ("the council the request is for, of every council this server answers for: its id "
                "(york) or the domain its settings give (york.gov.uk), in any case; in a POST's form or its "
                "query string. Absent or empty: the council of the address asked. No council's: 404")
POST_FORM = {
    "type": "object", "required": ["api_key", "service_code", "description"],
    "properties": {**{k: {"type": "string"} for k in (
        "api_key", "jurisdiction_id", "service_code", "lat", "long", "description", "first_name",
        "last_name", "email", "phone", "service_request_id", "update_id", "status", "updated_datetime")},
        "address_id": {"type": "string", "description": "instead of lat/long: a UPRN this council knows "
                                                         "(unknown: 400)"},
        "address_string": {"type": "string", "description": "instead of lat/long: an address with its house "
                                                             "number and postcode, e.g. 12 Micklegate, York "
                                                             "YO1 7HH (no single match: 400)"},
        "media_url": {"type": "array", "items": {"type": "string", "maxLength": MAX_URL}, "maxItems": MAX_MEDIA_URLS,
                      "description": "http(s) links, repeatable (an update shows its first); stored and "
                                     "shown, never fetched"}},
    "additionalProperties": {"type": "string", "maxLength": MAX_ATTRIBUTE_VALUE, "description": (
        "attribute[code] or attribute[code][] (repeated). The service's attributes are checked (required "
        f"ones must be there); up to {MAX_EXTRA_ATTRIBUTES} others, a partner's own (FixMyStreet's "
        "fixmystreet_id, easting, report_url...), are kept with the request for staff. Other parameters "
        "(names, title, account_id...) are accepted")}}

DEFINITION = {"summary": "Open311: a service's attributes (its typed extra fields)",
              "parameters": [segment("code_format", "pothole.json"), q("jurisdiction_id", JURISDICTION)],
              "responses": {"200": ok({"$ref": "#/components/schemas/Open311ServiceDefinition"}), **errors(404)}}

