"""A bulky collection the crew could not make (its job ended `unable` with
their reason): the resident is told, by e-mail through the outbox and by
push where they have it, and by the council's rule (`not_collected` in the
bulky settings) either offered a free rebooking (once: the change route
moves it to another offered day at no cost, past the old day's cut-off) or
refunded in full through the provider (what is still available, once).

Crews sit below waste (tests/architecture): crews/field_updates.py asks the
module registered as reports' hook "bulky_job" once the crew's update is
stored. Told twice (a retry), the booking's conditional write makes the
second a no-op.
"""
import logging

from ...stamps import stamp
from . import receipts
from .catalogue import current

log = logging.getLogger(__name__)


def on_job_closed(deps, job, deliver=None):
    """The crew ended `job`; only a bulky collection's `unable` does anything.
    Returns the remedy applied ("rebook", "refund") or None. `deliver`:
    notify's one door (notify/deliver), unless a test gives its own."""
    details = job.details or {}
    if job.status != "unable" or details.get("kind") != "bulky":
        return None
    booking = deps.bulky.get(details.get("booking_id"))
    if booking is None:
        return None
    remedy = current(deps)[0]["not_collected"]
    missed = {"job_id": job.id, "reason": job.reason or "", "at": stamp(deps.clock()), "remedy": remedy,
              "rebooked_at": None}
    if not deps.bulky.missed(booking.id, missed):
        return None  # told already, or no longer this job's confirmed booking
    refunded = None
    if remedy == "refund":
        from .settling import refund
        if deps.bulky.cancel(booking, "confirmed", "not_collected", deps.clock(), refund_due=True):
            refunded = refund(deps, deps.bulky.get(booking.id), tell=False)
    receipts.not_collected(deps, booking, missed, refunded)
    _push(deps, booking, missed, deliver)
    return remedy


def _push(deps, booking, missed, deliver=None):
    """A push to each of the resident's browsers with alerts by push (if any):
    never the reason itself on a lock screen, just that it was not collected."""
    if deliver is None:
        from ...notify.deliver import deliver
    url = f"{deps.base_url}/bulky/bookings/{booking.id}"
    message = {"event_id": f"bulky-missed-{booking.id}", "title": "Your bulky waste was not collected",
               "body": ("Choose a new day, free of charge." if missed["remedy"] == "rebook"
                        else "Your payment is being refunded.") + " Open the booking to see why.",
               "url": url, "unsubscribe_url": url, "topic": f"bulky{booking.id[3:]}", "ttl": 2 * 86400}
    seen = set()
    for alert in deps.alerts.of_user(booking.user_id) if deps.alerts else []:
        push = (alert.channels or {}).get("push")
        if not push or "push" in (alert.pending or []) or push.get("endpoint") in seen:
            continue
        seen.add(push.get("endpoint"))
        try:
            deliver("push", push, message, deps.settings, deps.clock(), deps.new_opaque_id)
        except Exception:  # the e-mail is queued already; a push service's failure must not undo the crew's update
            log.exception("booking %s: not-collected push failed", booking.id)


def may_rebook(booking):
    """A free rebooking is on offer (and not used)."""
    missed = booking.missed or {}
    return booking.status == "confirmed" and missed.get("remedy") == "rebook" and not missed.get("rebooked_at")
