"""Staff broadcasts: the audit log of council news sent to subscribers.

One item per broadcast in `broadcasts` (who, when, target, topic, the text,
and after dispatch how many messages went out); it is written in one
transaction with the event row the dispatcher acts on, so there is never a
broadcast nobody sends nor a message without its audit entry. Kept without
expiry: it is the council's record of what it told residents.

Listing reads a GSI with one partition ("all") sorted by time: staff may
send a handful an hour (rate limited), far below a partition's limits.
"""
from pynamodb.attributes import JSONAttribute, NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex

from ..binding import Stored, bind, get_or_none, model_of, record_of, table, transaction, wire_key, writes
from ..council_key import CouncilKey
from ..errors import AlreadyExists
from ..records import Broadcast
from ..data_map import Holds, Retention

LOG = "all"


class LogIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "by_time"
        projection = AllProjection()

    log = CouncilKey(hash_key=True)
    created_at = UTCDateTimeAttribute(range_key=True)


class BroadcastModel(Stored):
    class Meta:
        table_name = table("broadcasts")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"author": "identifier"}, whose="officer", part="staff", basis="public_task",
        not_personal={"body": "the council's news as sent to many: its own words", "title": "the news's title"},
        purpose="The council's record of what news it sent, who sent it and to where",
        retention=Retention(after="created", months=72, source="project", note="the council's record"))

    id = CouncilKey(hash_key=True)
    log = CouncilKey(default=LOG)
    created_at = UTCDateTimeAttribute()
    author = UnicodeAttribute()  # the staff member's user id
    topic = UnicodeAttribute()
    target = JSONAttribute()  # {"wards": [...]} | {"polygon": geometry} | {"circle": {lat, lon, radius_m}}
    title = UnicodeAttribute()
    body = UnicodeAttribute()
    url = UnicodeAttribute(null=True)
    status = UnicodeAttribute(default="queued")  # queued -> sent (the dispatcher has run)
    told = NumberAttribute(default=0)  # messages delivered
    failed = NumberAttribute(default=0)  # messages that could not be delivered
    dispatched_at = UTCDateTimeAttribute(null=True)

    log_index = LogIndex()


class BroadcastStore:
    def __init__(self):
        bind()

    def get(self, broadcast_id):
        return record_of(Broadcast, get_or_none(BroadcastModel, str(broadcast_id), consistent_read=True))

    def create(self, broadcast, event):
        """The broadcast and its event, all or nothing; False when a
        broadcast with that id exists (a retried request)."""
        from ..reports.report_store import event_model
        try:
            with writes(["broadcast", "event"], exists={"broadcast"}), transaction() as t:
                t.save(model_of(BroadcastModel, broadcast), condition=BroadcastModel.id.does_not_exist())
                t.save(event_model(event))
        except AlreadyExists:
            return False
        return True

    def newest(self, limit, after=None):
        """(broadcasts newest first, cursor of the last one or None). after:
        (created_at, id) of the last item of the previous page."""
        start = None
        if after is not None:
            created_at, broadcast_id = after
            start = wire_key(BroadcastModel, id=broadcast_id, log=LOG, created_at=created_at)
        result = BroadcastModel.log_index.query(LOG, scan_index_forward=False, limit=limit,
                                                last_evaluated_key=start)
        items = [record_of(Broadcast, b) for b in result]
        more = result.last_evaluated_key is not None and len(items) == limit
        return items, ((items[-1].created_at, items[-1].id) if more else None)

    def record_outcome(self, broadcast_id, told, failed, now):
        """Add one dispatch pass's counts (a redelivered event adds nothing)."""
        BroadcastModel(broadcast_id).update(actions=[
            BroadcastModel.status.set("sent"), BroadcastModel.told.add(told),
            BroadcastModel.failed.add(failed), BroadcastModel.dispatched_at.set(now)],
            condition=BroadcastModel.id.exists())
