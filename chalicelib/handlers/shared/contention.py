"""Transactions that race on one item: DynamoDB may cancel one for another
in progress on the same item (TransactionConflict: nothing written, nothing
decided), which the stores raise as Throttled. Tried again after a short
random pause, the racer's conditions then decide (a place taken, a link used,
the twin's Idempotency-Key), rather than a 503 where nothing was refused."""
import random
import time

from ...storage.errors import Throttled

TRIES = 5  # a transaction another cancelled is tried again, this often


def contended(write):
    """write(), tried again when another racing transaction cancelled it,
    after a short random pause, up to TRIES times; its conditions then decide."""
    for attempt in range(TRIES):
        try:
            return write()
        except Throttled:
            if attempt + 1 == TRIES:
                raise
            time.sleep(random.uniform(0.02, 0.1) * (attempt + 1))
