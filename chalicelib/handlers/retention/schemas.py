"""The retention routes' OpenAPI components (loaded only to build /openapi.json)."""
from ...councils.schema_retention import RETENTION
from ...validation import trimmed_text

STRING = {"type": "string"}
TEXT = {"type": "string", "nullable": True}
COUNTS = {"type": "object", "additionalProperties": {"type": "object", "additionalProperties": {"type": "integer"}},
          "description": "{kind: {what happened (anonymised, warned, removed, deleted, kept; a dry run's would_...): n}}"}
PERIOD = {"type": "object", "properties": {
    "after": STRING, "months": {"type": "integer"}, "then": {"type": "string", "enum": ["delete", "anonymise"]},
    "source": {"type": "string", "enum": ["council", "project", "lga"]}, "words": STRING}}
HOLD = {"type": "object", "properties": {"kind": {"type": "string",
                                                   "enum": ["reports", "repairs", "chats", "payments", "accounts"]},
                                          "id": STRING,
                                          "reason": STRING, "by": STRING, "at": STRING}}
RUN = {"type": "object", "properties": {
    "id": STRING, "dry": {"type": "boolean"}, "by": STRING, "started_at": STRING, "finished_at": TEXT,
    "counts": COUNTS, "more": {"type": "object", "additionalProperties": {"type": "boolean"},
                               "description": "{kind: true} where more were due than one run does or lists"},
    "listed": {"type": "object", "description": "a dry run's {kind: [{id, since, until}]}",
               "additionalProperties": {"type": "array", "items": {"type": "object"}}}}}

SCHEMAS = {
    "RetentionSettings": {**RETENTION, "description": "the settings' `retention` section"},
    "RetentionSchedule": {"type": "object", "required": ["schedule", "version"], "properties": {
        "schedule": {"type": "object", "properties": {
            "kinds": {"type": "object", "additionalProperties": PERIOD},
            "unused_account_months": {"type": "integer"}, "unused_accounts_source": STRING,
            "warn_days": {"type": "integer"}, "backup_days": {"type": "integer"},
            "set": {"type": "object", "description": "the settings' own `retention` section, as stored"}}},
        "version": {"type": "integer"}}},
    "RetentionHold": HOLD,
    "RetentionHoldPut": {"type": "object", "required": ["reason"], "additionalProperties": False,
                         "properties": {"reason": trimmed_text(5, 300)}},
    "RetentionHolds": {"type": "object", "properties": {"holds": {"type": "array", "items": HOLD},
                                                         "more": {"type": "boolean"}}},
    "RetentionReleased": {"type": "object", "properties": {"kind": STRING, "id": STRING, "released_at": STRING}},
    "RetentionRun": RUN,
    "RetentionRuns": {"type": "object", "properties": {"runs": {"type": "array", "items": RUN}, "next": TEXT}},
}
