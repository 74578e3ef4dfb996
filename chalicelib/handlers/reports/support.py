""""Me too": a resident who has the same problem adds their support to a
report, and is told of its updates from then on.

One supporter per canonical e-mail per report (storage/reports/supporters.py). A
signed-in resident with a verified e-mail is counted at once; an e-mail
given is counted once the link sent to it is followed (the web page POSTs
its token: a mail scanner that follows a link counts no one), and asking
again re-sends that link at most once per RESEND_MINUTES. Every answer to an
e-mail given is the same, whether or not it had supported before, so the
route tells no one who supports what. The count is public; who is not.

A counted supporter follows the report by e-mail (alerts' kind "report"),
so its updates reach them as they reach its reporter. A report's own
reporter, staff hidden or private reports and closed ones take no support.
"""
import re
from datetime import timedelta

from ... import ids, states, validation, visibility
from ...errors import Conflict, NotFound, Unacceptable, ValidationFailed
from ...storage.errors import AlreadyExists, EditConflict
from ...storage.records import Supporter
from ..shared.emails import canonical
from ..shared.idempotency import request_key
from .limits import SUPPORTER_TOKEN_MAX
from .tracking import find_report
from .wording import (CONFIRM_SUPPORT_BODY, CONFIRM_SUPPORT_SUBJECT, EMAIL_OR_SIGN_IN, EMAIL_REQUIRED_UNLESS_SIGNED_IN,
                      NOT_AN_OBJECT, NOT_A_SUPPORTER_FIELD, NO_SUCH_REPORT, OWN_REPORT, REPORT_CHANGING, REPORT_CLOSED,
                      SUPPORT_CHECK_EMAIL, SUPPORT_COUNTED, SUPPORT_LINK_NOT_VALID, TOKEN_REQUIRED)

RESEND_MINUTES = 10
CONFIRM_WITHIN = timedelta(days=7)
ATTEMPTS = 5  # tries of the counting transaction when the report changed meanwhile
TOKEN = re.compile(r"^(DS-[0-9A-Z]{6})\.([0-9a-f]{40})\.([A-Za-z0-9_-]{20,64})$")
CHECK_EMAIL = {"status": "check_email", "message": SUPPORT_CHECK_EMAIL}


def supporter_key(email):
    return ids.digest(canonical(email))[:40]


def support(deps, report_id, body, idempotency_key=None):
    """POST /v1/reports/{id}/supporters {email?}: (answer, status). Signed in
    with a verified e-mail (and no other given): counted now, 200. An e-mail
    given: 202 check_email, whatever happened before. The operation is
    idempotent by its own key (one per person per report): a retry, with or
    without an Idempotency-Key, answers the same and counts nothing twice."""
    request_key(idempotency_key, deps.principal.user_id if deps.principal else None)  # its shape only
    if not isinstance(body, dict):
        raise ValidationFailed([("body", NOT_AN_OBJECT)])
    problems = validation.Problems()
    for key in body:
        if key != "email":
            problems.add(key, NOT_A_SUPPORTER_FIELD)
    email = validation.email(body.get("email"), "email", problems) if body.get("email") is not None else None
    problems.raise_if_any()
    p = deps.principal
    own = p is not None and p.email and p.email_verified and (
        email is None or canonical(email) == canonical(p.email))
    if email is None and not own:
        raise Unacceptable(EMAIL_OR_SIGN_IN, code="email_required",
                           fields=[{"field": "email", "message": EMAIL_REQUIRED_UNLESS_SIGNED_IN}])
    report = _supportable(deps, report_id)
    if own and report.user_id and report.user_id == p.user_id:
        raise Conflict(OWN_REPORT, code="own_report")
    now = deps.clock()
    email = p.email if own else email
    key = supporter_key(email)
    if own:
        earlier = deps.supporters.get(report.id, key)  # asked by e-mail before signing in: proven now
        if earlier is not None and earlier.state != "pending":
            return _answer(report), 200
        supporter = earlier or Supporter(report_id=report.id, key=key, email=email, state="counted",
                                         created_at=now, confirmed_at=now)
        supporter.user_id = p.user_id
        return _count(deps, report, supporter), 200
    from ...auth import rate_limits
    token = f"{report.id}.{key}.{deps.new_token()}"
    supporter = Supporter(report_id=report.id, key=key, email=email, state="pending", created_at=now, sent_at=now,
                          confirm_hash=ids.digest(token), expires=now + CONFIRM_WITHIN)
    earlier = deps.supporters.get(report.id, key)
    if earlier is not None:
        # Again: the link goes again, at most once per RESEND_MINUTES, and only while unconfirmed.
        if earlier.state != "pending" or not deps.supporters.resend(
                earlier, supporter.confirm_hash, now, now - timedelta(minutes=RESEND_MINUTES), supporter.expires):
            return CHECK_EMAIL, 202
    else:
        rate_limits.messages(deps, ["email"])  # 429 before anything is stored
        try:
            deps.supporters.add_pending(supporter)
        except AlreadyExists:
            return CHECK_EMAIL, 202  # a twin request put it first, and sends its link
    _send(deps, report, email, token)
    return CHECK_EMAIL, 202


