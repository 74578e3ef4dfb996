"""Questionnaires: "has it been fixed?", asked once per report of its reporter.

Table `questionnaires`, one item per report. While one waits to be sent it
carries `queue` = "due" and `due_at`: the `due` index holds only waiting
items, ordered by when each is due, so the scheduled sender reads exactly
the questionnaires due now (one Query), never the reports. Sending claims
it (`sending`, due again a little later), sends, then removes `queue`
(`sent`); giving up removes it at once; either way the item leaves the index.
A sender that dies between its claim and `sent` leaves it due: the next run
after `resend_at` sends it again (at least once; the receiver tells the two
apart by the same Message-ID and push topic).

An answer is written once, in one transaction with what it does: the
answer's event (the figures count satisfaction from it) and, for "not
fixed" within the reopening window, the reopened report with its timeline
entry, audit entry, event and inbox rows.
"""
from pynamodb.attributes import JSONAttribute, ListAttribute, UnicodeAttribute, UTCDateTimeAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex

from ..staff.audit import AuditModel, audit_model
from ..binding import Stored, bind, get_or_none, model_of, record_of, table, transaction, writes
from ..council_key import CouncilKey
from ..errors import AlreadyExists, EditConflict
from ..records import Questionnaire
from ..data_map import KEPT_AS_A_REPORT, Holds

DUE = "due"


class DueIndex(GlobalSecondaryIndex):
    """Waiting questionnaires by when they are due (sparse: sent ones lack `queue`)."""
    class Meta:
        index_name = "due"
        projection = AllProjection()

    queue = CouncilKey(hash_key=True)
    due_at = UTCDateTimeAttribute(range_key=True)


class QuestionnaireModel(Stored):
    class Meta:
        table_name = table("questionnaires")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"answer": "free_text", "channels": "contact", "token_hash": "credentials"}, whose="resident",
        part="reports", basis="public_task", recipients=("mailer", "sms", "push"),
        purpose="Asking a report's reporter whether it was fixed, and their answer", retention=KEPT_AS_A_REPORT)

    report_id = CouncilKey(hash_key=True)
    status = UnicodeAttribute()  # waiting, sending, sent, answered, unreachable
    queue = CouncilKey(null=True)  # DUE while waiting to be sent
    due_at = UTCDateTimeAttribute(null=True)
    closed_at = UTCDateTimeAttribute()
    closed_state = UnicodeAttribute()
    token_hash = UnicodeAttribute(null=True)
    earlier_hashes = ListAttribute(of=UnicodeAttribute, null=True)
    sent_at = UTCDateTimeAttribute(null=True)
    channels = ListAttribute(of=UnicodeAttribute, null=True)  # which channels it went by, never the addresses
    answer = JSONAttribute(null=True)  # {fixed, rating, comment, answered_at, reopened}

    due_index = DueIndex()


