"""Street reports past their council's period after closure: anonymised, once.

What the figures and the public record need stays: the category, the point and its words, the state,
the dates, the description, the timeline's public words and photos, the "me too" count. Who goes: the
contact (name, e-mail, phone), the account it belonged to, the e-mail's digest and the tracking token,
the "me too"s' addresses, the follows of it, the private notes' words (the audit keeps who and when),
the moderated words' original, and the photos taken off it (their copies in S3 first). Its public page
is the same before and after: nothing public changes, and the change is a quiet one (no timeline
entry, no event, `updated_at` as it was) through the one report transition, with an audit line.

Each step is idempotent and the report's own write comes last, taking it off the due index in the same
write (its `retained`): a sweep killed part way finds it still due and does it all again; one that ran
finds nothing. The write is refused for a copy staff changed meanwhile (EditConflict): kept for the next
run, which reads it again."""
from ...storage.blobs import HIDDEN_PHOTO_PREFIX
from ...storage.errors import EditConflict
from . import wording as words

ACTION = "retention_anonymised"
BY = ("system:retention", None)
NOTE = "internal_note"  # an internal note's key in an audit entry's changes (handlers/staff/view.py)


def is_due(report, cut_off):
    from ... import states
    return (report is not None and not report.retained and not report.hold and not states.is_open(report.state)
            and report.closed_at is not None and report.closed_at < cut_off)


def anonymise(deps, report_id, cut_off, now, by="schedule"):
    """"anonymised", or "kept" (not due when read again: reopened, held, anonymised already, closed
    later, or changed by staff as it was written)."""
    report = deps.reports.get(report_id)
    if not is_due(report, cut_off) or not deps.reports.begin_retaining(report, now):
        return "kept"  # a hold saved since the read is kept whole; one saved after this is refused
    from ...faults import boundary
    for photo in report.hidden_photos or []:
        deps.blobs.delete(HIDDEN_PHOTO_PREFIX + photo["name"])  # gone already: no error in S3
    boundary("retention.photos_deleted")
    deps.audit.forget_words(report.id, NOTE, words.NOTE_REMOVED)
    for alert in deps.alerts.get_many([r.alert_id for r in deps.alerts.rows(f"report#{report.id}")]):
        try:
            deps.alerts.delete(alert)
        except EditConflict:
            return "kept"  # changed as it went: the next run reads it again
    deps.supporters.forget_report(report.id)
    _forget_who(report)
    boundary("retention.report_forgotten")  # its follows, "me too"s and notes gone; the report not yet written
    report.retained = {"then": "anonymise", "at": now.isoformat(), "by": by}
    from ..reports.transition import transition
    # Nothing its inbox rows show changes (category, state, place, words, count): the report alone is written.
    change = transition(deps, report, now, action=ACTION, by=BY, inbox=False,
                        changes={"retained": {"before": None, "after": words.RETAINED}})
    try:
        deps.reports.apply([change])
    except EditConflict:
        return "kept"
    return "anonymised"


def _forget_who(report):
    report.contact, report.user_id, report.reporter_email_hash, report.token_hash = {}, None, None, None
    report.hidden_photos = []
    if report.moderation:  # the public is told when it was moderated; why and the words before were staff's
        report.moderation = {k: v for k, v in report.moderation.items() if k not in ("original", "reason")}
