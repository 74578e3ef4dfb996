"""Residents' moves home (handlers/moving): one partition per resident.

- `move#<id>`: the move as told (where from and to, the date, the people,
  who to contact), written with its `move_made` event and the
  Idempotency-Key's record in one transaction.
- `part#<id>#<name>`: one row per thing the move changed (council tax,
  garden waste, saved address, a booking offered to keep or cancel ...),
  each written once by a conditional put (the part's claim) and then moved
  on from the state it was in (a conditional update): an effect run again
  finds its row and finishes what the stopped run left.

A move's page is one GetItem and one Query of its parts (what it returns);
a resident's moves one Query of `move#`.
"""
from pynamodb.attributes import JSONAttribute, UnicodeAttribute, UTCDateTimeAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex

from ..binding import Stored, bind, get_or_none, table, transaction, writes
from ..council_key import CouncilKey
from ..errors import EditConflict
from ..data_map import Holds, Retention
from ..event_parts import PartRows


class ByIdIndex(GlobalSecondaryIndex):
    """Staff find a move by its id alone (keys only the move rows carry)."""
    class Meta:
        index_name = "by_id"
        projection = AllProjection()

    move_id = CouncilKey(hash_key=True)


class MoveModel(Stored):
    class Meta:
        table_name = table("moves")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"data": "address", "user_id": "identifier"}, whose="resident", part="moving", basis="public_task",
        recipients=("revenues",), purpose="A resident's move home told once, and what it changed",
        retention=Retention(after="created", days=400, source="project", note="a year and its reminders"))

    user_id = CouncilKey(hash_key=True)
    sk = UnicodeAttribute(range_key=True)
    move_id = CouncilKey(null=True)  # move rows only (the by_id index)
    state = UnicodeAttribute(null=True)  # a part's
    data = JSONAttribute()
    created_at = UTCDateTimeAttribute()
    updated_at = UTCDateTimeAttribute(null=True)
    by_id = ByIdIndex()


def _move(row):
    return None if row is None else {**row.data, "user_id": row.user_id, "id": row.move_id,
                                     "created_at": row.created_at}


def _part(row):
    return {**row.data, "name": row.sk.split("#", 2)[2], "state": row.state, "created_at": row.created_at,
            "updated_at": row.updated_at}


class MoveStore(PartRows):
    """Moves and their parts (the part rows' reads and writes: event_parts.PartRows)."""
    _model = MoveModel
    _part = staticmethod(_part)

    def __init__(self):
        bind()

    def create(self, move, event, idempotency=None, moving_to=None, user_version=None):
        """The move, its event, the account's address from the move date
        (`moving_to`, on the user as read at `user_version`: a change meanwhile
        is an EditConflict) and its key's record, one transaction
        (AlreadyExists("idempotency") when a twin took the key first)."""
        from ..accounts.accounts import UserModel
        from ..reports.report_store import _claim_key, event_model
        data = {k: v for k, v in move.items() if k not in ("user_id", "id", "created_at")}
        parts = ["move", "event", "user"]
        with writes(parts, exists={"move", "idempotency"}), transaction() as t:
            t.save(MoveModel(move["user_id"], f"move#{move['id']}", move_id=move["id"], data=data,
                             created_at=move["created_at"]), condition=MoveModel.sk.does_not_exist())
            t.save(event_model(event))
            user = UserModel(move["user_id"])
            user.version = user_version
            t.update(user, actions=[UserModel.moving_to.set(moving_to)], condition=UserModel.id.exists())
            if idempotency is not None:
                _claim_key(t, parts, idempotency)

    def get(self, user_id, move_id):
        return _move(get_or_none(MoveModel, user_id, range_key=f"move#{move_id}", consistent_read=True))

    def find(self, move_id):
        """A move by id alone (staff): one Query of by_id."""
        rows = list(MoveModel.by_id.query(move_id, limit=1))
        return _move(rows[0]) if rows else None

    def of_user(self, user_id, limit=20):
        return [_move(r) for r in MoveModel.query(user_id, MoveModel.sk.startswith("move#"),
                                                  scan_index_forward=False, limit=limit, consistent_read=True)]

    def add_audit(self, user_id, move_id, entry, now, key):
        """An officer's read or undo, kept in the move's own partition."""
        MoveModel(user_id, f"audit#{move_id}#{now.isoformat()}#{key}", data=entry, created_at=now).save()

    def audit(self, user_id, move_id):
        return [{**r.data, "at": r.created_at} for r in MoveModel.query(
            user_id, MoveModel.sk.startswith(f"audit#{move_id}#"), consistent_read=True)]

    def settle_part(self, user_id, move_id, name, from_states, state, data, now):
        """The part moved on from one of `from_states`: False when it was not
        in one of them (another run or a choice moved it first)."""
        row = MoveModel(user_id, f"part#{move_id}#{name}")
        data = {**data, "version": int(data.get("version") or 1) + 1}  # staff's undo names it (If-Match)
        try:
            with writes(["part"]):
                row.update(actions=[MoveModel.state.set(state), MoveModel.data.set(data),
                                    MoveModel.updated_at.set(now)],
                           condition=MoveModel.sk.exists() & MoveModel.state.is_in(*from_states))
        except EditConflict:
            return False
        return True
