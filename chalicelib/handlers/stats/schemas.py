"""The stats route's OpenAPI components (loaded only to build /openapi.json)."""

COUNT = {"type": "integer", "minimum": 0}
FLOWS = {
    "received": {**COUNT, "description": "reports made"},
    "closed": {**COUNT, "description": "times a report left the open states (fixed, closed, duplicate...)"},
    "fixed": {**COUNT, "description": "times a report was marked fixed (a reopened report fixed again counts again)"},
    "reopened": {**COUNT, "description": "times a closed report was opened again"},
}
DAYS = {"type": "integer", "nullable": True, "minimum": 0}
SATISFACTION = {"type": "object", "nullable": True,
                "description": "What reporters answered when asked, some days after a fix or close, "
                               "\"has it been fixed?\"; null until someone has answered",
                "properties": {"responses": COUNT,
                               "average": {"type": "number", "minimum": 1, "maximum": 5,
                                           "description": "mean rating, 1 (badly) to 5 (very well)"},
                               "by_rating": {"type": "object", "description": "answers per rating \"1\"..\"5\"",
                                             "additionalProperties": COUNT},
                               "not_fixed": {**COUNT, "description": "answers saying it had not been fixed"}}}

SCHEMAS = {
    "DaysToFix": {"type": "object", "description": "Whole days (rounded up) from report to fix, by nearest rank",
                  "properties": {"fixes": COUNT, "median": DAYS, "p90": DAYS}},
    "Stats": {"type": "object", "required": ["totals", "categories", "wards", "months", "channels"], "properties": {
        "totals": {"type": "object", "properties": {
            **FLOWS, "open": {"type": "integer", "description": "received - closed + reopened"},
            "days_to_fix": {"$ref": "#/components/schemas/DaysToFix"}}},
        "categories": {"type": "array", "description": "public categories, in display order", "items": {
            "type": "object", "properties": {
                "service_code": {"type": "string"}, "name": {"type": "string"},
                "group": {"type": "string", "nullable": True}, **FLOWS,
                "days_to_fix": {"$ref": "#/components/schemas/DaysToFix"},
                "target_days": {**DAYS, "description": "the council's published target; null: none"},
                "within_target": {"type": "object", "nullable": True, "properties": {
                    "fixes": COUNT, "within": COUNT, "share": {"type": "number", "minimum": 0, "maximum": 1}}},
                "satisfaction": SATISFACTION}}},
        "wards": {"type": "array", "items": {"type": "object", "properties": {
            "id": {"type": "string"}, "name": {"type": "string"}, **FLOWS, "open": {"type": "integer"}}}},
        "months": {"type": "array", "description": "Europe/London calendar months, oldest first, none skipped",
                   "items": {"type": "object", "properties": {
                       "month": {"type": "string", "example": "2026-03"}, "received": COUNT, "closed": COUNT,
                       "fixed": COUNT}}},
        "channels": {"type": "array", "description": "how reports came: app, web, open311, api, and phone, "
                                                     "face_to_face, letter, email when staff took them",
                     "items": {"type": "object", "properties": {
                         "channel": {"type": "string"}, "received": COUNT,
                         "share": {"type": "number", "minimum": 0, "maximum": 1}}}},
        "satisfaction": SATISFACTION,
        "chat": {"type": "object", "nullable": True, "description": "residents' 1-5 ratings at the end of a live "
                                                                      "chat; null until one",
                 "properties": {"responses": COUNT, "average": {"type": "number"},
                                "by_rating": {"type": "object", "additionalProperties": COUNT}}}}},
}
