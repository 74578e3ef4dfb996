"""Two racers with one Idempotency-Key held to the orders that once lost one
of them, rather than hoping the machine's load finds them (issue 78: the
suite's own twin test failed only at a load of 5 to 7). Each order wraps the
stores' own methods, so the code under test runs as it does in a request.

- `SEEN_BY_THE_CHECK`: both look the key up and find nothing, then one holds
  (its record with it) before the other checks the capacity: the check finds
  the twin's hold taking the room.
- `MET_BY_THE_WRITE`: both check the capacity and find room, then one holds
  before the other writes: the write's conditions meet the twin's record and
  whatever the twin took (its hours, the day's last place, its holder)."""
import threading

WAIT_S = 10  # a racer's longest wait for the other; never reached when both do what they should
SEEN_BY_THE_CHECK, MET_BY_THE_WRITE = "seen_by_the_check", "met_by_the_write"
ORDERS = (SEEN_BY_THE_CHECK, MET_BY_THE_WRITE)


def hold_to(monkeypatch, order, check, write, racers=2):
    """Hold `racers` to `order`: `check` and `write` are (class, method name)
    of the store's capacity read and its write of the hold with its record."""
    from chalicelib.storage.reports.report_store import ReportStore
    if order == SEEN_BY_THE_CHECK:
        _meet_after(monkeypatch, (ReportStore, "idempotency_record"), racers)
        _one_writes_first(monkeypatch, check, write)
    else:
        _meet_after(monkeypatch, check, racers)
        _one_writes_first(monkeypatch, write, write)


def _meet_after(monkeypatch, step, racers):
    """Each racer's first call of `step` returns only once every racer has made
    theirs. A call after the meeting (a retry, the test's own) goes straight on."""
    owner, name = step
    real, gate, met, lock = getattr(owner, name), threading.Barrier(racers), set(), threading.Lock()

    def step_then_meet(*args, **kwargs):
        out = real(*args, **kwargs)
        with lock:
            first_call = threading.get_ident() not in met and len(met) < racers
            met.add(threading.get_ident())
        if first_call:
            gate.wait(WAIT_S)
        return out
    monkeypatch.setattr(owner, name, step_then_meet)


def _one_writes_first(monkeypatch, before, write):
    """The racer first to call `before` goes on; any other waits there until
    the first one's `write` has returned (committed or refused)."""
    (write_owner, write_name), (owner, name) = write, before
    real_write, first, written, lock = getattr(write_owner, write_name), [], threading.Event(), threading.Lock()

    def write_then_tell(*args, **kwargs):
        try:
            return real_write(*args, **kwargs)
        finally:
            if first and first[0] == threading.get_ident():
                written.set()
    monkeypatch.setattr(write_owner, write_name, write_then_tell)
    real_before = getattr(owner, name)  # the write's wrapper itself when `before` is the write

    def wait_for_the_first(*args, **kwargs):
        with lock:
            if not first:
                first.append(threading.get_ident())
        if first[0] != threading.get_ident():
            written.wait(WAIT_S)
        return real_before(*args, **kwargs)
    monkeypatch.setattr(owner, name, wait_for_the_first)
