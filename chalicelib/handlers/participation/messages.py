"""A speaker's messages, effects of the registration's own events
(shared/effects.py): registered (the confirmation), accepted, declined (with
the reason). Each by e-mail and, where a number was given, by text; each
carries the withdraw link while it still holds a place. The request never
waits on them; a message sent again goes under the same key."""
from ...notify import SENT
from . import rules, wording
from .links import link

EMAIL_EFFECT, TEXT_EFFECT = "participation.email", "participation.text"
KINDS = {"speaker_registered": "CONFIRMED", "speaker_accepted": "ACCEPTED", "speaker_declined": "DECLINED"}


class TextNotSent(Exception):
    """The SMS service did not take the text: the effect is tried again."""


def _about(deps, event):
    """(registration, {the words' values}), or None when there is nothing to say."""
    p = event.payload or {}
    registration = deps.participation.get(p.get("meeting_id"), p.get("registration_id"))
    meeting = deps.democracy.meeting(p.get("meeting_id")) if registration else None
    if meeting is None:
        return None
    item = next((i for i in meeting.get("items") or [] if i["id"] == registration["item_id"]), {})
    speak = rules.of_committee(deps, meeting["committee_id"])["speak"]
    needs = ", ".join(wording.NEED_NAMES[n] for n in registration["needs"])
    return registration, {
        "committee": meeting["committee_title"], "day": wording.day(meeting["date"]),
        "number": item.get("number") or "", "title": item.get("title") or "",
        "mode": wording.MODES.get(registration["mode"], ""), "minutes": speak["minutes"],
        "side": wording.SIDE_WORDS.format(side=registration["side"]) if registration["side"] else "",
        "needs": wording.NEEDS_LINE.format(needs=needs) if needs else "",
        "reason": registration.get("reason") or "", "link": link(deps, registration)}


def by_email(deps, event, key):
    about = _about(deps, event)
    if about is None or not about[0]["email"]:
        return
    registration, values = about
    kind = KINDS[event.kind]
    from ...notify.email import send_email
    send_email(registration["email"], getattr(wording, f"{kind}_SUBJECT").format(**values),
               getattr(wording, f"{kind}_BODY").format(**values), deps.clock(), deps.new_opaque_id, key=key)


def by_text(deps, event, key):
    about = _about(deps, event)
    if about is None or not about[0]["phone"]:
        return
    registration, values = about
    from ...notify.sms import send_sms
    words = getattr(wording, f"{KINDS[event.kind]}_TEXT").format(**values)
    if send_sms(registration["phone"], words, deps.settings, deps.clock(), deps.new_opaque_id) != SENT:
        raise TextNotSent(f"text to the speaker of {registration['id']} not sent")
