"""Garden waste subscriptions: one item per property and term, keyed
(uprn, start). A term is claimed with a conditional put, so two people of a
household subscribing at once make one subscription and one payment.

- `round` index: a round's subscriptions by when they end (staff's lists).
- `user` index: a resident's, for My Account's export.
- `remind` index (sparse): active terms whose renewal reminder is due, by day.
"""
from pynamodb.attributes import NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex

from ..binding import Stored, bind, get_or_none, model_of, record_of, table, transaction, writes
from ..council_key import CouncilKey
from ..errors import EditConflict
from ..records import GardenSubscription
from ..data_map import KEPT_AS_A_PAYMENT, Holds


class RoundIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "round"
        projection = AllProjection()

    round_id = CouncilKey(hash_key=True)
    end = UnicodeAttribute(range_key=True)


class UserIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "user"
        projection = AllProjection()

    user_id = CouncilKey(hash_key=True)
    created_at = UTCDateTimeAttribute(range_key=True)


class RemindIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "remind"
        projection = AllProjection()

    remind = CouncilKey(hash_key=True)
    remind_on = UnicodeAttribute(range_key=True)


class GardenSubscriptionModel(Stored):
    class Meta:
        table_name = table("garden-subscriptions")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"address": "address", "uprn": "address", "email": "contact", "user_id": "identifier",
                "reason": "free_text"}, whose="resident", part="garden", basis="contract",
        recipients=("payments", "mailer", "crews"), purpose="A garden waste subscription: the address and its bins",
        retention=KEPT_AS_A_PAYMENT)

    uprn = CouncilKey(hash_key=True)
    start = UnicodeAttribute(range_key=True)
    end = UnicodeAttribute()
    bins = NumberAttribute()
    amount = NumberAttribute()
    user_id = CouncilKey()
    status = UnicodeAttribute()
    address = UnicodeAttribute(null=True)
    round_id = CouncilKey(null=True)
    email = UnicodeAttribute(null=True)
    payment_id = UnicodeAttribute(null=True)
    hold_until = UTCDateTimeAttribute(null=True)
    created_at = UTCDateTimeAttribute()
    confirmed_at = UTCDateTimeAttribute(null=True)
    cancelled_at = UTCDateTimeAttribute(null=True)
    reason = UnicodeAttribute(null=True)
    remind = CouncilKey(null=True)
    remind_on = UnicodeAttribute(null=True)

    round_index = RoundIndex()
    user_index = UserIndex()
    remind_index = RemindIndex()


def _record(model):
    record = record_of(GardenSubscription, model)
    if record is not None:
        record.bins, record.amount = int(record.bins), int(record.amount)
        record.address = record.address or ""
    return record


S = GardenSubscriptionModel


