"""The planning routes' OpenAPI components (loaded only to build /openapi.json)."""
DAY = {"type": "string", "format": "date", "nullable": True}
TEXT = {"type": "string"}
MAYBE = {"type": "string", "nullable": True}
NUMBER = {"type": "number", "nullable": True}
FRESH = {"synced_at": {"type": "string", "format": "date-time", "nullable": True,
                       "description": "when the register last answered the sync completely"},
         "age_s": {"type": "integer", "nullable": True, "description": "seconds since then"},
         "stale": {"type": "boolean", "description": "true: the register has not answered for two days; this is "
                                                    "the last copy"}}
APPLICATION = {
    "id": TEXT, "reference": {**TEXT, "description": "the council's own (24/01234/FUL)"}, "proposal": TEXT,
    "address": TEXT, "validated": DAY, "phase": {"type": "string", "enum": ["open", "awaiting", "decided"]},
    "status": {**MAYBE, "description": "as the register words it"},
    "comments_close": DAY, "comments": {**MAYBE, "description": "when comments close, in words"},
    "decision": MAYBE, "decided": DAY, "decision_words": {**MAYBE, "description": "the decision and its day in words"},
    "appeal_status": MAYBE, "lat": NUMBER, "lon": NUMBER,
    "type": {"type": "string", "enum": ["householder", "full", "outline", "listed_building", "trees", "advertisement",
                                        "other"], "description": "as area alerts ask for it (planning_types)"},
    "type_words": {**MAYBE, "description": "the type as the register words it"},
    "distance_m": {"type": "integer", "description": "from the point asked about (near only)"},
    "notification": {"type": "object", "description": "who is told of it and how long they have, by the council's "
                     "jurisdiction: days, within_m (null: adjoining, England), rule {id, title, url, from}, text"}}
CONSTRAINT = {"type": "object", "required": ["dataset", "kind", "words"], "properties": {
    "dataset": {"type": "string", "enum": ["conservation-area", "listed-building-outline", "tree-preservation-zone",
                                           "flood-risk-zone"], "description": "Planning Data's dataset"},
    "kind": {**TEXT, "description": "in words: Conservation area, Flood zone 3..."}, "name": MAYBE, "reference": MAYBE,
    "words": TEXT, "url": {**MAYBE, "description": "the entity on planning.data.gov.uk"}}}
CONSTRAINTS = {"constraints": {"type": "array", "items": CONSTRAINT,
                               "description": "Planning Data's constraints at the point (near: the point asked about)"},
               "constraints_source": TEXT}
COMMITTEE = {"type": "object", "nullable": True, "description": "the Planning Committee meeting whose agenda names "
             "it: the next still to come, else the last (null: on no agenda in our copy)", "properties": {
                 "meeting_id": TEXT, "item_id": TEXT, "committee": TEXT, "date": DAY, "time": MAYBE,
                 "location": MAYBE, "words": {**TEXT, "description": "when and where, in words"}, "url": TEXT,
                 "speaking": {"type": "object", "nullable": True, "description": "null: the public do not speak "
                              "on this item", "properties": {
                                  "open": {"type": "boolean"}, "closes": TEXT, "words": TEXT, "url": MAYBE}}}}

SCHEMAS = {
    "PlanningApplicationSummary": {"type": "object", "required": ["id", "reference", "proposal", "phase"],
                                   "properties": APPLICATION},
    "PlanningApplications": {"type": "object", "required": ["applications"], "properties": {
        "applications": {"type": "array", "items": {"$ref": "#/components/schemas/PlanningApplicationSummary"}},
        "lat": {"type": "number"}, "lon": {"type": "number"}, "radius": {"type": "number"}, "status": MAYBE,
        **CONSTRAINTS, **FRESH}},
    "PlanningApplication": {"type": "object", "required": ["id", "reference", "proposal", "phase"], "properties": {
        **APPLICATION, "link": {**MAYBE, "description": "the application's page on the council's register"},
        "comment_link": {**MAYBE, "description": "its comment tab there, while comments are open"},
        "comment_where": MAYBE, "committee": COMMITTEE, **CONSTRAINTS, **FRESH}},
    "PlanningHealth": {"type": "object", "required": ["configured"], "properties": {
        "configured": {"type": "boolean"}, "last_run": {"type": "object", "nullable": True},
        "warnings": {"type": "array", "items": {"type": "object"}}, **FRESH}},
}
