"""The `business` part of a council's settings: what "I am starting a business"
offers there (handlers/business; docs/decisions/starting-a-business.md).

- `activities`: the activities a business may tell the council it will do
  (each one of use_classes.json's), each with the licence types it may need:
  `{"cafe": ["premises-licence"], "office": []}`: ids of the council's own
  licensing types, whose words and applications are licensing's (the ids are
  checked against its types: councils/checks_business.py).
- `trade_waste`: the price list (`containers`: id, words, litres, the price of
  one collection in pence) and where its days come from (`days_from`: the
  premises' own round of that stream in the council's rounds data; absent:
  the council tells the business its day)."""
import json
from pathlib import Path

_USES = Path(__file__).resolve().parents[1] / "data" / "use_classes.json"
ACTIVITIES = tuple(json.loads(_USES.read_text(encoding="utf-8"))["activities"])
LICENCE_ID = r"^[a-z0-9][a-z0-9-]{0,47}$"  # as licensing's type ids
CONTAINER_ID = r"^[a-z0-9][a-z0-9-]{0,31}$"
STREAMS = ("refuse", "recycling", "garden", "food")  # bindays.STREAMS


def _object(properties, required=()):
    return {"type": "object", "properties": properties, "required": list(required), "additionalProperties": False}


def _text(most):
    return {"type": "string", "minLength": 1, "maxLength": most, "pattern": r"\S"}


BUSINESS = _object({
    "activities": {"type": "object", "propertyNames": {"enum": list(ACTIVITIES)}, "minProperties": 1,
                   "additionalProperties": {"type": "array", "maxItems": 10, "uniqueItems": True,
                                            "items": {"type": "string", "pattern": LICENCE_ID}}},
    "trade_waste": _object({
        "containers": {"type": "array", "minItems": 1, "maxItems": 20, "items": _object({
            "id": {"type": "string", "pattern": CONTAINER_ID}, "name": _text(80),
            "litres": {"type": "integer", "minimum": 1, "maximum": 10_000},
            "price": {"type": "integer", "minimum": 0, "maximum": 1_000_000}}, required=("id", "name", "price"))},
        "days_from": {"enum": list(STREAMS)},
        "most_bins": {"type": "integer", "minimum": 1, "maximum": 50},
    }, required=("containers",)),
}, required=("activities",))
