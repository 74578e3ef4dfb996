"""Appointments: one table, `appointments`, partition `pk`, sort `sk`.

  setup / service#<id>, calendar#<id>   the services and calendars (data)
  seats#<calendar> / <start>#<seat>     a slot's seat taken: held (with hold_until), booked or blocked
  appt#<id> / appt                      an appointment (by_day: booked ones by local day; by_owner:
                                        a resident's own; reminders: those still to remind, sparse)
  holder#<user> / hold                  the one live hold a resident has

Free slots are the slots generated from the calendar minus the seats taken:
one Query of the calendar's seats partition over the dates shown reads the
taken seats only, so the view costs what is booked, not what is offered. A
seat is taken by a conditional put (absent, or a hold that has expired), so
of any number racing for it one wins; a booking is one transaction (the
appointment, its seat, the holder row, its event, its Idempotency-Key).
"""
from .appointment_models import (BLOCKED, BOOKED, HELD, LIVE_PREFIX, SETUP, Appointment, AppointmentsModel as M, appointment_key,
                                 appointment_row, free_seat, get_row, holder_key, seat_key, stamp, to_appointment)
from ..binding import batch_save, bind, page_key, start_key, transaction, writes

# The setup's version, a row of its own beside the setup partition (so the setup's Query
# reads only services and calendars): a load names the version it was made to.
SETUP_VERSION = ("setup-version", "version")


