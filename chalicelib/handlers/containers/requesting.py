"""A container asked for a property (POST /v1/waste/containers/requests), as
FixMyStreet's WasteWorks takes one: by reason, one open per property and
container, a charged one held while the resident pays and confirmed only by
its payment's event (settling.py), a free one confirmed at once. Confirming
makes the crew's delivery job on the property's round day, in the same
transaction, and writes the event whose effect tells the resident the day."""
import re
from datetime import timedelta

from ... import validation
from ...auth.rules import CONTAINER_REQUEST
from ...errors import ApiError, Conflict
from ...stamps import stamp
from ...storage.errors import AlreadyExists
from ...storage.waste.containers import OutOfStock
from ...storage.records import ContainerRequest
from ..payments import core as payments
from ..payments.held import mine_or_404
from ..shared import idempotency
from .catalogue import allowed, delivery_day, depot_of, own_reference, price
from .limits import HOLD_MINUTES, IDEMPOTENCY_HOURS, NOTES_MAX, PURPOSE, REQUEST_ID_PATTERN
from .wording import (BODY_NOT_OBJECT, CONTAINER, DESCRIPTION, NO_SUCH_REQUEST, NONE_LEFT, NOT_REQUEST_FIELD,
                      READ_REQUEST, REASON, REQUEST_ALREADY_OPEN, REQUEST_OPEN_AT_ADDRESS, UPRN_NOT_DIGITS)

FIELDS = ("uprn", "container", "reason", "notes")
WORDS = {"container": {"missing": CONTAINER, "invalid": CONTAINER}, "reason": {"missing": REASON}}


class RequestOpen(Conflict):
    """409 request_open: the property has one open for that container; its reference rides along for its own
    resident (or staff), and anyone else is told only that one is open."""
    code = "request_open"

    def __init__(self, reference):
        super().__init__(REQUEST_ALREADY_OPEN.format(reference=reference) if reference else REQUEST_OPEN_AT_ADDRESS)
        self.reference = reference

    def body(self):
        return {**super().body(), "open_request": self.reference}


def view(request, payment=None):
    out = {k: getattr(request, k) for k in ("id", "status", "uprn", "address", "container", "name", "stream",
                                            "reason", "amount", "depot", "notes", "delivery_date", "why",
                                            "taken_by", "cancelled_by", "delivered_on", "job_id")}
    out.update(hold_until=stamp(request.hold_until), created_at=stamp(request.created_at),
               confirmed_at=stamp(request.confirmed_at), ended_at=stamp(request.ended_at),
               amount_text=payments.pounds(request.amount), payment=None,
               refund={k: v for k, v in request.refund.items() if k in ("status", "amount", "made")}
               if request.refund else None,
               cancellable=request.status in ("held", "confirmed"))
    if payment is not None:
        from ..payments.views import payment_view
        out["payment"] = payment_view(payment, request.status == "held")
    if request.confirmed_at is not None:  # confirmed: how did it go? (counted as its delivery day is told)
        from ..feedback.counting import confirmed
        from .delivery import SERVICE
        out["feedback"] = confirmed(SERVICE, request)
    return out


def request_or_404(deps, request_id):
    """The request, if the caller may open it (its resident, or the containers desk, with a reason); 404 otherwise."""
    return mine_or_404(deps, deps.containers, request_id, REQUEST_ID_PATTERN, NO_SUCH_REQUEST,
                       "request_not_found", CONTAINER_REQUEST, READ_REQUEST)


def read(deps, request_id):
    found = request_or_404(deps, request_id)
    out = view(found, deps.payments.get(found.payment_id) if found.payment_id else None)
    if found.user_id != deps.principal.user_id and found.job_id:  # the desk's page: its delivery job, as it stands
        job = deps.jobs.get(found.job_id)
        out["job"] = None if job is None else {"id": job.id, "team": job.team, "status": job.status, "due": job.due,
                                               "updated_at": stamp(getattr(job, "updated_at", None))}
    return out


def mine(deps, user_id):
    """My Account's list, newest first: one Query of the user index."""
    return [view(r) for r in deps.containers.of_user(user_id)]


