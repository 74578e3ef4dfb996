"""The council routes' OpenAPI components (loaded only to build /openapi.json). The settings'
own JSON Schema (draft 2020-12, more than OpenAPI 3.0 can say) is chalicelib/councils/schema.py."""
STRING = {"type": "string"}
TEXT = {"type": "string", "nullable": True}
SWITCHES = {"type": "object", "additionalProperties": {"type": "boolean"}}
WHERE_TO_GO = {"type": "object", "additionalProperties": {"type": "object", "required": ["name"], "properties": {
    "name": STRING, "phone": STRING, "website": STRING}},
    "description": "{service: where a resident goes for it instead} for a service the council does not provide "
                   "(switched off): the name, phone and web address of who does (a housing association's repairs)"}
WORDS = {"type": "object", "additionalProperties": STRING,
         "description": "the app's words this council says otherwise: {catalogue key: text} (web/messages/en.json)"}

SCHEMAS = {
    "CouncilPage": {"type": "object", "required": ["id", "name", "short_name", "branding", "services", "words"],
                    "properties": {
        "id": STRING, "name": STRING, "short_name": STRING,
        "jurisdiction": {"type": "string", "enum": ["england", "wales", "scotland"]},
        "version": {"type": "integer", "description": "the settings' version (0: none stored yet)"},
        "branding": {"type": "object", "properties": {
            "colour": {**STRING, "description": "#rrggbb, behind the header's white words"},
            "logo": TEXT, "phone": TEXT, "emergency_phone": TEXT, "email": TEXT, "website": TEXT}},
        "services": {**SWITCHES, "description": "every service a council may switch off: true when offered"},
        "instead": WHERE_TO_GO, "words": WORDS,
        "map": {"type": "object", "nullable": True, "properties": {"centre": {"type": "object", "properties": {
            "lat": {"type": "number"}, "lon": {"type": "number"}}}}}}},
    "CouncilSettings": {
        "type": "object", "required": ["id", "name", "short_name", "hosts", "jurisdiction"],
        "description": "A council's settings document, checked whole against its JSON Schema "
                       "(chalicelib/councils/schema.py): every refused field is answered at once with its JSON "
                       "path, such as $.branding.colour or $.words[\"home.bin_days\"]. id, hosts and public_url "
                       "are the deployment operator's: changing them here is refused",
        "properties": {
            "id": STRING, "name": STRING, "short_name": STRING,
            "hosts": {"type": "array", "items": STRING}, "public_url": STRING,
            "jurisdiction": {"type": "string", "enum": ["england", "wales", "scotland"]},
            "area": {"type": "object", "description": "GeoJSON Polygon or MultiPolygon"},
            "branding": {"type": "object", "description": "colour, logo, phone, emergency_phone, email, website, "
                                                          "icons (the manifest's)"},
            "services": {**SWITCHES, "description": "a service switched off: false"},
            "instead": WHERE_TO_GO, "words": WORDS}},
    "CouncilSettingsRead": {"type": "object", "required": ["settings", "version"], "properties": {
        "settings": {"$ref": "#/components/schemas/CouncilSettings"},
        "version": {"type": "integer", "description": "the settings' version, also the ETag for If-Match"}}},
    "CouncilAudit": {"type": "object", "required": ["changes", "next"], "properties": {
        "changes": {"type": "array", "items": {"type": "object", "properties": {
            "at": {"type": "string", "format": "date-time"}, "by": STRING,
            "change": {"type": "object", "description": "{setting: [before, after]}; a group's by each of its own "
                                                        "(branding.colour, words.home.bin_days)"}}}},
        "next": {**TEXT, "description": "?before= for the page after; null on the last"}}},
}
