"""The JSON Schema (draft 2020-12) of a form definition: the project's own.

A question is checked in two steps, so an unknown type is one error at its
own path (`$.pages[2].questions[0].type`) and not a list of every type's
complaints: the type first (an enum), then, for the type given, exactly the
properties that type takes (`if`/`then`, never `oneOf`, whose errors name
no single path). What a schema cannot say (ids that must exist, routes that
only go forward, pages something reaches) is definition.py's second step.
"""
from ...states import LABELS as STATES
from .limits import (ADD_ANOTHER_MAX, HAND_ON_ANSWERS, FILE_BYTES_MAX, FILE_TYPES, FILES_MAX, FORM_ID, HINT_MAX, LABEL_MAX,
                     OPTIONS_MAX, PAGE_ID, PAGES_MAX, PREFILL, QUESTION_ID, QUESTIONS_PER_PAGE_MAX, ROUTES_MAX,
                     RETENTION_DAYS_MAX, SIMPLE_TYPES, TEXT_LONG_MAX, TYPES, WORDS_MAX, WORKING_DAYS_MAX)

SOME = r"\S"  # words, not only blanks


def _text(most, least=1):
    return {"type": "string", "minLength": least, "maxLength": most, "pattern": SOME}


def _int(least, most):
    return {"type": "integer", "minimum": least, "maximum": most}


def _object(properties, required=()):
    return {"type": "object", "properties": properties, "required": list(required), "additionalProperties": False}


COMMON = {"id": {"type": "string", "pattern": QUESTION_ID}, "type": {"type": "string"},
          "label": _text(LABEL_MAX), "hint": _text(HINT_MAX), "optional": {"type": "boolean"},
          "prefill": {"enum": list(PREFILL)},
          # What the resident is told when they leave it empty ("Select yes if you support …"): a question
          # asked as people ask one cannot be put after "Select" or "Enter" (wording.required).
          "error_if_empty": _text(LABEL_MAX),
          # A licence form's answer the public register may show (licensing/answers.py); any other stays private.
          "public": {"type": "boolean"}}
OPTION = _object({"value": {"type": "string", "pattern": r"^[a-z0-9][a-z0-9_-]{0,59}$"},
                  "label": _text(LABEL_MAX), "hint": _text(HINT_MAX)}, ["value", "label"])
# What each type takes beyond the common properties, and which of them it needs.
OWN = {
    "text": ({"length": {"enum": ["short", "long"]}, "max_length": _int(1, TEXT_LONG_MAX)}, ()),
    "name": ({"parts": {"enum": ["full", "first_last", "first_middle_last"]}}, ()),
    "number": ({"min": {"type": "number"}, "max": {"type": "number"}, "whole": {"type": "boolean"}}, ()),
    "date": ({"input": {"enum": ["other", "date_of_birth", "past", "future"]}}, ()),
    "selection": ({"options": {"type": "array", "items": OPTION, "minItems": 2, "maxItems": OPTIONS_MAX},
                   "several": {"type": "boolean"}}, ("options",)),
    "file": ({"types": {"type": "array", "items": {"enum": list(FILE_TYPES)}, "minItems": 1, "uniqueItems": True},
              "max_bytes": _int(1024, FILE_BYTES_MAX), "max_files": _int(1, FILES_MAX)},
             ("types", "max_bytes")),
    "add_another": ({"item_name": _text(60), "max_items": _int(1, ADD_ANOTHER_MAX),
                     "questions": {"type": "array", "minItems": 1, "maxItems": QUESTIONS_PER_PAGE_MAX,
                                   "items": {"$ref": "#/$defs/inner_question"}}}, ("item_name", "questions")),
}


def _typed(types):
    """The question schema for `types`: the type first, then that type's own properties."""
    cases = []
    for name in types:
        own, needs = OWN.get(name, ({}, ()))
        cases.append({"if": {"properties": {"type": {"const": name}}, "required": ["type"]},
                      "then": _object({**COMMON, **own}, ["id", "type", "label", *needs])})
    return {"type": "object", "required": ["id", "type", "label"],
            "properties": {"type": {"enum": list(types)}}, "allOf": cases}


ROUTE = _object({
    "when": _object({"question": {"type": "string", "pattern": QUESTION_ID},
                     "equals": {"type": "string"},
                     "any_of": {"type": "array", "items": {"type": "string"}, "minItems": 1}}, ["question"]),
    "goto": {"type": "string", "pattern": PAGE_ID}}, ["when", "goto"])
