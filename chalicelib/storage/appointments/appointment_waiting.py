"""The waiting list for an earlier time, in the appointments table:

  waiting#<service> / <joined>#<user>   one resident waiting (oldest first, joined to the
                                        millisecond), or offered a freed time
  waiter#<service>#<user> / wait        the one place a resident has on a service's list

An offer's expiry is in the sparse `reminders` index under "offers" (sort:
"<offer_until>#<service>#<row sk>"), so the sweep that passes an unanswered
offer to the next reads only offers past their time."""
from datetime import timezone

from .appointment_models import AppointmentsModel as M, stamp
from ..binding import bind, transaction, writes
from ..errors import AlreadyExists  # noqa: F401  (raised through writes)

OFFERS = "offers"


def _row(service_id, joined, user_id):
    """Served in joining order: to the minute, two who joined in one minute
    would be served by their (random) user ids."""
    moment = joined.astimezone(timezone.utc)
    return f"waiting#{service_id}", f"{moment:%Y-%m-%dT%H:%M:%S}.{moment.microsecond // 1000:03d}Z#{user_id}"


def _row_of(service_id, sk):
    return f"waiting#{service_id}", sk


def _marker(service_id, user_id):
    return f"waiter#{service_id}#{user_id}", "wait"


class WaitingStore:
    def __init__(self):
        bind()

    def join(self, service_id, user_id, joined, data):
        """On the list once (AlreadyExists("marker") when already)."""
        pk, sk = _row(service_id, joined, user_id)
        mpk, msk = _marker(service_id, user_id)
        with writes(["marker", "row"], exists={"marker"}), transaction() as t:
            t.save(M(mpk, msk, data={"sk": sk, "before": data.get("before")}), condition=M.pk.does_not_exist())
            t.save(M(pk, sk, data={**data, "service_id": service_id, "user_id": user_id}, state="waiting",
                     user_id=user_id))

    def waiting(self, service_id, limit=100):
        """[(sk, row data, state, offered appointment id)] oldest first: one Query."""
        return [(m.sk, m.data, m.state, m.appointment_id)
                for m in M.query(f"waiting#{service_id}", limit=limit, page_size=limit)]

    def offer(self, service_id, sk, appointment_id, until):
        """The row offered a held time (EditConflict unless still waiting)."""
        with writes(["row"]):
            M(f"waiting#{service_id}", sk).update(
                actions=[M.state.set("offered"), M.appointment_id.set(appointment_id), M.hold_until.set(until),
                         M.remind_on.set(OFFERS), M.remind_sk.set(f"{stamp(until)}#{service_id}#{sk}")],
                condition=M.state == "waiting")

    def offers_due(self, now, limit=100):
        """[(service id, row sk)] of offers past their time: one Query of the sparse index."""
        return [tuple(m.remind_sk.split("#", 2)[1:]) for m in
                M.reminder_index.query(OFFERS, M.remind_sk < stamp(now), limit=limit, page_size=limit)]

    def get(self, service_id, sk):
        try:
            row = M.get(f"waiting#{service_id}", sk, consistent_read=True)
        except M.DoesNotExist:
            return None
        return row.data, row.state, row.appointment_id

    def place_of(self, service_id, user_id):
        """The row key of the resident's place on a service's list, or None."""
        try:
            return M.get(*_marker(service_id, user_id), consistent_read=True).data["sk"]
        except M.DoesNotExist:
            return None

    def places(self, service_ids, user_id):
        """{service id: the `before` the resident waits for} of the lists they are on: one BatchGetItem."""
        keys = [_marker(s, user_id) for s in service_ids]
        return {m.pk.split("#")[1]: m.data.get("before") for m in M.batch_get(keys)} if keys else {}

    def place_keys(self, service_id, sk, user_id):
        """The keys of a resident's place on a list (its row and marker), for a
        transaction of another store to delete with its own change."""
        return [_row_of(service_id, sk), _marker(service_id, user_id)]

    def leave(self, service_id, sk, user_id):
        """Off the list (offer answered, passed on or withdrawn): the row and its marker."""
        mpk, msk = _marker(service_id, user_id)
        with transaction() as t:
            t.delete(M(f"waiting#{service_id}", sk))
            t.delete(M(mpk, msk))

    def take_offer(self, new, old, now, event, place=None, idempotency=None):
        """An offered time booked in place of the resident's later booking, one
        transaction: `new` booked (still held, not expired: EditConflict("new")
        otherwise) with its seat turned busy, `old` moved (EditConflict("old")
        unless still booked) with its seat freed, the event, the resident off
        the list (`place`: their row's sort key) and the Idempotency-Key.

        Written deletes, puts, updates: the order PynamoDB sends a transaction's
        items in, so `parts` names the item a cancellation reason is about."""
        from .appointment_models import BOOKED, HELD, appointment_row, seat_key
        from ..reports.report_store import _claim_key, event_model
        new_expected, old_expected = new.seq, old.seq
        new.seq, old.seq, old.status = new.seq + 1, old.seq + 1, "moved"
        parts = ["old"]
        with writes(parts, exists={"idempotency"}), transaction() as t:
            t.delete(M(*seat_key(old.calendar_id, old.start, old.seat)), condition=M.appointment_id == old.id)
            if place is not None:
                parts += ["row", "marker"]
                t.delete(M(*_row_of(new.service_id, place)))
                t.delete(M(*_marker(new.service_id, new.user_id)))
            parts += ["new", "old", "event"]
            t.save(appointment_row(new), condition=(M.seq == new_expected) & (M.state == HELD)
                   & (M.hold_until >= now))
            t.save(appointment_row(old), condition=(M.seq == old_expected) & (M.state == BOOKED))
            t.save(event_model(event))
            if idempotency is not None:
                _claim_key(t, parts, idempotency)
            parts.append("new")
            t.update(M(*seat_key(new.calendar_id, new.start, new.seat)),
                     actions=[M.state.set(BOOKED), M.hold_until.remove()], condition=M.appointment_id == new.id)

    def decline(self, service_id, sk, user_id, held=None, event=None):
        """Off the list, one transaction: the row and marker, and an offer's
        held time let go (EditConflict("held") when booked meanwhile) with the
        event that passes it on."""
        from .appointment_models import HELD, appointment_row, seat_key
        from ..reports.report_store import event_model
        parts = ["row", "marker"]  # deletes, then puts: the order PynamoDB sends them in
        with writes(parts), transaction() as t:
            t.delete(M(*_row_of(service_id, sk)), condition=M.pk.exists())
            t.delete(M(*_marker(service_id, user_id)))
            if held is not None:
                expected, held.status = held.seq, "released"
                held.seq += 1
                parts += ["held", "held", "event"]
                t.delete(M(*seat_key(held.calendar_id, held.start, held.seat)),
                         condition=M.appointment_id == held.id)
                t.save(appointment_row(held), condition=(M.seq == expected) & (M.state == HELD))
                t.save(event_model(event))
