"""Forms being completed and sent: one item per submission.

Table `form-submissions`: partition = the submission's id (its reference,
"FM-..."). The item holds the form's id and the version it was started on
(kept to the end), every answer given by question id (those on branches the
resident left included: which count is decided from the answers, never
stored), and `seq`, bumped by every save, so two tabs saving at once cannot
lose one another's answers silently. Secrets are kept as digests only: the
browser's access token, and a resume link's token and code.

Index `by_user` (sparse: signed-in residents' submissions only): partition =
user id, sort = "<updated_at>#id": "my forms" is one Query. Index `by_form`
(sparse: sent, not previews): partition = form id, sort = "<submitted_at>#id":
staff's CSV of a form reads what it returns, a page per Query. Index
`expiring`: partition = the month it is to be deleted ("2028-11": its form's
retention once sent, 28 days after the last save before), sort =
"<delete_at>#id": the daily sweep reads only what is due (forms/retention.py)
and deletes its files with it; the TTL a month later is a backstop.
A page saved is one GetItem and one conditional UpdateItem; a submission sent
is one GetItem and one transaction (the item and its event).

A form with a fee goes `in_progress` -> `paying` (the payment named first, so
a second "pay" finds it) -> `submitted` when the provider says it succeeded,
or back to `in_progress` when it did not (forms/fees.py).
"""
from dataclasses import field
from datetime import datetime

from pynamodb.attributes import JSONAttribute, NumberAttribute, TTLAttribute, UnicodeAttribute, UTCDateTimeAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex

from ..binding import Stored, bind, get_or_none, model_of, page_key, record_of, start_key, table, transaction, writes
from ..council_key import CouncilKey
from ..errors import AlreadyExists, EditConflict
from ..record_class import record
from ..data_map import Holds, Retention


@record
class FormSubmission:
    id: str
    form_id: str
    form_version: int
    state: str  # in_progress, paying (a fee's payment under way), submitted
    answers: dict = field(default_factory=dict)  # question id -> answer (plain JSON)
    taken: list = field(default_factory=list)  # at submission: the pages the answers sent were on
    user_id: str | None = None
    access_hash: str | None = None  # digest of the token the browser holds (anonymous)
    resume_hash: str | None = None  # digest of the e-mailed link's token
    code_hash: str | None = None  # digest of the code shown when saving
    resume_email: str | None = None
    resume_expires: datetime | None = None
    resume_tries: int = 0
    follow_email: str | None = None  # signed in: the account's verified address, taken when it was sent
    preview: bool = False  # staff trying a draft: never sent anywhere
    created_at: datetime | None = None
    updated_at: datetime | None = None
    submitted_at: datetime | None = None
    expires: datetime | None = None  # DynamoDB's TTL deletes it after this
    delete_at: datetime | None = None  # when the sweep deletes it and its files (sent: its form's retention)
    seq: int = 0
    payment_id: str | None = None  # a fee's payment: the one under way, or the last tried
    payment_status: str | None = None  # how it finished, as the provider said (success, failed, cancelled, error)
    paid: dict | None = None  # sent after paying: {amount, description, fund, payment_id}


class UserIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "by_user"
        projection = AllProjection()

    user_id = CouncilKey(hash_key=True)
    user_sk = UnicodeAttribute(range_key=True)


class SentIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "by_form"
        projection = AllProjection()

    form_sent = CouncilKey(hash_key=True)
    sent_sk = UnicodeAttribute(range_key=True)


class ExpiringIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "expiring"
        projection = AllProjection()

    expiring_month = CouncilKey(hash_key=True)
    expiring_sk = UnicodeAttribute(range_key=True)


class SubmissionModel(Stored):
    class Meta:
        table_name = table("form-submissions")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"answers": "free_text", "user_id": "identifier", "resume_email": "contact",
                "follow_email": "contact", "access_hash": "credentials", "resume_hash": "credentials",
                "code_hash": "credentials", "paid": "payment"},
        whose="resident", part="forms", basis="public_task", recipients=("back_office", "payments", "mailer"),
        purpose="A form being completed and sent to the council",
        retention=Retention(after="sent", then="delete", source="council", note="each form's retention_days"))

    id = CouncilKey(hash_key=True)
    form_id = UnicodeAttribute()
    form_version = NumberAttribute()
    state = UnicodeAttribute()
    answers = JSONAttribute(null=True)
    taken = JSONAttribute(null=True)
    user_id = CouncilKey(null=True)
    user_sk = UnicodeAttribute(null=True)
    access_hash = UnicodeAttribute(null=True)
    resume_hash = UnicodeAttribute(null=True)
    code_hash = UnicodeAttribute(null=True)
    resume_email = UnicodeAttribute(null=True)
    resume_expires = UTCDateTimeAttribute(null=True)
    resume_tries = NumberAttribute(default=0)
    follow_email = UnicodeAttribute(null=True)
    preview = UnicodeAttribute(null=True)  # "yes" or absent
    created_at = UTCDateTimeAttribute()
    updated_at = UTCDateTimeAttribute()
    submitted_at = UTCDateTimeAttribute(null=True)
    expires = TTLAttribute(null=True)
    seq = NumberAttribute(default=0)
    payment_id = UnicodeAttribute(null=True)
    payment_status = UnicodeAttribute(null=True)
    paid = JSONAttribute(null=True)

    form_sent = CouncilKey(null=True)  # the form's id, once sent (not a preview)
    sent_sk = UnicodeAttribute(null=True)
    delete_at = UTCDateTimeAttribute(null=True)
    expiring_month = CouncilKey(null=True)
    expiring_sk = UnicodeAttribute(null=True)

    user_index = UserIndex()
    sent_index = SentIndex()
    expiring_index = ExpiringIndex()


