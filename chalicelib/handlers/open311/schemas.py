"""The Open311 part of /openapi.json. Each path segment carries its format
(`services.json`, `DS-7K3F9Q.xml`), and errors are Open311's list of
{code, description}, in JSON or XML as the segment asks."""
ERRORS = {"$ref": "#/components/schemas/Open311Errors"}
XML_ERRORS = "<errors><error><code/><description/></error></errors>"
TEXT = {400: "Invalid input", 403: "Invalid or missing api_key", 404: "Unknown service, request, resource or format"}


def _segment(name, example):
    return {"name": name, "in": "path", "required": True, "schema": {"type": "string", "example": example},
            "description": "The name and the format, split on the last dot: .json or .xml"}


def _ok(schema, description="OK"):
    return {"description": description, "content": {
        "application/json": {"schema": schema},
        "text/xml": {"schema": {"type": "string", "description": "The same as XML, with a prolog"}}}}


def _errors(*codes):
    return {str(c): {"description": TEXT[c], "content": {
        "application/json": {"schema": ERRORS},
        "text/xml": {"schema": {"type": "string", "description": XML_ERRORS}}}} for c in codes}


def _q(name, description):
    return {"name": name, "in": "query", "required": False, "description": description, "schema": {"type": "string"}}


def _array(ref):
    return {"type": "array", "items": {"$ref": f"#/components/schemas/{ref}"}}


JURISDICTION = ("optional; empty counts as absent. When the deployment sets DOORSTEP_OPEN311_JURISDICTION, "
                "any other value is a 404 (unknown jurisdiction)")
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
        "media_url": {"type": "array", "items": {"type": "string", "maxLength": 2000}, "maxItems": 6,
                      "description": "http(s) links, repeatable (one on an update); stored and shown, "
                                     "never fetched"}},
    "additionalProperties": {"type": "string", "description": "attribute[code] or attribute[code][] (repeated)"}}

DEFINITION = {"summary": "Open311: a service's attributes (its typed extra fields)",
              "parameters": [_segment("code_format", "pothole.json"), _q("jurisdiction_id", JURISDICTION)],
              "responses": {"200": _ok({"$ref": "#/components/schemas/Open311ServiceDefinition"}), **_errors(404)}}

PATHS = {
    "/open311/v2/{resource}": {
        "get": {
            "summary": "Open311: discovery, services, requests (a listing) or servicerequestupdates "
                       "(mySociety's extension), as .json or .xml",
            "parameters": [
                _segment("resource", "services.json"),
                _q("service_request_id", "requests: comma list of ids (other filters are then ignored)"),
                _q("service_code", "requests: comma list of service codes"),
                _q("status", "requests: open or closed"),
                _q("start_date", "requests, servicerequestupdates: W3C date-time; at most 90 days before "
                                 "end_date (default: 90 days before for requests, 24 hours for updates)"),
                _q("end_date", "requests, servicerequestupdates: W3C date-time (default now)"),
                _q("page", "requests: page number, from 1"),
                _q("page_size", "requests: at most 1000 (the default)"),
                _q("jurisdiction_id", JURISDICTION)],
            "responses": {"200": _ok({"oneOf": [{"$ref": "#/components/schemas/Open311Discovery"},
                                                _array("Open311Service"), _array("Open311Request"),
                                                _array("Open311Update")]}),
                          **_errors(400, 404)}},
        "post": {
            "summary": "Open311: create a service request (requests.{json,xml}) or post a back-office "
                       "update to one (servicerequestupdates.{json,xml}; idempotent on update_id)",
            "parameters": [_segment("resource", "requests.json"),
                           _q("api_key", "may be sent here instead of in the body"),
                           _q("jurisdiction_id", JURISDICTION)],
            "requestBody": {"required": True, "content": {
                "application/x-www-form-urlencoded": {"schema": POST_FORM},
                "multipart/form-data": {"schema": {**POST_FORM, "properties": {
                    **POST_FORM["properties"],
                    "media": {"type": "array", "items": {"type": "string", "format": "binary"},
                              "description": "requests: photo file parts (at most 6, each up to 10 MB); "
                                            "cleaned as /v1 photos are (metadata and GPS removed)"}}}}}},
            "responses": {"200": _ok({"oneOf": [_array("Open311Created"), _array("Open311UpdatePosted")]}),
                          **_errors(400, 403, 404)}}},
    "/open311/v2/services/{code_format}": {"get": DEFINITION},
    "/open311/v2/service/{code_format}": {"get": {**DEFINITION, "summary": DEFINITION["summary"] + " (legacy path)"}},
    "/open311/v2/requests/{id_format}": {"get": {
        "summary": "Open311: one service request, as a one-element list",
        "parameters": [_segment("id_format", "DS-7K3F9Q.json"), _q("jurisdiction_id", JURISDICTION)],
        "responses": {"200": _ok(_array("Open311Request")), **_errors(404)}}},
    "/open311/v2/tokens/{token_format}": {"get": {
        "summary": "Open311: token lookup; Doorstep issues no tokens (POST answers with the id), so always 404",
        "parameters": [_segment("token_format", "abc.json"), _q("jurisdiction_id", JURISDICTION)],
        "responses": {"404": _errors(404)["404"]}}},
}


def _obj(needed, **props):
    return {"type": "object", "required": list(needed),
            "properties": {k: v if isinstance(v, dict) else {"type": v} for k, v in props.items()}}


SCHEMAS = {
    "Open311Errors": {"type": "array", "items": _obj(["code", "description"], code="integer", description="string")},
    "Open311Discovery": _obj(["changeset", "contact", "endpoints"], changeset="string", contact="string",
                             key_service="string",
                             endpoints={"type": "array", "items": {"type": "object"}}),
    "Open311Service": _obj(["service_code", "service_name", "metadata", "type"], service_code="string",
                           service_name="string", description="string", metadata="boolean", type="string",
                           keywords={"type": "string",
                                     "description": "comma-separated; `private` marks a private category"},
                           group="string"),
    "Open311ServiceDefinition": _obj(["service_code", "attributes"], service_code="string", attributes={
        "type": "array", "items": {**_obj(["code", "datatype"], variable="boolean", code="string", datatype="string",
                                          required="boolean", datatype_description="string", order="integer",
                                          description="string", values={"type": "array", "items": _obj(
                                              ["key", "name"], key="string", name="string")})}}),
    "Open311Request": _obj(["service_request_id", "status"], service_request_id="string", status="string",
                           status_notes="string", service_name="string", service_code="string",
                           description="string", requested_datetime="string", updated_datetime="string",
                           address="string", lat={"type": "number", "nullable": True},
                           long={"type": "number", "nullable": True}, media_url="string",
                           extended_attributes="object"),
    "Open311Update": _obj(["update_id", "service_request_id", "status", "updated_datetime"],
                          update_id="string", service_request_id="string", status="string",
                          updated_datetime="string", description="string", media_url="string",
                          external_status_code={"type": "string", "description": "Doorstep's state, e.g. fixed"}),
    "Open311UpdatePosted": _obj(["update_id"], update_id="string"),
    "Open311Created": _obj(["service_request_id"], service_request_id="string", service_notice="string",
                           account_id="string"),
}
