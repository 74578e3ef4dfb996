"""Businesses starting up, told once (handlers/business): one partition per resident.

- `start#<id>`: the business as told (the premises, what it will do, the day it
  starts, who pays the rates), written with its `business_started` event and
  the Idempotency-Key's record in one transaction.
- `part#<id>#<name>`: one row per thing offered (business rates, trade waste,
  each licence, planning), written once by a conditional put and moved on by a
  conditional update from the state it was in.

A business's page is one GetItem and one Query of its parts. Trade waste
requests carry the sparse `trade` index's key, so the containers desk lists
them with one Query of what it returns."""
from pynamodb.attributes import JSONAttribute, NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex

from ..binding import Stored, bind, get_or_none, table, transaction, writes
from ..council_key import CouncilKey
from ..data_map import Holds, Retention
from ..event_parts import PartRows
from ..errors import EditConflict

TRADE_REQUESTED = "requested"  # the trade index's one key: requests the desk has to work


class ByIdIndex(GlobalSecondaryIndex):
    """Officers find a business by its id alone (keys only the start rows carry)."""
    class Meta:
        index_name = "by_id"
        projection = AllProjection()

    start_id = CouncilKey(hash_key=True)


class TradeIndex(GlobalSecondaryIndex):
    """Sparse: trade waste parts a resident has asked for, by when."""
    class Meta:
        index_name = "trade"
        projection = AllProjection()

    trade = CouncilKey(hash_key=True)
    trade_at = UnicodeAttribute(range_key=True)


class BusinessStartModel(Stored):
    class Meta:
        table_name = table("business-starts")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"data": "address", "user_id": "identifier"}, whose="resident", part="business", basis="public_task",
        recipients=("revenues",),
        purpose="A business starting up told once (premises, activity, who pays the rates), and what it was offered",
        retention=Retention(after="created", days=400, source="project", note="a year and its reminders"))

    user_id = CouncilKey(hash_key=True)
    sk = UnicodeAttribute(range_key=True)
    start_id = CouncilKey(null=True)  # start rows only (the by_id index)
    state = UnicodeAttribute(null=True)  # a part's
    version = NumberAttribute(default=1)  # a part's: raised by each change of its state
    data = JSONAttribute()
    created_at = UTCDateTimeAttribute()
    updated_at = UTCDateTimeAttribute(null=True)
    trade = CouncilKey(null=True)  # a requested trade waste part only (the trade index)
    trade_at = UnicodeAttribute(null=True)
    by_id = ByIdIndex()
    trade_index = TradeIndex()


def _start(row):
    return None if row is None else {**row.data, "user_id": row.user_id, "id": row.start_id,
                                     "created_at": row.created_at}


def _part(row):
    return {**row.data, "name": row.sk.split("#", 2)[2], "state": row.state, "version": int(row.version or 1),
            "created_at": row.created_at, "updated_at": row.updated_at, "user_id": row.user_id,
            "start_id": row.sk.split("#", 2)[1]}


class BusinessStore(PartRows):
    """Businesses and their parts (the part rows' reads and writes: event_parts.PartRows)."""
    _model = BusinessStartModel
    _part = staticmethod(_part)

    def __init__(self):
        bind()

    def create(self, start, event, idempotency=None):
        """The business, its event and its key's record, one transaction
        (AlreadyExists("idempotency") when a twin took the key first)."""
        from ..reports.report_store import _claim_key, event_model
        data = {k: v for k, v in start.items() if k not in ("user_id", "id", "created_at")}
        parts = ["start", "event"]
        with writes(parts, exists={"start", "idempotency"}), transaction() as t:
            t.save(BusinessStartModel(start["user_id"], f"start#{start['id']}", start_id=start["id"], data=data,
                                      created_at=start["created_at"]),
                   condition=BusinessStartModel.sk.does_not_exist())
            t.save(event_model(event))
            if idempotency is not None:
                _claim_key(t, parts, idempotency)

    def get(self, user_id, start_id):
        return _start(get_or_none(BusinessStartModel, user_id, range_key=f"start#{start_id}", consistent_read=True))

    def find(self, start_id):
        """A business by id alone (officers): one Query of by_id."""
        rows = list(BusinessStartModel.by_id.query(start_id, limit=1))
        return _start(rows[0]) if rows else None

    def of_user(self, user_id, limit=20):
        return [_start(r) for r in BusinessStartModel.query(
            user_id, BusinessStartModel.sk.startswith("start#"), scan_index_forward=False, limit=limit,
            consistent_read=True)]

    def settle_part(self, user_id, start_id, name, from_states, state, data, now, trade=False):
        """The part moved on from one of `from_states` (its data replaced): False
        when it was not in one of them (another run or tap moved it first).
        `trade`: the part joins the containers desk's list."""
        row = BusinessStartModel(user_id, f"part#{start_id}#{name}")
        actions = [BusinessStartModel.state.set(state), BusinessStartModel.data.set(data),
                   BusinessStartModel.updated_at.set(now), BusinessStartModel.version.add(1)]
        if trade:
            actions += [BusinessStartModel.trade.set(TRADE_REQUESTED), BusinessStartModel.trade_at.set(
                f"{now.isoformat()}#{start_id}")]
        try:
            with writes(["part"]):
                row.update(actions=actions, condition=BusinessStartModel.sk.exists()
                           & BusinessStartModel.state.is_in(*from_states))
        except EditConflict:
            return False
        return True

    def trade_requests(self, limit=50):
        """Trade waste requests, newest first (the containers desk): one Query of the trade index."""
        return [_part(r) for r in BusinessStartModel.trade_index.query(
            TRADE_REQUESTED, scan_index_forward=False, limit=limit)]