def _model(submission):
    user_sk = f"{submission.updated_at:%Y-%m-%dT%H:%M:%S}#{submission.id}" if submission.user_id else None
    sent = submission.state == "submitted" and not submission.preview
    ending = submission.delete_at is not None
    return model_of(SubmissionModel, submission, user_sk=user_sk, preview="yes" if submission.preview else None,
                    form_sent=submission.form_id if sent else None,
                    sent_sk=f"{submission.submitted_at:%Y-%m-%dT%H:%M:%S}#{submission.id}" if sent else None,
                    expiring_month=f"{submission.delete_at:%Y-%m}" if ending else None,
                    expiring_sk=f"{_iso(submission.delete_at)}#{submission.id}" if ending else None)


def _iso(moment):
    from datetime import timezone
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")


def _record(model):
    if model is None:
        return None
    found = record_of(FormSubmission, model)
    found.preview = model.preview == "yes"
    found.resume_tries = int(found.resume_tries or 0)
    found.seq, found.form_version = int(found.seq or 0), int(found.form_version)
    return found


class SubmissionStore:
    def __init__(self):
        bind()

    def get(self, submission_id):
        return _record(get_or_none(SubmissionModel, submission_id, consistent_read=True))

    def create(self, submission, idempotency=None):
        """A new submission (AlreadyExists("id") when the id is taken,
        AlreadyExists("idempotency") when the key is), with its key's record."""
        from ..reports.report_store import _claim_key
        parts = ["id"]
        with writes(parts, exists={"id", "idempotency"}), transaction() as t:
            t.save(_model(submission), condition=SubmissionModel.id.does_not_exist())
            if idempotency is not None:
                _claim_key(t, parts, idempotency)

    def save(self, submission, expected_seq, event=None, was="in_progress"):
        """The whole item written back only if no other save came between
        (EditConflict otherwise) and it is still in state `was` (in progress,
        or paying for its fee); with its event (a submission sent) in the
        same transaction."""
        submission.seq = expected_seq + 1
        condition = (SubmissionModel.seq == expected_seq) & (SubmissionModel.state == was)
        if event is None:
            with writes(["submission"]):
                _model(submission).save(condition=condition)
            return submission
        from ..reports.report_store import event_model
        with writes(["submission", "event"]), transaction() as t:
            t.save(_model(submission), condition=condition)
            t.save(event_model(event))
        return submission

    def sent(self, form_id, cursor=None, limit=200):
        """One page of a form's submissions sent, oldest first: ([FormSubmission], next cursor or None)."""
        results = SubmissionModel.sent_index.query(form_id, limit=limit, page_size=limit, last_evaluated_key=start_key(SubmissionModel, cursor))
        items = [_record(m) for m in results]
        return items, page_key(SubmissionModel, results.last_evaluated_key) if len(items) == limit else None

    def expiring(self, month, until, limit):
        """Sent submissions whose retention ended by `until`, in the month it ends: one Query."""
        results = SubmissionModel.expiring_index.query(
            month, SubmissionModel.expiring_sk <= f"{_iso(until)}#~", limit=limit, page_size=limit)
        return [_record(m) for m in results]

    def delete(self, submission):
        """Gone, if it is still the one whose retention ended (False: gone already)."""
        from pynamodb.exceptions import DeleteError
        try:
            SubmissionModel(submission.id).delete(condition=SubmissionModel.delete_at <= submission.delete_at)
            return True
        except DeleteError as e:
            if getattr(e, "cause_response_code", None) == "ConditionalCheckFailedException":
                return False
            raise

    def postpone(self, submission, until, backstop):
        """Kept until `until` (its case is still in use), if its time has not
        moved since it was read; False when it has."""
        from pynamodb.exceptions import UpdateError
        try:
            SubmissionModel(submission.id).update(actions=[
                SubmissionModel.delete_at.set(until), SubmissionModel.expires.set(until + backstop),
                SubmissionModel.expiring_month.set(f"{until:%Y-%m}"),
                SubmissionModel.expiring_sk.set(f"{_iso(until)}#{submission.id}")],
                condition=SubmissionModel.delete_at == submission.delete_at)
        except UpdateError as e:
            if getattr(e, "cause_response_code", None) == "ConditionalCheckFailedException":
                return False
            raise
        submission.delete_at, submission.expires = until, until + backstop
        return True

    def of_user(self, user_id, limit=20):
        """A signed-in resident's submissions, latest first: one Query."""
        return [_record(m) for m in SubmissionModel.user_index.query(user_id, scan_index_forward=False,
                                                                       limit=limit, page_size=limit)]


__all__ = ["AlreadyExists", "EditConflict", "FormSubmission", "SubmissionStore"]
