"""A lease a runner holds while it works, renewed until it is done.

What a runner takes (an effect's claim, an alert delivery's, a send to a body, a
queued e-mail, a form's hand-on) is taken for LEASE and renewed every RENEW_S
while the work runs, by one thread that renews every lease the process holds. A live runner never loses
it however long the work takes (it would have to miss three renewals in a row);
a dead runner's lapses within LEASE, so a restarted stack, or the next run of a
sweep, takes it up within a minute of the crash, not after the 2, 5 or 10
minutes the leases were before (issue 52). Each renewal is fenced on what the
runner holds (a conditional write): one made after another runner took the
work over changes nothing, and the renewals stop.
"""
import logging
import os
import threading
import time
from contextlib import contextmanager
from datetime import timedelta

log = logging.getLogger("doorstep.leases")

LEASE = timedelta(seconds=45)
RENEW_S = 15


@contextmanager
def renewed(renew, what, every_s=None):
    """`renew()` every `every_s` (RENEW_S) while the block runs; it returns False
    when the lease is no longer this runner's, which ends the renewals. One thread
    (per process) renews every lease held, so a page of deliveries, each holding
    one, starts no thread of its own."""
    every = RENEW_S if every_s is None else every_s
    from . import tenancy
    if tenancy.current_or_none() is not None:
        renew = tenancy.carried(renew)  # the keeper's thread renews for the council the work is for
    lease = {"due": time.monotonic() + every, "every": every, "renew": renew, "what": what, "busy": False}
    token = object()
    with _state.cond:
        _state.held[token] = lease
        _ensure_keeper()
        _state.cond.notify_all()
    try:
        yield
    finally:
        with _state.cond:
            _state.held.pop(token, None)
            while lease["busy"]:  # a renewal under way ends before the work is settled
                _state.cond.wait()


class _State:
    def __init__(self):
        self.cond = threading.Condition()
        self.held = {}
        self.keeper = None


_state = _State()
# A forked child (tests/support/kill_support.py) has no keeper thread, and perhaps a lock held by it.
os.register_at_fork(after_in_child=lambda: globals().__setitem__("_state", _State()))


def _ensure_keeper():
    if _state.keeper is None or not _state.keeper.is_alive():
        _state.keeper = threading.Thread(target=_keep, args=(_state,), name="leases", daemon=True)
        _state.keeper.start()


def _keep(state):
    while True:
        with state.cond:
            while True:
                now = time.monotonic()
                due = [(token, lease) for token, lease in state.held.items() if lease["due"] <= now]
                if due:
                    break
                soonest = min((lease["due"] for lease in state.held.values()), default=now + 60)
                state.cond.wait(max(soonest - now, 0.001))
            for _, lease in due:
                lease["busy"], lease["due"] = True, now + lease["every"]
        for token, lease in due:
            try:
                kept = lease["renew"]()
            except Exception:  # noqa: BLE001 (a renewal missed: the next one may succeed)
                log.warning("%s: renewing its lease failed", lease["what"], exc_info=True)
                kept = True
            with state.cond:
                lease["busy"] = False
                if not kept:
                    log.warning("%s: its lease was taken while it ran", lease["what"])
                    state.held.pop(token, None)
                state.cond.notify_all()


def ticking_from(now):
    """A clock that reads `now` when made and moves on with the time that passes:
    for work given only its moment (a pinned one in tests), whose renewals need later ones."""
    started = time.monotonic()
    return lambda: now + timedelta(seconds=time.monotonic() - started)


def outbox_lease(clock, store, row, taken_until):
    """renewed() for a queued message claimed until `taken_until` (OutboxStore.claim)."""
    held = [taken_until]

    def renew():
        until = clock() + LEASE
        if not store.renew(row, held[0], until):
            return False
        held[0] = until
        return True
    return renewed(renew, f"outbox {row.id}")
