"""Every message Doorstep sends, kept for a while: the local stage's readable
outbox, and in AWS the record of what went out."""
from pynamodb.attributes import JSONAttribute, UnicodeAttribute, UTCDateTimeAttribute, TTLAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex

from .binding import Stored, bind, model_of, record_of, table
from .records import OutboxMessage


class RecipientIndex(GlobalSecondaryIndex):
    """Messages to one address: for the local outbox reader and subject access requests."""
    class Meta:
        index_name = "by_recipient"
        projection = AllProjection()

    to = UnicodeAttribute(hash_key=True)
    created_at = UTCDateTimeAttribute(range_key=True)


class OutboxModel(Stored):
    class Meta:
        table_name = table("outbox")
        billing_mode = "PAY_PER_REQUEST"

    id = UnicodeAttribute(hash_key=True)
    channel = UnicodeAttribute()  # email, sms
    to = UnicodeAttribute()
    subject = UnicodeAttribute(null=True)
    body = UnicodeAttribute()  # e-mail: the plain-text part
    html = UnicodeAttribute(null=True)  # alert e-mail: the HTML part
    headers = JSONAttribute(null=True)  # alert e-mail: List-Unsubscribe and the like
    status = UnicodeAttribute(default="queued")  # queued, sent, retry, failed, kept (local)
    created_at = UTCDateTimeAttribute()
    expires = TTLAttribute()

    recipient_index = RecipientIndex()


class OutboxStore:
    def __init__(self):
        bind()

    def add(self, message):
        model_of(OutboxModel, message).save()

    def newest(self, last, to=None):
        """The `last` messages (to one address, or to anyone), oldest first."""
        rows = OutboxModel.recipient_index.query(to) if to else OutboxModel.scan()  # CLI only: no role scans it
        return [record_of(OutboxMessage, m) for m in sorted(rows, key=lambda m: m.created_at)[-last:]]
