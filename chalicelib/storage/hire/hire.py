"""Places hired by the hour: the council's list of places, each hour taken,
the bookings, and who is holding one now.

- `hire-settings`: one item ("places"): the places as data, versioned.
- `hire-hours`: one item per place and hour taken (`place`, `start` as
  "YYYY-MM-DDTHH:MM:SSZ"), naming the booking (or staff's block) and whether
  it is held (with `hold_until`), booked or blocked. An hour is taken by a
  put under "does not exist, or a hold that has run out", so of any number
  racing for it one wins, and a payment that never comes back frees its
  hours by itself once the hold has run out. A place's hours over a window
  are one Query reading only what is taken. A staff block also has an item
  of its own there (`start` "block:{id}": it sorts after every hour, "b" >
  "2", so no window's Query reads it), kept with who closed it and when,
  and who opened it again: it names the block's hours, so removing a block
  reads one item, never the place's hours.
- `hire-bookings`: one item per booking; the sparse `due` index lists holds
  that may run out, and confirmed bookings owing a refund (from when the
  backstop job should look), the `user` index a resident's bookings, the
  sparse `deposits` index the confirmed bookings whose deposit is held,
  by the end of their last session (the desk's list of deposits to check).
- `hire-holders`: one item per resident holding a booking unpaid: a second
  hold is refused until the first is paid, let go, or has run out.
"""
from pynamodb.attributes import JSONAttribute, NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex

from ..binding import Stored, bind, get_or_none, model_of, record_of, table, transaction, writes
from ..council_key import CouncilKey
from ..errors import AlreadyExists, EditConflict
from ..records import HireBooking
from ..data_map import KEPT_AS_A_PAYMENT, NONE, Holds, Retention, holds_nothing

HOLD, REFUND = "hold", "refund"
BLOCK = "block:"  # a block's own item's `start` prefix in hire-hours
_KEEP = object()


class HourTaken(EditConflict):
    """`part` is "hour:{start}": the first hour found taken."""


class HireSettingsModel(Stored):
    class Meta:
        table_name = table("hire-settings")
        billing_mode = "PAY_PER_REQUEST"

    personal = NONE

    id = CouncilKey(hash_key=True)
    settings = JSONAttribute()
    version = NumberAttribute()


class HireHourModel(Stored):
    class Meta:
        table_name = table("hire-hours")
        billing_mode = "PAY_PER_REQUEST"

    personal = holds_nothing(detail="a block's hours, reason and the officer who set it: the council's own")

    place = CouncilKey(hash_key=True)
    start = UnicodeAttribute(range_key=True)
    booking_id = UnicodeAttribute()
    kind = UnicodeAttribute()  # held, booked, blocked; a block's own item: block, or unblocked once removed
    hold_until = UTCDateTimeAttribute(null=True)
    detail = JSONAttribute(null=True)  # a block's own item: its hours, reason, who and when (and removed)


class HireDueIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "due"
        projection = AllProjection()

    due = CouncilKey(hash_key=True)
    due_at = UTCDateTimeAttribute(range_key=True)


class HireUserIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "user"
        projection = AllProjection()

    user_id = CouncilKey(hash_key=True)
    created_at = UTCDateTimeAttribute(range_key=True)


class HireDepositIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "deposits"
        projection = AllProjection()

    deposit_held = CouncilKey(hash_key=True)  # "held" while it waits for the officer's check
    deposit_from = UnicodeAttribute(range_key=True)  # the end of its last session still booked (UTC)


class HireBookingModel(Stored):
    class Meta:
        table_name = table("hire-bookings")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"email": "contact", "hirer_name": "name", "user_id": "identifier", "purpose": "free_text",
                "why": "free_text", "taken_by": "identifier"},
        whose="hirer", part="hire", basis="contract", recipients=("payments", "mailer"),
        purpose="A hall or room hired: who, for what, when, and its deposit", retention=KEPT_AS_A_PAYMENT)

    id = CouncilKey(hash_key=True)
    place = UnicodeAttribute()
    hirer_type = UnicodeAttribute()
    sessions = JSONAttribute()
    amount = NumberAttribute()
    deposit = JSONAttribute()
    total = NumberAttribute()
    status = UnicodeAttribute()
    user_id = CouncilKey(null=True)
    email = UnicodeAttribute(null=True)
    hirer_name = UnicodeAttribute(null=True)
    purpose = UnicodeAttribute(null=True)
    terms = UnicodeAttribute(null=True)
    hold_until = UTCDateTimeAttribute(null=True)
    payment_id = UnicodeAttribute(null=True)
    created_at = UTCDateTimeAttribute()
    confirmed_at = UTCDateTimeAttribute(null=True)
    updated_at = UTCDateTimeAttribute(null=True)
    why = UnicodeAttribute(null=True)
    seq = NumberAttribute(null=True)
    taken_by = JSONAttribute(null=True)
    due = CouncilKey(null=True)
    due_at = UTCDateTimeAttribute(null=True)
    skipped = JSONAttribute(null=True)
    refund_rules = JSONAttribute(null=True)
    deposit_held = CouncilKey(null=True)
    deposit_from = UnicodeAttribute(null=True)

    due_index = HireDueIndex()
    user_index = HireUserIndex()
    deposit_index = HireDepositIndex()


