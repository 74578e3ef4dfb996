"""Every message Doorstep sends, kept for a while: the local stage's readable
outbox, and in AWS the record of what went out.

It is also a durable queue for messages that must not be lost (receipts): a
row written `queued` waits in the sparse `queued` index until a sender claims
it (a conditional write moving `try_at` on, so two senders never take it at
once) and marks it sent; one that failed is tried again later."""
from pynamodb.attributes import (JSONAttribute, NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute,
                                 TTLAttribute)
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex

from .binding import Stored, bind, model_of, record_of, table
from .council_key import CouncilKey
from .records import OutboxMessage
from .data_map import Holds, Retention


class RecipientIndex(GlobalSecondaryIndex):
    """Messages to one address: for the local outbox reader and subject access requests."""
    class Meta:
        index_name = "by_recipient"
        projection = AllProjection()

    to = CouncilKey(hash_key=True)
    created_at = UTCDateTimeAttribute(range_key=True)


class QueuedIndex(GlobalSecondaryIndex):
    """Messages waiting to be sent, by when they may be tried: sparse (only those waiting)."""
    class Meta:
        index_name = "queued"
        projection = AllProjection()

    queued = CouncilKey(hash_key=True)
    try_at = UTCDateTimeAttribute(range_key=True)


class OutboxModel(Stored):
    class Meta:
        table_name = table("outbox")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"to": "contact", "subject": "free_text", "body": "free_text", "html": "free_text",
                "attachments": "free_text", "headers": "contact", "error": "free_text"},
        whose="resident", part="running", basis="public_task",
        purpose="The messages sent to residents and officers: a record of what went out, and a queue for receipts",
        recipients=("mailer", "sms"), retention=Retention(after="created", days=30, source="ttl"))

    id = CouncilKey(hash_key=True)
    channel = UnicodeAttribute()  # email, sms
    to = CouncilKey()
    subject = UnicodeAttribute(null=True)
    body = UnicodeAttribute()  # e-mail: the plain-text part
    html = UnicodeAttribute(null=True)  # alert e-mail: the HTML part
    headers = JSONAttribute(null=True)  # alert e-mail: List-Unsubscribe and the like
    attachments = JSONAttribute(null=True)  # an appointment's iCalendar invite
    status = UnicodeAttribute(default="queued")  # queued, sent, retry, failed, kept (local)
    created_at = UTCDateTimeAttribute()
    expires = TTLAttribute()
    queued = CouncilKey(null=True)
    try_at = UTCDateTimeAttribute(null=True)
    tries = NumberAttribute(null=True)
    error = UnicodeAttribute(null=True)  # the last try's failure, never what was sent

    recipient_index = RecipientIndex()
    queued_index = QueuedIndex()


class OutboxStore:
    def __init__(self):
        bind()

    def add(self, message):
        model_of(OutboxModel, message).save()

    def enqueue(self, message):
        """Keep `message` queued to be sent, once: False when its id is kept already."""
        from .binding import writes
        from .errors import AlreadyExists
        try:
            with writes(["message"], exists={"message"}):
                model_of(OutboxModel, message).save(condition=OutboxModel.id.does_not_exist())
        except AlreadyExists:
            return False
        return True

    def get(self, message_id):
        from .binding import get_or_none
        return record_of(OutboxMessage, get_or_none(OutboxModel, message_id, consistent_read=True))

    def waiting(self, channel, now, limit=50):
        """Messages of `channel` waiting to be sent whose time has come, soonest first."""
        return [record_of(OutboxMessage, m) for m in OutboxModel.queued_index.query(
            channel, OutboxModel.try_at <= now, limit=limit, page_size=limit)]

    def claim(self, message, until):
        """Take `message` to send it: its try_at moved to `until` (a lease),
        if it is still waiting as read. False when another sender took it."""
        from .binding import writes
        from .errors import EditConflict
        try:
            with writes(["message"]):
                OutboxModel(message.id).update(
                    actions=[OutboxModel.try_at.set(until), OutboxModel.tries.set(int(message.tries or 0) + 1)],
                    condition=(OutboxModel.queued == message.queued) & (OutboxModel.try_at == message.try_at))
        except EditConflict:
            return False
        return True

    def renew(self, message, held_until, until):
        """The lease taken by claim (its try_at `held_until`) moved on to `until`, if it
        is still the one this sender holds. False when another sender took it since."""
        from .binding import writes
        from .errors import EditConflict
        try:
            with writes(["message"]):
                OutboxModel(message.id).update(
                    actions=[OutboxModel.try_at.set(until)],
                    condition=(OutboxModel.queued == message.queued) & (OutboxModel.try_at == held_until))
        except EditConflict:
            return False
        return True

    def settle(self, message_id, status, retry_at=None):
        """Sent (or given up: failed): out of the queue; retry: waits until `retry_at`."""
        actions = [OutboxModel.status.set(status)]
        if retry_at is None:
            actions += [OutboxModel.queued.remove(), OutboxModel.try_at.remove()]
        else:
            actions.append(OutboxModel.try_at.set(retry_at))
        OutboxModel(message_id).update(actions=actions)

    def tried(self, message_id, error, retry_at=None, given_up_in=None):
        """A failed try: waits until `retry_at` in its queue, or, given up, waits for
        staff in the queue `given_up_in` (sparse, so staff read only those)."""
        actions = [OutboxModel.error.set(error[:300])]
        if given_up_in is None:
            actions += [OutboxModel.status.set("retry"), OutboxModel.try_at.set(retry_at)]
        else:
            actions += [OutboxModel.status.set("failed"), OutboxModel.queued.set(given_up_in),
                        OutboxModel.try_at.set(retry_at)]
        OutboxModel(message_id).update(actions=actions)

    def requeue(self, message_id, given_up_in, channel, now):
        """A given-up message queued again at once with its tries counted from
        nought, if it is still given up (False otherwise: sent again already)."""
        from .binding import writes
        from .errors import EditConflict
        try:
            with writes(["message"]):
                OutboxModel(message_id).update(actions=[
                    OutboxModel.status.set("queued"), OutboxModel.queued.set(channel), OutboxModel.try_at.set(now),
                    OutboxModel.tries.set(0)], condition=OutboxModel.queued == given_up_in)
        except EditConflict:
            return False
        return True

    def newest(self, last, to=None):
        """The `last` messages (to one address, or to anyone), oldest first."""
        rows = OutboxModel.recipient_index.query(to) if to else OutboxModel.scan()  # CLI only: no role scans it
        return [record_of(OutboxMessage, m) for m in sorted(rows, key=lambda m: m.created_at)[-last:]]