def create(deps, body, idempotency_key):
    return ask(deps, body, idempotency_key, user_id=deps.principal.user_id, email=deps.principal.email)


def ask(deps, body, idempotency_key, *, user_id, email, taken_by=None, moto=False, waived=False, key_body=None):
    """Validate, claim the property's one open request and a container off
    the depot's shelf (one transaction), then start the payment; a free or
    waived one is confirmed in that same transaction. Returns (view, created)."""
    problems = validation.Problems(WORDS)
    if not isinstance(body, dict):
        problems.add("body", BODY_NOT_OBJECT)
        problems.raise_if_any()
    for key in body:
        if key not in FIELDS:
            problems.add(key, NOT_REQUEST_FIELD)
    uprn = body.get("uprn")
    if not isinstance(uprn, str) or not re.fullmatch(r"[0-9]{1,12}", uprn):
        problems.add("uprn", UPRN_NOT_DIGITS)
    container_id, reason = body.get("container"), body.get("reason")
    if not isinstance(container_id, str) or not container_id:
        problems.missing("container")
    notes = validation.text(body.get("notes"), "notes", problems, 0, NOTES_MAX) or ""
    if not isinstance(reason, str) or not reason:
        problems.missing("reason")
    problems.raise_if_any()
    address, settings, found = allowed(deps, uprn)
    if reason not in settings["reasons"]:
        problems.add("reason", REASON)
    if container_id not in found:
        problems.rule("container", CONTAINER)
    problems.raise_if_any()
    claim = idempotency.Claim(deps, idempotency_key, f"{user_id}#container",
                              body if key_body is None else key_body, _answer(deps), "another request")
    earlier = claim.earlier()
    if earlier:
        return earlier, False
    container, round_model = found[container_id]
    amount = 0 if waived else price(settings, container, reason)
    now = deps.clock()
    request = ContainerRequest(
        id="CR-" + deps.new_report_id()[-6:], uprn=address.uprn, address=", ".join(address.lines or []),
        container=container_id, name=container["name"], stream=container["stream"], round_id=round_model.id,
        reason=reason, amount=amount, depot=depot_of(settings, round_model.id), user_id=user_id, email=email,
        notes=notes, hold_until=now + timedelta(minutes=HOLD_MINUTES), created_at=now, updated_at=now,
        taken_by=taken_by)
    job = event = None
    if amount == 0:  # nothing to pay: confirmed now, with its job and its event
        from .delivery import confirmed_event, job_for
        request.status, request.confirmed_at, request.hold_until = "confirmed", now, None
        job = job_for(deps, request, address, settings, delivery_day(deps, settings, round_model))
        request.delivery_date, request.job_id = job.due, job.id
        event = confirmed_event(deps, request.id, now)
    try:
        deps.containers.create(request, claim.record(request.id, now, IDEMPOTENCY_HOURS), job, event)
    except OutOfStock:  # never the twin's doing: its open request fails first
        raise Conflict(NONE_LEFT.format(name=container["name"]), code="out_of_stock") from None
    except AlreadyExists as e:
        if e.part == "idempotency":
            return claim.twin(), False
        # the open request may be the twin's: its put fails before its key's in the transaction
        return claim.refused(RequestOpen(own_reference(deps.principal, deps.containers.open_for(
            address.uprn, container_id)))), False
    if event is not None:
        from ..shared.effects import first_try
        first_try(deps, [event])
        return view(request), True
    try:
        payment = payments.start(
            deps, purpose=PURPOSE, subject_id=request.id, amount=amount, reference=request.id,
            description=DESCRIPTION.format(name=container["name"], address=request.address),
            user_id=user_id if not taken_by else None, email=email, moto=moto)
    except ApiError:
        deps.containers.release(request, "payment_unavailable", deps.clock())
        raise
    deps.containers.set_payment(request.id, payment.id)
    request.payment_id = payment.id
    return view(request, payment), True


def _answer(deps):
    def answer(record):
        found = deps.containers.get(record.resource_id)
        if found is None:
            return None
        return view(found, deps.payments.get(found.payment_id) if found.payment_id else None)
    return answer
