"""A change a landlord reports on a claim paid to it: the tenant left (the
date and a forwarding address), is away, or new occupiers moved in.

It joins the revenues request queue (revenues/requests.py, sending.py): the
request, its `revenue_request` event and the Idempotency-Key's record are
one transaction, kept under the organisation (every colleague follows it by
its reference, LLC-...), and sending follows from the event, once, with our
id as the back office's request key. So a change made while the back office
is away waits and goes when it returns."""
from datetime import date, timedelta

from ... import ids, validation
from ...errors import NotFound
from ..revenues.requests import queued, view
from ..revenues.landlord_port import CHANGES
from . import limits, wording

LANDLORD_CHANGE = "landlord_change"
SERVICE = "landlords"  # the service a landlord's change counts in (feedback/services.py)
OWNER_PREFIX = "landlord#"


def owner(creditor_ref):
    """The requests' owner: the organisation, not the colleague who reported."""
    return f"{OWNER_PREFIX}{creditor_ref}"


def checked(body, now):
    problems = validation.Problems()
    change, when, forwarding = body.get("change"), body.get("date"), body.get("forwarding_address") or ""
    if change not in CHANGES:
        problems.add("change", wording.CHANGE)
    try:
        day = date.fromisoformat(when) if isinstance(when, str) else None
    except ValueError:
        day = None
    today = now.date()
    if day is None or not today - timedelta(days=limits.CHANGE_BACK_DAYS) <= day <= \
            today + timedelta(days=limits.CHANGE_AHEAD_DAYS):
        problems.add("date", wording.DATE)
    if not isinstance(forwarding, str) or len(forwarding) > limits.ADDRESS_MAX:
        problems.add("forwarding_address", wording.FORWARDING)
    for key in body:
        if key not in ("change", "date", "forwarding_address"):
            problems.add(key, wording.NOT_A_FIELD)
    problems.raise_if_any()
    return {"change": change, "date": when, "forwarding_address": forwarding.strip()}


def report(deps, org, claim_ref, body, idempotency_key):
    """(view, created) of the change, queued for the back office."""
    from ..shared.idempotency import Claim
    from .claims import one
    user_id = owner(org["creditor_ref"])
    claim = Claim(deps, idempotency_key, user_id, {"claim": claim_ref, **body},
                  lambda record: _replayed(deps, user_id, record), wording.KEY_USED)
    earlier = claim.earlier()
    if earlier is not None:
        return earlier, False
    one(deps, org, claim_ref)  # the landlord's own claim, or 404
    now = deps.clock()
    details = checked(body, now)
    request = {"user_id": user_id, "id": ids.new_reference("LLC-"),
               "link_id": claim_ref, "account_ref": claim_ref, "person_ref": org["creditor_ref"],
               "kind": LANDLORD_CHANGE, "details": details, "state": "queued", "created_at": now, "email": None,
               "tries": 0}
    return queued(deps, request, claim, _view)


def _view(r):
    from ..feedback.counting import question
    shown = view(r)
    shown["claim_ref"] = shown.pop("link_id")
    shown["feedback"] = question(SERVICE, r["id"], "online", r["created_at"])  # counted by `on_request`
    return shown


def on_request(deps, event, key):
    """An effect of `revenue_request`: a landlord's change counted as finished, once (feedback/counting.py's
    mark), whatever runs it again; told by its owner, with nothing read (the event is made with it)."""
    from ..feedback.counting import finished
    payload = event.payload or {}
    if str(payload.get("user_id") or "").startswith(OWNER_PREFIX) and payload.get("request_id"):
        finished(deps, SERVICE, payload["request_id"], "online", event.created_at)


def _replayed(deps, user_id, record):
    found = deps.revenue_requests.get(user_id, record.resource_id)
    return _view(found) if found else None


def ours(deps, org):
    rows = deps.revenue_requests.of_user(owner(org["creditor_ref"]))
    return {"changes": [_view(r) for r in sorted(rows, key=lambda r: r["created_at"], reverse=True)]}


def one_change(deps, org, change_id):
    found = deps.revenue_requests.get(owner(org["creditor_ref"]), change_id)
    if found is None:
        raise NotFound(wording.NO_CHANGE, code="change_not_found")
    return _view(found)
