"""A form's case when its form's retention ends: the answers it holds go with
the submission (docs/decisions/, "A form's case at the end of its
retention").

The case is redacted, not deleted: the report stays as a tombstone (its DS-
and FM- references, category, form, dates, state, assignment, due date) so the
inbox, the audit and the figures still count it, and loses everything that
came from the resident: the answers in words, the contact, the account it
belonged to, its e-mail's digest, photos, a partner's links, the words of its
timeline (the council's letters to the resident) and the alerts following
it (by the time a case is redacted it has been closed for weeks). It changes through the one transition (a quiet change:
no timeline entry, no event, an audit line), so its inbox rows are rewritten
with it and the search rows of its old words deleted.

A case still open is not redacted: staff are working from it. The
submission is kept with it and looked at again a week on; a closed case is
redacted once it has been closed for CLOSED_DAYS (a resident's "no, not
done" reopens it within days), the submission's time moved to then.

Run by the nightly sweep before it deletes the submission, so the redaction
is never lost behind a deletion; run again (a sweep that died after it) it
finds the tombstone and changes nothing."""
from datetime import timedelta

OPEN_LOOK_AGAIN = timedelta(days=7)
CLOSED_DAYS = timedelta(days=14)
ACTION = "retention_redacted"


def close_out(deps, submission, now):
    """"redacted", "none" (no case, or redacted already) or the moment it is looked at again (kept)."""
    from .cases import case_of
    case_id = case_of(deps, submission.id) if submission.state == "submitted" else None
    report = deps.reports.get(case_id) if case_id else None
    if report is None or report.fields.get("redacted_at"):
        return "none"
    later = _not_before(report, now)
    if later is not None:
        return later
    redact(deps, report, now)
    return "redacted"


def _not_before(report, now):
    from ... import states
    if states.is_open(report.state):
        return now + OPEN_LOOK_AGAIN
    closed = report.updated_at or report.created_at
    return closed + CLOSED_DAYS if closed + CLOSED_DAYS > now else None


def redact(deps, report, now):
    """The case as a tombstone. Its timeline's words and its follows go first, each
    idempotent, so a run that dies between finds no tombstone and does it all again."""
    from ..reports.transition import transition
    from .wording import case_redacted
    deps.reports.forget_update_words(report.id)
    for alert in deps.alerts.get_many([r.alert_id for r in deps.alerts.rows(f"report#{report.id}")]):
        deps.alerts.delete(alert)  # the resident's (an anonymous one is an address kept for this case alone)
    fields = {k: report.fields[k] for k in ("form", "form_reference") if k in report.fields}
    report.fields = {**fields, "redacted_at": now.isoformat()}
    report.description = case_redacted(fields.get("form_reference", ""), now)
    report.contact, report.user_id, report.reporter_email_hash, report.token_hash = {}, None, None, None
    report.photos, report.hidden_photos, report.media_urls, report.moderation = [], [], None, None
    report.status_notes, report.address, report.near = None, None, None
    change = transition(deps, report, now, action=ACTION, by=("system:form-retention", None),
                        changes={"redacted": {"before": None, "after": "the form's retention ended"}})
    deps.reports.apply([change])  # its version refuses a copy staff changed meanwhile (EditConflict)
