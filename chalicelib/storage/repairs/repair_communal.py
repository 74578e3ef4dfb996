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
so a neighbour's "me too" never makes an officer's If-Match stale. The sparse
`by_tenant` index (keys only) holds the "me too" rows by whose they are, newest
first: a person's are one Query reading theirs alone, for their account's export
and its erasure, which deletes each with one off its repair's count.
"""
from pynamodb.attributes import NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex, KeysOnlyProjection

from ..binding import Stored, bind, record_of, table, transaction, writes
from ..council_key import CouncilKey
from ..errors import EditConflict
from ..records import CommunalRepair
from ..data_map import KEPT_AS_A_REPAIR, Holds

OPEN = ("reported", "booked")
ROW = "repair"


class OpenBlockIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "open_block"
        projection = AllProjection()

    open_block = CouncilKey(hash_key=True)
    created_at = UTCDateTimeAttribute(range_key=True)


class TenantIndex(GlobalSecondaryIndex):
    """A tenant's "me too" rows, newest first (sparse: only they carry `tenant`); keys are all it needs."""
    class Meta:
        index_name = "by_tenant"
        projection = KeysOnlyProjection()

    tenant = CouncilKey(hash_key=True)
    created_at = UTCDateTimeAttribute(range_key=True)


class CommunalModel(Stored):
    class Meta:
        table_name = table("repair-communal")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"tenant": "identifier", "description": "free_text", "location": "free_text", "reporter": "identifier"},
        whose="tenant", part="repairs", basis="contract", copy_of="repairs",
        purpose="A block's communal repair as its tenants see it, and their \"me too\"s", retention=KEPT_AS_A_REPAIR)

    repair_id = CouncilKey(hash_key=True)
    key = UnicodeAttribute(range_key=True)  # "repair", or "tenant#<user id>" for a "me too"
    block = UnicodeAttribute(null=True)
    open_block = CouncilKey(null=True)  # the block while the repair is open: the sparse index
    location = UnicodeAttribute(null=True)
    problem = UnicodeAttribute(null=True)
    issue = UnicodeAttribute(null=True)
    description = UnicodeAttribute(null=True)
    status = UnicodeAttribute(null=True)
    reporter = UnicodeAttribute(null=True)  # whose it is: their own is in their list, not among their block's
    created_at = UTCDateTimeAttribute(null=True)
    me_too = NumberAttribute(null=True)
    tenant = CouncilKey(null=True)  # on a "me too" row: whose it is, the by_tenant index's key

    open_index = OpenBlockIndex()
    tenant_index = TenantIndex()


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
            t.save(M(repair_id, f"tenant#{user_id}", created_at=now, tenant=user_id),
                   condition=M.key.does_not_exist())
            t.update(M(repair_id, ROW), actions=[M.me_too.add(1)], condition=M.open_block.exists())

    def said_by(self, user_id, limit=1000):
        """The communal repairs this tenant said "me too" to, newest first, each with `said_at`: one
        Query of the by_tenant index and one BatchGetItem of those repairs' rows, reading what they return."""
        said = {item.repair_id: item.created_at for item in CommunalModel.tenant_index.query(
            user_id, scan_index_forward=False, limit=limit)}
        rows = {item.repair_id: item for item in CommunalModel.batch_get([(rid, ROW) for rid in said])} \
            if said else {}
        found = []
        for repair_id, at in said.items():
            record = record_of(CommunalRepair, rows.get(repair_id)) or CommunalRepair(repair_id=repair_id)
            record.said_at = at
            found.append(record)
        return found

    def forget_tenant(self, user_id):
        """Erasure: each of this tenant's "me too" rows deleted with one off its repair's count, in one
        transaction each (found by the by_tenant index: one Query), so the count stays the rows there are;
        a twin erasure deletes and counts nothing more. Returns how many went."""
        M, gone = CommunalModel, 0
        for item in M.tenant_index.query(user_id):
            try:
                with writes(["me_too", "communal"]), transaction() as t:
                    t.delete(M(item.repair_id, item.key), condition=M.key.exists())
                    t.update(M(item.repair_id, ROW), actions=[M.me_too.add(-1)], condition=M.me_too > 0)
            except EditConflict as e:
                if e.part != "communal":
                    continue  # gone already: a twin erasure took it and its count
                with writes(["me_too"]):  # a count at nought already: the row goes, the count stays nought
                    M(item.repair_id, item.key).delete()
            gone += 1
        return gone

    def add_missing_keys(self):
        """"Me too" rows written before the by_tenant index given its key (after `doorstep tables` adds
        the index; a scan, as the reports' own): returns how many were changed."""
        M, changed = CommunalModel, 0
        for item in M.scan(filter_condition=M.key.startswith("tenant#") & M.tenant.does_not_exist()):
            item.update(actions=[M.tenant.set(item.key.split("#", 1)[1])])
            changed += 1
        return changed

    def forget_supporters(self, repair_id):
        """Retention: the "me too" rows of a repair deleted, its count as it was (the figure stays true, no
        longer anyone's): one Query of its partition, one DeleteItem each; deleting what is gone is no error,
        so a sweep killed part way does the rest. How many went."""
        M, gone = CommunalModel, 0
        for item in M.query(repair_id, M.key.startswith("tenant#"), consistent_read=True):
            with writes(["me_too"]):
                M(item.repair_id, item.key).delete()
            gone += 1
        return gone

    def forget_reporter(self, repair_id):
        """Erasure: the row no longer names whose it was."""
        with writes(["communal"]):
            CommunalModel(repair_id, ROW).update(actions=[CommunalModel.reporter.remove()])


__all__ = ["CommunalModel", "CommunalStore", "put_communal"]
