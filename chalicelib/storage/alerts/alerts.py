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
    team#north                   a crew member's phone: their team's jobs

Area rows carry the circle (lat, lon, radius_m) so the matcher checks the
exact distance without reading the subscription; only real matches are then
read from `alerts`. The subscription keeps the list of its index keys, so
deleting it removes exactly its rows in the same transaction.
"""
from pynamodb.attributes import (
    BooleanAttribute, JSONAttribute, ListAttribute, NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute,
    TTLAttribute, VersionAttribute,
)
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex, KeysOnlyProjection

from ... import ids
from ..binding import Stored, bind, get_or_none, model_of, record_of, table, transaction, wire_key, writes
from ..council_key import CouncilKey
from ..errors import AlreadyExists, EditConflict
from ..records import Alert, AlertIndexRow, Event
from ..data_map import Holds, Retention


class UserAlertsIndex(GlobalSecondaryIndex):
    """A signed-in resident's subscriptions (GET /v1/alerts, account erasure)."""
    class Meta:
        index_name = "by_user"
        projection = KeysOnlyProjection()

    user_id = CouncilKey(hash_key=True)
    created_at = UTCDateTimeAttribute(range_key=True)


class EmailAlertsIndex(GlobalSecondaryIndex):
    """Subscriptions by the e-mail address they mail (hashed): an account that
    proves the address takes over the anonymous ones, and its export lists them."""
    class Meta:
        index_name = "by_email"
        projection = KeysOnlyProjection()

    email_hash = CouncilKey(hash_key=True)


class AlertModel(Stored):
    class Meta:
        table_name = table("alerts")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"channels": "contact", "email_hash": "identifier", "user_id": "identifier", "target": "location",
                "manage_hash": "credentials", "confirm_hash": "credentials"},
        whose="resident", part="alerts", basis="consent", recipients=("mailer", "sms", "push"),
        purpose="Telling a resident what they asked to hear of: a report, an area, a ward, a bin day, a meeting",
        retention=Retention(after="ended", then="delete", source="project",
                            note="until they stop it; unconfirmed ones lapse by TTL"))

    id = CouncilKey(hash_key=True)
    kind = UnicodeAttribute()  # report, area, ward, category, broadcast
    user_id = CouncilKey(null=True)  # None: an anonymous (push or opted-in) subscriber
    # {"push": {endpoint, keys}, "email": "a@b", "sms": "+447700900123"}: private, never public
    channels = JSONAttribute(default=dict)
    pending = ListAttribute(default=list)  # channels awaiting double opt-in
    target = JSONAttribute(default=dict)  # kind-specific: report_id / lat, lon, radius_m / ward / ...
    index_keys = ListAttribute(default=list)
    manage_hash = UnicodeAttribute(null=True)  # digest of the management token (anonymous owners)
    confirm_hash = UnicodeAttribute(null=True)  # digest of the opt-in token while pending
    created_at = UTCDateTimeAttribute()
    expires = TTLAttribute(null=True)  # only while unconfirmed: never-confirmed alerts lapse
    email_hash = CouncilKey(null=True)  # EmailAlertsIndex key: digest of the lower-cased e-mail
    meeting_notices_stopped = BooleanAttribute(null=True)  # meeting notices stopped by their link; the rest goes on
    version = VersionAttribute()

    user_index = UserAlertsIndex()
    email_index = EmailAlertsIndex()


def alert_model(alert):
    """The stored form of an alert: its values plus its e-mail index key."""
    email = (alert.channels or {}).get("email")
    return model_of(AlertModel, alert, email_hash=ids.digest(email.lower()) if email else None)


class AlertIndexModel(Stored):
    class Meta:
        table_name = table("alert-index")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"lat": "location", "lon": "location", "located_at": "activity"}, whose="resident", part="alerts",
        basis="consent", purpose="Where an alert's circle is (a crew member's point), so an event finds it",
        copy_of="alerts", retention=Retention(after="ended", then="delete", source="project",
                                              note="goes with its alert"))

    key = CouncilKey(hash_key=True)
    alert_id = UnicodeAttribute(range_key=True)
    lat = NumberAttribute(null=True)  # the circle, for the exact distance check
    lon = NumberAttribute(null=True)
    radius_m = NumberAttribute(null=True)
    expires = TTLAttribute(null=True)  # the alert's, while unconfirmed: both lapse together
    near_only = BooleanAttribute(null=True)  # a crew's jobs alert: urgent jobs near the point only
    located_at = UTCDateTimeAttribute(null=True)  # when the crew member was at the point
    why = UnicodeAttribute(null=True)  # a meetings interest row: reported, supported (None: followed)


