"""The council administrator's view of its provisioning log (GET /v1/staff/directory/changes): who the
directory provisioned, changed, turned off and removed, what changed, when, and by which token; newest first,
a page at a time. The officers' own lookup (handlers/officers) is not audited as a reading of personal data,
and neither is this: it names officers and what their directory said of them, as that one does."""
import base64
import json

from ...errors import ValidationFailed
from ...stamps import stamp
from ... import validation
from . import wording

DEFAULT_LIMIT, MOST = 50, 100


def changes(deps, params):
    problems = validation.Problems()
    limit = validation.page_limit(params, problems, DEFAULT_LIMIT, MOST, wording.LIMIT.format(most=MOST))
    problems.raise_if_any()
    rows, next_key = deps.directory.changes(limit, _cursor(params.get("cursor")))
    return {"changes": [_line(r) for r in rows], "next_cursor": _encode(next_key)}


def _line(row):
    return {"at": stamp(row.at), "action": row.action, "kind": row.kind, "id": row.target_id, "who": row.target,
            "person_id": row.person_id, "group": row.group, "changes": row.changes or {}, "by": row.by}


def _encode(key):
    return base64.urlsafe_b64encode(json.dumps(key, separators=(",", ":")).encode()).decode() if key else None


def _cursor(value):
    if not value:
        return None
    try:
        key = json.loads(base64.urlsafe_b64decode(value.encode() + b"=" * (-len(value) % 4)))
    except (ValueError, UnicodeError):
        key = None
    if not (isinstance(key, dict) and set(key) == {"log", "seq"} and all(
            isinstance(v, dict) and set(v) == {"S"} and isinstance(v["S"], str) for v in key.values())):
        raise ValidationFailed([("cursor", wording.CURSOR)])
    return key
