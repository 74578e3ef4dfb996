"""A body's officer, through the signed link in its e-mail, says what
happened to a report: in progress, fixed, or not theirs (with a reason and,
if they know, who is responsible). No account: the link is the right, and it
works only until it expires, while the report is with that body and while
the council has not closed it."""
from dataclasses import replace

from ... import validation
from ...errors import ApiError, NotFound
from ...states import CLOSED_STATES
from ..reports.changes import change_state
from ..reports.views import sent_view
from . import wording
from .officer_links import expiry, read_token, refuse_if_expired

CHOICES = wording.OFFICER_CHOICES
REASON_MAX = 1000


def _opened(deps, token):
    now = deps.clock()
    report_id, body_id, expires = read_token(token, now)
    send = deps.sends.get(report_id, body_id)
    report = deps.reports.get(report_id) if send else None
    if send is None or report is None:
        raise NotFound(wording.LINK_NOT_VALID, code="link_not_valid")
    if expires is None:  # made before links carried their end: the send says when it went
        expires = expiry(send.sent_at) if send.sent_at else now
        refuse_if_expired(expires, now)
    if send.state == "withdrawn":
        raise ApiError(wording.NO_LONGER_YOURS, status=403, code="link_withdrawn")
    if send.state not in ("sent", "refused"):  # on its way again: the new e-mail has a new link
        raise NotFound(wording.LINK_NOT_VALID, code="link_not_valid")
    if report.state in CLOSED_STATES:
        raise ApiError(wording.REPORT_CLOSED, status=403, code="report_closed")
    return report, send, expires


def show(deps, token):
    """What the officer sees: the report as sent to them and the choices."""
    return _view(deps, *_opened(deps, token))


def _view(deps, report, send, expires):
    service = deps.services.get(report.service_code) or {}
    return {"report": {"id": report.id, "service_name": service.get("name", report.service_code),
                       "status": report.state, "description": report.description, "address": report.address,
                       "location": {"lat": float(report.lat), "lon": float(report.lon)}
                       if report.lon is not None else None},
            "body": send.body_name, "sent": sent_view(send), "choices": CHOICES,
            "expires_at": expires.isoformat().replace("+00:00", "Z")}


def act(deps, token, body):
    report, send, expires = _opened(deps, token)
    problems = validation.Problems(wording.OFFICER)
    choice = body.get("choice") if isinstance(body, dict) else None
    if choice not in CHOICES:
        problems.add("choice", wording.NOT_ONE_OF.format(choices=", ".join(CHOICES)))
    reason = validation.text(body.get("reason"), "reason", problems, 0, REASON_MAX) if isinstance(body, dict) else None
    responsible = validation.text(body.get("responsible"), "responsible", problems, 0, 300) \
        if isinstance(body, dict) else None
    if choice == "not_ours" and not reason:
        problems.rule("reason", wording.NOT_OURS_WITHOUT_REASON)
    problems.raise_if_any()
    now = deps.clock()
    by = (f"body:{send.body_id}", f"{send.body_name} (email link)")
    if choice == "not_ours":
        words = f"{send.body_name} says this is not theirs: {reason}" + (
            f" Responsible instead: {responsible}." if responsible else "")
        change_state(deps, report.id, report.state, text=words, author=send.body_name, action="body_update", by=by)
        send = replace(send, state="refused", refused_reason=reason, responsible=responsible,
                       answered_at=send.answered_at or now)
    else:
        change_state(deps, report.id, choice, text=reason, author=send.body_name, action="body_update", by=by)
        send = replace(send, answered_at=send.answered_at or now)
    deps.sends.save(send)
    # Not _opened again: "fixed" closes the report, and the answer still shows it.
    return _view(deps, deps.reports.get(report.id), send, expires)
