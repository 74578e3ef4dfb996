"""Check your answers and send: only the pages the resident took are shown
and sent; answers left on a branch they turned away from are dropped when it
is sent. The submission, its reference and its event are one transaction;
what follows (the case for the receiving team, the copy of the answers) are
the event's effects (shared/effects.py), tried at once by this request and
carried out by the alert worker from the stream if it stops first."""
from datetime import timedelta

from ...errors import Conflict, ValidationFailed
from . import wording
from .completing import BACKSTOP, opened, view
from .handing_on import hand_ons
from .limits import END
from .routing import page_of, walk


def check_answers(deps, submission_id, token):
    submission, definition = opened(deps, submission_id, token)
    taken, coming = walk(definition, submission.answers)
    pages = [page_of(definition, page_id) for page_id in submission.taken or taken]
    return {"submission": submission.id, "title": definition["title"], "complete": coming == END,
            "next": None if coming == END else coming,
            "pages": [{"id": p["id"], "title": p.get("title"),
                       # a choice's options come too: the answer reads back in the words chosen, not its key
                       "questions": [{"id": q["id"], "label": q["label"], "type": q["type"],
                                      "answer": submission.answers.get(q["id"]),
                                      **({"options": q["options"]} if q.get("options") else {})}
                                     for q in p["questions"]]}
                      for p in pages],
            "declaration": definition.get("declaration"), "fee": definition.get("fee"),
            "state": submission.state, "payment_status": submission.payment_status}


def submit(deps, submission_id, body, token):
    """The reference at once. Sending again answers the same reference. A
    form with a fee is sent by its payment's success instead (fees.py)."""
    submission, definition = opened(deps, submission_id, token)
    if submission.state == "submitted":
        return view(deps, submission, definition)
    if definition.get("fee") and not submission.preview:
        raise Conflict(wording.FEE_UNPAID, code="fee_unpaid")
    ready(definition, submission, body)
    submission.follow_email = follow_email(deps, submission)
    return send(deps, submission, definition)


def ready(definition, submission, body):
    """Every page answered and the declaration made, or why not."""
    if walk(definition, submission.answers)[1] != END:
        raise Conflict(wording.UNANSWERED_PAGES, code="form_incomplete")
    if definition.get("declaration") and body.get("declaration") is not True:
        raise ValidationFailed([("declaration", wording.DECLARATION)], message=wording.ANSWERS_INVALID)


def follow_email(deps, submission):
    """Who follows the case is decided while the resident is here: the
    worker that opens it (or sends a paid form) reads no accounts."""
    p = deps.principal
    return p.email if p and p.email_verified and p.user_id == submission.user_id else None


def send(deps, submission, definition, was="in_progress", paid=None):
    """The submission sent with its `form_submitted` event, in one
    transaction conditional on it being still as read (`was`: in progress,
    or paying when its payment's success sends it); its view. A twin that
    sent it first answers the same reference."""
    from ...storage.errors import EditConflict
    from ..shared.events import new_event
    taken, _ = walk(definition, submission.answers)
    now = deps.clock()
    expected = submission.seq
    on_path = {q["id"] for page_id in taken for q in page_of(definition, page_id)["questions"]}
    submission.answers = {k: v for k, v in submission.answers.items() if k in on_path}
    submission.taken, submission.state, submission.submitted_at, submission.updated_at = taken, "submitted", now, now
    submission.delete_at = now + timedelta(days=definition.get("retention_days", 365))
    submission.expires = submission.delete_at + BACKSTOP  # the sweep deletes it (and its files) at delete_at
    submission.resume_hash = submission.code_hash = None
    if paid is not None:
        submission.paid, submission.payment_status = paid, "success"
    event = None if submission.preview else new_event(
        deps, "form_submitted", now, submission_id=submission.id, form_id=submission.form_id,
        form_version=submission.form_version, team=definition["receiving"]["team"],
        working_days=definition["receiving"]["working_days"], user_id=submission.user_id,
        hand_on=hand_ons(definition), **({"payment_id": paid["payment_id"]} if paid else {}))
    try:
        deps.form_submissions.save(submission, expected, event=event, was=was)
    except EditConflict:
        again = deps.form_submissions.get(submission.id)
        if again is not None and again.state == "submitted":
            return view(deps, again, definition)  # a twin sent it first: the same reference
        raise Conflict(wording.ANSWERS_CHANGED_CHECK, code="edit_conflict")
    if event is not None:
        from ..shared.effects import first_try
        first_try(deps, [event])  # the case and the copy, from the event written with the submission
    return view(deps, submission, definition)
