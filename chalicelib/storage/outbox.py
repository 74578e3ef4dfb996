"""Every message Doorstep sends, kept for a while: the local stage's readable
outbox, and in AWS the record of what went out."""
from pynamodb.attributes import JSONAttribute, UnicodeAttribute, UTCDateTimeAttribute, TTLAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex
from pynamodb.models import Model

from .binding import register


class RecipientIndex(GlobalSecondaryIndex):
    """Messages to one address: for the local outbox reader and subject access requests."""
    class Meta:
        index_name = "by_recipient"
        projection = AllProjection()

    to = UnicodeAttribute(hash_key=True)
    created_at = UTCDateTimeAttribute(range_key=True)


@register("outbox")
class OutboxModel(Model):
    class Meta:
        table_name = "outbox"
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
