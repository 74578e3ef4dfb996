"""A change to a bulky booking that costs more, held while the resident pays
the difference (a second payment), kept apart from the booking's own fields
until the provider says paid.

The booking carries it as `pending` (the change as it will be, the saved next
step, whether a new day's place is held) and `pending_payment` (the
difference's payment: only that payment's outcome settles it). While pending,
the booking waits in the `due` index as CHANGE_HOLD until the hold runs out;
its reminders' step is put back when the change is paid or let go.
"""
from ..binding import transaction, writes
from .bulky_models import BulkyBookingModel, BulkySlotModel, _band, _reminding, slot_key, take_place
from ..errors import EditConflict, SlotFull

CHANGE_HOLD = "change_hold"


def _same_read(M, read):
    return (M.change_seq == read) | M.change_seq.does_not_exist() if read == 0 else M.change_seq == read


class PendingChanges:
    def hold_change(self, booking, pending, hold_until, now, capacity, idempotency=None):
        """Hold `pending` on the confirmed booking as read (its change_seq, no
        other change pending or refund owed), taking the new day's place under
        its capacity when the day moves, and claim the request's key, in one
        transaction. SlotFull: the new day is full; EditConflict("booking"):
        it changed meanwhile; AlreadyExists("idempotency"): a twin came first."""
        from ..reports.report_store import _claim_key
        M = BulkyBookingModel
        parts = []  # as sent: the key's put, then the updates in order
        try:
            with writes(parts, exists={"idempotency"}), transaction() as t:
                if idempotency is not None:
                    _claim_key(t, parts, idempotency)
                t.update(M(booking.id), actions=[
                    M.pending.set(pending), M.due.set(CHANGE_HOLD), M.due_at.set(hold_until), M.updated_at.set(now)],
                    condition=((M.status == "confirmed") & _same_read(M, booking.change_seq or 0)
                               & M.pending.does_not_exist() & (M.due.does_not_exist() | (M.due != "change_refund"))))
                parts.append("booking")
                if pending["after"]["date"] != booking.date:
                    take_place(t, parts, booking.round_id, pending["after"]["date"], capacity)
        except EditConflict as e:
            if e.part == "slot":
                raise SlotFull("slot") from e
            raise

    def pending_paid_by(self, booking_id, payment_id):
        """The pending change waits for `payment_id` from now on."""
        M = BulkyBookingModel
        with writes(["booking"]):
            M(booking_id).update(actions=[M.pending_payment.set(payment_id)],
                                 condition=M.pending.exists() & M.pending_payment.does_not_exist())

    def apply_change(self, booking, payment_id, changes, next_step, now):
        """The difference is paid: the pending change becomes the booking
        (`changes` with its entry), the old day's place given back when it
        moved (the new one was taken by the hold). False when it is not
        pending on `payment_id` (applied already, or let go)."""
        M, Slot, reminding = BulkyBookingModel, BulkySlotModel, _reminding
        after = booking.pending["after"]
        parts = ["booking"]
        try:
            with writes(parts), transaction() as t:
                t.update(M(booking.id), actions=[
                    M.date.set(after["date"]), M.items.set(after["items"]), M.amount.set(after["amount"]),
                    M.location.set(after["location"]), M.notes.set(after["notes"]),
                    M.change_seq.set(booking.pending["seq"]), M.changes.set(changes),
                    M.updated_at.set(now), _band(after.get("band")),
                    M.pending.remove(), M.pending_payment.remove(), *reminding(next_step)],
                    condition=(M.status == "confirmed") & (M.pending_payment == payment_id))
                if after["date"] != booking.date:
                    t.update(Slot(slot_key(booking.round_id, booking.date)), actions=[Slot.taken.add(-1)],
                             condition=Slot.slot.exists())
                    parts.append("old-slot")
        except EditConflict:
            return False
        return True

    def let_change_go(self, booking, payment_id, step):
        """The pending change is not paid (declined, its hold ran out, the
        provider away): gone, its new day's place given back and the
        booking's own next step (`step`: (kind, when) or None) back in the due
        index. `payment_id` None: none was made. False when not pending so."""
        M, Slot, reminding = BulkyBookingModel, BulkySlotModel, _reminding
        mine = M.pending_payment.does_not_exist() if payment_id is None else M.pending_payment == payment_id
        parts = ["booking"]
        after = booking.pending["after"]
        try:
            with writes(parts), transaction() as t:
                t.update(M(booking.id), actions=[M.pending.remove(), M.pending_payment.remove(), *reminding(step)],
                         condition=M.pending.exists() & mine)
                if after["date"] != booking.date:
                    t.update(Slot(slot_key(booking.round_id, after["date"])), actions=[Slot.taken.add(-1)],
                             condition=Slot.slot.exists())
                    parts.append("slot")
        except EditConflict:
            return False
        return True

