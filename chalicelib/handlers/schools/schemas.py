"""The school places routes' OpenAPI components (loaded only to build /openapi.json)."""
from . import limits
from ...validation import trimmed_text

DAY = {"type": "string", "format": "date"}
TEXT = trimmed_text(1, limits.EVIDENCE_MAX)
DATED = {"type": "object", "properties": {"date": DAY, "source": {"type": "string"}, "text": {"type": "string"}}}
DATES = {"type": "object", "description": "closing, offer, accept_by, appeal_by, appeals_heard_by (England); "
                                          "placing_received_by, placing_answer_by and the council's own (Scotland)",
         "additionalProperties": DATED}
OFFER = {"type": "object", "nullable": True, "description": "only once the round's offers are released", "properties": {
    "school_id": {"type": "string", "nullable": True}, "school_name": {"type": "string", "nullable": True},
    "preference": {"type": "integer", "nullable": True}, "allocated": {"type": "boolean"},
    "distance_m": {"type": "integer", "nullable": True}, "text": {"type": "string"},
    "released_at": {"type": "string", "format": "date-time"},
    "waiting": {"type": "array", "items": {"type": "object", "properties": {
        "school_id": {"type": "string"}, "school_name": {"type": "string"}, "place": {"type": "integer"},
        "text": {"type": "string"}}}}}}
APPLICATION = {
    "id": {"type": "string"}, "round": {"type": "string"}, "child_name": {"type": "string"},
    "version": {"type": "integer"}, "created_at": {"type": "string", "format": "date-time"},
    "child": {"type": "object"}, "home": {"type": "object"}, "looked_after": {"type": "object", "nullable": True},
    "preferences": {"type": "array", "items": {"type": "object"}}, "round_dates": DATES,
    "scheme": {"type": "string", "enum": ["coordinated", "catchment"]},
    "answer": {"type": "object", "nullable": True}, "appeals": {"type": "array", "items": {"type": "object"}},
    "updated_at": {"type": "string", "format": "date-time", "nullable": True}, "offer": OFFER,
    "waiting_offers": {"type": "array", "description": "places offered from waiting lists, each with its own "
                                                       "accept_by and the answer", "items": {"type": "object"}},
    "told_by": {"type": "array", "items": {"type": "string", "enum": ["email", "sms", "push"]}},
    "can_change": {"type": "boolean", "description": "changes are taken now (England: until the closing date)"},
    "appealable": {"type": "array", "items": {"type": "string"},
                   "description": "schools preferred above the offer and not yet appealed for"}}

