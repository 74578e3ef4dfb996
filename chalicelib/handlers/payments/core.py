"""A payment's life: made with the provider, its state re-checked with the
provider (on return, on a webhook, by the reconciliation job: never taken from
the payer's browser), the purpose told once it finishes, and refunds that can
never double.

Every function takes its Deps; the provider is `deps.payment_provider`, or the
one the council's settings name (govuk_pay.for_council).
"""
import logging

from ... import ids
from ...errors import ApiError, NotFound, ServiceUnavailable
from ...storage.records import Payment
from . import hooks
from .limits import AMOUNT_MAX, AMOUNT_MIN
from .provider import NotRefundable, ProviderError, RefundMismatch  # noqa: F401 (callers' payments.RefundMismatch)
from .wording import (NO_RETURN_ADDRESS, PAYMENTS_DOWN, PAYMENTS_NOT_SET_UP, PROVIDER_MISMATCH,
                      PROVIDER_OTHER_AMOUNT)

log = logging.getLogger(__name__)
RETURN_PATH = "/v1/payments/return/"
METADATA_OWN_MAX = 7  # GOV.UK Pay's 10 keys, less the three every payment carries


class PaymentsUnavailable(ServiceUnavailable):
    code = "payments_unavailable"

    def __init__(self, message=PAYMENTS_DOWN):
        super().__init__(message, headers={"Retry-After": "60"})


def provider(deps):
    chosen = deps.payment_provider
    if chosen is None:
        from .govuk_pay import for_council
        chosen = for_council(deps)
    if chosen is None:
        raise PaymentsUnavailable(PAYMENTS_NOT_SET_UP)
    return chosen


def pounds(pence):
    """Pence as people read them: £1,234.50."""
    return f"£{pence // 100:,}.{pence % 100:02d}"


def check_amount(amount):
    if isinstance(amount, bool) or not isinstance(amount, int) or not AMOUNT_MIN <= amount <= AMOUNT_MAX:
        raise ValueError(f"an amount is whole pence from {AMOUNT_MIN} to {AMOUNT_MAX}, not {amount!r}")
    return amount


def start(deps, *, purpose, subject_id, amount, reference, description, user_id=None, email=None, moto=False,
          metadata=None, payment_id=None):
    """Make a payment with the provider; returns the Payment with its next_url.
    moto: card-not-present, its card page opened by staff taking a call.
    metadata: the purpose's own keys beside ours (GOV.UK Pay takes 10 in all).
    payment_id: one the purpose named before (deps.new_opaque_id()), so a
    second start finds it; AlreadyExists when that payment was made already.
    PaymentsUnavailable when the provider cannot be reached: nothing is owed."""
    check_amount(amount)
    if len(metadata or {}) > METADATA_OWN_MAX:
        raise ValueError(f"at most {METADATA_OWN_MAX} metadata keys of a purpose's own")
    payment_id, secret, now = payment_id or deps.new_opaque_id(), deps.new_token(), deps.clock()
    payment = Payment(id=payment_id, purpose=purpose, subject_id=subject_id, amount=amount, reference=reference,
                      description=description, return_secret_hash=ids.digest(secret), created_at=now,
                      updated_at=now, user_id=user_id, email=email)
    deps.payments.create(payment)
    try:
        made = provider(deps).create(
            amount=amount, reference=reference, description=description,
            return_url=f"{deps.base_url}{RETURN_PATH}{payment_id}.{secret}",
            metadata={"doorstep_payment": payment_id, "purpose": purpose, "subject": subject_id, **(metadata or {})},
            email=email, idempotency_key=payment_id, **({"moto": True} if moto else {}))
    except ProviderError as e:
        log.warning("payment %s not made: %s", payment_id, e)
        deps.payments.record_state(payment_id, "error", True, "not_created", str(e)[:200], deps.clock())
        raise PaymentsUnavailable() from None
    if made.amount != amount:
        raise PaymentsUnavailable(PROVIDER_OTHER_AMOUNT)
    deps.payments.started(payment_id, made.provider_id, made.next_url, made.status, deps.clock())
    payment.provider_id, payment.next_url, payment.status = made.provider_id, made.next_url, made.status
    return payment


def check(deps, payment):
    """Ask the provider how `payment` stands, keep that, and tell its purpose
    when it has finished: the finished state is written with its
    `payment_finished` event, whose effect (`on_finished`, registered in
    routes.py) settles it, tried at once here and carried out by the stream
    if this process stops first. Returns the payment as now stored.
    ProviderError when the provider cannot say (nothing changes)."""
    if payment.provider_id is None:
        return payment
    found = provider(deps).get(payment.provider_id)
    if found.provider_id != payment.provider_id or found.amount != payment.amount:
        log.error("payment %s: the provider's payment %s is for %s pence, not %s: not settled",
                  payment.id, found.provider_id, found.amount, payment.amount)
        raise ProviderError(PROVIDER_MISMATCH, 502)
    now = deps.clock()
    event = finished_event(deps, payment.id, found.status, now) if found.finished else None
    deps.payments.record_state(payment.id, found.status, found.finished, found.code, found.message, now, event,
                               card_brand=found.card_brand)
    if event is not None:
        from ..shared.effects import first_try
        first_try(deps, [event])
    return deps.payments.get(payment.id)


def finished_event(deps, payment_id, status, now):
    """One per payment and finished status, whichever check writes it first."""
    from ..shared.events import new_event
    return new_event(deps, "payment_finished", now, event_id=f"payment.{payment_id}.{status}",
                     payment_id=payment_id, status=status)


def on_finished(deps, event, key):
    """The effect of `payment_finished`: its purpose told (shared/effects.py)."""
    payment = deps.payments.get((event.payload or {}).get("payment_id"))
    if payment is not None:
        settle(deps, payment, event.created_at)


