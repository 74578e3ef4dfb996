"""A copy of the answers by e-mail, for a form that offers one
(`copy_of_answers`), to the e-mail address the resident gave in it.

It is an effect of the submission's own event, as its case is
(shared/effects.py): queued in the outbox under an id made from the
reference, so an effect run again after a crash keeps and sends one copy
(notify/email.queue_email), with one Message-ID, and a failed send is tried
again by the outbox's schedule."""
from . import wording
from .cases import answers_in_words, contact_of, sent_with_definition


def on_submitted(deps, event, key):
    """The effect of `form_submitted`: the form counted as sent (once, whatever runs this again:
    feedback/counting.py), and the copy of the answers queued (once), asking how it went."""
    send_copy(deps, (event.payload or {}).get("submission_id"))


def send_copy(deps, submission_id):
    from ...notify.email import queue_email
    from ..feedback.counting import finished, link
    from .completing import SERVICE
    submission, definition = sent_with_definition(deps, submission_id)
    if submission is None:
        return None
    asked = finished(deps, SERVICE, submission.id, "online", submission.submitted_at)
    email = contact_of(definition, submission.answers).get("email") if definition.get("copy_of_answers") else None
    if not email:
        return None
    body = wording.copy_of_answers(definition["title"], submission.id, answers_in_words(definition, submission),
                                   definition.get("what_happens_next"), link(deps, asked))
    return queue_email(email, wording.copy_subject(definition["title"], submission.id), body, deps.clock(),
                       f"form-copy:{submission.id}")
