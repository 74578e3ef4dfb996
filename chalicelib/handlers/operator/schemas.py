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
    "OffboardingStep": {"type": "object", "required": ["step"], "additionalProperties": False, "properties": {
        "step": {"type": "string", "enum": ["stop", "export", "delete"]},
        "confirm": {"type": "string", "maxLength": 40, "description": "with delete: the council's id again"}}},
    "Offboarding": {"type": "object", "required": ["id", "name", "state"], "properties": {
        "id": {"type": "string"}, "name": {"type": "string"}, "hosts": {"type": "array", "items": {"type": "string"}},
        "state": {"type": "string", "enum": ["serving", "stopped", "exporting", "exported", "deleting", "deleted"]},
        "stopped_at": {"type": "string", "format": "date-time"}, "stopped_by": {"type": "string"},
        "backup_days": {"type": "integer"},
        "export": {"type": "object", "nullable": True, "description": "where it is written, when, the items of "
                   "each kind and the files of each kind of file (counts), and manifest.json's SHA-256"},
        "manifest_url": {"type": "string", "format": "uri", "description": "the manifest, for an hour, while "
                         "the export is held in the bucket"},
        "deletion": {"type": "object", "nullable": True, "description": "who confirmed it, when, and its report: "
                     "each kind's items exported, deleted and read back after (none), each index's entries "
                     "(none), the other councils' counts before and after, and when its data leaves backups"}}},
}