class GivenUpIndex(GlobalSecondaryIndex):
    """A council's effects given up after their tries, last tried first: only a given-up effect's claim
    carries `given_up` (storage/effects.py), so the operator's list costs what it returns."""
    class Meta:
        index_name = "given_up"
        projection = AllProjection()

    given_up = CouncilKey(hash_key=True)
    claimed_at = UTCDateTimeAttribute(range_key=True)


class DeliveryModel(Stored):
    """One (event, person's address on a channel), one page job handed
    on, or one effect of an event (storage/effects.py): claimed before sending, so a redelivered event or job never reaches
    a person twice."""
    class Meta:
        table_name = table("alert-deliveries")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"id": "identifier"}, whose="resident", part="running", basis="public_task",
        not_personal={"note": "why an effect was given up: the code's words"},
        purpose="That a message went once to one address on one channel", copy_of="alerts",
        retention=Retention(after="created", days=30, source="ttl"))

    id = CouncilKey(hash_key=True)  # "{event_id}#{channel}#{digest}" or "{event_id}#page#{key}#{after}"
    status = UnicodeAttribute()  # claimed, sent, gone, failed
    attempts = NumberAttribute(default=0)
    claimed_at = UTCDateTimeAttribute()
    expires = TTLAttribute(null=True)
    note = UnicodeAttribute(null=True)  # an event's effect given up: why (storage/effects.py)
    given_up = CouncilKey(null=True)  # an event's effect given up, until it is run again (the given_up index)
    given_up_index = GivenUpIndex()


