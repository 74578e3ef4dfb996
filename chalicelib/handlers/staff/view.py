"""One report as staff see it: the private view plus what only staff see
(priority, internal notes, assignment, due date, ward, flags), with its
version as an ETag for the next change. The reporter's contact details are
withheld until the officer says why they need them (the Access-Reason
header): then they are shown, and the reading is in the report's audit."""
from ... import states
from ...auth.policy import require_manage
from ...errors import Stale
from ...stamps import stamp
from ..reports import across, views
from ..reports.tracking import find_report
from ..shared.placement import today
from .passable import pass_to
from .wording import REPORT_CHANGED

NOTE = "internal_note"


def etag(report):
    return f'"{int(report.version or 0)}"'


def send_detail(send):
    """A send as staff see it: the resident's line plus tries, the last error
    and when the next try is due, for "send again"."""
    return {**views.sent_view(send), "method": send.method, "tries": int(send.tries or 0),
            "last_error": send.last_error, "next_try_at": stamp(send.next_try_at) if send.next_try_at else None,
            "resent": bool(send.resent), "token": send.token}


def staff_view(deps, report, entries=None, contact=False):
    """entries: the report's audit, when already read (its notes come from it). contact: the reporter's
    contact details shown (a reading audited with its reason, or the caller's own just taken for them);
    otherwise null, and `contact_withheld`."""
    service = deps.services.get(report.service_code)
    sends = deps.sends.for_report(report.id)
    view = views.private_view(deps, report, service, sends=sends)
    view.update(contact=view["contact"] if contact else None, contact_withheld=not contact)
    view["sends"] = [send_detail(s) for s in sends]
    entries = deps.audit.entries(report.id) if entries is None else entries
    view.update({
        "view": "staff",
        "summary": report.summary,  # the public title, for moderation
        "priority": report.priority,
        "private": bool(report.private),
        "private_category": bool((service or {}).get("private")),
        "ward": report.ward,
        "due": report.due,
        "due_source": report.due_source,
        "due_rule": report.due_rule,  # which rule made the date, in the rule's own words
        "overdue": bool(report.due and states.is_open(report.state) and report.due < today(deps)),
        "assignment": dict(report.assignment) if report.assignment else None,
        "assignment_history": list(report.assignment_history or []),
        "duplicate_of": report.duplicate_of,
        "duplicates": list(report.duplicates or []),
        "channel": report.channel,
        "raised_by_team": report.raised_by_team,
        "flags": list(report.flags or []),
        "internal_notes": [{"text": e.changes[NOTE]["after"], "by": e.by_email, "at": stamp(e.created_at),
                            "seq": int(e.seq)} for e in entries if NOTE in (e.changes or {})],
        "version": int(report.version or 0),
        "moderation": moderation_view(deps, report),
        # made at another council's address, or passed here by another council (reports/across.py)
        "site": across.site_of(report),
        "passed": dict(report.passed) if report.passed else None,
        "pass_to": pass_to(report),
    })
    return view


STAFF_PHOTO_LINK_SECONDS = 300


def moderation_view(deps, report):
    """What moderation took away, for staff only: the words as the resident
    wrote them, who moderated, when and why, and each hidden photo (staff's
    or withdrawn by its reporter) with a link to its kept copy that works for
    a few minutes. None when nothing was taken away."""
    if not report.moderation and not report.hidden_photos:
        return None
    from ...storage.blobs import HIDDEN_PHOTO_PREFIX
    return {**dict(report.moderation or {}), "hidden_photos": [
        {**p, "url": deps.blobs.download_url(HIDDEN_PHOTO_PREFIX + p["name"], expires_in=STAFF_PHOTO_LINK_SECONDS)}
        for p in report.hidden_photos or []]}


def managed_report(deps, report_id):
    """The report, if the caller's scope covers it (403 otherwise, 404 when there is none)."""
    report = find_report(deps, report_id)
    require_manage(deps.principal, report)
    return report


def get_staff_report(deps, report_id):
    """(view, ETag): with the reporter's contact when the officer said why (that reading audited)."""
    from ..reports.wording import READ_CONTACT
    from ..shared.reading import audited
    report = managed_report(deps, report_id)
    said = deps.reason is not None and bool(audited(deps, report.id, READ_CONTACT, after=report.version))
    return staff_view(deps, report, contact=said), etag(report)


def stale(deps, report_id, report=None):
    """The Stale error carrying the report as stored now."""
    report = report or find_report(deps, report_id)
    return Stale(staff_view(deps, report), etag(report), REPORT_CHANGED)
