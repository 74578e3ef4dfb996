"""Bulky waste collections: the council's catalogue, the slots, the bookings.

- `waste-settings`: one item per service ("bulky"): the catalogue and rules
  staff edit, with a version number for If-Match.
- `bulky-slots`: one item per round and day ("{round}#{date}") counting the
  bookings that hold it. A hold adds one under the condition that the count is
  below the day's capacity, in the same transaction as the booking: the
  database decides who gets the last slot, never a read followed by a write.
- `bulky-bookings`: one item per booking. A booking the jobs must look at
  again (a hold running out, a refund to make, a reminder to send) carries `due` and `due_at`: the
  sparse `due` index lists exactly those. The `user` index lists a resident's.
  After its reminders a confirmed booking waits in `due` once more ("crew")
  for its collection day, when its crew's job is made (`to_crew`).
"""
from ..binding import bind, get_or_none, model_of, record_of, transaction, writes
from .bulky_models import (  # noqa: F401  (the models and constants are reached through this module too)
    CHANGE_REFUND, CREW, HOLD, REFUND, REMIND, BulkyBookingModel, BulkySlotModel, DueIndex, UserIndex,
    WasteSettingsModel, _band, _reminding, slot_key, take_place)
from .bulky_pending import PendingChanges
from ..errors import EditConflict, SlotFull
from ..records import BulkyBooking


def _booking(model):
    record = record_of(BulkyBooking, model)
    if record is not None:
        record.amount = int(record.amount)
        record.location, record.notes = record.location or "", record.notes or ""
        record.change_seq = int(record.change_seq or 0)
    return record


