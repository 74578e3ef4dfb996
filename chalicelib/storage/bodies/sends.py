"""Sends: a report on its way to each body that acts on it, one row per
(report, body), written with the report and changed by the send worker, the
sweeper and the body's answers (handlers/forwarding/).

They live beside the report rather than on it, so a send's progress never
changes the report's version: staff editing a report are never told it
changed because it went to the county meanwhile.

Indexes: `due` (sparse) holds the sends waiting for a try and those whose
body owes an answer, by when, so the sweeper reads what is due and nothing
else; `by_reference` finds the report a body's own reference names, for the
updates that come back.
"""

from pynamodb.attributes import BooleanAttribute, ListAttribute, NumberAttribute, UnicodeAttribute, \
    UTCDateTimeAttribute, VersionAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex, KeysOnlyProjection

from ..binding import Stored, bind, get_or_none, model_of, page_key, record_of, start_key, table, writes
from ..council_key import CouncilKey
from ..record_class import record
from ..data_map import KEPT_AS_A_REPORT, Holds

# A try is due (or under way); awaiting_id: the body took it and gave a
# token, and the try asks for the id the token stands for.
UNSETTLED = ("waiting", "sending", "retrying", "awaiting_id")
DUE_TRY, DUE_ANSWER = "try", "answer"  # the due index's two partitions


@record
class Send:
    report_id: str
    body_id: str
    body_name: str
    method: str  # inbox, open311, email
    state: str = "waiting"  # waiting, sending, retrying, awaiting_id, sent, failed, refused
    tries: int = 0
    created_at: object = None
    first_try_at: object = None
    next_try_at: object = None  # when the next try (or the answer check) is due
    claimed_until: object = None  # a worker's claim on a try, so two never send at once
    sent_at: object = None
    reference: str | None = None  # the body's own id for it (Open311 service_request_id)
    token: str | None = None  # the body's token for it, when it gave one in place of the id
    last_error: str | None = None
    refused_reason: str | None = None  # the body said it is not theirs: why
    responsible: str | None = None  # and who is responsible instead, in its words
    answered_at: object = None  # the body's first word back (an update, a state)
    resent: bool = False  # re-sent once for want of an answer (FixMyStreet's 67)
    echoes: list | None = None  # the body's ids of updates we posted to it: not read back as its own
    version: int | None = None

    @property
    def unsettled(self):
        return self.state in UNSETTLED


class DueIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "due"
        projection = KeysOnlyProjection()

    due = CouncilKey(hash_key=True)  # DUE_TRY or DUE_ANSWER
    due_at = UTCDateTimeAttribute(range_key=True)


class ReferenceIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "by_reference"
        projection = AllProjection()

    body_reference = CouncilKey(hash_key=True)  # "north-yorkshire#DS-7K3F9Q"


class TroubleIndex(GlobalSecondaryIndex):
    """Sends staff must look at (retrying, awaiting_id, failed, refused), newest first: sparse."""
    class Meta:
        index_name = "trouble"
        projection = AllProjection()

    trouble = CouncilKey(hash_key=True)  # the state
    created_at = UTCDateTimeAttribute(range_key=True)


TROUBLE = ("retrying", "awaiting_id", "failed", "refused")


class SendModel(Stored):
    class Meta:
        table_name = table("sends")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"token": "credentials"}, whose="resident", part="reports", basis="public_task", recipients=("bodies",),
        purpose="A report on its way to another body, and that body's answer",
        not_personal={"body_name": "the body's own name", "body_id": "the body's id: an organisation",
                      "body_reference": "the body's own reference for the report",
                      "refused_reason": "the body's words for a refusal"},
        retention=KEPT_AS_A_REPORT)

    report_id = CouncilKey(hash_key=True)
    body_id = UnicodeAttribute(range_key=True)
    body_name = UnicodeAttribute()
    method = UnicodeAttribute()
    state = UnicodeAttribute()
    tries = NumberAttribute(default=0)
    created_at = UTCDateTimeAttribute(null=True)
    first_try_at = UTCDateTimeAttribute(null=True)
    next_try_at = UTCDateTimeAttribute(null=True)
    claimed_until = UTCDateTimeAttribute(null=True)
    sent_at = UTCDateTimeAttribute(null=True)
    reference = UnicodeAttribute(null=True)
    token = UnicodeAttribute(null=True)
    last_error = UnicodeAttribute(null=True)
    refused_reason = UnicodeAttribute(null=True)
    responsible = UnicodeAttribute(null=True)
    answered_at = UTCDateTimeAttribute(null=True)
    resent = BooleanAttribute(default=False)
    echoes = ListAttribute(of=UnicodeAttribute, null=True)
    version = VersionAttribute()
    due = CouncilKey(null=True)
    due_at = UTCDateTimeAttribute(null=True)
    body_reference = CouncilKey(null=True)
    trouble = CouncilKey(null=True)

    due_index = DueIndex()
    reference_index = ReferenceIndex()
    trouble_index = TroubleIndex()


def send_model(send, answer_within=None):
    """The stored row, with its index keys: due for a try while unsettled;
    due for an answer (sent_at + the body's target) until one comes or it was
    re-sent; findable by reference once the body gave one."""
    due = due_at = None
    if send.unsettled:
        due, due_at = DUE_TRY, send.next_try_at or send.created_at
    elif send.state == "sent" and answer_within and not send.answered_at and not send.resent and send.sent_at:
        due, due_at = DUE_ANSWER, send.sent_at + answer_within
    reference = f"{send.body_id}#{send.reference}" if send.reference else None
    trouble = send.state if send.state in TROUBLE else None
    return model_of(SendModel, send, due=due, due_at=due_at, body_reference=reference, trouble=trouble)


class SendStore:
    def __init__(self):
        bind()

    def for_report(self, report_id):
        """A report's sends, by body: one Query."""
        return [record_of(Send, m) for m in SendModel.query(report_id)]

    def get(self, report_id, body_id):
        return record_of(Send, get_or_none(SendModel, report_id, range_key=body_id))

    def by_reference(self, body_id, reference):
        for model in SendModel.reference_index.query(f"{body_id}#{reference}", limit=1):
            return record_of(Send, model)
        return None

    def in_trouble(self, state, limit=50, after=None):
        """(sends in `state`, the next page's key): newest first, a page at a time."""
        kwargs = {"scan_index_forward": False, "limit": limit, "page_size": limit}
        if after:
            kwargs["last_evaluated_key"] = start_key(SendModel, after)
        rows = SendModel.trouble_index.query(state, **kwargs)
        found = [record_of(Send, m) for m in rows]
        return found, page_key(SendModel, rows.last_evaluated_key)

    def due(self, kind, until, limit=100):
        """(report_id, body_id) of sends due by `until`, soonest first."""
        rows = SendModel.due_index.query(kind, SendModel.due_at <= until, limit=limit)
        return [(row.report_id, row.body_id) for row in rows]

    def save(self, send, answer_within=None):
        """Write a send; its version refuses a stale copy (EditConflict)."""
        model = send_model(send, answer_within)
        with writes(["send"]):
            model.save()
        send.version = model.version
        return send
