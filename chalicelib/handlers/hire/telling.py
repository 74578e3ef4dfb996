"""The emails a hire booking's events promise: confirmed, a session
cancelled, the deposit returned. Each follows from its event's effect and is
queued in the outbox under an id of its own, so it goes once."""
from ..payments.core import pounds
from . import wording
from .places import current

SERVICE = "halls"  # the service a hall booked counts in (feedback/services.py)


def send(deps, booking, subject, body, what):
    from ...notify.email import queue_email
    to = booking.email
    if not to and booking.user_id and deps.accounts:
        user = deps.accounts.user(booking.user_id)
        to = user.email if user else None
    if to:
        queue_email(to, subject, body, deps.clock(), f"hire:{booking.id}:{what}")


def place_name(deps, booking):
    return next((p["name"] for p in current(deps)["places"] if p["id"] == booking.place), booking.place)


def on_confirmed(deps, event, key):
    """The effect of `hire_confirmed`: the booking counted as a hall hired (once, whatever runs this
    again: feedback/counting.py), and the hirer's receipt, with every session and the question."""
    from ..feedback.counting import count_confirmed
    booking = deps.hire.get((event.payload or {}).get("booking_id"))
    if booking is None or booking.confirmed_at is None:
        return
    feedback = count_confirmed(deps, SERVICE, booking)
    if booking.status != "confirmed":  # cancelled since: no receipt to send
        return
    name = place_name(deps, booking)
    lines = "\n".join(f"  {s['date']}, {s['start']} to {s['end']}" for s in booking.sessions)
    send(deps, booking, wording.CONFIRMED_SUBJECT.format(id=booking.id, place=name), wording.CONFIRMED_BODY.format(
        id=booking.id, place=name, sessions=lines, amount=pounds(booking.amount),
        deposit=pounds(booking.deposit["amount"]), total=pounds(booking.total),
        link=f"{deps.base_url}/hire/bookings/{booking.id}", feedback=feedback), "confirmed")
