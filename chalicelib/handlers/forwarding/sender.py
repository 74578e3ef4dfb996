"""One try of one send: claim it, send it by the body's method, record the
outcome. Safe to run twice for the same send at once (a queue's duplicate
delivery, the sweeper beside the stream): the claim is a conditional write,
so only one try talks to the body."""
import logging
from dataclasses import replace

from ...faults import boundary
from ...storage.errors import EditConflict
from ...leases import renewed
from . import retries, wire, wording
from .email_out import message_key, send_by_email
from .open311_out import post_request

log = logging.getLogger("doorstep.forwarding")


def attempt(deps, report_id, body_id):
    """Returns the send's state after this try ("sent", "awaiting_id",
    "retrying", "failed"),
    or None when there was nothing to do (settled, not due, claimed)."""
    now = deps.clock()
    send = deps.sends.get(report_id, body_id)
    if send is None or not retries.due(send, now):
        return None
    body = deps.bodies.get(body_id)
    if send.state == "awaiting_id":
        from .tokens import ask_for_id
        return ask_for_id(deps, send, body, now)
    report = deps.reports.get(report_id)
    claimed = replace(send, state="sending", claimed_until=now + retries.CLAIM, tries=int(send.tries or 0) + 1,
                      first_try_at=send.first_try_at or now)
    try:
        deps.sends.save(claimed, retries.answer_within(body))
    except EditConflict:
        return None  # another try has it
    boundary("send.claimed")
    held = [claimed]  # the claim as last written (its version), renewed while the body is talked to
    try:
        with _renewed(deps, held, body):
            reference, token = _deliver(deps, body, report, again=bool(send.resent), key=message_key(claimed))
    except wire.BodyUnreachable as e:
        return _failed(deps, held[0], body, str(e), now)
    except Exception as e:  # a bug here must not leave the send claimed for ever, nor lose it
        log.exception("Sending %s to %s failed", report_id, body_id)
        return _failed(deps, held[0], body, wording.COULD_NOT_SEND.format(error=e.__class__.__name__), now)
    claimed = held[0]
    boundary("send.delivered")
    if token:  # the body has it, and will give its id for the token later
        from .tokens import FIRST_ASK
        sent_at = deps.clock()
        done = replace(claimed, state="awaiting_id", sent_at=sent_at, claimed_until=None, token=token,
                       next_try_at=sent_at + FIRST_ASK, last_error=None)
    else:
        done = replace(claimed, state="sent", sent_at=deps.clock(), claimed_until=None, next_try_at=None,
                       reference=reference or claimed.reference, last_error=None)
    deps.sends.save(done, retries.answer_within(body))
    return done.state


def _renewed(deps, held, body):
    """The claim moved on every RENEW_S while the send runs; its version fences it:
    a renewal after another try took the send changes nothing, and they stop."""
    def renew():
        moved = replace(held[0], claimed_until=deps.clock() + retries.CLAIM)
        try:
            deps.sends.save(moved, retries.answer_within(body))
        except EditConflict:
            return False
        held[0] = moved
        return True
    return renewed(renew, f"send of {held[0].report_id} to {held[0].body_id}")


def _deliver(deps, body, report, again=False, key=None):
    if body is None or report is None:
        raise wire.BodyUnreachable(wording.GONE)
    service = deps.services.get(report.service_code) or {"name": report.service_code}
    from ..alerts.delivery import links_base
    base = links_base(deps)
    if body.send_method == "open311":
        links = {"report": f"{base}/?report={report.id}",
                 "photos": [f"{base}/v1/photos/{p['name']}" for p in report.photos or []]}
        return post_request(body, report, service, links, again)
    if body.send_method == "email":
        send_by_email(deps, body, report, service, base, again, key)
    return None, None  # e-mailed, or the council's own inbox has it already


def _failed(deps, send, body, error, now):
    next_try = retries.after_failure(send, now)
    state = "retrying" if next_try else "failed"
    deps.sends.save(replace(send, state=state, next_try_at=next_try, claimed_until=None, last_error=error),
                    retries.answer_within(body))
    log.warning("Send of %s to %s: %s (%s)", send.report_id, send.body_id, error, state)
    return state
