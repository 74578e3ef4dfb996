"""The SCIM routes' OpenAPI components (loaded only to build /openapi.json): RFC 7643's User and Group as this
endpoint keeps them (other attributes are taken and let be), RFC 7644's ListResponse, PatchOp and Error, and
the administrator's provisioning log."""
STRING = {"type": "string"}
NULLABLE = {"type": "string", "nullable": True}
META = {"type": "object", "properties": {"resourceType": STRING, "created": STRING, "lastModified": STRING,
                                         "location": STRING, "version": STRING}}
REFERENCE = {"type": "object", "required": ["value"], "properties": {"value": STRING, "$ref": STRING,
                                                                      "display": STRING, "type": STRING}}

SCHEMAS = {
    "ScimUser": {"type": "object", "required": ["schemas", "userName"], "properties": {
        "schemas": {"type": "array", "items": STRING}, "id": STRING, "externalId": STRING,
        "userName": {"type": "string", "description": "unique in the council's directory, whatever its case"},
        "active": {"type": "boolean", "description": "false: the officer's grant here and every session here end"},
        "displayName": STRING, "name": {"type": "object", "additionalProperties": STRING},
        "emails": {"type": "array", "items": {"type": "object", "properties": {
            "value": STRING, "type": STRING, "primary": {"type": "boolean"}, "display": STRING}}},
        "groups": {"type": "array", "items": REFERENCE, "description": "read-only: the groups it is a member of"},
        "meta": META}},
    "ScimGroup": {"type": "object", "required": ["schemas", "displayName"], "properties": {
        "schemas": {"type": "array", "items": STRING}, "id": STRING,
        "externalId": {"type": "string", "description": "the directory's id (Entra ID's object id): what the "
                                                        "council's settings' staff_sign_in.groups name"},
        "displayName": STRING, "members": {"type": "array", "items": REFERENCE}, "meta": META}},
    "ScimListResponse": {"type": "object", "required": ["schemas", "totalResults", "Resources"], "properties": {
        "schemas": {"type": "array", "items": STRING}, "totalResults": {"type": "integer"},
        "startIndex": {"type": "integer"}, "itemsPerPage": {"type": "integer"},
        "Resources": {"type": "array", "items": {"type": "object"}}}},
    "ScimPatchOp": {"type": "object", "required": ["Operations"], "properties": {
        "schemas": {"type": "array", "items": STRING},
        "Operations": {"type": "array", "minItems": 1, "maxItems": 100, "items": {
            "type": "object", "required": ["op"], "properties": {
                "op": {"type": "string", "description": "add, replace or remove, in any case (Entra ID: Replace)"},
                "path": STRING, "value": {}}}}}},
    "ScimError": {"type": "object", "required": ["schemas", "status"], "properties": {
        "schemas": {"type": "array", "items": STRING}, "status": STRING,
        "scimType": {"type": "string", "enum": ["invalidFilter", "tooMany", "uniqueness", "mutability",
                                                "invalidSyntax", "invalidPath", "noTarget", "invalidValue",
                                                "invalidVers", "sensitive"]},
        "detail": STRING}},
    "ScimDiscovery": {"type": "object", "required": ["schemas"], "properties": {
        "schemas": {"type": "array", "items": STRING}}},
    "DirectoryChanges": {"type": "object", "required": ["changes", "next_cursor"], "properties": {
        "changes": {"type": "array", "items": {"type": "object", "required": ["at", "action", "kind", "who", "by"],
                                               "properties": {
            "at": {"type": "string", "format": "date-time"},
            "action": {"type": "string", "enum": ["provisioned", "changed", "deactivated", "reactivated", "removed",
                                                  "joined", "left", "group_made", "group_changed", "group_removed",
                                                  "suspended"]},
            "kind": {"type": "string", "enum": ["user", "group"]}, "id": STRING,
            "who": {"type": "string", "description": "the user's userName, or the group's displayName, then"},
            "person_id": NULLABLE, "group": {**NULLABLE, "description": "the group joined or left"},
            "changes": {"type": "object", "description": "{attribute: [before, after]}"},
            "by": {"type": "string", "description": "the SCIM token's secret's name and its SHA-256's first 8 "
                                                    "hex characters; schedule: suspended unused"}}}},
        "next_cursor": NULLABLE}},
}
