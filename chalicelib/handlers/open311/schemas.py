"""The Open311 routes' OpenAPI components (loaded only to build /openapi.json)."""


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
