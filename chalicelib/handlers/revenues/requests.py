"""A resident's council tax requests: paperless billing (the linked person's
own consent), moving in, out or within, the single person discount applied
for or ended, the instalment day changed.

Made at once, whatever the back office's state: the request, its
`revenue_request` event and the Idempotency-Key's record are one
transaction, and the reference is ours (CTR-...). Sending follows from the
event (sending.py, an effect: first tried by this request, then by the alert
queue's worker until the back office takes it), so a request made while the
back office is down or in its nightly window waits and goes when it returns.
"""

from ... import ids
from ...errors import NotFound
from . import limits, wording
from .linking import owned
from .request_checks import checked

KIND = "revenue_request"  # the event's kind (routes.py registers its effect)


def new_id(own=None):
    """A fresh reference, or one another change names (`own`: 10 characters of
    the alphabet, a move's: handlers/moving), so a run again finds it made."""
    return "CTR-" + own if own else ids.new_reference("CTR-")


def make(deps, link_id, body, idempotency_key):
    """(view, created)."""
    from ..shared.idempotency import Claim
    user_id = deps.principal.user_id
    claim = Claim(deps, idempotency_key, user_id, {"link": link_id, **body},
                  lambda record: _replayed(deps, user_id, record), wording.KEY_USED_FOR_REQUEST)
    earlier = claim.earlier()
    if earlier is not None:
        return earlier, False
    link = owned(deps, link_id)
    now = deps.clock()
    kind, details = checked(body, now)
    request = {"user_id": user_id, "id": new_id(), "link_id": link.id, "account_ref": link.account_ref,
               "person_ref": link.person_ref, "kind": kind, "details": details, "state": "queued",
               "created_at": now, "email": deps.principal.email, "tries": 0}
    return queued(deps, request, claim, view)


def queued(deps, request, claim, shown):
    """The request, its `revenue_request` event and the key's record made at
    once, and its first try started: (shown(request), True), or the twin's
    answer when one with the same key committed first. A landlord's change
    (handlers/landlords/changes.py) joins the queue here too."""
    from ...storage.errors import AlreadyExists
    from ..shared.effects import first_try
    from ..shared.events import new_event
    now = request["created_at"]
    event = new_event(deps, KIND, now, user_id=request["user_id"], request_id=request["id"])
    try:
        deps.revenue_requests.create(request, event, claim.record(request["id"], now, limits.IDEMPOTENCY_HOURS))
    except AlreadyExists:
        return claim.twin(), False
    first_try(deps, [event])
    return shown(deps.revenue_requests.get(request["user_id"], request["id"]) or request), True


def for_move(deps, user_id, email, link, details, request_id, now):
    """A move's council tax request (handlers/moving): the existing `move`
    kind, with what the move tells, under an id the move names, so a move's
    effect run again finds its request made (True: made now). Sent from the
    request's own event, as any other, once."""
    from ...storage.errors import AlreadyExists
    from ..shared.effects import first_try
    from ..shared.events import new_event
    _, details = checked({"kind": "move", **details}, now)  # the move checked these already: the same rules
    request = {"user_id": user_id, "id": request_id, "link_id": link.id, "account_ref": link.account_ref,
               "person_ref": link.person_ref, "kind": "move", "details": details, "state": "queued",
               "created_at": now, "email": email, "tries": 0}
    event = new_event(deps, KIND, now, user_id=user_id, request_id=request_id)
    try:
        deps.revenue_requests.create(request, event)
    except AlreadyExists:
        return False
    first_try(deps, [event])
    return True


def _replayed(deps, user_id, record):
    found = deps.revenue_requests.get(user_id, record.resource_id)
    return view(found) if found else None


def mine(deps):
    rows = deps.revenue_requests.of_user(deps.principal.user_id)
    return {"requests": [view(r) for r in sorted(rows, key=lambda r: r["created_at"], reverse=True)]}


def one(deps, request_id):
    found = deps.revenue_requests.get(deps.principal.user_id, request_id)
    if found is None:
        raise NotFound(wording.NO_REQUEST, code="request_not_found")
    return view(found)


def view(r):
    """The resident's own request (no-store): never the account reference."""
    return {"id": r["id"], "link_id": r["link_id"], "kind": r["kind"], "details": r["details"],
            "state": r["state"], "created_at": r["created_at"].isoformat(),
            "back_office_reference": r.get("reference"),
            "taken_at": r["taken_at"].isoformat() if r.get("taken_at") else None,
            "tries": int(r.get("tries") or 0)}