class BulkyStore(PendingChanges):
    BATCH = 100

    def __init__(self):
        bind()

    # The catalogue and rules
    def settings(self, service="bulky"):
        """(settings dict, version) of a waste service ("bulky", "garden"), or
        (None, 0) when staff never saved any."""
        found = get_or_none(WasteSettingsModel, service, consistent_read=True)
        return (found.settings, int(found.version)) if found else (None, 0)

    def save_settings(self, settings, expected_version, now, by, service="bulky"):
        """Save over `expected_version` (0: none yet); EditConflict when it moved on."""
        condition = (WasteSettingsModel.id.does_not_exist() if expected_version == 0
                     else WasteSettingsModel.version == expected_version)
        with writes(["settings"]):
            WasteSettingsModel(id=service, settings=settings, version=expected_version + 1, updated_at=now,
                               updated_by=by).save(condition=condition)
        return expected_version + 1

    # Slots
    def taken(self, round_id, days):
        """{day: bookings holding a place} for the round's days ("YYYY-MM-DD") asked."""
        keys = list(dict.fromkeys(slot_key(round_id, d) for d in days))
        found = {k: 0 for k in keys}
        for at in range(0, len(keys), self.BATCH):
            found.update((m.slot, int(m.taken or 0)) for m in BulkySlotModel.batch_get(keys[at:at + self.BATCH]))
        return {k.split("#", 1)[1]: n for k, n in found.items()}

    # Bookings
    def get(self, booking_id):
        return _booking(get_or_none(BulkyBookingModel, booking_id, consistent_read=True))

    def hold(self, booking, capacity, idempotency=None, event=None):
        """Take one of the day's `capacity` places and store the held booking, in
        one transaction; SlotFull when the day is full, AlreadyExists("idempotency")
        when the request's key was claimed meanwhile. event: what the booking
        promises beyond its rows (a waived one's confirming and receipt)."""
        from ..reports.report_store import _claim_key
        # `parts` in the order PynamoDB sends them: puts, then updates.
        parts = ["booking"]
        slot = BulkySlotModel(slot_key(booking.round_id, booking.date))
        try:
            with writes(parts, exists={"booking", "idempotency"}), transaction() as t:
                t.save(model_of(BulkyBookingModel, booking, due=HOLD, due_at=booking.hold_until),
                       condition=BulkyBookingModel.id.does_not_exist())
                if idempotency is not None:
                    _claim_key(t, parts, idempotency)
                _put_event(t, parts, event)
                t.update(slot, actions=[BulkySlotModel.taken.add(1), BulkySlotModel.capacity.set(capacity)],
                         condition=BulkySlotModel.taken.does_not_exist() | (BulkySlotModel.taken < capacity))
                parts.append("slot")
        except EditConflict as e:
            raise SlotFull("slot") from e

    def set_payment(self, booking_id, payment_id):
        with writes(["booking"]):
            BulkyBookingModel(booking_id).update(actions=[BulkyBookingModel.payment_id.set(payment_id)],
                                                 condition=BulkyBookingModel.id.exists())

    def confirm(self, booking_id, now, next_step=None):
        """held -> confirmed, its next step (REMIND or CREW, when) in the due
        index; False when it is not held (confirmed already, or released)."""
        return self._move(booking_id, "held", [
            BulkyBookingModel.status.set("confirmed"), BulkyBookingModel.confirmed_at.set(now),
            BulkyBookingModel.updated_at.set(now), *_reminding(next_step), BulkyBookingModel.hold_until.remove()])

    def release(self, booking, reason, now):
        """held -> released, giving its place back; False when it was not held."""
        return self._with_slot(booking, "held", -1, [
            BulkyBookingModel.status.set("released"), BulkyBookingModel.reason.set(reason),
            BulkyBookingModel.updated_at.set(now), BulkyBookingModel.due.remove(), BulkyBookingModel.due_at.remove(),
            BulkyBookingModel.hold_until.remove()])

    def reclaim(self, booking, capacity, now, next_step=None):
        """released -> confirmed (paid after its hold ran out), if a place is
        still free; False when not released; SlotFull when the day is full."""
        return self._with_slot(booking, "released", +1, [
            BulkyBookingModel.status.set("confirmed"), BulkyBookingModel.confirmed_at.set(now),
            BulkyBookingModel.updated_at.set(now), BulkyBookingModel.reason.remove(), *_reminding(next_step)],
            capacity=capacity)

    def reminded(self, booking_id, due_at, next_step, event=None):
        """The reminder due at `due_at` is sent: the next step (REMIND or CREW,
        when) follows. False when someone sent it first, or it was cancelled.
        event: the reminder's own (its e-mail follows from it), written with it."""
        return self._update(booking_id, _reminding(next_step), (BulkyBookingModel.status == "confirmed")
                            & (BulkyBookingModel.due == REMIND) & (BulkyBookingModel.due_at == due_at), event)

    def to_crew(self, booking, job):
        """The collection day has come: the crew's `job` is made and the
        booking names it, in one transaction, once (the booking must still
        be confirmed and waiting for its crew, and the job new). False when
        someone made it first, or the booking was cancelled meanwhile."""
        from ..crews.jobs import put_job, settle_job
        parts = []  # as PynamoDB sends them: the job's put, then the updates (its cell count, the booking)
        try:
            with writes(parts), transaction() as t:
                saved = put_job(t, parts, job)
                t.update(BulkyBookingModel(booking.id), actions=[
                    BulkyBookingModel.job_id.set(job.id), BulkyBookingModel.due.remove(),
                    BulkyBookingModel.due_at.remove()], condition=(
                    (BulkyBookingModel.status == "confirmed") & (BulkyBookingModel.due == CREW)))
                parts.append("booking")
        except EditConflict:
            return False
        settle_job(job, saved)
        return True

    def change(self, booking, after, next_step, capacity, idempotency=None, event=None):
        """A confirmed booking changed (`after`: its new date, items, amount,
        location, notes and the changes list with the new entry), in one
        transaction: the booking as read (its change_seq) and still confirmed;
        when the date moves, the new day's place taken under its capacity and
        the old day's given back; the request's Idempotency-Key claimed.
        SlotFull: the new day is full; EditConflict("booking"): it changed or
        was cancelled meanwhile; AlreadyExists("idempotency"): a twin came first.
        event: what the change promises (its receipt; a cheaper one's refund:
        a list of events), in the same transaction."""
        from ..reports.report_store import _claim_key
        M = BulkyBookingModel
        read = booking.change_seq or 0
        same = (M.change_seq == read) | M.change_seq.does_not_exist() if read == 0 else M.change_seq == read
        actions = [M.date.set(after["date"]), M.items.set(after["items"]), M.amount.set(after["amount"]),
                   M.location.set(after["location"]), M.notes.set(after["notes"]), M.change_seq.set(read + 1),
                   M.changes.set(after["changes"]), M.updated_at.set(after["at"]), *_reminding(next_step),
                   _band(after.get("band"))]
        if after.get("missed"):  # a free rebooking of a collection not made: a new crew job on the new day
            actions += [M.missed.set(after["missed"]), M.job_id.remove()]
        parts = []  # as sent: the key's put, then the updates in order
        try:
            with writes(parts, exists={"idempotency"}), transaction() as t:
                if idempotency is not None:
                    _claim_key(t, parts, idempotency)
                _put_event(t, parts, event)  # a put: sent before the updates, as `parts` must list it
                t.update(M(booking.id), actions=actions, condition=(M.status == "confirmed") & same)
                parts.append("booking")
                if after["date"] != booking.date:
                    take_place(t, parts, booking.round_id, after["date"], capacity)
                    t.update(BulkySlotModel(slot_key(booking.round_id, booking.date)),
                             actions=[BulkySlotModel.taken.add(-1)], condition=BulkySlotModel.slot.exists())
                    parts.append("old-slot")
        except EditConflict as e:
            if e.part == "slot":
                raise SlotFull("slot") from e
            raise

    def missed(self, booking_id, missed):
        """The crew could not collect it (`missed` names their job): kept once,
        for the booking still confirmed on that job. False when told before."""
        M = BulkyBookingModel
        try:
            with writes(["booking"]):
                M(booking_id).update(actions=[M.missed.set(missed)], condition=(
                    (M.status == "confirmed") & (M.job_id == missed["job_id"]) & M.missed.does_not_exist()))
        except EditConflict:
            return False
        return True

    def change_refunded(self, booking_id, seq, changes, next_step):
        """The refund change `seq` owed is settled (`changes` with it marked
        done): the booking's next step follows. False when settled already."""
        M = BulkyBookingModel
        try:
            with writes(["booking"]):
                M(booking_id).update(actions=[M.changes.set(changes), *_reminding(next_step)], condition=(
                    (M.due == CHANGE_REFUND) & (M.change_seq == seq)))
        except EditConflict:
            return False
        return True

    def cancel(self, booking, from_status, reason, now, refund_due, owed=None, event=None):
        """from_status -> cancelled; a held or confirmed booking gives its place
        back (a released one holds none). With refund_due it waits in the due
        index until refund_done: from now, or with `owed`, a pair (the refund it
        stores, when the job may look), from then. event: what the
        cancellation promises (its refund, its e-mail), in its transaction.
        False when it was not `from_status`: someone cancelled first, and
        only that one refunds."""
        actions = [BulkyBookingModel.status.set("cancelled"), BulkyBookingModel.cancelled_at.set(now),
                   BulkyBookingModel.updated_at.set(now), BulkyBookingModel.reason.set(reason),
                   BulkyBookingModel.hold_until.remove()]
        if refund_due:
            refund, due_at = owed or ({"status": "due", "amount": booking.amount}, now)
            actions += [BulkyBookingModel.refund.set(refund), BulkyBookingModel.due.set(REFUND),
                        BulkyBookingModel.due_at.set(due_at)]
        else:
            actions += [BulkyBookingModel.due.remove(), BulkyBookingModel.due_at.remove()]
        if from_status == "released":
            return self._move(booking.id, from_status, actions)
        # A change still being paid for is let go first (bookings.cancel): never cancelled from under it.
        return self._with_slot(booking, from_status, -1, actions, BulkyBookingModel.pending.does_not_exist(),
                               event=event)

    def refund_done(self, booking_id, refund, event=None):
        """The refund is settled (made, or nothing was left): out of the due
        index. False when another caller settled it first (theirs stands).
        event: what settling it promises (word of the refund), written with it."""
        return self._update(booking_id, [BulkyBookingModel.refund.set(refund), BulkyBookingModel.due.remove(),
                                         BulkyBookingModel.due_at.remove()],
                            (BulkyBookingModel.status == "cancelled") & (BulkyBookingModel.due == REFUND), event)

    def _update(self, booking_id, actions, condition, event=None):
        """One conditional update of a booking, with the event it promises
        effects by when there is one (one transaction); False when the
        condition failed."""
        try:
            if event is None:
                with writes(["booking"]):
                    BulkyBookingModel(booking_id).update(actions=actions, condition=condition)
            else:
                parts = []  # as sent: the event's put, then the update
                with writes(parts), transaction() as t:
                    _put_event(t, parts, event)
                    t.update(BulkyBookingModel(booking_id), actions=actions, condition=condition)
                    parts.append("booking")
        except EditConflict:
            return False
        return True

    def due(self, kind, now, limit=100):
        """Bookings waiting for the `kind` job (HOLD, REFUND) since before `now`."""
        return [_booking(m) for m in BulkyBookingModel.due_index.query(
            kind, BulkyBookingModel.due_at <= now, limit=limit, page_size=limit)]

    def of_user(self, user_id, limit=200):
        return [_booking(m) for m in BulkyBookingModel.user_index.query(
            user_id, scan_index_forward=False, limit=limit, page_size=limit)]

    def _move(self, booking_id, from_status, actions):
        try:
            with writes(["booking"]):
                BulkyBookingModel(booking_id).update(actions=actions,
                                                     condition=BulkyBookingModel.status == from_status)
        except EditConflict:
            return False
        return True

    def _with_slot(self, booking, from_status, change, actions, extra=None, capacity=None, event=None):
        slot = BulkySlotModel(slot_key(booking.round_id, booking.date))
        condition = (BulkySlotModel.taken < capacity) if capacity is not None else BulkySlotModel.slot.exists()
        parts = []  # as sent: the events' puts, then the updates
        try:
            with writes(parts), transaction() as t:
                _put_event(t, parts, event)
                parts += ["booking", "slot"]
                mine = BulkyBookingModel.status == from_status
                t.update(BulkyBookingModel(booking.id), actions=actions,
                         condition=mine if extra is None else mine & extra)
                t.update(slot, actions=[BulkySlotModel.taken.add(change)], condition=condition)
        except EditConflict as e:
            if e.args and e.args[0] == "slot" and capacity is not None:
                raise SlotFull("slot") from e
            return False
        return True


def _put_event(t, parts, event):
    """The event (or events) a booking's change promises effects by, in its transaction (shared/effects.py)."""
    from ..reports.report_store import event_model
    for one in event if isinstance(event, (list, tuple)) else [event]:
        if one is not None:
            t.save(event_model(one))
            parts.append("event")
