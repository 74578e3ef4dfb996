"""The reconciliation job: payments left unfinished (the payer closed the tab,
a webhook was lost) are checked with the provider and settled, so someone who
paid still gets what they paid for. Runs every few minutes (app.py; on one
machine doorstep_cli/local/schedules.py)."""
import logging
from datetime import timedelta

from .core import check, settle
from .limits import RECONCILE_AFTER_MINUTES, RECONCILE_BATCH, RECONCILE_UNTIL_HOURS
from .provider import ProviderError
from .wording import NEVER_ACKNOWLEDGED

log = logging.getLogger(__name__)


def reconcile(deps):
    """Check every payment made between RECONCILE_UNTIL_HOURS and
    RECONCILE_AFTER_MINUTES ago that is unfinished or not yet settled.
    Returns {checked, settled, unreachable}."""
    now = deps.clock()
    counts = {"checked": 0, "settled": 0, "unreachable": 0}
    waiting = deps.payments.open_between(now - timedelta(hours=RECONCILE_UNTIL_HOURS),
                                         now - timedelta(minutes=RECONCILE_AFTER_MINUTES), RECONCILE_BATCH)
    for payment in waiting:
        counts["checked"] += 1
        try:
            if payment.provider_id is None and not payment.finished:
                # Made here but never acknowledged by the provider: the payer never
                # saw its page, so it can only have failed.
                deps.payments.record_state(payment.id, "error", True, "not_created",
                                           NEVER_ACKNOWLEDGED, now)
                payment = settle(deps, deps.payments.get(payment.id))
            elif payment.provider_id is None:
                payment = settle(deps, payment)
            else:
                payment = check(deps, payment)
                if payment.finished and payment.settled_status != payment.status:
                    # Its event's effect has not settled it (given up, or still coming back):
                    # the job is the last resort, as it was before events carried it.
                    payment = settle(deps, payment)
        except ProviderError as e:
            counts["unreachable"] += 1
            log.warning("payment %s not reconciled: %s", payment.id, e)
            continue
        counts["settled"] += payment.finished and payment.settled_status == payment.status
    return counts
