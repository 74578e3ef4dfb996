"""A report's audit: every staff change, who made it (their e-mail), when,
and each field before and after, internal ones included, and every reading
of the reporter's details or a form's answers and files, with its reason.
Read only: no route writes or edits an entry; each is written by the change
or the reading it records."""
from ...stamps import stamp
from .view import managed_report


def report_audit(deps, report_id):
    report = managed_report(deps, report_id)
    return {"report_id": report.id, "entries": [{
        "seq": int(e.seq), "action": e.action, "by": e.by_email or e.by_user_id,
        "at": stamp(e.created_at), "changes": e.changes or {}, "reason": e.reason, "granted_by": e.granted_by,
    } for e in deps.audit.entries(report.id)]}
