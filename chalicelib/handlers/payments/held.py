"""What every thing held while its payer pays shares (a container request, a
hall's booking): who may read it, what its payment's end does to it, and
the job that lets a hold go when its payment never comes back. Each keeps
its own store with `get(id)`, `due(now)` and `release(item, why, now)`, and
says only what is its own: how it is confirmed, and what the payer is told."""
import logging
import re

from ...errors import NotFound
from . import core as payments
from .in_full import refund_in_full

log = logging.getLogger(__name__)


def mine_or_404(deps, store, item_id, pattern, message, code, kind, what):
    """The item of `kind`, if the caller may open it (its payer, or an officer of the desk the kind belongs
    to, who says why: the reading of `what` audited, shared/reading.py); 404 the same for a malformed id,
    another's item and none, so ids cannot be probed."""
    from ..shared.reading import opened
    found = store.get(item_id) if re.fullmatch(pattern, item_id or "") else None
    if found is None or not opened(deps, kind, found.user_id, found.id, what):
        raise NotFound(message, code=code)
    return found


def finished(deps, store, payment, confirm):
    """The payment-finish guard every hook begins with. Not its payment: logged,
    nothing done. Not paid: a held item let go. Paid and held: `confirm(item,
    now)` returns the event its one conditional transaction wrote (first tried
    at once) or None when it could not confirm. Returns the item as it now
    stands when paid and not confirmed here (told twice, held too late, let
    go), for the caller to settle; None when nothing is left to do."""
    item = store.get(payment.subject_id)
    if item is None or item.payment_id not in (None, payment.id):
        log.error("payment %s finished for %s, which does not wait for it", payment.id, payment.subject_id)
        return None
    now = deps.clock()
    if payment.status != "success":
        if item.status == "held":
            store.release(item, f"payment_{payment.status}", now)
        return None
    if item.status == "held":
        event = confirm(item, now)
        if event is not None:
            from ..shared.effects import first_try
            first_try(deps, [event])
            return None
        item = store.get(item.id)
    return item


def refund_if_released(deps, item, payment, what, tell):
    """Paid for something let go: all of it back (the provider's own figure,
    so never twice), recorded as by "{what} {id}", and `tell(amount)` the
    payer when money went back now."""
    if item is None or item.status != "released":
        return
    made = refund_in_full(deps, payment.id, by=f"{what} {item.id}")
    if made and made.get("amount"):
        tell(made["amount"])


def release_expired(deps, store):
    """Holds past their time: the payment asked about first (a paid one is
    confirmed by its hook), an unfinished one cancelled at the provider,
    then the hold let go. Returns how many were let go."""
    released = 0
    for item in store.due(deps.clock()):
        payment = deps.payments.get(item.payment_id) if item.payment_id else None
        if not payments.stopped(deps, payment):
            continue  # being charged this moment: the next run sees how it ended
        item = store.get(item.id)  # a cancelled payment's hook may have let it go already
        if item.status == "held":
            store.release(item, "hold_expired", deps.clock())
            item = store.get(item.id)
        released += item.status == "released"
    return released
