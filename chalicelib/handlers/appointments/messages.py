"""An appointment's messages, effects of its own events (shared/effects.py):
booked (the confirmation), reminder (the day before, from the sweep) and
moved. Each goes by e-mail, with the iCalendar invite, and by text; each
carries the cancel and move links. The booking never waits on them.

A text that is not sent (the SMS service refusing or unreachable) fails its
effect, which the queue brings back; on its TEXT_TRIES-th failure its words
go by e-mail instead (when there is an address), keyed apart from the
e-mail's own, and the effect is done."""
import logging

from ...notify import SENT
from . import wording

log = logging.getLogger(__name__)
TEXT_TRIES = 3
EMAIL_EFFECT, TEXT_EFFECT = "appointments.email", "appointments.text"
KINDS = {"appointment_booked": "confirmed", "appointment_reminder": "reminder", "appointment_moved": "moved",
         "appointment_missed": "missed"}
SUBJECTS = {"confirmed": wording.confirmed_subject, "reminder": wording.reminder_subject,
            "moved": wording.moved_subject, "missed": wording.missed_subject}
LIVE = ("booked", "arrived")  # a reminder or confirmation for anything else is left unsent


class TextNotSent(Exception):
    """The SMS service did not take the text: the effect is tried again."""


def _about(deps, event):
    """(kind, appointment, service, when, cancel url, move url), or None when there is nothing to say."""
    from .links import link
    appointment = deps.appointments.get(event.payload.get("appointment_id"))
    if appointment is None or appointment.status not in (("no_show",) if event.kind == "appointment_missed" else LIVE):
        return None
    services, _ = deps.appointments.setup()
    service = services.get(appointment.service_id)
    if service is None:
        return None
    if event.kind == "appointment_missed":  # no links to change it: one to book again
        again = f"{deps.base_url}/appointments?service={service['id']}"
        return "missed", appointment, service, wording.when(appointment.start), again, again
    return (KINDS[event.kind], appointment, service, wording.when(appointment.start),
            link(deps, appointment, "cancel"), link(deps, appointment, "move"))


def _feedback(deps, kind, appointment):
    """The confirmation's link to the booking's question (views.on_booked counts it); none in a reminder."""
    from ..feedback.counting import link
    from .views import asked
    question_of = asked(appointment) if kind == "confirmed" else None
    return link(deps, question_of) if question_of else None


def by_email(deps, event, key):
    about = _about(deps, event)
    if about is None or not about[1].email:
        return
    kind, appointment, service, when, cancel_url, move_url = about
    from ...notify.email import send_email
    from .invite import attachment
    now = deps.clock()
    if kind == "missed":
        send_email(appointment.email, SUBJECTS[kind](service, when), wording.missed_body(service, when, cancel_url),
                   now, deps.new_opaque_id, key=key)
        return
    send_email(appointment.email, SUBJECTS[kind](service, when),
               wording.email_body(kind, service, when, appointment.id, cancel_url, move_url,
                                  _feedback(deps, kind, appointment)), now,
               deps.new_opaque_id, key=key, attachments=[attachment(appointment, service, now, cancel_url, move_url)])


def by_text(deps, event, key):
    about = _about(deps, event)
    if about is None or not about[1].phone:
        return
    kind, appointment, service, when, cancel_url, move_url = about
    from ...notify.sms import send_sms
    words = (wording.missed_text(service, when, cancel_url) if kind == "missed"
             else wording.text_message(kind, service, when, cancel_url, move_url, _feedback(deps, kind, appointment)))
    now = deps.clock()
    if send_sms(appointment.phone, words, deps.settings, now, deps.new_opaque_id) == SENT:
        return
    _, attempts = deps.effects.status(event.id, TEXT_EFFECT)
    if attempts + 1 < TEXT_TRIES or not appointment.email:
        raise TextNotSent(f"text to the resident of {appointment.id} not sent (try {attempts + 1})")
    log.warning("appointment %s: text not sent after %s tries; emailed instead", appointment.id, attempts + 1)
    from ...notify.email import send_email
    send_email(appointment.email, SUBJECTS[kind](service, when), words, now, deps.new_opaque_id,
               key=f"{key}.fallback")
