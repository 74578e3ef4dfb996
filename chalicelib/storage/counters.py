"""Counters per key per fixed window: failed sign-ins, messages sent to
unproven recipients, things a client made. Each is one item changed with
DynamoDB's atomic ADD, so parallel requests can never all pass a limit that
none of them has counted yet; items carry a TTL and go with their window."""
from pynamodb.attributes import NumberAttribute, TTLAttribute, UnicodeAttribute

from .binding import Stored, bind, get_or_none, table
from .data_map import Holds, Retention


class CounterModel(Stored):
    """A counter per key per fixed window (e.g. failed logins for one account)."""
    class Meta:
        table_name = table("throttle")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"key": "identifier"}, whose="resident", part="running", basis="legitimate_interests",
        purpose="Limiting failed sign-ins and messages to unproven recipients, against abuse",
        retention=Retention(after="created", days=1, source="ttl", note="goes with its window"))

    key = UnicodeAttribute(hash_key=True)
    count = NumberAttribute(default=0)
    expires = TTLAttribute()


class CounterStore:
    def __init__(self):
        bind()

    def count(self, key):
        row = get_or_none(CounterModel, key, consistent_read=True)
        return int(row.count) if row else 0

    def hit(self, key, expires, amount=1):
        """Add to a counter atomically; returns the new count."""
        row = CounterModel(key=key)
        row.update(actions=[CounterModel.count.add(amount), CounterModel.expires.set(expires)])
        return int(row.count)
