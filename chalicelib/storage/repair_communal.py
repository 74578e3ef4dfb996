"""A block's communal repairs as its residents see them, and their "me too"s.

One table, `repair-communal`, partitioned by the repair: its `repair` item is
what the block's tenants may read (where, what, the reporter's words, its
state, how many said "me too"; never the reporter's name, contact, access
notes or photos), written in the same transaction as every change of the
repair, so the two never disagree; each `tenant#<user id>` item is one
tenant's "me too", put on condition it is new, in one transaction with the
count's increment on condition the repair is open: a retry, a second tab or
a twin request counts nothing more. The sparse `open_block` index holds the
open ones by block, newest first: a block's open communal repairs are one
Query of it, reading what it returns. The count lives here, not on the repair,
so a neighbour's "me too" never makes an officer's If-Match stale.
"""
from pynamodb.attributes import NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex

from .binding import Stored, bind, record_of, table, transaction, writes
from .records import CommunalRepair

OPEN = ("reported", "booked")
ROW = "repair"


class OpenBlockIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "open_block"
        projection = AllProjection()

    open_block = UnicodeAttribute(hash_key=True)
    created_at = UTCDateTimeAttribute(range_key=True)


class CommunalModel(Stored):
    class Meta:
        table_name = table("repair-communal")
        billing_mode = "PAY_PER_REQUEST"

    repair_id = UnicodeAttribute(hash_key=True)
    key = UnicodeAttribute(range_key=True)  # "repair", or "tenant#<user id>" for a "me too"
    block = UnicodeAttribute(null=True)
    open_block = UnicodeAttribute(null=True)  # the block while the repair is open: the sparse index
    location = UnicodeAttribute(null=True)
    problem = UnicodeAttribute(null=True)
    issue = UnicodeAttribute(null=True)
    description = UnicodeAttribute(null=True)
    status = UnicodeAttribute(null=True)
    reporter = UnicodeAttribute(null=True)  # whose it is: their own is in their list, not among their block's
    created_at = UTCDateTimeAttribute(null=True)
    me_too = NumberAttribute(null=True)

    open_index = OpenBlockIndex()


def put_communal(t, parts, repair, first=False):
    """In a repair's own transaction: its communal row made (`first`) or kept
    as the repair now is (its count untouched), for a repair of a block's shared parts."""
    M = CommunalModel
    is_open = repair.status in OPEN
    if first:
        t.save(M(repair.id, ROW, block=repair.block, open_block=repair.block, location=repair.location,
                 problem=repair.problem, issue=repair.issue, description=repair.description, status=repair.status,
                 reporter=repair.user_id, created_at=repair.created_at, me_too=0))
    else:
        t.update(M(repair.id, ROW), actions=[
            M.status.set(repair.status), M.description.set(repair.description or ""), M.reporter.set(repair.user_id),
            M.open_block.set(repair.block) if is_open else M.open_block.remove()])
    parts.append("communal")


class CommunalStore:
    def __init__(self):
        bind()

    def open_in(self, block, limit=50):
        """A block's open communal repairs, newest first: one Query of the sparse index."""
        return [record_of(CommunalRepair, item) for item in
                CommunalModel.open_index.query(block, scan_index_forward=False, limit=limit)]

    def supported(self, repair_ids, user_id):
        """Which of these repairs this tenant said "me too" to: one BatchGetItem by key, reading those found."""
        keys = [(rid, f"tenant#{user_id}") for rid in repair_ids]
        return {item.repair_id for item in CommunalModel.batch_get(keys)} if keys else set()

    def get(self, repair_id):
        try:
            return record_of(CommunalRepair, CommunalModel.get(repair_id, ROW, consistent_read=True))
        except CommunalModel.DoesNotExist:
            return None

    def me_too(self, repair_id, user_id, now):
        """One tenant's "me too", once: the row put on condition it is new and the
        count raised on condition the repair is open, in one transaction.
        AlreadyExists("me_too") when they said it before; EditConflict("communal") when it is closed."""
        M = CommunalModel
        parts = ["me_too", "communal"]
        with writes(parts, exists={"me_too"}), transaction() as t:
            t.save(M(repair_id, f"tenant#{user_id}", created_at=now), condition=M.key.does_not_exist())
            t.update(M(repair_id, ROW), actions=[M.me_too.add(1)], condition=M.open_block.exists())

    def forget_reporter(self, repair_id):
        """Erasure: the row no longer names whose it was."""
        with writes(["communal"]):
            CommunalModel(repair_id, ROW).update(actions=[CommunalModel.reporter.remove()])


__all__ = ["CommunalModel", "CommunalStore", "put_communal"]
