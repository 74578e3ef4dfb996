"""The places routes' OpenAPI components (loaded only to build /openapi.json)."""

SCHEMAS = {
    "Places": {"type": "object", "required": ["addresses"], "properties": {
        "postcode": {"type": "string", "example": "YO1 7HH", "description": "when asked by postcode"},
        "street": {"type": "string", "example": "Micklegate", "description": "when asked by street"},
        "addresses": {"type": "array", "items": {"type": "object", "properties": {
            "uprn": {"type": "string"}, "address": {"type": "string"}, "lat": {"type": "number"},
            "lon": {"type": "number"}, "ward": {"type": "string", "nullable": True}}}}}},
    "Place": {"type": "object", "required": ["uprn", "address", "bins", "nearest"], "properties": {
        "uprn": {"type": "string"}, "address": {"type": "string"}, "postcode": {"type": "string"},
        "lat": {"type": "number"}, "lon": {"type": "number"},
        "ward": {"type": "object", "nullable": True, "properties": {
            "id": {"type": "string", "nullable": True}, "name": {"type": "string"}}},
        "councillors": {"type": "array", "items": {"type": "object"}},
        "council_tax_band": {"type": "string", "nullable": True, "example": "C"},
        "bins": {"type": "array", "items": {"type": "object", "properties": {
            "stream": {"type": "string", "enum": ["refuse", "recycling", "garden", "food"]},
            "label": {"type": "string"}, "round": {"type": "string"},
            "collections": {"type": "array", "items": {"type": "object", "properties": {
                "date": {"type": "string", "format": "date"}, "weekday": {"type": "string"},
                "moved_from": {"type": "string", "format": "date"}}}}}}},
        "bins_calendar_url": {"type": "string", "format": "uri"},
        "nearest": {"type": "array", "items": {"type": "object", "properties": {
            "type": {"type": "string"}, "id": {"type": "string"}, "name": {"type": "string"},
            "distance_m": {"type": "number"}, "lat": {"type": "number"}, "lon": {"type": "number"}}}}}},
    "FacilityTypes": {"type": "object", "required": ["facility_types"], "properties": {
        "facility_types": {"type": "array", "items": {"type": "object", "required": ["type", "count"],
                                                      "properties": {"type": {"type": "string"},
                                                                     "count": {"type": "integer"}}}}}},
    "Councillors": {"type": "object", "required": ["ward", "councillors"], "properties": {
        "ward": {"type": "object", "required": ["id", "name"], "properties": {
            "id": {"type": "string", "example": "micklegate"},
            "name": {"type": "string", "example": "Micklegate"}}},
        "councillors": {"type": "array", "items": {
            "type": "object", "required": ["name", "party", "email", "phone", "surgery"], "properties": {
                "name": {"type": "string"}, "party": {"type": "string"},
                "email": {"type": "string", "format": "email", "example": "cllr.maya.thirsk@example.org"},
                "phone": {"type": "string", "nullable": True},
                "surgery": {"type": "string", "nullable": True,
                            "description": "when and where they meet residents"}}}}}},
}
