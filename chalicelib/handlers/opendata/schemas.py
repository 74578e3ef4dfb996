"""The open data routes' OpenAPI components (loaded only to build /openapi.json)."""

SCHEMAS = {
    "OpenData": {"type": "object", "required": ["licence", "generated_at", "files"], "properties": {
        "title": {"type": "string"}, "publisher": {"type": "string"},
        "licence": {"type": "object", "properties": {
            "id": {"type": "string", "nullable": True, "example": "OGL-UK-3.0"}, "name": {"type": "string"},
            "url": {"type": "string", "format": "uri"}}},
        "attribution": {"type": "string", "description": "what a reuser must credit"},
        "generated_at": {"type": "string", "format": "date-time"},
        "from_month": {"type": "string", "description": "the earliest month (YYYY-MM, UTC) read"},
        "reports": {"type": "integer", "minimum": 0},
        "files": {"type": "array", "items": {"type": "object", "properties": {
            "name": {"type": "string"}, "url": {"type": "string", "format": "uri"},
            "media_type": {"type": "string"}, "bytes": {"type": "integer"}, "sha256": {"type": "string"}}}}}},
}
