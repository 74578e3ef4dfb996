"""What the forms tests share: the demo definitions, read fresh for each use."""
import copy
import json
from pathlib import Path

DEMO = Path(__file__).resolve().parents[2] / "doorstep_cli" / "demo" / "forms"
_read = {}


def demo(form_id):
    """A demo form's definition, a copy the test may change."""
    if form_id not in _read:
        _read[form_id] = json.loads((DEMO / f"{form_id}.json").read_text())
    return copy.deepcopy(_read[form_id])


def fields(answer):
    """{path: message} of an error answer (the one error shape's fields)."""
    return {f["field"]: f["message"] for f in answer.json_body["error"]["fields"]}
