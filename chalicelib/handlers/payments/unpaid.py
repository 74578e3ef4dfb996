"""A record put back from `paying` when its payment ended unpaid: one way for
every purpose that pays before it moves on (a form's fee, a licence's fee).

Only a record still paying for that very payment moves (a newer payment, or a
record already moved on, is left alone), each try conditional on the record
as read. Three conflicts in a row mean someone keeps changing it: the caller
is told (409 edit_conflict, in its own words) rather than the record left
paying for a payment that has ended with nobody knowing."""
from ...errors import Conflict

TRIES = 3


def back_from_paying(store, record_id, payment_id, status, to_state, now, words):
    """`store`: get(id) and save(record, expected_seq, was=...). Returns the record as saved, or None when it
    no longer waits for `payment_id`. Conflict(409, edit_conflict, `words`) after TRIES conflicts."""
    from ...storage.errors import EditConflict
    for _ in range(TRIES):
        record = store.get(record_id)
        if record is None or record.state != "paying" or record.payment_id != payment_id:
            return None
        expected = record.seq
        record.state, record.payment_status, record.updated_at = to_state, status, now
        try:
            store.save(record, expected, was="paying")
            return record
        except EditConflict:
            continue
    raise Conflict(words, code="edit_conflict")
