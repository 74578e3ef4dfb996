"""The officers' routes' OpenAPI components (loaded only to build /openapi.json)."""
STRING = {"type": "string"}
NAMED = {"type": "object", "required": ["id", "name"], "properties": {"id": STRING, "name": STRING}}
IDS = {"type": "array", "items": STRING}

SCHEMAS = {
    "MyDesks": {"type": "object", "required": ["desks", "roles", "administrator"], "properties": {
        "desks": {"type": "array", "items": NAMED, "description": "the desks my roles open, in the council's order"},
        "roles": {"type": "array", "items": NAMED},
        "administrator": {"type": "boolean", "description": "an administrator opens every desk"}}},
    "StaffRoles": {"type": "object", "required": ["roles", "desks"], "properties": {
        "roles": {"type": "array", "items": {"type": "object", "properties": {
            "id": STRING, "name": STRING, "desks": IDS, "reads": STRING, "changes": STRING}}},
        "desks": {"type": "array", "items": {"type": "object", "properties": {
            "id": STRING, "name": STRING, "what": STRING, "personal_data": {"type": "boolean"}}}}}},
    "Officer": {"type": "object", "required": ["id", "role", "roles", "desks", "version"], "properties": {
        "id": STRING, "email": STRING, "name": {**STRING, "nullable": True},
        "role": {"type": "string", "enum": ["resident", "crew", "staff", "admin"]},
        "roles": IDS, "desks": IDS, "scope": {"type": "object"},
        "unknown_roles": {**IDS, "description": "roles held that the council's file no longer names (open nothing)"},
        "roles_history": {"type": "array", "items": {"type": "object", "properties": {
            "at": {"type": "string", "format": "date-time"}, "by": STRING, "before": IDS, "after": IDS}}},
        "version": {"type": "integer"}}},
    "OfficerRoles": {"type": "object", "required": ["roles"], "additionalProperties": False, "properties": {
        "roles": {**IDS, "description": "the council's role ids (GET /v1/staff/roles); [] takes every role away"}}},
}
