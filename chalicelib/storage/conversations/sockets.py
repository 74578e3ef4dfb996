"""Live chat's open WebSocket connections (API Gateway's, or the local stack's).

`chat-sockets` holds two items per connection, written and deleted together:
- ("conversation#{id}", connection id): the connections a new message goes to,
  one strongly consistent Query of the conversation's partition (an index
  would lag: a message stored just after a connect could miss it);
- ("connection#{id}", "-"): which conversation a connection follows, for the
  disconnect, which API Gateway tells with the connection id alone.
Both expire (TTL) after API Gateway's longest connection, two hours, so a
connection whose disconnect was never heard goes away by itself; reads skip
expired items, since DynamoDB deletes them lazily.
"""
from datetime import timedelta

from pynamodb.attributes import TTLAttribute, UnicodeAttribute

from ..binding import Stored, bind, get_or_none, table
from ..council_key import CouncilKey
from ..data_map import Holds, Retention

LIFETIME = timedelta(hours=2)  # API Gateway closes a WebSocket after 2 hours at most
SIDES = ("resident", "staff")


class SocketModel(Stored):
    class Meta:
        table_name = table("chat-sockets")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"pk": "device"}, whose="resident", part="chat", basis="public_task", copy_of="conversations",
        purpose="An open connection to a chat", retention=Retention(after="created", days=1, source="ttl",
                                                                     note="two hours"))

    pk = CouncilKey(hash_key=True)  # "conversation#{id}" or "connection#{id}"
    sk = UnicodeAttribute(range_key=True)  # the connection id, or "-"
    conversation_id = UnicodeAttribute(null=True)
    side = UnicodeAttribute()  # resident or staff: who is on the other end
    expires = TTLAttribute()


class SocketStore:
    def __init__(self):
        bind()

    def open(self, connection_id, conversation_id, side, now):
        expires = now + LIFETIME
        with SocketModel.batch_write() as batch:  # one request; a half-written pair is cleaned as any
            batch.save(SocketModel(f"conversation#{conversation_id}", connection_id, side=side, expires=expires))
            batch.save(SocketModel(f"connection#{connection_id}", "-", conversation_id=conversation_id, side=side,
                                   expires=expires))

    def following(self, connection_id, now):
        """(conversation id, side) the connection follows, or None."""
        found = get_or_none(SocketModel, f"connection#{connection_id}", range_key="-", consistent_read=True)
        if found is None or found.expires <= now:
            return None
        return found.conversation_id, found.side

    def connections(self, conversation_id, now):
        """[(connection id, side)] open on the conversation: one Query."""
        return [(m.sk, m.side) for m in SocketModel.query(f"conversation#{conversation_id}", consistent_read=True)
                if m.expires > now]

    def close(self, connection_id, conversation_id=None):
        """Forget a connection (its disconnect, or API Gateway's 410 Gone)."""
        if conversation_id is None:
            found = get_or_none(SocketModel, f"connection#{connection_id}", range_key="-", consistent_read=True)
            conversation_id = found.conversation_id if found else None
        with SocketModel.batch_write() as batch:
            batch.delete(SocketModel(f"connection#{connection_id}", "-"))
            if conversation_id:
                batch.delete(SocketModel(f"conversation#{conversation_id}", connection_id))