SCHEMAS = {
    "SchoolRound": {"type": "object", "required": ["round", "dates", "schools"], "properties": {
        "round": {"type": "string"}, "scheme": {"type": "string"}, "rules": {"type": "string"},
        "source": {"type": "string"}, "min_preferences": {"type": "integer"}, "max_preferences": {"type": "integer"},
        "dates": DATES, "schools": {"type": "array", "items": {"type": "object", "properties": {
            "id": {"type": "string"}, "name": {"type": "string"}, "lat": {"type": "number"},
            "lon": {"type": "number"}, "places": {"type": "integer"},
            "criteria": {"type": "array", "items": {"type": "string"}}}}}}},
    "SchoolRounds": {"type": "object", "required": ["rounds"], "properties": {"rounds": {"type": "array", "items": {
        "type": "object", "properties": {"round": {"type": "string"}, "year": {"type": "integer"},
                                         "phase": {"type": "string"}, "scheme": {"type": "string"},
                                         "open": {"type": "boolean"}, "dates": DATES}}}}},
    "StartingSchoolNew": {"type": "object", "required": ["round", "child"], "additionalProperties": False,
                          "properties": {
        "round": {"type": "string", "pattern": limits.ROUND_PATTERN, "description": "the school year: entry and phase"},
        "child": {"type": "object", "required": ["name", "date_of_birth"], "additionalProperties": False,
                  "properties": {"name": trimmed_text(1, limits.NAME_MAX),
                                 "date_of_birth": DAY}},
        "home_uprn": {"type": "string", "pattern": limits.UPRN_PATTERN,
                      "description": "the home (my saved address when not given)"}}},
    "StartingSchool": {"type": "object", "required": ["id", "parts", "under_way"], "properties": {
        "id": {"type": "string"}, "round": {"type": "string"}, "child": {"type": "object"},
        "home": {"type": "object"}, "scheme": {"type": "string"}, "created_at": {"type": "string",
                                                                                  "format": "date-time"},
        "parts": {"type": "array", "items": {"type": "object", "required": ["name", "state", "text"], "properties": {
            "name": {"type": "string", "enum": ["school_place", "catchment_school", "placing_request",
                                                "free_school_meals", "clothing_grant", "transport"]},
            "state": {"type": "string"}, "text": {"type": "string"},
            "link": {"type": "string", "nullable": True}, "source": {"type": "string", "nullable": True},
            "distance_m": {"type": "integer"}}}},
        "under_way": {"type": "boolean", "description": "a part is still being checked against the benefits "
                      "records: read it again in a few seconds"}}},
    "StartingSchoolList": {"type": "object", "required": ["tellings"], "properties": {"tellings": {
        "type": "array", "items": {"type": "object"}}}},
    "SchoolApplicationNew": {"type": "object", "required": ["round", "child", "preferences"],
                             "additionalProperties": False, "properties": {
        "round": {"type": "string", "pattern": limits.ROUND_PATTERN},
        "child": {"type": "object", "required": ["name", "date_of_birth"], "additionalProperties": False,
                  "properties": {"name": trimmed_text(1, limits.NAME_MAX),
                                 "date_of_birth": DAY}},
        "home_uprn": {"type": "string", "pattern": limits.UPRN_PATTERN,
                      "description": "the home (my saved address when not given)"},
        "looked_after": {"type": "object", "required": ["authority"], "additionalProperties": False,
                         "properties": {"authority": TEXT}},
        "phone": {"type": "string", "maxLength": 20,
                  "description": "the offer texted here too (the account's phone when its owner chose texts)"},
        "push_subscription": {"type": "object", "description": "the browser's push subscription: the offer pushed too"},
        "preferences": {"type": "array", "minItems": 1, "maxItems": 6, "items": {
            "type": "object", "required": ["school_id"], "additionalProperties": False, "properties": {
                "school_id": {"type": "string", "pattern": limits.SCHOOL_ID_PATTERN},
                "sibling": {"type": "object", "required": ["name", "year_group"], "additionalProperties": False,
                            "properties": {"name": TEXT, "year_group": TEXT}}}}}}},
    "SchoolApplication": {"type": "object", "required": ["id", "round", "preferences"], "properties": APPLICATION},
    "StaffSchoolApplication": {"type": "object", "required": ["id", "audit"], "properties": {
        **APPLICATION, "audit": {"type": "array", "items": {"type": "object"}}}},
    "SchoolApplications": {"type": "object", "required": ["applications"], "properties": {
        "applications": {"type": "array", "items": {"type": "object", "properties": {
            k: APPLICATION[k] for k in ("id", "round", "child_name", "version", "created_at")}}}}},
    "SchoolAnswer": {"type": "object", "required": ["answer"], "additionalProperties": False, "properties": {
        "answer": {"type": "string", "enum": list(limits.ANSWERS)},
        "school_id": {"type": "string", "pattern": limits.SCHOOL_ID_PATTERN,
                      "description": "answer a place offered from this school's waiting list (its own date)"}}},
    "SchoolAppeal": {"type": "object", "required": ["school_id", "grounds"], "additionalProperties": False,
                     "properties": {"school_id": {"type": "string", "pattern": limits.SCHOOL_ID_PATTERN},
                                    "grounds": trimmed_text(10, limits.GROUNDS_MAX)}},
    "SchoolRunNew": {"type": "object", "additionalProperties": False, "properties": {
        "seed_of": {"type": "string", "pattern": limits.RUN_ID_PATTERN,
                    "description": "run again with this earlier run's draw"}}},
    "SchoolRun": {"type": "object", "required": ["id", "seed", "counts"], "properties": {
        "id": {"type": "string"}, "seed": {"type": "string"}, "seed_of": {"type": "string", "nullable": True},
        "by": {"type": "string"}, "inputs": {"type": "string"}, "counts": {"type": "object"},
        "schools": {"type": "array", "items": {"type": "object"}},
        "created_at": {"type": "string", "format": "date-time"}}},
    "SchoolRuns": {"type": "object", "required": ["runs"], "properties": {
        "round": {"type": "string"}, "runs": {"type": "array", "items": {"$ref": "#/components/schemas/SchoolRun"}},
        "release": {"type": "object", "nullable": True, "description": "as SchoolReleased; null before release"},
        "scheduled": {"type": "object", "nullable": True,
                      "description": "the run chosen to be released on offer day: {run_id, by, on}"}}},
    "SchoolRelease": {"type": "object", "required": ["run_id"], "additionalProperties": False, "properties": {
        "run_id": {"type": "string", "pattern": limits.RUN_ID_PATTERN},
        "on_offer_day": {"type": "boolean", "description": "before offer day: release this run on offer day, by the "
                                                           "schedule (choosing again replaces the choice)"}}},
    "SchoolReleased": {"type": "object", "required": ["run_id", "released_at"], "properties": {
        "run_id": {"type": "string"}, "by": {"type": "string", "nullable": True},
        "released_at": {"type": "string", "format": "date-time", "nullable": True},
        "scheduled_for": {"type": "string", "format": "date", "nullable": True,
                          "description": "chosen for offer day, not yet released"}}},
    "StaffReason": {"type": "object", "required": ["reason"], "additionalProperties": False, "properties": {
        "reason": trimmed_text(5, limits.REASON_MAX)}},
}