class AlertStore:
    def __init__(self):
        bind()

    def get(self, alert_id):
        return record_of(Alert, get_or_none(AlertModel, alert_id, consistent_read=True))

    def get_many(self, alert_ids):
        if not alert_ids:
            return []
        return [record_of(Alert, a) for a in AlertModel.batch_get(list(dict.fromkeys(alert_ids)))]

    def create(self, alert, rows):
        """The subscription and its index rows (AlertIndexRow), all or
        nothing. Returns False when an alert with that id already exists
        (the same subscription)."""
        model = alert_model(alert)
        try:
            with writes(["alert"], exists={"alert"}), transaction() as t:
                t.save(model, condition=AlertModel.id.does_not_exist())
                for row in rows:
                    t.save(model_of(AlertIndexModel, row))
        except AlreadyExists:
            return False
        alert.version = model.version
        return True

    def delete(self, alert):
        """The alert and its index rows; its version makes a concurrent change
        fail the delete (EditConflict) rather than be lost."""
        with writes(["alert"]), transaction() as t:
            t.delete(alert_model(alert))
            for key in alert.index_keys:
                t.delete(AlertIndexModel(key, alert.id))

    def save(self, alert):
        model = alert_model(alert)
        with writes(["alert"]):
            model.save()
        alert.version = model.version

    def relocate(self, alert, rows):
        """Save the alert with its index rows rewritten (same keys, a crew
        member's new point), together; a concurrent change of the alert
        fails it (EditConflict)."""
        model = alert_model(alert)
        with writes(["alert"]), transaction() as t:
            t.save(model)
            for row in rows:
                t.save(model_of(AlertIndexModel, row))
        alert.version = model.version

    def confirm(self, alert):
        """Save the now-confirmed alert and stop its index rows expiring with it."""
        model = alert_model(alert)
        with writes(["alert"]), transaction() as t:
            t.save(model)
            for key in alert.index_keys:
                t.update(AlertIndexModel(key, alert.id), actions=[AlertIndexModel.expires.remove()])
        alert.version = model.version

    def of_user(self, user_id):
        ids = [row.id for row in AlertModel.user_index.query(user_id, scan_index_forward=False)]
        found = {a.id: a for a in self.get_many(ids)}
        return [found[i] for i in ids if i in found]

    def with_email(self, email):
        """Every subscription that mails this address, whoever made it."""
        return self.get_many([row.id for row in AlertModel.email_index.query(ids.digest(email.lower()))])

    def rows(self, key):
        """Every index row under one key (one Query, paginated)."""
        return [record_of(AlertIndexRow, r) for r in AlertIndexModel.query(key)]

    def rows_of(self, pairs):
        """The index rows of these (key, alert id) pairs that exist: one
        BatchGetItem per hundred, what is asked and no more."""
        pairs = list(dict.fromkeys(pairs))
        return [record_of(AlertIndexRow, r) for r in AlertIndexModel.batch_get(pairs)] if pairs else []

    def page(self, key, after, limit, through=None):
        """(rows, next): at most `limit` index rows under `key` with alert
        ids after `after` and up to `through` (None: open at that end), in
        id order, and the id to read on from (None when no more rows can
        follow). One Query."""
        condition, start = None, None
        if through is not None:
            condition = AlertIndexModel.alert_id <= through
            if after:  # both ends: the upper in the key condition, the lower as where the Query starts
                start = wire_key(AlertIndexModel, key=key, alert_id=after)
        elif after:
            condition = AlertIndexModel.alert_id > after
        result = AlertIndexModel.query(key, condition, limit=limit, page_size=limit, last_evaluated_key=start)
        rows = [record_of(AlertIndexRow, r) for r in result]
        more = bool(rows) and result.last_evaluated_key is not None
        return rows, rows[-1].alert_id if more else None

    def last_id(self, key):
        """The highest alert id under `key` (None: none). One Query of one row."""
        found = list(AlertIndexModel.query(key, scan_index_forward=False, limit=1, page_size=1,
                                           attributes_to_get=["alert_id"]))
        return found[0].alert_id if found else None

    def claim(self, delivery_id, now, stale_before, expires):
        """Take a delivery; False if it was sent, settled, or is being sent by
        someone whose claim is not yet stale."""
        row = DeliveryModel(delivery_id, status="claimed", attempts=0, claimed_at=now, expires=expires)
        condition = DeliveryModel.id.does_not_exist() | (
            (DeliveryModel.status == "claimed") & (DeliveryModel.claimed_at < stale_before))
        try:
            with writes(["delivery"]):
                row.save(condition=condition)
        except EditConflict:
            return False
        return True

    def renew(self, delivery_id, held_since, now):
        """The claim moved on to `now`, if it is still the one taken (or last renewed)
        at `held_since`: False when another run has taken it since."""
        return renew_claim(delivery_id, held_since, now, "delivery")

    def settle(self, delivery_id, status, attempts):
        DeliveryModel(delivery_id).update(actions=[
            DeliveryModel.status.set(status), DeliveryModel.attempts.set(attempts)])

    def release(self, delivery_id, claimed_at):
        """Give one's own claim (taken at `claimed_at`) back unsent, a provider
        still saying "not now": the next run of its job may take it at once."""
        try:
            with writes(["delivery"]):
                DeliveryModel(delivery_id).delete(condition=(DeliveryModel.status == "claimed") & (
                    DeliveryModel.claimed_at == claimed_at))
        except EditConflict:
            pass  # a run that took it as stale claimed or settled it since: it is that run's to finish


def renew_claim(row_id, held_since, now, what):
    """A claim in the deliveries table (a delivery's, an effect's) moved on to `now`,
    fenced on the moment its runner holds it at."""
    row = DeliveryModel(row_id)
    condition = (DeliveryModel.status == "claimed") & (DeliveryModel.claimed_at == held_since)
    try:
        with writes([what]):
            row.update(actions=[DeliveryModel.claimed_at.set(now)], condition=condition)
    except EditConflict:
        return False
    return True


def event_from_image(image):
    """An Event from a DynamoDB stream record's NewImage (wire format)."""
    from ..reports.reports import EventModel
    return record_of(Event, EventModel.from_raw_data(image))