def settle(deps, payment, finished_at=None):
    """Tell the purpose of a finished payment, once per finished status (the
    purpose's hook is written to be told again: a crash before mark_settled
    tells it twice, and its second telling finishes what the first left).
    The money is the ledger's on the day it finished (`finished_at`, its event's
    moment; else when its finished state was copied), not the day a retry after a
    crash tells it: a telling before midnight and its retry after it wrote the
    payment on two days' pages."""
    if not payment.finished or payment.settled_status == payment.status:
        return payment
    if payment.status == "success":
        ledger(deps, "payment", payment.id, payment, payment.amount, at=finished_at or payment.updated_at)
    told = hooks.purpose(payment.purpose)
    if told is not None:
        told.on_payment(deps, payment)
    deps.payments.mark_settled(payment.id, payment.status)
    payment.settled_status = payment.status
    return payment


def stopped(deps, payment, quiet=True):
    """Make sure an unfinished payment is over before what it holds goes:
    checked with the provider (a paid one settles through its hook), else
    cancelled there. False while the card is being charged (try later); True
    too when the provider cannot say (a payment that did go through later
    is settled by its hook: its place taken again, or refunded), unless not
    `quiet`: then the provider's error is raised, for the caller to try again."""
    try:
        if payment is not None and payment.provider_id:
            payment = check(deps, payment)
            if not payment.finished and provider(deps).cancel(payment.provider_id):
                payment = check(deps, payment)
            elif not payment.finished:
                return False
    except (ProviderError, ServiceUnavailable) as e:
        if not quiet:
            raise
        log.warning("payment %s: let go without the provider: %s", getattr(payment, "id", None), e)
    return True


def by_return_token(deps, token):
    """The payment a return URL names, its secret proven; NotFound otherwise
    (a forged or mistyped token learns nothing and changes nothing)."""
    payment_id, _, secret = (token or "").partition(".")
    payment = deps.payments.get(payment_id) if payment_id and secret else None
    if payment is None or not ids.constant_time_equal(payment.return_secret_hash, ids.digest(secret)):
        raise NotFound(NO_RETURN_ADDRESS, code="payment_not_found")
    return payment


def returned(deps, token):
    """The payer is back from the provider: check with the provider (the
    return itself proves nothing), then the page to show them."""
    payment = by_return_token(deps, token)
    try:
        payment = check(deps, payment)
    except ProviderError as e:
        log.warning("payment %s: not checked on return: %s", payment.id, e)  # the job checks it again
    told = hooks.purpose(payment.purpose)
    return told.page(deps, payment) if told is not None else "/"


def record_unrecorded(deps, payment, chosen, by):
    """Each refund the provider holds (GET .../refunds) that the payment does
    not carry, recorded under `by`: the ones recorded now."""
    known = {r.get("refund_id") for r in deps.payments.get(payment.id).refunds or []}
    got = [refund_row(deps, r, by) for r in chosen.refunds(payment.provider_id)
           if r.refund_id not in known and r.status != "error"]
    for refund in got:
        log.warning("payment %s: refund %s found at the provider, recorded now", payment.id, refund["refund_id"])
        record_refund(deps, payment.id, refund)
    return got


def refund_row(deps, made, by):
    return {"refund_id": made.refund_id, "amount": made.amount, "status": made.status,
            "at": deps.clock().strftime("%Y-%m-%dT%H:%M:%SZ"), "by": by}


def ledger(deps, kind, entry_id, payment, amount, refund=None, at=None):
    """The ledger row for money that moved (finance's CSV), on the council's day of `at`
    (a refund's own moment; else now): a row written again after a crash is the same row."""
    from ...stamps import london_today, parse, stamp
    now = parse(at or (refund or {}).get("at")) or deps.clock()
    row = {"at": stamp(now), "kind": kind, "payment_id": payment.id, "provider_id": payment.provider_id,
           "refund_id": (refund or {}).get("refund_id"), "reference": payment.reference, "purpose": payment.purpose,
           "subject": payment.subject_id, "card_brand": payment.card_brand,
           "description": payment.description, "amount": amount if kind == "payment" else -amount,
           "by": (refund or {}).get("by"), "reason": (refund or {}).get("reason")}
    deps.payments.ledger_add(london_today(now).isoformat(), kind, entry_id, row)


def record_refund(deps, payment_id, refund):
    """The refund kept on the payment with its `payment_refunded` event (what
    follows from it, a reversal posted, is that event's effect) and in the ledger."""
    from ...storage.errors import AlreadyExists, EditConflict
    from ..shared.effects import first_try
    from ..shared.events import new_event
    payment = deps.payments.get(payment_id)
    ledger(deps, "refund", refund["refund_id"], payment, refund["amount"], refund)
    event = new_event(deps, "payment_refunded", deps.clock(),
                      event_id=f"payment.{payment_id}.refund.{refund['refund_id']}", payment_id=payment_id, refund_id=refund["refund_id"], amount=refund["amount"])
    for attempt in range(5):
        if attempt:
            payment = deps.payments.get(payment_id)  # another refund was recorded meanwhile: read it again
        if any(r.get("refund_id") == refund["refund_id"] for r in payment.refunds):
            return
        try:
            deps.payments.add_refund(payment_id, refund, payment.refunded, event)
            first_try(deps, [event])
            return
        except AlreadyExists:
            return  # its event is there: recorded with it
        except EditConflict:
            continue
    log.error("payment %s: refund %s made but not recorded", payment_id, refund["refund_id"])


class BadSignature(ApiError):
    status = 403
    code = "bad_signature"
