"""A council tax request reaching the back office: the effect of its
`revenue_request` event (shared/effects.py), claimed once per event, first
tried by the request that made it, then by the alert queue's worker.

Exactly once at the back office, whatever runs twice: the request key sent
is the request's own id, and the back office keeps one request per key and
answers a resend with the same reference (civica/requests.py), so a try
after a crash between its send and our write is recognised. The row takes
the reference once (a conditional write), and the resident's e-mail is
queued under the request's id (the outbox keeps one), so a run again finishes
what a stopped one left: reference written, e-mail queued.

While the back office is unreachable (down, its nightly window, too slow) a
try is counted on the row (`tries`, `last_error`: how it failed, never what
was asked) with its next try after a backoff (BACKOFF, then hourly), and the
sweep (`send_due`, every minute: app.py's send_council_tax_requests) sends
it then, for as long as GIVE_UP; after that the row is `failed`, staff's dead
letter (`waiting` index). A refusal (an error code: a date it will not take)
settles the row `refused`.

A backoff alone would hold a request up to an hour after a long outage (the
nightly window is 2 3/4 hours), so the back office answering again releases
the queue: a due try that is taken, or, when nothing is due but something
waits, the sweep's health check (one login, only while something waits),
sends every waiting request at once. So the queue goes within a minute of
the back office's return, at the cost of one index Query a minute."""
import logging
from datetime import timedelta

from . import backoffice, wording
from .port import BackOfficeError

log = logging.getLogger("doorstep.revenues")
BACKOFF = [timedelta(minutes=m) for m in (1, 5, 15, 30)]  # then hourly
GIVE_UP = timedelta(days=2)  # a back office down longer is an incident: staff see the request as failed


def on_request(deps, event, key):
    """The effect of `revenue_request` (its first try, or the stream's)."""
    payload = event.payload or {}
    request = deps.revenue_requests.get(payload.get("user_id"), payload.get("request_id"))
    if request is not None:
        attempt(deps, request)


def send_due(deps):
    """The sweep: every queued request whose next try has come, tried once
    more (one Query of the waiting index); and, once the back office answers
    again, every request still waiting for its backoff. Returns {state: count}."""
    from collections import Counter
    outcomes, now = Counter(), deps.clock()
    _try_each(deps, deps.revenue_requests.due(now), outcomes)
    if outcomes["taken"] or (not outcomes and deps.revenue_requests.waiting_later(now) and _answers(deps)):
        _try_each(deps, deps.revenue_requests.waiting_later(now, limit=25), outcomes)
    return dict(outcomes)


def _try_each(deps, requests, outcomes):
    for request in requests:
        try:
            outcomes[attempt(deps, request)] += 1
        except Exception:  # noqa: BLE001 (one request's failure must not hold the rest; it stays due)
            log.exception("council tax request %s: the sweep's try failed", request["id"])
            outcomes["error"] += 1


def _answers(deps):
    """The back office's health check (a login): True when it answers now."""
    try:
        backoffice.configured(deps).available()
        return True
    except BackOfficeError:
        return False


def attempt(deps, request):
    """One try: the request's state after it (the e-mail queued when taken)."""
    if request["state"] == "queued":
        try:
            reference = send(deps, request)
        except BackOfficeError as e:
            return _failed(deps, request, e)
        deps.revenue_requests.taken(request["user_id"], request["id"], reference, deps.clock())
        request = deps.revenue_requests.get(request["user_id"], request["id"])
    tell(deps, request)
    return request["state"]


def _failed(deps, request, e):
    failure = f"{e.kind} {e.code}" if e.code else e.kind
    now, tries = deps.clock(), int(request.get("tries") or 0) + 1
    if e.kind == "refused":
        state, next_try = "refused", None
        log.warning("council tax request %s refused by the back office (%s)", request["id"], failure)
    elif now - request["created_at"] >= GIVE_UP:
        state, next_try = "failed", now
        log.error("council tax request %s given up after %s tries (%s)", request["id"], tries, failure)
    else:
        state, next_try = "queued", now + (BACKOFF[tries - 1] if tries <= len(BACKOFF) else timedelta(hours=1))
    deps.revenue_requests.tried(request["user_id"], request["id"], state, failure, next_try)
    return state


def send(deps, request):
    """The back office's reference (its request key: our id). A landlord's
    change (handlers/landlords/changes.py) goes on a session of the landlord's."""
    if request["kind"] == "landlord_change":
        with backoffice.configured(deps).landlord_session(request["person_ref"]) as session:
            return session.report_change(request["account_ref"], request["details"]["change"], request["details"],
                                         request["id"])
    return backoffice.configured(deps).send_request(request["person_ref"], request["account_ref"], request["kind"],
                                                    request["details"], request["id"])


def tell(deps, request):
    if request["state"] != "taken" or not request.get("email"):
        return
    from ...notify.email import queue_email
    queue_email(request["email"], wording.TAKEN_SUBJECT,
                wording.taken_body(request["kind"], request["id"], request["reference"]), deps.clock(),
                f"ctax-request:{request['id']}")
