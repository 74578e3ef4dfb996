"""The back office's list of a landlord's claims, asked for by one process at
a time.

A request that finds no copy yet and the copy's refresh alike need the whole
list (2,000 claims are about 600 KB of XML and a second or more to answer).
Whoever takes the landlord's lease asks for it: a conditional PutItem
(storage/revenues/landlord_lists.py), so it holds across Lambda's processes, not a
Python lock. The list is kept in chunks under the landlord, and the others
read it there: a request waits for the holder (one GetItem a look, at most
WAIT_S), the refresh's effect writes the copy from it. A holder renews its
lease while it asks, so only a dead one's lapses (within LEASE) and is taken
over; a back office that fails the holder is said to those already waiting,
not asked again by each of them."""
import time
from datetime import timedelta

from ... import ids
from ...leases import renewed, ticking_from
from ..revenues import backoffice
from ..revenues.port import BackOfficeError

LEASE = timedelta(seconds=30)
RENEW_S = 10
WAIT_S = 20  # under API Gateway's 29 s
FIRST_LOOK_S, LOOK_AT_MOST_S = 0.05, 1.0


def body_of(claim):
    """A claim of the list as it is kept (landlord_port.PaidClaim's fields)."""
    return {"claim_ref": claim.claim_ref, "tenant": claim.tenant, "address": claim.address,
            "postcode": claim.postcode, "status": claim.status, "suspended_reason": claim.suspended_reason,
            "weekly": claim.weekly, "next_payment_date": claim.next_payment_date,
            "next_payment_amount": claim.next_payment_amount,
            "overpayments": [{"amount": o.amount, "recovered_on": o.recovered_on, "dispute_by": o.dispute_by}
                             for o in claim.overpayments]}


def the_list(deps, creditor, since):
    """(claims' bodies, fetched_at) of a list asked for at or after `since`: kept already, asked for here
    under the lease, or waited for from its holder. BackOfficeError: the back office failed this process or
    the holder waited for; or the holder outlasted WAIT_S."""
    from datetime import datetime
    office = backoffice.configured(deps)  # none configured: said before any lease is taken
    started, deadline, pause = deps.clock(), time.monotonic() + WAIT_S, FIRST_LOOK_S
    while True:
        kept = deps.landlords.kept_list(creditor, since)
        if kept is not None:
            return kept
        now = deps.clock()
        lease = deps.landlords.list_lease(creditor)
        if lease is not None and lease["failed"] and datetime.fromisoformat(lease["failed_at"]) >= started:
            raise BackOfficeError(lease["failed"], "the list's holder was answered so")
        if lease is None or lease["expires_at"] <= now:
            holder = ids.new_token()
            if deps.landlords.take_list_lease(creditor, holder, now, now + LEASE):
                return _ask(deps, office, creditor, holder, now)
        if time.monotonic() > deadline:
            raise BackOfficeError("unreachable", f"the list is still being asked for after {WAIT_S} s")
        time.sleep(pause)
        pause = min(pause * 2, LOOK_AT_MOST_S)


def _ask(deps, office, creditor, holder, now):
    """The list asked for under the lease, kept, and the lease ended however it went (a failure of the
    back office's said on it for those waiting)."""
    clock, failed = ticking_from(now), None
    try:
        with renewed(lambda: deps.landlords.renew_list_lease(creditor, holder, clock() + LEASE),
                     f"landlord {creditor}'s list", every_s=RENEW_S):
            with office.landlord_session(creditor) as session:
                bodies = [body_of(claim) for claim in session.claims()]
            deps.landlords.keep_list(creditor, bodies, now)
    except BackOfficeError as e:
        failed = e.kind
        raise
    finally:
        deps.landlords.end_list_lease(creditor, holder, clock(), failed=failed)
    return bodies, now