class AppointmentStore:
    def __init__(self):
        bind()

    # --- services and calendars
    def put_setup(self, services, calendars, expected=0):
        """Services and calendars stored (added or replaced) with the setup's
        version raised, one transaction: EditConflict("version") unless the
        version is still `expected` (0: never loaded)."""
        parts = ["version"]
        with writes(parts), transaction() as t:
            t.save(M(*SETUP_VERSION, seq=expected + 1),
                   condition=(M.seq == expected) if expected else M.pk.does_not_exist())
            for row in [M(SETUP, f"service#{s['id']}", data=s) for s in services] + \
                    [M(SETUP, f"calendar#{c['id']}", data=c) for c in calendars]:
                parts.append("row")
                t.save(row)
        return expected + 1

    def setup_version(self):
        row = get_row(SETUP_VERSION)
        return int(row.seq or 0) if row is not None else 0

    def setup(self):
        """({service id: service}, {calendar id: calendar}): one Query."""
        services, calendars = {}, {}
        for row in M.query(SETUP):
            kind, _, key = row.sk.partition("#")
            (services if kind == "service" else calendars)[key] = row.data
        return services, calendars

    # --- seats
    def taken(self, calendar_id, first, last, now):
        """{start text: seats taken} of a calendar from `first` to `last`
        (aware datetimes, inclusive): one Query, reading only taken seats."""
        pk, _ = seat_key(calendar_id, first, 0)
        counts = {}
        for row in M.query(pk, M.sk.between(stamp(first), stamp(last) + "~")):
            if row.state == HELD and row.hold_until is not None and row.hold_until < now:
                continue  # an expired hold: the seat is free again
            start = row.sk.rsplit("#", 1)[0]
            counts[start] = counts.get(start, 0) + 1
        return counts

    def seats_at(self, calendar_id, start, now):
        """The seat numbers of one slot taken now: one Query of its few rows."""
        pk, _ = seat_key(calendar_id, start, 0)
        return {int(row.sk.rsplit("#", 1)[1]) for row in M.query(pk, M.sk.startswith(stamp(start) + "#"))
                if not (row.state == HELD and row.hold_until is not None and row.hold_until < now)}

    def hold(self, appointment, now, idempotency=None, holder=True, event=None):
        """Take the appointment's seat for it and store it (with the
        resident's holder row when held): AlreadyExists("seat") when the seat
        is taken, ("holder") when the resident holds another, ("idempotency").

        The seat is a plain conditional put, not part of a transaction: many
        racing for one seat are then ordered by DynamoDB's conditional write
        (the losers' condition fails, 409), where racing transactions would
        cancel one another (TransactionConflict, 503). A process that dies
        after it leaves a seat held with no appointment: it frees itself at
        hold_until."""
        from ..reports.report_store import _claim_key
        pk, sk = seat_key(appointment.calendar_id, appointment.start, appointment.seat)
        seat = M(pk, sk, state=appointment.status, appointment_id=appointment.id, user_id=appointment.user_id,
                 hold_until=appointment.hold_until if appointment.status == HELD else None)
        with writes(["seat"], exists={"seat"}):
            seat.save(condition=free_seat(M, now))
        parts = ["appointment"]
        try:
            with writes(parts, exists={"holder", "idempotency", "appointment"}), transaction() as t:
                t.save(appointment_row(appointment), condition=M.pk.does_not_exist())
                if appointment.status == HELD and appointment.user_id and holder:
                    parts.append("holder")
                    hpk, hsk = holder_key(appointment.user_id)
                    t.save(M(hpk, hsk, appointment_id=appointment.id, hold_until=appointment.hold_until),
                           condition=M.pk.does_not_exist() | (M.hold_until < now))
                if idempotency is not None:
                    _claim_key(t, parts, idempotency)
                if event is not None:  # booked outright (staff for a caller): its messages follow from it
                    from ..reports.report_store import event_model
                    parts.append("event")
                    t.save(event_model(event))
        except Exception:
            M(pk, sk).delete(condition=M.appointment_id == appointment.id)
            raise

    def release(self, appointment, reason_status="released", holder=True):
        """A hold let go: its seat and holder row deleted, if still its own."""
        pk, sk = seat_key(appointment.calendar_id, appointment.start, appointment.seat)
        appointment.status, expected = reason_status, appointment.seq
        appointment.seq += 1
        parts = ["appointment", "seat"]
        with writes(parts), transaction() as t:
            t.save(appointment_row(appointment), condition=M.seq == expected)
            t.delete(M(pk, sk), condition=M.appointment_id == appointment.id)
            if appointment.user_id and holder:
                parts.append("holder")
                hpk, hsk = holder_key(appointment.user_id)
                t.delete(M(hpk, hsk), condition=M.pk.does_not_exist() | (M.appointment_id == appointment.id))

    def book(self, appointment, now, event, idempotency=None, leaving=()):
        """A held appointment booked, one transaction: still held by it, not
        expired (EditConflict("appointment") otherwise); its seat turned booked.
        `leaving`: keys deleted with it (an offer taken: the resident's place
        on the waiting list, WaitingStore.place_keys)."""
        from ..reports.report_store import _claim_key, event_model
        pk, sk = seat_key(appointment.calendar_id, appointment.start, appointment.seat)
        expected = appointment.seq
        appointment.seq += 1
        parts = ["appointment", "seat", "event"]
        with writes(parts, exists={"idempotency"}), transaction() as t:
            t.save(appointment_row(appointment), condition=(M.seq == expected) & (M.state == HELD)
                   & (M.hold_until >= now))
            t.update(M(pk, sk), actions=[M.state.set(BOOKED), M.hold_until.remove()],
                     condition=M.appointment_id == appointment.id)
            t.save(event_model(event))
            if appointment.user_id:
                parts.append("holder")
                hpk, hsk = holder_key(appointment.user_id)
                t.delete(M(hpk, hsk), condition=M.pk.does_not_exist() | (M.appointment_id == appointment.id))
            for key in leaving:
                parts.append("place")
                t.delete(M(*key))
            if idempotency is not None:
                _claim_key(t, parts, idempotency)

    def cancel(self, appointment, status, event):
        """A booked appointment ended (cancelled, or moved away from) with its
        event, its seat freed, one transaction; EditConflict when it changed."""
        from ..reports.report_store import event_model
        pk, sk = seat_key(appointment.calendar_id, appointment.start, appointment.seat)
        expected, appointment.status = appointment.seq, status
        appointment.seq += 1
        with writes(["appointment", "seat", "event"]), transaction() as t:
            t.save(appointment_row(appointment), condition=(M.seq == expected) & (M.state == BOOKED))
            t.delete(M(pk, sk), condition=M.appointment_id == appointment.id)
            t.save(event_model(event))

    def move(self, old, new, now, event):
        """`new` takes its seat (a conditional put: AlreadyExists("seat") when
        taken), then in one transaction it is stored, `old` becomes moved and
        its seat is freed, with the event; the new seat is given back if that fails."""
        from ..reports.report_store import event_model
        npk, nsk = seat_key(new.calendar_id, new.start, new.seat)
        with writes(["seat"], exists={"seat"}):
            M(npk, nsk, state=BOOKED, appointment_id=new.id, user_id=new.user_id).save(condition=free_seat(M, now))
        opk, osk = seat_key(old.calendar_id, old.start, old.seat)
        expected, old.status = old.seq, "moved"
        old.seq += 1
        try:
            with writes(["new", "old", "seat", "event"]), transaction() as t:
                t.save(appointment_row(new), condition=M.pk.does_not_exist())
                t.save(appointment_row(old), condition=(M.seq == expected) & (M.state == BOOKED))
                t.delete(M(opk, osk), condition=M.appointment_id == old.id)
                t.save(event_model(event))
        except Exception:
            M(npk, nsk).delete(condition=M.appointment_id == new.id)
            raise

    def set_status(self, appointment, status, allowed, event=None):
        """An officer's mark (arrived, seen, no_show): EditConflict unless it is in `allowed`."""
        from ..reports.report_store import event_model
        expected, appointment.status = appointment.seq, status
        appointment.seq += 1
        with writes(["appointment", "event"]), transaction() as t:
            t.save(appointment_row(appointment), condition=(M.seq == expected) & M.state.is_in(*allowed))
            if event is not None:
                t.save(event_model(event))

    def block(self, calendar_id, start, seat, note, now):
        """A seat made busy-unavailable by staff (AlreadyExists("seat") when taken)."""
        pk, sk = seat_key(calendar_id, start, seat)
        with writes(["seat"], exists={"seat"}):
            M(pk, sk, state=BLOCKED, appointment_id=note).save(condition=free_seat(M, now))

    # --- appointments
    def get(self, appointment_id):
        return to_appointment(get_row(appointment_key(appointment_id)))

    def holder(self, user_id):
        """(appointment id, hold_until) of the resident's last hold, or None."""
        row = get_row(holder_key(user_id))
        return (row.appointment_id, row.hold_until) if row is not None else None

    def day(self, day, calendar_id=None, cursor=None, limit=500):
        """One page of a local day's listed appointments (one calendar's, or
        all): ([Appointment], next cursor or None), one Query of by_day."""
        condition = M.day_sk.startswith(f"{calendar_id}#") if calendar_id else None
        results = M.day_index.query(day.isoformat(), condition, limit=limit, page_size=limit,
                                    last_evaluated_key=start_key(M, cursor))
        items = [to_appointment(m) for m in results]
        return items, page_key(M, results.last_evaluated_key) if len(items) == limit else None

    # --- a resident's own
    def of_owner(self, user_id, limit=200):
        """A resident's appointments, newest made first: one Query of by_owner."""
        found = [to_appointment(m) for m in M.owner_index.query(user_id, limit=limit, page_size=limit)]
        return sorted(found, key=lambda a: (a.created_at or a.start, a.id), reverse=True)

    def upcoming(self, user_id, now, limit=50):
        """A resident's appointments still to come (booked or arrived), soonest
        first: one Query of by_owner's "live#" range from now, reading only those."""
        return [to_appointment(m) for m in M.owner_index.query(
            user_id, M.owner_sk.between(f"{LIVE_PREFIX}{stamp(now)}", f"{LIVE_PREFIX}~"), limit=limit,
            page_size=limit)]

    def forget(self, appointment):
        """The appointment kept (a staff day's history) without whose it was: out of by_owner."""
        appointment.user_id = appointment.name = appointment.email = appointment.phone = None
        appointment.answers = {}
        appointment_row(appointment).save()

    def erase_holder(self, user_id):
        M(*holder_key(user_id)).delete()

    # --- reminders
    REMINDER_PAGE = 1000  # keys per Query of the reminder index (KEYS_ONLY: about 100 KB)

    def to_remind(self, day, cursor=None, limit=None):
        """One page of a local day's appointments not yet reminded of:
        ([(id, remind_on)], next cursor or None), one Query of the sparse index."""
        limit = limit or self.REMINDER_PAGE
        results = M.reminder_index.query(day.isoformat(), limit=limit, page_size=limit, last_evaluated_key=start_key(M, cursor))
        found = [(m.pk.split("#", 1)[1], m.remind_on) for m in results]
        return found, page_key(M, results.last_evaluated_key) if len(found) == limit else None

    def remind(self, appointment_id, day_text, now, event):
        """Out of the reminder index, with the reminder's event: one
        transaction, once (EditConflict when it is reminded or no longer due)."""
        from ..reports.report_store import event_model
        pk, sk = appointment_key(appointment_id)
        with writes(["appointment", "event"]), transaction() as t:
            t.update(M(pk, sk), actions=[M.reminded_at.set(now), M.remind_on.remove(), M.remind_sk.remove()],
                     condition=M.remind_on == day_text)
            t.save(event_model(event))


__all__ = ["Appointment", "AppointmentStore"]
