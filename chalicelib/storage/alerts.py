"""Alert subscriptions and their lookup index.

One item per subscription in `alerts`; one row per lookup key in
`alert-index` (partition = the key, sort = the alert id). Keys name what an
event must carry to reach the subscriber:

    report#DS-7K3F9Q             follow one report
    area#gcwy8x                  a circle, one row per geohash cell of its cover
    ward#micklegate              a ward
    category#pothole             a category anywhere in the council area
    category#pothole#gcwy8x      a category within a circle (cells as area#)
    topic#bins#gcwy8x / topic#bins#ward#micklegate   staff broadcasts

Area rows carry the circle (lat, lon, radius_m) so the matcher checks the
exact distance without reading the subscription; only real matches are then
read from `alerts`. The subscription keeps the list of its index keys, so
deleting it removes exactly its rows in the same transaction.
"""
from pynamodb.attributes import (
    JSONAttribute, ListAttribute, NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute,
    TTLAttribute, VersionAttribute,
)
from pynamodb.indexes import GlobalSecondaryIndex, KeysOnlyProjection
from pynamodb.models import Model

from .binding import bind, connection, register


class UserAlertsIndex(GlobalSecondaryIndex):
    """A signed-in resident's subscriptions (GET /v1/alerts, account erasure)."""
    class Meta:
        index_name = "by_user"
        projection = KeysOnlyProjection()

    user_id = UnicodeAttribute(hash_key=True)
    created_at = UTCDateTimeAttribute(range_key=True)


@register("alerts")
class AlertModel(Model):
    class Meta:
        table_name = "alerts"
        billing_mode = "PAY_PER_REQUEST"

    id = UnicodeAttribute(hash_key=True)
    kind = UnicodeAttribute()  # report, area, ward, category, broadcast
    user_id = UnicodeAttribute(null=True)  # None: an anonymous (push or opted-in) subscriber
    # {"push": {endpoint, keys}, "email": "a@b", "sms": "+447700900123"}: private, never public
    channels = JSONAttribute(default=dict)
    pending = ListAttribute(default=list)  # channels awaiting double opt-in
    target = JSONAttribute(default=dict)  # kind-specific: report_id / lat, lon, radius_m / ward / ...
    index_keys = ListAttribute(default=list)
    manage_hash = UnicodeAttribute(null=True)  # digest of the management token (anonymous owners)
    confirm_hash = UnicodeAttribute(null=True)  # digest of the opt-in token while pending
    created_at = UTCDateTimeAttribute()
    expires = TTLAttribute(null=True)  # only while unconfirmed: never-confirmed alerts lapse
    version = VersionAttribute()

    user_index = UserAlertsIndex()

    @property
    def confirmed(self):
        return not self.pending


@register("alert-index")
class AlertIndexModel(Model):
    class Meta:
        table_name = "alert-index"
        billing_mode = "PAY_PER_REQUEST"

    key = UnicodeAttribute(hash_key=True)
    alert_id = UnicodeAttribute(range_key=True)
    lat = NumberAttribute(null=True)  # the circle, for the exact distance check
    lon = NumberAttribute(null=True)
    radius_m = NumberAttribute(null=True)
    expires = TTLAttribute(null=True)  # the alert's, while unconfirmed: both lapse together


@register("alert-deliveries")
class DeliveryModel(Model):
    """One (event, subscription, channel): claimed before sending, so a
    redelivered event never reaches a person twice."""
    class Meta:
        table_name = "alert-deliveries"
        billing_mode = "PAY_PER_REQUEST"

    id = UnicodeAttribute(hash_key=True)  # "{event_id}#{alert_id}#{channel}"
    status = UnicodeAttribute()  # claimed, sent, gone, failed
    attempts = NumberAttribute(default=0)
    claimed_at = UTCDateTimeAttribute()
    expires = TTLAttribute(null=True)


class AlertStore:
    def __init__(self):
        bind()

    def get(self, alert_id):
        try:
            return AlertModel.get(alert_id, consistent_read=True)
        except AlertModel.DoesNotExist:
            return None

    def get_many(self, alert_ids):
        if not alert_ids:
            return []
        return list(AlertModel.batch_get(list(dict.fromkeys(alert_ids))))

    def create(self, alert, rows):
        """The subscription and its index rows, all or nothing. Returns False
        when an alert with that id already exists (the same subscription)."""
        from pynamodb.exceptions import TransactWriteError
        from pynamodb.transactions import TransactWrite
        try:
            with TransactWrite(connection=connection()) as t:
                t.save(alert, condition=AlertModel.id.does_not_exist())
                for row in rows:
                    t.save(row)
        except TransactWriteError as e:
            reasons = getattr(e, "cancellation_reasons", None) or []
            if reasons and reasons[0] is not None and reasons[0].code == "ConditionalCheckFailed":
                return False
            raise
        return True

    def delete(self, alert):
        from pynamodb.transactions import TransactWrite
        with TransactWrite(connection=connection()) as t:
            t.delete(alert)  # its version: a concurrent change fails the delete, not loses it
            for key in alert.index_keys:
                t.delete(AlertIndexModel(key, alert.id))

    def save(self, alert):
        alert.save()

    def confirm(self, alert):
        """Save the now-confirmed alert and stop its index rows expiring with it."""
        from pynamodb.transactions import TransactWrite
        with TransactWrite(connection=connection()) as t:
            t.save(alert)
            for key in alert.index_keys:
                t.update(AlertIndexModel(key, alert.id), actions=[AlertIndexModel.expires.remove()])

    def of_user(self, user_id):
        ids = [row.id for row in AlertModel.user_index.query(user_id, scan_index_forward=False)]
        found = {a.id: a for a in self.get_many(ids)}
        return [found[i] for i in ids if i in found]

    def rows(self, key):
        """Every index row under one key (one Query, paginated)."""
        return list(AlertIndexModel.query(key))

    def claim(self, delivery_id, now, stale_before, expires):
        """Take a delivery; False if it was sent, settled, or is being sent by
        someone whose claim is not yet stale."""
        from pynamodb.exceptions import PutError
        row = DeliveryModel(delivery_id, status="claimed", attempts=0, claimed_at=now, expires=expires)
        condition = DeliveryModel.id.does_not_exist() | (
            (DeliveryModel.status == "claimed") & (DeliveryModel.claimed_at < stale_before))
        try:
            row.save(condition=condition)
        except PutError as e:
            if e.cause_response_code == "ConditionalCheckFailedException":
                return False
            raise
        return True

    def settle(self, delivery_id, status, attempts):
        DeliveryModel(delivery_id).update(actions=[
            DeliveryModel.status.set(status), DeliveryModel.attempts.set(attempts)])

    def delivery(self, delivery_id):
        try:
            return DeliveryModel.get(delivery_id, consistent_read=True)
        except DeliveryModel.DoesNotExist:
            return None


def events_since(start, end):
    """Events created in [start, end], oldest first, one day partition at a
    time (EventDayIndex): the poller's read, never a scan."""
    from datetime import timedelta
    from .reports import EventModel
    day, last = start.date(), end.date()
    while day <= last:
        yield from EventModel.day_index.query(day.isoformat(), EventModel.created_at.between(start, end))
        day += timedelta(days=1)


def event_from_image(image):
    """An EventModel from a DynamoDB stream record's NewImage (wire format)."""
    from .reports import EventModel
    return EventModel.from_raw_data(image)
