"""What the appointments tests share: the demo setup loaded, a resident's
deps, and moments named by the demo calendars (never today's date)."""
from datetime import datetime

from chalicelib.auth.principal import Principal
from chalicelib.handlers.appointments.slots import LONDON

# A Tuesday in December: desk 2 opens at 10:00, desk 1 at 09:00; housing options needs two hours' notice.
TUESDAY_8AM = datetime(2026, 12, 22, 8, 0, tzinfo=LONDON)


def load_demo(deps):
    from doorstep_cli.appointments import demo_appointments
    demo_appointments(deps)


def resident(deps, n, moment=None):
    """deps as resident `n` (signed in), at `moment` when given."""
    own = deps.replace(principal=Principal(user_id=f"resident-{n}", role="resident",
                                           email=f"resident{n}@example.org"))
    return own.replace(clock=lambda: moment) if moment is not None else own


def hold(deps, start, service_id="housing-options", key=None, calendar_id=None):
    from chalicelib.handlers.appointments.holding import take
    body = {"service_id": service_id, "start": start, **({"calendar_id": calendar_id} if calendar_id else {})}
    appointment, _ = take(deps, body, key, user_id=deps.principal.user_id, contact={"email": deps.principal.email})
    return appointment


def book(deps, appointment_id, key=None, **body):
    from chalicelib.handlers.appointments.booking import book as booking
    body = {"answers": {"reason": "I want to move"}, "phone": "07700 900123", **body}
    return booking(deps, appointment_id, body, key)


def booked_many(count, start, calendar_id="council-tax-phones", service_id="council-tax-call-back"):
    """`count` booked appointments at `start` (written 25 to a batch, as a
    day's bookings would stand in the table; only for measuring costs)."""
    from chalicelib.storage.appointments.appointment_models import Appointment, AppointmentsModel, appointment_row
    from chalicelib.storage.binding import batch_save
    rows = (appointment_row(Appointment(
        id=f"AP-{n:08d}", service_id=service_id, calendar_id=calendar_id, start=start, seat=n, status="booked",
        user_id=f"resident-{n}", email=f"resident{n}@example.org", created_at=start, booked_at=start))
        for n in range(count))
    return batch_save(AppointmentsModel, rows)
