"""A form sent becomes a case where staff already work: a private report
in the form's category (`receiving.category`), in the staff inbox with its
due date by the form's working-day target, answered with the inbox's
templates, notes and audit, and its resident told of each change as any
reporter is. Not a second inbox.

It is an effect of the submission's own event (`form_submitted`, written in
the transaction that sent it; shared/effects.py): tried by the request that
sent it, carried out by the alert worker from the stream if that request
stopped first. An event carried out again opens no second case, since the
case claims a key made from the submission's reference in its own
transaction. The worker's role may create a report, never change one
(infra/template/access.py), and reads no accounts: who follows the case was
decided when the form was sent (`follow_email`).

Who is told of each change: a signed-in resident whose verified address it
is, as any reporter; an anonymous resident at the address the form sent the
copy of their answers to (docs/decisions/)."""
from datetime import timedelta

from ... import ids
from ...stamps import london_today, stamp

FINGERPRINT = "form-case"
# The key is how the retention sweep finds the case (case_retention.py), and an open
# case keeps its submission past the form's retention: the key must outlive both.
CASE_KEY_OUTLIVES = timedelta(days=5 * 365)


def on_submitted(deps, event, key):
    """The effect of `form_submitted`: the submission's case opened (once)."""
    open_case(deps, (event.payload or {}).get("submission_id"))


def sent_with_definition(deps, submission_id):
    """(submission, its version's definition) of a form sent, not a preview; (None, None) otherwise."""
    submission = deps.form_submissions.get(submission_id)
    if submission is None or submission.state != "submitted" or submission.preview:
        return None, None
    return submission, deps.forms.definition(submission.form_id, submission.form_version)


def case_key(submission_id):
    return ids.digest(f"form-case\n{submission_id}")


def case_of(deps, submission_id):
    """The case's report id, once opened (None before)."""
    record = deps.reports.idempotency_record(case_key(submission_id))
    return record.resource_id if record is not None else None


def open_case(deps, submission_id):
    """The case's report, or None when there is none to open (a preview, a
    form naming no category) or it was opened already."""
    from ...storage.errors import AlreadyExists
    from ...storage.records import IdempotencyRecord, Report, TimelineEntry
    from ... import states
    from ..shared import events
    from . import wording
    submission, definition = sent_with_definition(deps, submission_id)
    if submission is None:
        return None
    receiving = definition.get("receiving") or {}
    if not receiving.get("category") or case_of(deps, submission_id):
        return None
    now = submission.submitted_at
    contact = contact_of(definition, submission.answers)
    for _ in range(5):
        report = Report(
            id=deps.new_report_id(), service_code=receiving["category"], state=states.INITIAL,
            description=answers_in_words(definition, submission)[:4000],
            summary=f"{definition['title']} {submission.id}"[:80], contact=contact,
            user_id=submission.user_id, private=True, source="web", created_at=now, updated_at=now,
            update_count=1, reporter_email_hash=ids.digest(contact["email"].lower()) if contact.get("email") else None,
            fields={"form": submission.form_id, "form_reference": submission.id,
                    **({"payment_id": submission.paid["payment_id"]} if submission.paid else {})},
            # The form's own team, named when it was loaded (managing.py): the case is theirs from the start.
            # No crew job is made: a form's case is worked at a desk (staff/inspect.py makes none for it).
            assignment={"team": receiving["team"], "instructions": None, "assigned_at": stamp(now),
                        "assigned_by": f"form {submission.form_id}"})
        report.due = deps.calendar.add_working_days(london_today(now), receiving["working_days"]).isoformat()
        # The form's own target, what its residents were promised (not the category's rule, so not
        # placement.place: a case has no point to place, and reading the rule would be thrown away).
        report.due_source = "rule"
        report.due_rule = wording.FORM_TARGET.format(days=receiving["working_days"], title=definition["title"])
        entry = TimelineEntry(report_id=report.id, seq=1, kind="created", state=report.state, author="reporter",
                              created_at=now)
        event = events.report_event(deps, "report_created", report, now, send_to=[])
        claim = IdempotencyRecord(key=case_key(submission.id), fingerprint=FINGERPRINT, resource_id=report.id,
                                  created_at=now, expires=now + timedelta(days=definition.get("retention_days", 365))
                                  + CASE_KEY_OUTLIVES)
        follow = _follow(definition, submission, report)
        try:
            deps.reports.create(report, entry, event, claim, follow=follow)
            return report
        except AlreadyExists as e:
            if e.part != "id":
                return None  # a twin delivery opened it first
    raise RuntimeError("could not allocate a case reference")  # the event is carried out again later


def _follow(definition, submission, report):
    """(Alert, [AlertIndexRow]) by which the resident follows their case by
    e-mail, or None. Signed in: their verified account address, when it is
    the one they gave (as any reporter: own_report_follow's rule). Anonymous:
    the address the form sent the copy of their answers to, when it sends one
    (an alert of no account, which their account claims if they register
    with that address); every message it sends carries its unsubscribe link."""
    from ..alerts.subscriptions import report_follow
    email = report.contact.get("email")
    if not email:
        return None
    if submission.user_id:
        own = submission.follow_email and submission.follow_email.lower() == email.lower()
        owner = submission.user_id if own else None
    else:
        owner, own = None, bool(definition.get("copy_of_answers"))
    return report_follow(owner, report.id, {"email": email}, report.created_at) if own else None


def contact_of(definition, answers):
    """The resident's name, e-mail and phone from the first questions of those types they answered."""
    contact = {}
    for page in definition["pages"]:
        for q in page["questions"]:
            value = answers.get(q["id"])
            if not value:
                continue
            if q["type"] == "email":
                contact.setdefault("email", value)
            elif q["type"] == "phone":
                contact.setdefault("phone", value)
            elif q["type"] == "name":
                contact.setdefault("name", " ".join(v for v in value.values() if v)[:100])
    return contact


def answers_in_words(definition, submission):
    """The answers sent, page by page, as staff read them in the case."""
    lines = [f"{definition['title']} (form {submission.form_id}, version {submission.form_version}, "
             f"reference {submission.id})"]
    if submission.paid:  # the case shows what was paid, and the copy of the answers says it too
        from ..payments.core import pounds
        from .wording import fee_paid
        paid = submission.paid
        lines.append(fee_paid(pounds(paid["amount"]), paid["description"], paid["payment_id"]))
    for page in definition["pages"]:
        if page["id"] not in submission.taken:
            continue
        for q in page["questions"]:
            lines.append(f"{q['label']}: {in_words(labelled(q, submission.answers.get(q['id'])))}")
    return "\n".join(lines)


def labelled(question, value):
    """A choice as the resident read it ("A registered charity"), not its stored value ("charity")."""
    labels = {o["value"]: o["label"] for o in question.get("options", ())}
    if not labels:
        return value
    return [labels.get(v, v) for v in value] if isinstance(value, list) else labels.get(value, value)


def in_words(value):
    if value is None or value == [] or value == "":
        return "(not answered)"
    if isinstance(value, dict):
        if "text" in value:
            return value["text"]
        return ", ".join(str(v) for v in value.values() if v not in (None, ""))
    if isinstance(value, list):
        return "; ".join(in_words(v) if not isinstance(v, dict) or "upload_id" not in v
                         else _file_in_words(v) for v in value)
    return str(value)


def _file_in_words(kept):
    kind = f"{kept['content_type']}, {max(1, kept['size'] // 1024)} KB"
    return f"{kept['name']} ({kind})" if kept.get("name") else f"a file ({kind})"