class QuestionnaireStore:
    def __init__(self):
        bind()

    def get(self, report_id):
        return record_of(Questionnaire, get_or_none(QuestionnaireModel, report_id, consistent_read=True))

    def schedule(self, q):
        """Wait to ask about a report closed at q.closed_at; a report closed
        again before its questionnaire went out is asked about its latest
        close. False when it was sent (or answered) already: once per report."""
        model = model_of(QuestionnaireModel, q, queue=DUE)
        # A close delivered late by the stream never pulls a later one's date forward.
        condition = QuestionnaireModel.report_id.does_not_exist() | (
            (QuestionnaireModel.status == "waiting") & (QuestionnaireModel.closed_at <= q.closed_at))
        try:
            with writes(["questionnaire"], exists={"questionnaire"}):
                model.save(condition=condition)
        except AlreadyExists:
            return False
        return True

    def due(self, now, limit):
        """Up to `limit` waiting questionnaires due by `now`, oldest first."""
        return [record_of(Questionnaire, m) for m in QuestionnaireModel.due_index.query(
            DUE, QuestionnaireModel.due_at <= now, limit=limit, page_size=limit)]

    def claim(self, q, token_hash, now, channels, resend_at):
        """Take a due questionnaire for sending: `sending`, and due again at
        `resend_at`, so a sender that dies before `sent` leaves it for a later
        run to send again (with a link of its own; the earlier links stay
        open). False when someone else took it, or it was rescheduled, first."""
        model = QuestionnaireModel(q.report_id)
        actions = [QuestionnaireModel.status.set("sending"), QuestionnaireModel.due_at.set(resend_at),
                   QuestionnaireModel.token_hash.set(token_hash), QuestionnaireModel.sent_at.set(now),
                   QuestionnaireModel.channels.set(list(channels))]
        if q.token_hash:  # sent before by a sender that died: that link may have gone out
            actions.append(QuestionnaireModel.earlier_hashes.set([*(q.earlier_hashes or []), q.token_hash]))
        try:
            with writes(["questionnaire"]):
                model.update(actions=actions, condition=QuestionnaireModel.status.is_in("waiting", "sending")
                             & (QuestionnaireModel.due_at == q.due_at))
        except EditConflict:
            return False
        return True

    def sent(self, report_id, due_at):
        """The sending claimed until `due_at` finished: it leaves the queue."""
        try:
            with writes(["questionnaire"]):
                QuestionnaireModel(report_id).update(
                    actions=[QuestionnaireModel.status.set("sent"), QuestionnaireModel.queue.remove()],
                    condition=(QuestionnaireModel.status == "sending") & (QuestionnaireModel.due_at == due_at))
        except EditConflict:
            pass  # answered already (from a link that went out), or taken again by a later run

    def set_aside(self, report_id, due_at, status="waiting"):
        """Out of the queue without asking: "waiting" (the report is open
        again; a later close schedules it anew) or "unreachable"."""
        try:
            with writes(["questionnaire"]):
                QuestionnaireModel(report_id).update(
                    actions=[QuestionnaireModel.queue.remove(), QuestionnaireModel.status.set(status)],
                    condition=QuestionnaireModel.status.is_in("waiting", "sending")
                    & (QuestionnaireModel.due_at == due_at))
        except EditConflict:
            pass  # rescheduled meanwhile: the new schedule stands

    def forget_comment(self, report_id):
        """Retention: an answer's comment (the person's own words) removed, what they answered (fixed, the
        rating, when) kept for the figures. One GetItem, and one UpdateItem while words are there; True when
        it removed them."""
        found = self.get(report_id)
        if found is None or not (found.answer or {}).get("comment"):
            return False
        with writes(["questionnaire"]):
            QuestionnaireModel(report_id).update(actions=[QuestionnaireModel.answer.set(
                {**found.answer, "comment": None})])
        return True

    def answer(self, report_id, answer, event, reopen=None):
        """Record the answer, once, with its event; reopen: a ReportWrite
        reopening the report. EditConflict when an answer is there already
        or the report changed since it was read: the caller reads again."""
        from ..reports.report_store import _save_report, _settle, entry_model, event_model
        parts = []
        with writes(parts), transaction() as t:
            t.update(QuestionnaireModel(report_id),
                     actions=[QuestionnaireModel.answer.set(answer), QuestionnaireModel.status.set("answered"),
                              QuestionnaireModel.queue.remove()],  # answered while a resend was due
                     condition=QuestionnaireModel.status.is_in("sent", "sending")
                     & QuestionnaireModel.answer.does_not_exist())
            t.save(event_model(event))
            if reopen is not None:
                saved = _save_report(t, parts, reopen.report)
                t.save(audit_model(reopen.audit), condition=AuditModel.seq.does_not_exist())
                t.save(entry_model(reopen.entry, private=reopen.report.private))
                t.save(event_model(reopen.event))
        if reopen is not None:
            _settle(reopen.report, saved)