class HireHolderModel(Stored):
    class Meta:
        table_name = table("hire-holders")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"user_id": "identifier"}, whose="hirer", part="hire", basis="contract", copy_of="hire-bookings",
        purpose="The one booking a hirer holds while paying",
        retention=Retention(after="created", days=1, then="delete", source="project", note="while the hold lasts"))

    user_id = CouncilKey(hash_key=True)
    booking_id = UnicodeAttribute()
    hold_until = UTCDateTimeAttribute()


B, H = HireBookingModel, HireHourModel


def deposit_from(booking, sessions=None, deposit=None):
    """(`deposit_held`, `deposit_from`) a booking is filed under in the
    `deposits` index: ("held", the end of its last session still booked),
    or (None, None) when no deposit waits for a check. A booking whose every
    session was cancelled waits from its last cancelled session's end."""
    sessions = booking.sessions if sessions is None else sessions
    deposit = (booking.deposit or {}) if deposit is None else deposit
    if deposit.get("status") != "held" or not deposit.get("amount") or not sessions:
        return None, None
    return "held", last_end(sessions)


def last_end(sessions):
    """The end (UTC, ISO) of a booking's last session still booked (every session cancelled: of its last
    cancelled one); None without sessions. A deposit is checked from then, never before."""
    booked = [s for s in sessions if s.get("status", "booked") == "booked"] or sessions
    return max(_end_of(s) for s in booked) if booked else None


def _end_of(session):
    """A session's end (UTC, ISO): an hour after its last hour's start."""
    from datetime import datetime, timedelta, timezone
    last = datetime.fromisoformat(session["hours"][-1].replace("Z", "+00:00")) + timedelta(hours=1)
    return last.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _filed(booking, sessions=None, deposit=None):
    """The update actions that file a booking in (or take it out of) the `deposits` index."""
    held, since = deposit_from(booking, sessions, deposit)
    return [B.deposit_held.set(held), B.deposit_from.set(since)] if held \
        else [B.deposit_held.remove(), B.deposit_from.remove()]


def _booking(model):
    record = record_of(HireBooking, model)
    if record is not None:
        record.amount, record.total, record.seq = int(record.amount), int(record.total), int(record.seq or 0)
        record.skipped = record.skipped or []
    return record


def _free_or_lapsed(now):
    """An hour nobody holds, or held by a hold that has run out."""
    return H.start.does_not_exist() | ((H.kind == "held") & (H.hold_until < now))