class GardenStore:
    def __init__(self):
        bind()

    def get(self, uprn, start):
        return _record(get_or_none(S, uprn, range_key=start, consistent_read=True))

    def of_property(self, uprn, limit=10):
        """The property's terms, latest first."""
        return [_record(m) for m in S.query(uprn, scan_index_forward=False, limit=limit, consistent_read=True)]

    def claim(self, subscription, now, idempotency=None):
        """Store a pending term (with the request's Idempotency-Key record);
        AlreadyExists("subscription") when the term is taken (active, or
        another payment for it still under way), ("idempotency") when the key is."""
        from ..reports.report_store import _claim_key
        condition = (S.uprn.does_not_exist() | S.status.is_in("failed", "cancelled")
                     | ((S.status == "pending") & (S.hold_until < now)))
        parts = ["subscription"]
        with writes(parts, exists={"subscription", "idempotency"}), transaction() as t:
            t.save(model_of(S, subscription), condition=condition)
            if idempotency is not None:
                _claim_key(t, parts, idempotency)

    def set_payment(self, uprn, start, payment_id):
        with writes(["subscription"]):
            S(uprn, start).update(actions=[S.payment_id.set(payment_id)], condition=S.uprn.exists())

    def activate(self, uprn, start, now, remind_on):
        """pending -> active, its renewal reminder due on `remind_on`; False when not pending."""
        return self._move(uprn, start, "pending", [
            S.status.set("active"), S.confirmed_at.set(now), S.hold_until.remove(), S.remind.set("opening"),
            S.remind_on.set(remind_on)])

    def fail(self, uprn, start, reason):
        return self._move(uprn, start, "pending", [S.status.set("failed"), S.reason.set(reason),
                                                   S.hold_until.remove()])

    def cancel(self, uprn, start, now, reason):
        return self._move(uprn, start, "active", [S.status.set("cancelled"), S.cancelled_at.set(now),
                                                  S.reason.set(reason), S.remind.remove(), S.remind_on.remove()])

    def move_term(self, sub, new, last_day):
        """A move's (handlers/moving): the term at the old home ends on
        `last_day` (no more reminders there), and the same term, paid by the
        same payment, starts at the new home: one transaction. False when the
        old term is no longer active with its end (moved already, cancelled)."""
        condition = (S.status == "active") & (S.end == sub.end)
        free = S.uprn.does_not_exist() | S.status.is_in("failed", "cancelled")
        try:
            with writes(["old", "new"]), transaction() as t:
                t.update(S(sub.uprn, sub.start), actions=[S.end.set(last_day), S.remind.remove(),
                                                          S.remind_on.remove(), S.reason.set("moved")],
                         condition=condition)
                t.save(model_of(S, new), condition=free)
        except EditConflict:
            return False
        return True

    def move_back(self, uprn, start, end, to_uprn, to_start):
        """A move's garden term undone by staff: the old home's term runs to
        `end` again, the new home's is cancelled; one transaction."""
        with writes(["old", "new"]), transaction() as t:
            t.update(S(uprn, start), actions=[S.end.set(end), S.reason.set("move undone")],
                     condition=S.status == "active")
            t.update(S(to_uprn, to_start), actions=[S.status.set("cancelled"), S.reason.set("move undone"),
                                                    S.remind.remove(), S.remind_on.remove()],
                     condition=S.status == "active")

    def end_early(self, uprn, start, end, last_day):
        """A term ended on `last_day` (its resident moved away); False when it
        is no longer the active term ending on `end`."""
        try:
            with writes(["subscription"]):
                S(uprn, start).update(actions=[S.end.set(last_day), S.remind.remove(), S.remind_on.remove(),
                                               S.reason.set("moved_away")],
                                      condition=(S.status == "active") & (S.end == end))
        except EditConflict:
            return False
        return True

    def reminders_due(self, kind, today, limit=200):
        return [_record(m) for m in S.remind_index.query(kind, S.remind_on <= today, limit=limit, page_size=limit)]

    def reminded(self, uprn, start, kind, next_kind=None, next_on=None, event=None):
        """Move the reminder on (or off); False when someone sent it first.
        event: the reminder's own (its e-mail follows from it), written with it."""
        actions = [S.remind.set(next_kind), S.remind_on.set(next_on)] if next_kind else [S.remind.remove(),
                                                                                         S.remind_on.remove()]
        condition = (S.remind == kind) & (S.status == "active")
        try:
            if event is None:
                with writes(["subscription"]):
                    S(uprn, start).update(actions=actions, condition=condition)
            else:
                from ..reports.report_store import event_model
                with writes(["event", "subscription"]), transaction() as t:  # as sent: the put, then the update
                    t.save(event_model(event))
                    t.update(S(uprn, start), actions=actions, condition=condition)
        except EditConflict:
            return False
        return True

    def of_round(self, round_id, ending_from, limit=2000):
        """A round's terms ending on or after `ending_from` (any status)."""
        return [_record(m) for m in S.round_index.query(round_id, S.end >= ending_from, limit=limit)]

    def of_user(self, user_id, limit=100):
        return [_record(m) for m in S.user_index.query(user_id, scan_index_forward=False, limit=limit)]

    def _move(self, uprn, start, from_status, actions):
        try:
            with writes(["subscription"]):
                S(uprn, start).update(actions=actions, condition=S.status == from_status)
        except EditConflict:
            return False
        return True


