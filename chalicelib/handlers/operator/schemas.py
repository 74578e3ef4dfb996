"""The operator's routes' OpenAPI components (loaded only to build /openapi.json)."""
SETTINGS = {"type": "object", "description": "a council's settings document, checked whole against its JSON Schema "
                                             "(chalicelib/councils/schema.py): id, name, short_name, hosts, "
                                             "jurisdiction, area, branding, staff_roles"}

SCHEMAS = {
    "CouncilSettings": SETTINGS,
    "Council": {"type": "object", "required": ["id", "version", "settings"], "properties": {
        "id": {"type": "string"}, "version": {"type": "integer"}, "settings": SETTINGS}},
    "Councils": {"type": "object", "required": ["councils"], "properties": {"councils": {
        "type": "array", "items": {"type": "object", "required": ["id", "name", "hosts", "version"], "properties": {
            "id": {"type": "string"}, "name": {"type": "string"}, "short_name": {"type": "string"},
            "hosts": {"type": "array", "items": {"type": "string"}}, "jurisdiction": {"type": "string"},
            "version": {"type": "integer"}}}}}},
}
