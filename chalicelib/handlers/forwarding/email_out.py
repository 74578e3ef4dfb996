"""A report sent to a body by e-mail: plain text a person can act on without
an account (what, where, a map link, photo links, the answers, the reporter's
details only where the body is entitled to them) and the signed link to say
what happened.

It goes through the outbox's durable queue (notify/email.queue_email) under
the send's own key (`message_key`): kept before it is sent, and a try again
after a worker died between sending it and recording it finds it kept, so
the body gets one message (the outbox's job finishes a send left part way,
under the same Message-ID)."""
from ...notify.email import queue_email
from ..reports.photo_access import BODY_LINK_S
from ..reports.views import local_time, photo_url
from ..shared import placement
from . import wording
from .officer_links import expiry, link


def message_key(send):
    """One e-mail per send of a report to a body, whatever its tries: a send
    again by staff is a new row (its own created_at), a chase its own
    message (`resent`)."""
    made = int(send.created_at.timestamp()) if send.created_at else 0
    return f"send:{send.report_id}:{send.body_id}:{made}" + (":again" if send.resent else "")


def send_by_email(deps, body, report, service, base, again=False, key=None):
    """again: no answer came within the body's target; sent once more, saying so.
    key: the send's message_key (the outbox id and so the Message-ID)."""
    words = {"category": service.get("name", report.service_code), "reference": report.id}
    subject = (wording.EMAIL_SUBJECT_AGAIN if again else wording.EMAIL_SUBJECT).format(**words)
    text = text_of(deps, body, report, service, base)
    if again:
        text = wording.EMAIL_TEXT_AGAIN.format(text=text)
    queue_email(body.email, subject, text, deps.clock(), key or deps.new_opaque_id())


def _answer(service, code, value):
    """(question, answer) in the category's own words: options by their labels."""
    field = next((f for f in service.get("fields", []) if f.get("code") == code), {})
    options = {o.get("key"): o.get("label", o.get("key")) for o in field.get("options", [])}
    values = value if isinstance(value, list) else [value]
    return field.get("label", code), ", ".join(str(options.get(v, v)) for v in values)


def text_of(deps, body, report, service, base):
    where = ""
    if report.lon is not None:
        lat, lon = float(report.lat), float(report.lon)
        words = placement.place_text(report)
        point = wording.PLACE_AND_POINT if words else wording.POINT
        where = wording.EMAIL_WHERE.format(
            where=point.format(place=words, lat=lat, lon=lon),
            map=f"https://www.openstreetmap.org/?mlat={lat:.5f}&mlon={lon:.5f}#map=18/{lat:.5f}/{lon:.5f}")
    answers = [_answer(service, k, v) for k, v in (report.fields or {}).items()]
    answers = wording.EMAIL_ANSWERS.format(answers="\n".join(
        wording.EMAIL_ANSWER.format(question=q, answer=a) for q, a in answers)) if answers else ""
    photos = wording.EMAIL_PHOTOS.format(photos="\n".join(
        wording.EMAIL_PHOTO.format(url=photo_url(deps, p, True, BODY_LINK_S)) for p in report.photos)) \
        if report.photos else ""
    contact = report.contact or {}
    if body.gets_contact and contact:
        reporter = wording.EMAIL_REPORTER.format(contact=", ".join(
            v for v in (contact.get("name"), contact.get("email"), contact.get("phone")) if v))
    else:
        reporter = wording.EMAIL_CONTACT_KEPT
    now = deps.clock()
    return wording.EMAIL_TEXT.format(
        body=body.name, category=service.get("name", report.service_code), reference=report.id, where=where,
        reported=local_time(report.created_at), description=report.description, answers=answers, photos=photos,
        reporter=reporter, page=f"{base}/?report={report.id}", answer_link=link(base, report.id, body.id, now),
        link_lasts=wording.link_lasts(expiry(now)))
