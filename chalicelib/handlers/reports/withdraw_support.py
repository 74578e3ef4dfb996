"""Taking back a "me too": by the signed-in supporter, or by anyone holding
the link the confirmation e-mail gave (its token proves the address, as it
did to count them).

The count goes down once: the supporter's item is deleted on condition it is
still counted, in the transaction that takes one from the report
(storage/reports/supporters.py), so a retry, a second tab or several at once take
off one between them, and never below zero. A support still waiting for its
link is simply forgotten (it was never counted). Every withdrawal answers
the same, whether it withdrew just now or earlier: a retry sees what the
first saw. The e-mail follow the "me too" made stops too: it was for this.

Afterwards the person may say "me too" again, which counts them again.
"""
from ... import visibility
from ...errors import Conflict, NotFound, Unacceptable
from ...storage.errors import EditConflict
from .support import ATTEMPTS, by_token, supporter_key
from .tracking import find_report
from .wording import EMAIL_NOT_VERIFIED, NO_SUCH_REPORT, REPORT_CHANGING, SUPPORT_WITHDRAWN, WITHDRAW_LINK_NOT_VALID


def withdraw_mine(deps, report_id):
    """DELETE /v1/reports/{id}/supporters/me: the signed-in resident's support."""
    p = deps.principal
    if not (p.email and p.email_verified):
        raise Unacceptable(EMAIL_NOT_VERIFIED, code="email_required")
    report = find_report(deps, report_id)
    key = supporter_key(p.email)
    if deps.supporters.get(report.id, key) is None and not _public(deps, report):
        raise NotFound(NO_SUCH_REPORT.format(report_id=report_id), code="report_not_found")  # tells no one it exists
    return _withdraw(deps, report, key)


def withdraw_by_link(deps, body):
    """POST /v1/supporters/withdraw {token}: the confirmation e-mail's token."""
    report_id, supporter = by_token(deps, body)
    if supporter is not None:
        return _withdraw(deps, find_report(deps, supporter.report_id), supporter.key)
    report = deps.reports.get(report_id) if report_id else None
    if report is not None and _public(deps, report):
        # Gone already (withdrawn by this link or another way): a retry answers as the first did.
        return _answer(report)
    raise NotFound(WITHDRAW_LINK_NOT_VALID, code="supporter_not_found")


def _withdraw(deps, report, key):
    for _ in range(ATTEMPTS):
        supporter = deps.supporters.get(report.id, key)
        if supporter is None:
            break
        if supporter.state == "pending":
            if deps.supporters.forget_pending(supporter):
                break
        else:
            try:
                deps.supporters.withdraw(report, supporter)
                _unfollow(deps, report, supporter)
                return _answer(report)
            except EditConflict:
                pass  # a twin withdrew it, or the report changed: read both again
        report = find_report(deps, report.id)
    else:
        raise Conflict(REPORT_CHANGING, code="edit_conflict")
    return _answer(report)


def _unfollow(deps, report, supporter):
    from ..alerts.subscriptions import report_follow
    alert, _ = report_follow(supporter.user_id, report.id, {"email": supporter.email}, deps.clock())
    made = deps.alerts.get(alert.id)
    if made is not None:
        deps.alerts.delete(made)


def _public(deps, report):
    return visibility.details_are_public(report, deps.services.get(report.service_code) or {})


def _answer(report):
    return {"status": "withdrawn", "report_id": report.id,
            "supporters": int(report.supporters or 0),
            "message": SUPPORT_WITHDRAWN}
