"""The operator's routes' OpenAPI components (loaded only to build /openapi.json)."""
# A council's settings document: the council capability's CouncilSettings, the one component of that name.
SETTINGS = {"$ref": "#/components/schemas/CouncilSettings"}

SCHEMAS = {
    "Council": {"type": "object", "required": ["id", "version", "settings"], "properties": {
        "id": {"type": "string"}, "version": {"type": "integer"}, "settings": SETTINGS}},
    "Councils": {"type": "object", "required": ["councils"], "properties": {"councils": {
        "type": "array", "items": {"type": "object", "required": ["id", "name", "hosts", "version"], "properties": {
            "id": {"type": "string"}, "name": {"type": "string"}, "short_name": {"type": "string"},
            "hosts": {"type": "array", "items": {"type": "string"}}, "jurisdiction": {"type": "string"},
            "version": {"type": "integer"}}}}}},
}
