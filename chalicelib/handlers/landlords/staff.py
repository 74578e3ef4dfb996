"""A landlord organisation read for a caller at the landlords desk
(desk("landlords"), the revenues role's): its members with their roles, its
audit (registered, colleagues added, invited, joined and removed, the
council's decisions and earlier reads) and the changes it reported.

Members' names and e-mail addresses and tenants' changes are personal data:
the officer gives a reason, and the read is written to the landlord's audit,
with who and why, before anything is read, so the answer shows it too. The
creditor reference and the reason travel in the body, never the path, as
council tax lookups do (revenues/staff.py). People are named as there: the
account's name, else its e-mail, with each member's e-mail (people.py, as the lead's own list)."""
import re

from ... import validation
from ...errors import NotFound
from ...stamps import stamp
from ..revenues import wording as revenues_words
from ..revenues.limits import REASON_MAX, REASON_MIN
from ..revenues.linking import audit_key
from . import limits, wording
from .people import listed


def _read(body):
    problems = validation.Problems()
    creditor = body.get("creditor_ref")
    if not isinstance(creditor, str) or not re.match(limits.CREDITOR_PATTERN, creditor.strip().upper()):
        problems.add("creditor_ref", wording.STAFF_CREDITOR)
    reason = body.get("reason")
    if not isinstance(reason, str) or not REASON_MIN <= len(reason.strip()) <= REASON_MAX:
        problems.add("reason", revenues_words.REASON_LENGTH.format(low=REASON_MIN, high=REASON_MAX))
    for key in body:
        if key not in ("creditor_ref", "reason"):
            problems.add(key, wording.NOT_A_LOOKUP_FIELD)
    problems.raise_if_any()
    return creditor.strip().upper(), reason.strip()


def lookup(deps, body):
    from .changes import ours
    creditor, reason = _read(body)
    org = deps.landlords.org(creditor)
    if org is None:
        raise NotFound(wording.NO_SUCH_LANDLORD, code="landlord_not_found")
    now = deps.clock()
    deps.landlords.record(creditor, audit_key(deps, now), "staff_lookup", deps.principal.user_id, detail=reason)
    audit = deps.landlords.audit(creditor)
    members, names = listed(deps, deps.landlords.members(creditor), audit)
    return {"creditor_ref": creditor, "name": org["name"], "state": org["state"],
            "registered_at": stamp(org["registered_at"]),
            "members": [{**m, "name": names[m["user_id"]]} for m in members],
            "audit": [_entry(a, names) for a in audit], "changes": ours(deps, org)["changes"]}


def _entry(a, names):
    action, _, role = a["action"].partition(":")  # "member_added:report": what was done, and the role given
    return {"at": a["at"], "action": action, "role": role or None, "by_user_id": a["by_user_id"],
            "by_name": names[a["by_user_id"]], "user_id": a["user_id"],
            "user_name": names[a["user_id"]] if a["user_id"] else None, "detail": a["detail"]}