def _supportable(deps, report_id):
    report = find_report(deps, report_id)
    service = deps.services.get(report.service_code) or {}
    if not visibility.details_are_public(report, service):
        raise NotFound(NO_SUCH_REPORT.format(report_id=report_id), code="report_not_found")
    if not states.is_open(report.state):
        raise Conflict(REPORT_CLOSED, code="report_closed")
    return report


def _send(deps, report, email, token):
    from ...notify.email import send_email
    link = f"{deps.base_url}/?support={token}"  # configuration's base, never the request's Host
    what = (deps.services.get(report.service_code) or {}).get("name", report.service_code)
    send_email(email, CONFIRM_SUPPORT_SUBJECT,
               CONFIRM_SUPPORT_BODY.format(category=what, report_id=report.id, link=link,
                                           withdraw=f"{deps.base_url}/?withdraw-support={token}"),
               deps.clock(), deps.new_opaque_id)


def confirm(deps, body):
    """POST /v1/supporters/confirm {token}: count the supporter, once."""
    _, supporter = by_token(deps, body)
    if supporter is None or (supporter.state == "pending" and supporter.expires and supporter.expires < deps.clock()):
        raise NotFound(SUPPORT_LINK_NOT_VALID, code="supporter_not_found")
    report = find_report(deps, supporter.report_id)
    if supporter.state == "pending":
        return _count(deps, report, supporter)
    return _answer(report)


def by_token(deps, body):
    """(the report id an e-mail's token names, the supporter it proves or None)."""
    token = validation.token_alone(body.get("token") if isinstance(body, dict) else None, "token",
                                   SUPPORTER_TOKEN_MAX, missing=TOKEN_REQUIRED)
    found = TOKEN.match(token)
    supporter = deps.supporters.get(found.group(1), found.group(2)) if found else None
    if supporter is not None and not ids.constant_time_equal(ids.digest(token), supporter.confirm_hash or ""):
        supporter = None
    return (found.group(1) if found else None), supporter


def _count(deps, report, supporter):
    """Follow the report by e-mail, then count the supporter once: a
    report changed meanwhile is read again; a supporter already counted
    (a twin, a second tab) counts nothing more."""
    _follow(deps, report, supporter)
    for _ in range(ATTEMPTS):
        try:
            deps.supporters.count(report, supporter, deps.clock())
            return _answer(report)
        except AlreadyExists:
            break  # supported before: the same answer
        except EditConflict as e:
            if e.part == "supporter":
                break  # counted by a twin confirmation
            report = find_report(deps, report.id)
    else:
        raise Conflict(REPORT_CHANGING, code="edit_conflict")
    return _answer(find_report(deps, report.id))


def _follow(deps, report, supporter):
    from ..alerts.subscriptions import report_follow
    alert, rows = report_follow(supporter.user_id, report.id, {"email": supporter.email}, deps.clock(), report=report,
                                 why="supported")
    deps.alerts.create(alert, rows)  # False when they follow it already: the same alert


def _answer(report):
    return {"status": "supporting", "report_id": report.id, "supporters": int(report.supporters or 0),
            "message": SUPPORT_COUNTED}
