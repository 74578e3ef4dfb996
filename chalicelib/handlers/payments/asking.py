"""One refund asked of the provider at a time per payment, so a refund the
provider holds and Doorstep has not recorded is always known to be whose.

GOV.UK Pay's refunds carry no reference of ours: only an amount and an id.
A refund whose answer was lost (a timeout, a crash) or that a racer is still
recording looks, at the provider, like any other of its size, so two
same-sized refunds racing could each take the one made as its own, and one
was lost (issue 62: a hall's block cancel and one evening's, 1,500p each).

So every refund of a payment (a part of a booking's, one in full, an
officer's) first takes the payment's place for asking (`take`: a
conditional write on the payment row) under `by`, what it refunds. It keeps
the place until its refund is recorded under `by` or it knows none was made
(`let_go`). A provider that could not be answered keeps it held: the refund
may have been made, but marked `open` (`unanswered`): nobody is asking now.
Whoever takes a place that was held (open, or STALE: its holder died) first
records every refund the provider holds that Doorstep does not, under the
holder's `by`: only the holder can have made them. A fresh place is never
retaken, not even by the same `by`: two runs of one job (the backstop raced
with itself) would each ask (issue 62: 1,500p refunded three times). While a
place is held elsewhere and fresh, a taker waits a little (a refund is one
call) and then gives up for now (`RefundBusy`, an unreachable-provider
error: its effect comes again)."""
import secrets
import time
from datetime import timedelta

from .provider import ProviderError

STALE = timedelta(minutes=2)  # past four provider calls at their 10-second timeout, with room
WAIT_S = 5.0
STEP_S = 0.05  # the first wait, doubled each time up to 0.4 s: some 16 reads in the 5 seconds, not 100
pause = time.sleep  # a test's hook: a taker waiting its turn


class RefundBusy(ProviderError):
    """Another refund of the payment is being asked for: try again shortly (unreachable, status 0)."""


def take(deps, payment_id, by):
    """Hold the payment's place for a refund under `by`. Returns (token, the
    payment as it now stands: any refund a former holder made, recorded)."""
    from ...stamps import parse, stamp
    waited_until, step = time.monotonic() + WAIT_S, STEP_S
    while True:
        payment, now = deps.payments.get(payment_id), deps.clock()
        held = payment.asking
        if held is None or held.get("open") or parse(held["since"]) <= now - STALE:
            token = secrets.token_hex(8)
            if deps.payments.take_asking(payment_id, {"by": by, "since": stamp(now), "token": token},
                                         held and held["token"]):
                if held is not None:
                    _record_holders(deps, payment, held["by"])
                return token, deps.payments.get(payment_id)
            continue  # another took it between the read and the write: read again
        if time.monotonic() >= waited_until:
            raise RefundBusy(f"payment {payment_id}: a refund is being asked for by {held['by']}")
        pause(step)
        step = min(step * 2, 0.4)


def let_go(deps, payment_id, token):
    """The place given back: the refund is recorded, or none was made."""
    deps.payments.let_go_asking(payment_id, token)


def unanswered(deps, payment_id, token):
    """The provider did not answer the holder: the place stays held (the
    refund may have been made, and is the holder's), but open to the next
    taker at once, who records it first."""
    deps.payments.open_asking(payment_id, token)


def asked(deps, payment_id, token, call):
    """`call()` asked of the provider with the place held: a provider that
    could not be answered leaves it held and open (`unanswered`)."""
    try:
        return call()
    except ProviderError:  # a refusal made nothing either: open all the same
        unanswered(deps, payment_id, token)
        raise


def give_up(deps, payment_id, by):
    """A refund no longer owed (a cheaper change's, once the booking was
    cancelled: the cancellation refunds all) lets go of a place it may
    still hold, what it made recorded as its own, so the next waits for nothing."""
    payment = deps.payments.get(payment_id)
    if payment is not None and (payment.asking or {}).get("by") == by:
        token, _ = take(deps, payment_id, by)
        let_go(deps, payment_id, token)


def recorded(payment, by):
    """The refund recorded on `payment` under `by`, if any."""
    return next((r for r in payment.refunds or [] if r.get("by") == by), None)


def _record_holders(deps, payment, by):
    """Each refund the provider holds that `payment` does not carry: the
    former holder's (made before its answer was recorded), recorded as its."""
    from . import core
    if payment.provider_id is None:
        return
    core.record_unrecorded(deps, payment, core.provider(deps), by)
