"""The meetings routes' OpenAPI components (loaded only to build /openapi.json)."""
DAY = {"type": "string", "format": "date"}
MOMENT = {"type": "string", "format": "date-time", "nullable": True}
TEXT = {"type": "string"}
MAYBE = {"type": "string", "nullable": True}
FRESH = {"synced_at": {**MOMENT, "description": "when the sync last heard from the committee system"},
         "stale": {"type": "boolean", "description": "true: the committee system has not answered for 2 hours; "
                                                     "this is the last copy"}}


def _list(name, item):
    return {"type": "array", "items": {"$ref": f"#/components/schemas/{item}"}}


MEETING = {"id": TEXT, "committee_id": TEXT, "committee_title": TEXT, "date": DAY, "time": MAYBE,
           "cancelled": {"type": "boolean"}, "location": MAYBE, "agenda_published": {"type": "boolean"},
           "decisions_published": {"type": "boolean"}, "minutes_published": {"type": "boolean"},
           "wards": {"type": "array", "items": TEXT, "description": "wards its items' words name"},
           "checked_at": {**MOMENT, "description": "when the committee system last answered for this meeting"},
           "url": TEXT}

SCHEMAS = {
    "Committees": {"type": "object", "required": ["committees"], "properties": {"committees": {
        "type": "array", "items": {"type": "object", "properties": {"id": TEXT, "title": TEXT, "category": TEXT}}}}},
    "MeetingSummary": {"type": "object", "required": ["id", "committee_id", "date", "cancelled"], "properties": MEETING},
    "Meetings": {"type": "object", "required": ["meetings"], "properties": {
        "meetings": _list("meetings", "MeetingSummary"), "when": TEXT, "from": DAY, "to": DAY,
        "committee": MAYBE, "ward": MAYBE, **FRESH}},
    "Paper": {"type": "object", "required": ["id", "title", "available"], "properties": {
        "id": TEXT, "title": TEXT, "published": MAYBE,
        "size": {"type": "integer", "nullable": True, "description": "bytes of the PDF (null: not fetched yet)"},
        "available": {"type": "boolean"}, "url": TEXT}},
    "AgendaItem": {"type": "object", "required": ["id", "title", "papers"], "properties": {
        "id": TEXT, "number": MAYBE, "title": TEXT, "text": TEXT, "heading": {"type": "boolean"},
        "public_can_speak": {"type": "boolean"}, "is_decision": {"type": "boolean"},
        "wards": {"type": "array", "items": TEXT, "description": "wards its words name"},
        "topics": {"type": "array", "items": TEXT, "description": "topics its words fall in (the staff's mapping)"},
        "decision": {**MAYBE, "description": "once the decisions are published"},
        "minutes": {**MAYBE, "description": "once the minutes are published"},
        "papers": _list("papers", "Paper"),
        "petitions": {"type": "array", "description": "the petitions this item debates", "items": {
            "type": "object", "properties": {"id": TEXT, "action": TEXT, "url": TEXT}}},
        "applications": {"type": "array", "description": "the planning applications this item names by reference "
                         "that our copy of the register holds", "items": {"type": "object", "properties": {
                             "id": TEXT, "reference": TEXT, "proposal": TEXT, "address": MAYBE, "url": TEXT}}}}},
    "Meeting": {"type": "object", "required": ["id", "items", "cancelled"], "properties": {
        **MEETING, "items": _list("items", "AgendaItem"), "age_s": {"type": "integer", "nullable": True}, **FRESH}},
    "ForthcomingDecisions": {"type": "object", "required": ["decisions"], "properties": {
        "decisions": {"type": "array", "items": {"type": "object", "properties": {
            "id": TEXT, "title": TEXT, "decision_maker": TEXT, "due": {**MAYBE, "format": "date"},
            "key": {"type": "boolean"}, "wards": {"type": "array", "items": TEXT},
            "all_wards": {"type": "boolean"}, "topics": {"type": "array", "items": TEXT}}}}, **FRESH}},
    "DecisionsMade": {"type": "object", "required": ["decisions"], "properties": {
        "decisions": {"type": "array", "items": {"type": "object", "properties": {
            "id": TEXT, "title": TEXT, "decided": DAY, "decision_maker": MAYBE, "effective": MAYBE,
            "call_in": MAYBE, "meeting_id": {**MAYBE, "description": "taken at this meeting (its agenda item_id)"},
            "item_id": MAYBE}}}, "from": DAY, "to": DAY, **FRESH}},
    "AgendaItemsFound": {"type": "object", "required": ["items"], "properties": {
        "items": {"type": "array", "items": {"type": "object", "properties": {
            "meeting_id": TEXT, "item_id": TEXT, "title": TEXT, "decision": MAYBE, "date": DAY,
            "committee_id": TEXT, "committee_title": TEXT, "url": TEXT}}}, "q": TEXT}},
    "MeetingTopics": {"type": "object", "required": ["topics"], "properties": {
        "topics": {"type": "object", "minProperties": 1, "maxProperties": 50, "additionalProperties": {
            "type": "array", "minItems": 1, "maxItems": 60, "items": {"type": "string", "minLength": 1,
                                                                      "maxLength": 60}},
            "description": "topic (1 to 60 characters, not starting with _): the words and phrases that place an "
                           "item in it, each with some letters or digits (else 422)"},
        "version": {"type": "integer"}, "edited": {"type": "boolean"}}},
    "MyMeetings": {"type": "object", "required": ["meetings", "calendar"], "properties": {
        "meetings": {"type": "array", "description": "the meetings you were told of, soonest first: only you see "
                                                     "this", "items": {"type": "object", "properties": {
            "meeting_id": TEXT, "committee_id": TEXT, "committee_title": TEXT, "date": DAY, "time": MAYBE,
            "location": MAYBE, "told_at": MOMENT, "url": TEXT,
            "items": {"type": "array", "items": {"type": "object", "properties": {
                "id": TEXT, "title": TEXT, "reasons": {"type": "array", "items": {
                    "type": "object", "description": "why: reported, supported, followed (a report in the item's "
                                                     "ward and topic), signed or followed_petition (a petition it "
                                                     "debates), follows (a committee, ward or topic)",
                    "properties": {"why": TEXT, "ward": TEXT, "report_id": TEXT, "service_code": TEXT,
                                   "petition_id": TEXT, "committee": TEXT, "ward_name": TEXT,
                                   "topic": TEXT}}}}}}}}},
        "calendar": {"type": "object", "properties": {"active": {"type": "boolean"}}}}},
    "MyMeetingsCalendar": {"type": "object", "required": ["url"], "properties": {
        "url": {**TEXT, "description": "the calendar's private link, shown this once; a new one stops the old"},
        "active": {"type": "boolean"}}},
    "MeetingsHealth": {"type": "object", "properties": {
        "configured": {"type": "boolean"}, "last_run": {"type": "object", "nullable": True},
        "next_try_by": {**MOMENT, "description": "the next run asks again by then (the schedule's 15 minutes)"},
        **FRESH, "age_s": {"type": "integer", "nullable": True, "description": "seconds since synced_at"},
        "sources": {"type": "object", "additionalProperties": {"type": "object", "properties": {
            "ok_at": MOMENT, "age_s": {"type": "integer", "nullable": True}, "failed_at": MOMENT,
            "failure": {**MAYBE, "enum": ["unreachable", "blocked", "malformed", "changed", None]},
            "answered": {**MAYBE, "description": "what came back: timed_out, refused, http_status, html_page, "
                                                 "not_xml, not_pdf, other_shape"},
            "detail": {**MAYBE, "description": "the adapter's note, for developers"},
            "status": {"type": "integer", "nullable": True, "description": "an error page's HTTP status"},
            "failures": {"type": "integer", "description": "failed runs in a row"},
            "rows_skipped": {"type": "integer"}}}},
        "warnings": {"type": "array", "items": TEXT}}},
    # Either from_words: true alone, or both lists (a name not among GET's: 422), as staff._checked reads it.
    "ItemTags": {"type": "object", "properties": {
        "wards": {"type": "array", "maxItems": 50, "items": TEXT, "description": "ward names (GET's wards)"},
        "topics": {"type": "array", "maxItems": 50, "items": TEXT, "description": "topics of the mapping"},
        "from_words": {"type": "boolean", "description": "true alone: back to the tags of the item's own words"}},
        "anyOf": [{"required": ["from_words"], "additionalProperties": False,
                   "properties": {"from_words": {"enum": [True]}}},
                  {"required": ["wards", "topics"]}]},
    "MeetingTags": {"type": "object", "properties": {
        "meeting": {"type": "object"}, "version": {"type": "integer"},
        "items": {"type": "array", "items": {"type": "object", "properties": {
            "id": TEXT, "number": MAYBE, "title": TEXT, "wards": {"type": "array", "items": TEXT},
            "topics": {"type": "array", "items": TEXT},
            "edited_at": {**MOMENT, "description": "set by staff then; null: from its own words"}}}},
        "wards": {"type": "array", "items": TEXT, "description": "every ward an item may be given"},
        "topics": {"type": "array", "items": TEXT, "description": "every topic of the mapping"}}},
    "ForthcomingTags": {"type": "object", "required": ["decisions", "wards", "topics", "audit", "version"], "properties": {
        "decisions": {"type": "array", "items": {"type": "object", "properties": {
            "id": TEXT, "title": TEXT, "decision_maker": MAYBE, "due": MAYBE, "key": {"type": "boolean"},
            "wards": {"type": "array", "items": TEXT}, "topics": {"type": "array", "items": TEXT},
            "edited_at": {**MOMENT, "description": "corrected by staff then; null: the plan's and its title's"}}}},
        "wards": {"type": "array", "items": TEXT}, "topics": {"type": "array", "items": TEXT},
        "audit": {"type": "array", "items": {"type": "object"}, "description": "newest first: who, when, from, to"},
        "version": {"type": "integer"}}},
}
