"""A bulky collection the crew could not make (its job ended `unable` with
their reason): the resident is told, by e-mail through the outbox and by
push where they have it, and by the council's rule (`not_collected` in the
bulky settings) either offered a free rebooking (once: the change route
moves it to another offered day at no cost, past the old day's cut-off) or
refunded in full through the provider (what is still available, once).

Crews sit below waste (tests/architecture): a crew's update ending a bulky
collection's job writes a `job_ended` event in its own transaction, and
this module's `on_job_ended` is that event's effect (registered in
routes.py; shared/effects.py claims it once, runs it from the request first
and from the stream after a crash). Told twice in the ordinary way, the
booking's conditional write makes the second a no-op; run again as the same
effect (a crash between its steps), it finishes the steps left: the refund
(what is still available), the e-mail (the outbox keeps one per booking) and
the push (the same message and topic again).
"""
import logging

from ...stamps import stamp
from . import receipts
from .catalogue import current
from .wording import NOT_COLLECTED_PUSH, PUSH_REBOOK, PUSH_REFUNDING, PUSH_SEE_WHY

log = logging.getLogger(__name__)


def on_job_ended(deps, event, key):
    """The effect of a crew's `job_ended` event (shared/effects.py): the
    remedy, the e-mail and the push, finishing what an earlier run left."""
    job = deps.jobs.get((event.payload or {}).get("job_id"))
    if job is not None:
        on_job_closed(deps, job, resume=True)


def on_job_closed(deps, job, deliver=None, resume=False):
    """The crew ended `job`; only a bulky collection's `unable` does anything.
    Returns the remedy applied ("rebook", "refund") or None. `deliver`:
    notify's one door (notify/deliver), unless a test gives its own.
    resume: this job's miss already kept (an earlier run of the same effect
    stopped part way) is carried on with rather than taken as told."""
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
        if not (resume and (booking.missed or {}).get("job_id") == job.id):
            return None  # told already, or no longer this job's confirmed booking
        missed = booking.missed  # kept by the run that stopped: its remedy stands
    from ...faults import boundary
    boundary("bulky.missed_kept")
    refunded = _remedy(deps, booking, missed["remedy"])
    boundary("bulky.remedied")
    receipts.not_collected(deps, booking, missed, refunded)
    boundary("bulky.told")
    _push(deps, booking, missed, deliver)
    return missed["remedy"]


def _remedy(deps, booking, remedy):
    """A refund's outcome when the rule refunds (made now, or by the run
    before: the booking keeps it), else None."""
    if remedy != "refund":
        return None
    from .settling import refund
    if deps.bulky.cancel(booking, "confirmed", "not_collected", deps.clock(), refund_due=True):
        return refund(deps, deps.bulky.get(booking.id), tell=False)
    now = deps.bulky.get(booking.id)
    if now.status != "cancelled" or now.reason != "not_collected":
        return None
    return now.refund if (now.refund or {}).get("status") == "done" else refund(deps, now, tell=False)


def _push(deps, booking, missed, deliver=None):
    """A push to each of the resident's browsers with alerts by push (if any):
    never the reason itself on a lock screen, just that it was not collected."""
    if deliver is None:
        from ...notify.deliver import deliver
    url = f"{deps.base_url}/bulky/bookings/{booking.id}"
    message = {"event_id": f"bulky-missed-{booking.id}", "title": NOT_COLLECTED_PUSH,
               "body": (PUSH_REBOOK if missed["remedy"] == "rebook" else PUSH_REFUNDING) + PUSH_SEE_WHY,
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
