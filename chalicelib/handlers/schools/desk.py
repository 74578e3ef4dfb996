"""The admissions desk's read of one application, child and evidence included: with a reason in the
body (never the path, so never an access log), and every read kept in the application's audit with
who and why."""
from ... import validation
from ...errors import NotFound
from ...stamps import stamp
from . import limits, wording
from .view import shown


def lookup(deps, app_id, body):
    problems = validation.Problems()
    for key in set(body) - {"reason"}:
        problems.add(key, wording.NOT_ASKED)
    reason = body.get("reason")
    if not isinstance(reason, str) or not 5 <= len(reason.strip()) <= limits.REASON_MAX:
        problems.add("reason", wording.REASON)
    problems.raise_if_any()
    app = deps.school_applications.find(app_id)
    if app is None:
        raise NotFound(wording.NO_APPLICATION, code="application_not_found")
    now = deps.clock()
    deps.school_applications.add_audit(app["user_id"], app_id, {
        "action": "read", "reason": reason.strip(), "by_user_id": deps.principal.user_id,
        "by": deps.principal.email or deps.principal.user_id}, now, deps.new_opaque_id())
    out = shown(deps, app, staff=True)
    out["audit"] = [{**a, "at": stamp(a["at"])} for a in deps.school_applications.audit(app["user_id"], app_id)]
    return out