PAGE = _object({
    "id": {"type": "string", "pattern": PAGE_ID}, "title": _text(LABEL_MAX), "intro": _text(WORDS_MAX),
    "questions": {"type": "array", "items": {"$ref": "#/$defs/question"}, "minItems": 1,
                  "maxItems": QUESTIONS_PER_PAGE_MAX},
    "routes": {"type": "array", "items": ROUTE, "maxItems": ROUTES_MAX},
    "next": {"type": "string", "pattern": PAGE_ID}}, ["id", "questions"])

SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://doorstep.example/schemas/form-definition.json",
    "title": "A Doorstep form definition",
    "type": "object", "additionalProperties": False,
    "required": ["id", "title", "kind"],
    "properties": {
        "id": {"type": "string", "pattern": FORM_ID},
        "title": _text(LABEL_MAX),
        # licence: a licence type's questions, asked by licensing's apply screen, never listed or started here.
        "kind": {"enum": ["form", "link_out", "licence"]},
        "description": _text(WORDS_MAX),
        "pages": {"type": "array", "items": PAGE, "minItems": 1, "maxItems": PAGES_MAX},
        "declaration": _object({"text": _text(WORDS_MAX), "confirm": _text(LABEL_MAX)}, ["text"]),
        "what_happens_next": _text(WORDS_MAX),
        "receiving": _object({"team": {"type": "string", "pattern": r"^[a-z0-9][a-z0-9_-]{0,59}$"},
                              # the category its case is filed in, in the staff inbox (a category the council has)
                              "category": {"type": "string", "pattern": r"^[a-z0-9_]{1,60}$"},
                              "working_days": _int(1, WORKING_DAYS_MAX), "email": {"type": "string",
                                                                                 "format": "email"}},
                             ["team", "working_days"]),
        "retention_days": _int(1, RETENTION_DAYS_MAX),
        # Posted to finance as a bill's payment is (fee_posting.py): its fund code, and where to (a signed webhook).
        "fee": _object({"fund": {"type": "string", "pattern": r"^[a-z0-9][a-z0-9_-]{0,59}$"},
                        "amount_pence": _int(1, 10_000_000), "description": _text(LABEL_MAX),
                        "fund_code": {"type": "string", "pattern": r"^[A-Z0-9]{1,12}$"},
                        "posting": _object({"method": {"enum": ["webhook"]},
                                            "url": {"type": "string", "pattern": r"^(https://|\$\{BILL_OFFICE\}/)\S+$",
                                                    "maxLength": 2000}}, ["method", "url"])},
                       ["fund", "amount_pence", "description", "fund_code", "posting"]),
        # Its case's own response templates (case_templates.py): the inbox's placeholders, {reference} the FM- one.
        "templates": {"type": "array", "maxItems": 30, "items": _object({
            "id": {"type": "string", "pattern": r"^[a-z0-9][a-z0-9-]{0,59}$"}, "title": _text(LABEL_MAX),
            "text": _text(WORDS_MAX), "state": {"enum": list(STATES)}, "auto": {"type": "boolean"}},
            ["id", "title", "text"])},
        "copy_of_answers": {"type": "boolean"},
        # Handed on to a back office as well as filed as a case: the revenues queue, as a council tax request
        # made from the answers the names point at (handing_on.py; checks.py: each a question of the form's).
        # Or to the council's own system through a signed webhook (webhook.py, queued by webhook_queue.py).
        "hand_on": {**_object({"to": {"enum": ["revenues", "webhook"]}, "request": {"enum": list(HAND_ON_ANSWERS)},
                               "answers": {"type": "object", "additionalProperties": {
                                   "type": "string", "pattern": QUESTION_ID}},
                               "url": {"type": "string", "pattern": r"^https?://[^\s]+$", "maxLength": 2000}},
                              ["to"]),
                    "allOf": [{"if": {"properties": {"to": {"const": "revenues"}}},
                               "then": {"required": ["request", "answers"]}},
                              {"if": {"properties": {"to": {"const": "webhook"}}}, "then": {"required": ["url"]}}]},
        "link_out": _object({"url": {"type": "string", "pattern": r"^https://[^\s]+$", "maxLength": 2000},
                             "words": _text(WORDS_MAX), "button": _text(LABEL_MAX)}, ["url", "words"]),
    },
    "allOf": [
        {"if": {"properties": {"kind": {"const": "link_out"}}, "required": ["kind"]},
         "then": {"required": ["link_out"]}},
        {"if": {"properties": {"kind": {"const": "form"}}, "required": ["kind"]},
         "then": {"required": ["pages", "what_happens_next", "receiving", "retention_days"]}},
        {"if": {"properties": {"kind": {"const": "licence"}}, "required": ["kind"]},
         "then": {"required": ["pages", "retention_days"]}},
    ],
    "$defs": {"question": _typed(TYPES), "inner_question": _typed(SIMPLE_TYPES)},
}
