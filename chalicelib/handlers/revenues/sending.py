"""A council tax request reaching the back office: the effect of its
`revenue_request` event (shared/effects.py), claimed once per event, first
tried by the request that made it, then by the alert queue's worker.

Exactly once at the back office, whatever runs twice: the request key sent
is the request's own id, and the back office keeps one request per key and
answers a resend with the same reference (civica_requests.py), so a try
after a crash between its send and our write is recognised. The row takes
the reference once (a conditional write), and the resident's e-mail is
queued under the request's id (the outbox keeps one), so a run again finishes
what a stopped one left: reference written, e-mail queued.

While the back office is unreachable (down, its nightly window, too slow) a
try raises, is counted on the row (`tries`, `last_error`: how it failed,
never what was asked) and the effect is tried again by the queue. A refusal
(an error code: a date it will not take) settles the row `refused`."""
import logging

from . import backoffice, wording
from .port import BackOfficeError

log = logging.getLogger("doorstep.revenues")


def on_request(deps, event, key):
    payload = event.payload or {}
    request = deps.revenue_requests.get(payload.get("user_id"), payload.get("request_id"))
    if request is None or request["state"] == "refused":
        return  # erased with its account, or settled
    if request["state"] == "queued":
        try:
            reference = send(deps, request)
        except BackOfficeError as e:
            failure = f"{e.kind} {e.code}" if e.code else e.kind
            if e.kind == "refused":
                deps.revenue_requests.tried(request["user_id"], request["id"], "refused", failure)
                log.warning("council tax request %s refused by the back office (%s)", request["id"], failure)
                return
            deps.revenue_requests.tried(request["user_id"], request["id"], "queued", failure)
            raise
        deps.revenue_requests.taken(request["user_id"], request["id"], reference, deps.clock())
        request = deps.revenue_requests.get(request["user_id"], request["id"])
    tell(deps, request)


def send(deps, request):
    """The back office's reference (its request key: our id)."""
    return backoffice.configured(deps).send_request(request["person_ref"], request["account_ref"], request["kind"],
                                                    request["details"], request["id"])


def tell(deps, request):
    if request["state"] != "taken" or not request.get("email"):
        return
    from ...notify.email import queue_email
    queue_email(request["email"], wording.TAKEN_SUBJECT,
                wording.taken_body(request["kind"], request["id"], request["reference"]), deps.clock(),
                f"ctax-request:{request['id']}")