class HireStore:
    BATCH = 100

    def __init__(self):
        bind()

    # The places
    def settings(self):
        found = get_or_none(HireSettingsModel, "places", consistent_read=True)
        return (found.settings, int(found.version)) if found else (None, 0)

    def save_settings(self, settings, expected_version):
        condition = (HireSettingsModel.id.does_not_exist() if expected_version == 0
                     else HireSettingsModel.version == expected_version)
        with writes(["settings"]):
            HireSettingsModel(id="places", settings=settings, version=expected_version + 1).save(condition=condition)
        return expected_version + 1

    # Hours
    def taken_between(self, place, first, last):
        """[(start, kind, booking id, hold_until)] of the hours taken in [first, last) (ISO strings)."""
        return [(m.start, m.kind, m.booking_id, m.hold_until)
                for m in H.query(place, H.start.between(first, last), consistent_read=True) if m.start < last]

    def taken_at(self, place, starts):
        """{start: (kind, booking id, hold_until)} of those of `starts` taken."""
        keys = [(place, s) for s in dict.fromkeys(starts)]
        found = {}
        for at in range(0, len(keys), self.BATCH):
            found.update((m.start, (m.kind, m.booking_id, m.hold_until)) for m in H.batch_get(keys[at:at + self.BATCH]))
        return found

    # Bookings
    def get(self, booking_id):
        return _booking(get_or_none(B, booking_id, consistent_read=True))

    def get_many(self, booking_ids):
        """{id: booking} of those of `booking_ids` that exist (BatchGetItem, 100 a call)."""
        keys, found = list(dict.fromkeys(booking_ids)), {}
        for at in range(0, len(keys), self.BATCH):
            found.update((m.id, _booking(m)) for m in B.batch_get(keys[at:at + self.BATCH]))
        return found

    def hold(self, booking, starts, now, idempotency=None, event=None, holder=True):
        """The booking stored and every hour of it taken, with its resident's
        hold, in one transaction: all or nothing. HourTaken("hour:{start}"):
        one is taken; AlreadyExists("holder"): they hold another booking;
        AlreadyExists("idempotency"): a twin came first. A booking staff
        make confirmed (no hold) takes its hours as booked; one staff hold for
        a caller (`holder` False) is not counted against anyone."""
        from ..reports.report_store import _claim_key
        held = booking.status == "held"
        parts = []
        try:
            with writes(parts, exists={"booking", "holder", "idempotency"}), transaction() as t:
                t.save(model_of(B, booking, **({"due": HOLD, "due_at": booking.hold_until} if held else {})),
                       condition=B.id.does_not_exist())
                parts.append("booking")
                if held and holder and booking.user_id:
                    t.save(HireHolderModel(booking.user_id, booking_id=booking.id, hold_until=booking.hold_until),
                           condition=HireHolderModel.user_id.does_not_exist() | (HireHolderModel.hold_until < now))
                    parts.append("holder")
                if idempotency is not None:
                    _claim_key(t, parts, idempotency)
                _put_events(t, parts, event)
                for start in starts:
                    t.save(H(booking.place, start, booking_id=booking.id, kind="held" if held else "booked",
                             hold_until=booking.hold_until if held else None), condition=_free_or_lapsed(now))
                    parts.append(f"hour:{start}")
        except EditConflict as e:
            raise HourTaken(e.part) from e

    def set_payment(self, booking_id, payment_id):
        with writes(["booking"]):
            B(booking_id).update(actions=[B.payment_id.set(payment_id)], condition=B.id.exists())

    def confirm(self, booking, now, event=None):
        """held -> confirmed with each of its hours still its own made booked,
        in one transaction. False when it is not held, or an hour was taken
        over after its hold ran out (the caller refunds)."""
        parts = []
        try:
            with writes(parts), transaction() as t:
                _put_events(t, parts, event)
                t.update(B(booking.id), actions=[B.status.set("confirmed"), B.confirmed_at.set(now),
                                                  B.updated_at.set(now), B.due.remove(), B.due_at.remove(),
                                                  B.hold_until.remove(), *_filed(booking)],
                         condition=B.status == "held")
                parts.append("booking")
                for start in _starts(booking):
                    t.update(H(booking.place, start), actions=[H.kind.set("booked"), H.hold_until.remove()],
                             condition=H.booking_id == booking.id)
                    parts.append(f"hour:{start}")
        except EditConflict:
            return False
        self._let_holder_go(booking)
        return True

    def release(self, booking, why, now):
        """held -> released; its hours still its own freed. False when not held."""
        try:
            with writes(["booking"]):
                B(booking.id).update(actions=[B.status.set("released"), B.why.set(why), B.updated_at.set(now),
                                              B.due.remove(), B.due_at.remove(), B.hold_until.remove()],
                                     condition=B.status == "held")
        except EditConflict:
            return False
        self._free(booking.place, booking.id, _starts(booking))
        self._let_holder_go(booking)
        return True

    def change(self, booking, sessions=None, deposit=None, event=None, free=(), refund_due_at=_KEEP):
        """A confirmed booking's sessions or deposit changed as read (its
        `seq`), with the event the change promises, and `free` of its hours
        given back, in one transaction. `refund_due_at`: when the backstop
        job looks for a refund it still owes (None: it owes none). False when
        it changed meanwhile (read it again) or is not confirmed."""
        parts = []
        read = booking.seq
        same = (B.seq == read) | B.seq.does_not_exist() if read == 0 else B.seq == read
        actions = [B.seq.set(read + 1)]
        if sessions is not None:
            actions.append(B.sessions.set(sessions))
        if deposit is not None:
            actions.append(B.deposit.set(deposit))
        if sessions is not None or deposit is not None:
            actions += _filed(booking, sessions, deposit)  # a session cancelled moves it; a check takes it out
        if refund_due_at is None:
            actions += [B.due.remove(), B.due_at.remove()]
        elif refund_due_at is not _KEEP:
            actions += [B.due.set(REFUND), B.due_at.set(refund_due_at)]
        try:
            with writes(parts), transaction() as t:
                _put_events(t, parts, event)
                for start in free:
                    t.delete(H(booking.place, start), condition=H.booking_id == booking.id)
                    parts.append("hour")
                t.update(B(booking.id), actions=actions, condition=(B.status == "confirmed") & same)
                parts.append("booking")
        except EditConflict:
            return False
        return True

    def block(self, place, block_id, starts, now, detail=None):
        """Staff's block (maintenance) over `starts`, all or none, with its own
        item (`detail`: who, when, why): HourTaken names one taken."""
        parts = []
        try:
            with writes(parts), transaction() as t:
                t.save(H(place, BLOCK + block_id.split(":")[1], booking_id=block_id, kind="block",
                         detail={**(detail or {}), "hours": list(starts)}), condition=H.start.does_not_exist())
                parts.append("block")
                for start in starts:
                    t.save(H(place, start, booking_id=block_id, kind="blocked"), condition=_free_or_lapsed(now))
                    parts.append(f"hour:{start}")
        except EditConflict as e:
            raise HourTaken(e.part) from e

    def block_of(self, place, short_id):
        """(kind "block" or "unblocked", block id, detail) of a block's own item, or None."""
        try:
            found = H.get(place, BLOCK + short_id, consistent_read=True)
        except H.DoesNotExist:
            return None
        if found is None or found.kind not in ("block", "unblocked"):
            return None
        return found.kind, found.booking_id, found.detail or {}

    def unblock(self, place, short_id, block_id, detail, now):
        """A block removed: its item marked with who and when, and each of its
        hours given back, in one transaction. False when it was removed
        meanwhile (the first removal stands)."""
        parts = []
        try:
            with writes(parts), transaction() as t:
                t.update(H(place, BLOCK + short_id), actions=[H.kind.set("unblocked"), H.detail.set(detail)],
                         condition=H.kind == "block")
                parts.append("block")
                for start in detail.get("hours", []):
                    t.delete(H(place, start), condition=H.booking_id == block_id)
                    parts.append(f"hour:{start}")
        except EditConflict:
            return False
        return True

    def deposits_waiting(self, now, limit=50):
        """Confirmed bookings whose deposit is held and whose last session
        ended by `now`, the longest waiting first: one Query of the sparse
        `deposits` index, reading only them."""
        from ...stamps import stamp
        return [_booking(m) for m in B.deposit_index.query("held", B.deposit_from <= stamp(now), limit=limit,
                                                            page_size=limit)]

    def due(self, now, kind=HOLD, limit=100):
        """Bookings waiting for the `kind` job (HOLD: a hold that may have run
        out; REFUND: a refund still owed) since before `now`."""
        return [_booking(m) for m in B.due_index.query(kind, B.due_at <= now, limit=limit, page_size=limit)]

    def of_user(self, user_id, limit=200):
        return [_booking(m) for m in B.user_index.query(user_id, scan_index_forward=False, limit=limit,
                                                         page_size=limit)]

    def forget_user(self, user_id):
        """Erasure: each booking kept for the halls' calendars and finance, no longer theirs."""
        for booking in self.of_user(user_id, limit=10_000):
            with writes(["booking"]):
                B(booking.id).update(actions=[B.user_id.remove(), B.email.remove(), B.hirer_name.remove()])

    def _free(self, place, booking_id, starts):
        """Each of `starts` still this booking's given back (one taken over is someone else's now)."""
        for start in starts:
            try:
                with writes(["hour"]):
                    H(place, start).delete(condition=H.booking_id == booking_id)
            except EditConflict:
                pass

    def _let_holder_go(self, booking):
        if booking.user_id:
            try:
                with writes(["holder"]):
                    HireHolderModel(booking.user_id).delete(condition=HireHolderModel.booking_id == booking.id)
            except EditConflict:
                pass


def _starts(booking):
    return [start for s in booking.sessions if s.get("status", "booked") == "booked" for start in s["hours"]]


def _put_events(t, parts, event):
    from ..waste.bulky import _put_event
    _put_event(t, parts, event)


__all__ = ["AlreadyExists", "HireStore", "HourTaken", "REFUND"]
