"""Deleting everything of a council, and proving it (docs/decisions/offboarding.md).

Each council table is read whole, a Scan page of keys at a time: the council's keys are saved as
the page's pending deletions, deleted (25 to a BatchWriteItem), and the cursor moved on past them
with the count, while every other council's items on the page are counted as they were before.
A process killed after the save of a page's pending keys deletes them again (nothing changes for a
key deleted already) and counts them once; killed before it, reads the page again. Then every
table is read again and every council's items counted as they are after, the council's must be
none, and each index is read for the council's entries: none either. Its files go the same way,
a listing at a time; its marks on the accounts are taken off, and an account left naming no
council at all is deleted with the identities that lead to it.

Where the bucket keeps old versions, each file is first tagged with the council's backup_days,
which the bucket's rules (infra/template/photos.py) expire its old versions after.
"""
from collections import Counter

from ... import faults
from .exporting import accounts_page, file_kinds
from .kinds import ACCOUNTS, council_tables
from .paging import call, council_of_key, count_in_index, delete_keys, scan_page
from .records import OffboardStore

DELETE, BEFORE, AFTER = "delete", "before", "after"
FILES_PAGE = 1000  # a listing's most, and DeleteObjects' most
BACKUP_TAG = "backup-days"
NONE = "(no council)"  # a row of no council's in a council table (one from before councils were kept apart)
INDEX_TRIES = 6  # an index follows its table within a second: read again before a count is believed


class Deletion:
    """One run of a council's deletion, until done or its budget is spent."""

    def __init__(self, council, budget, backup_days, store=None, tell=None, sleep=None):
        import time
        self.council, self.budget, self.backup_days = council, budget, backup_days
        self.store = store or OffboardStore()
        self.tell = tell or (lambda kind, count: None)
        self.sleep = sleep or time.sleep

    def run(self):
        """Whether everything is deleted and read back (False: the budget ran out; run again to go on)."""
        kinds, files = council_tables(), file_kinds(with_exports=True)
        steps = [lambda k=k: self._table(k) for k in kinds] + [self._accounts]
        for kind in files:
            steps += [lambda k=kind: self._count_files(k, BEFORE), lambda k=kind: self._files(k)]
        steps += [lambda k=k: self._after(k) for k in kinds] + [self._accounts_after]
        steps += [lambda k=kind: self._count_files(k, AFTER) for kind in files]
        return all(step() for step in steps)  # all() stops at the first step left unfinished

    def _progress(self, step, kind, fresh):
        state, version = self.store.progress(self.council, step, kind)
        return (state or fresh), version

    def _table(self, kind):
        state, version = self._progress(DELETE, kind.name, {"cursor": None, "pending": None, "next": None,
                                                            "page_others": {}, "deleted": 0, "others": {},
                                                            "done": False})
        while not state["done"]:
            if state["pending"] is None:
                if self.budget.spent():
                    return False
                items, after = scan_page(kind.table, state["cursor"], names=list(kind.keys))
                mine, others = [], Counter()
                for item in items:
                    owner = council_of_key(item.get(kind.keys[0])) or NONE
                    if owner == self.council:
                        mine.append({k: item[k] for k in kind.keys})
                    else:
                        others[owner] += 1
                state = {**state, "pending": mine, "next": after, "page_others": dict(others)}
                if mine:  # saved before any is deleted: a restart deletes these again and counts them once
                    version = self.store.save_progress(self.council, DELETE, kind.name, state, version)
            deleted = state["pending"]
            delete_keys(kind.table, deleted)
            if deleted:
                faults.boundary("offboard.deleted")
            state = {"cursor": state["next"], "pending": None, "next": None, "page_others": {},
                     "deleted": state["deleted"] + len(deleted),
                     "others": _added(state["others"], state["page_others"]), "done": state["next"] is None}
            version = self.store.save_progress(self.council, DELETE, kind.name, state, version)
            if deleted:
                faults.boundary("offboard.delete_saved")
            self.tell(f"deleting {kind.name}", state["deleted"])
        return True

    def _after(self, kind):
        """Every council's items of the table counted after; the council's index entries read back."""
        state, version = self._progress(AFTER, kind.name, {"cursor": None, "counts": {}, "done": False})
        while not state["done"]:
            if self.budget.spent():
                return False
            items, after = scan_page(kind.table, state["cursor"], names=[kind.keys[0]])
            page = Counter(council_of_key(item.get(kind.keys[0])) or NONE for item in items)
            state = {"cursor": after, "counts": _added(state["counts"], page), "done": after is None}
            if state["done"]:
                state["indexes"] = {name: self._index_count(kind, name, key) for name, key in kind.indexes}
            version = self.store.save_progress(self.council, AFTER, kind.name, state, version)
            self.tell(f"counting {kind.name}", sum(state["counts"].values()))
        return True

    def _index_count(self, kind, index, key):
        for attempt in range(INDEX_TRIES):
            found = count_in_index(kind.table, index, key, self.council)
            if found == 0:
                return 0
            self.sleep(0.1 * 2 ** attempt)  # an index follows its table: read again before believing it
        return found

    def _accounts(self):
        """The council taken off every account naming it; an account then naming no council, and not
        the deployment's operator, deleted with the identities that lead to it."""
        state, version = self._progress(DELETE, ACCOUNTS, {"cursor": None, "pending": None, "next": None,
                                                           "deleted": 0, "kept": 0, "done": False})
        while not state["done"]:
            if state["pending"] is None:
                if self.budget.spent():
                    return False
                items, after = accounts_page(self.council, state["cursor"], names=["id", "identity_keys"])
                pending = [{"id": i["id"]["S"], "identities": _identities(i)} for i in items]
                state = {**state, "pending": pending, "next": after}
                if pending:
                    version = self.store.save_progress(self.council, DELETE, ACCOUNTS, state, version)
            outcomes = Counter(self._unmark(account) for account in state["pending"])
            state = {"cursor": state["next"], "pending": None, "next": None,
                     "deleted": state["deleted"] + outcomes["deleted"], "kept": state["kept"] + outcomes["kept"],
                     "done": state["next"] is None}
            version = self.store.save_progress(self.council, DELETE, ACCOUNTS, state, version)
            self.tell("accounts", state["deleted"] + state["kept"])
        return True

    def _unmark(self, account):
        from botocore.exceptions import ClientError
        from ..accounts.accounts import IdentityModel, UserModel
        table, names = UserModel.Meta.table_name, {"#g": "granted_in", "#s": "signed_in_at", "#v": "version",
                                                   "#id": "id"}
        key = {"id": {"S": account["id"]}}  # a value, not a key: the users table is the deployment's
        try:
            left = call(
                "UpdateItem", TableName=table, Key=key, UpdateExpression="DELETE #g :c, #s :c ADD #v :one",
                ConditionExpression="attribute_exists(#id)", ExpressionAttributeNames=names,
                ExpressionAttributeValues={":c": {"SS": [self.council]}, ":one": {"N": "1"}},
                ReturnValues="ALL_NEW")["Attributes"]
        except ClientError as e:
            if e.response.get("Error", {}).get("Code") != "ConditionalCheckFailedException":
                raise
            left = None  # deleted already (by a run that died, or by its owner)
        if left is not None:
            if "granted_in" in left or "signed_in_at" in left or left.get("operator", {}).get("BOOL") or "role" in left:
                return "kept"  # another council's too, the operator, or a grant from before councils
            try:
                call("DeleteItem", TableName=table, Key=key,
                     ConditionExpression="attribute_not_exists(#g) AND attribute_not_exists(#s) AND #v = :v",
                     ExpressionAttributeNames={k: names[k] for k in ("#g", "#s", "#v")},
                     ExpressionAttributeValues={":v": left["version"]})
            except ClientError as e:
                if e.response.get("Error", {}).get("Code") != "ConditionalCheckFailedException":
                    raise
                return "kept"  # used at another council meanwhile
        for identity in account["identities"]:
            try:
                call("DeleteItem", TableName=IdentityModel.Meta.table_name,
                                     Key={"key": {"S": identity}},  # a value, not a key: the deployment's table
                                     ConditionExpression="user_id = :u",
                                     ExpressionAttributeValues={":u": {"S": account["id"]}})  # a value, not a key
            except ClientError as e:
                if e.response.get("Error", {}).get("Code") != "ConditionalCheckFailedException":
                    raise
        return "deleted"

    def _accounts_after(self):
        state, version = self._progress(AFTER, ACCOUNTS, {"cursor": None, "naming": 0, "done": False})
        while not state["done"]:
            if self.budget.spent():
                return False
            items, after = accounts_page(self.council, state["cursor"], names=["id"])
            state = {"cursor": after, "naming": state["naming"] + len(items), "done": after is None}
            version = self.store.save_progress(self.council, AFTER, ACCOUNTS, state, version)
        return True

    def _files(self, kind):
        """The council's files of one kind deleted a listing at a time (each from the start: what was
        deleted is no longer listed), the listing's keys saved first as the pending deletions."""
        from ..blobs import BlobStore
        store, name, under = BlobStore(), f"files:{kind.rstrip('/')}", f"{kind}{self.council}/"
        state, version = self._progress(DELETE, name, {"pending": None, "deleted": 0, "done": False})
        versioned = None
        while not state["done"]:
            if state["pending"] is None:
                if self.budget.spent():
                    return False
                listed = store.client.list_objects_v2(Bucket=store.bucket, Prefix=under, MaxKeys=FILES_PAGE)
                state = {**state, "pending": [item["Key"] for item in listed.get("Contents", [])]}
                if not state["pending"]:
                    state = {**state, "pending": None, "done": True}
                    version = self.store.save_progress(self.council, DELETE, name, state, version)
                    break
                version = self.store.save_progress(self.council, DELETE, name, state, version)
            if versioned is None:
                versioned = store.client.get_bucket_versioning(Bucket=store.bucket).get("Status") == "Enabled"
            if versioned:  # its old versions expire after the council's backup_days (the bucket's rules)
                for key in state["pending"]:
                    _tag(store, key, self.backup_days)
            store.client.delete_objects(Bucket=store.bucket, Delete={
                "Objects": [{"Key": key} for key in state["pending"]], "Quiet": True})
            faults.boundary("offboard.deleted")
            state = {"pending": None, "deleted": state["deleted"] + len(state["pending"]), "done": False}
            version = self.store.save_progress(self.council, DELETE, name, state, version)
            self.tell(f"deleting {name}", state["deleted"])
        return True

    def _count_files(self, kind, step):
        """Every council's files of one kind counted (`before` the deletion, or `after`), a listing at a time."""
        from ..blobs import BlobStore
        store, name = BlobStore(), f"files:{kind.rstrip('/')}"
        state, version = self._progress(step, name, {"after": None, "counts": {}, "done": False})
        while not state["done"]:
            if self.budget.spent():
                return False
            page = store.client.list_objects_v2(Bucket=store.bucket, Prefix=kind, MaxKeys=FILES_PAGE,
                                                **({"StartAfter": state["after"]} if state["after"] else {}))
            listed = page.get("Contents", [])
            counts = Counter(item["Key"][len(kind):].partition("/")[0] or NONE for item in listed)
            state = {"after": listed[-1]["Key"] if listed else state["after"],
                     "counts": _added(state["counts"], counts), "done": not page.get("IsTruncated")}
            version = self.store.save_progress(self.council, step, name, state, version)
        return True


def _tag(store, key, days):
    from botocore.exceptions import ClientError
    try:
        store.client.put_object_tagging(Bucket=store.bucket, Key=key, Tagging={"TagSet": [
            {"Key": BACKUP_TAG, "Value": str(days)}]})
    except ClientError as e:
        if e.response.get("Error", {}).get("Code") not in ("NoSuchKey", "404"):
            raise  # gone already: deleted by a run that died after


def _identities(item):
    held = item.get("identity_keys", {}).get("S")
    if not held:
        return []
    import json
    try:
        keys = json.loads(held)
    except ValueError:
        return []
    return [k for k in keys if isinstance(k, str)]


def _added(counts, more):
    total = Counter(counts)
    total.update(more)
    return dict(total)


CHANGED_KEPT = 200  # the other councils' changed counts the record keeps (a live deployment's own traffic)


def report(council, exported, store=None):
    """What the deletion did and what it read back, from every kind's progress: per kind the items
    exported, deleted and held after (none) and the index entries left (none); the accounts; the
    files; and every other council's counts before and after, by kind, with each that differs."""
    store = store or OffboardStore()
    deleted, before, after = (store.all_progress(council, step) for step in (DELETE, BEFORE, AFTER))
    kinds, others = {}, {"before": Counter(), "after": Counter()}
    changed = []
    for kind in council_tables():
        done, then = deleted[kind.name], after[kind.name]
        kinds[kind.name] = {"exported": exported.get(kind.name, 0), "deleted": done["deleted"],
                            "after": then["counts"].get(council, 0), "indexes": then.get("indexes", {})}
        changed += _compared(kind.name, done["others"], then["counts"], council, others)
    files = {}
    for name in sorted(n for n in deleted if n.startswith("files:")):
        counts_before, counts_after = before.get(name, {}).get("counts", {}), after.get(name, {}).get("counts", {})
        files[name.partition(":")[2]] = {"exported": exported.get(name, 0), "deleted": deleted[name]["deleted"],
                                         "after": counts_after.get(council, 0)}
        changed += _compared(name, {c: n for c, n in counts_before.items() if c != council}, counts_after, council,
                             others)
    accounts = {"exported": exported.get(ACCOUNTS, 0), "deleted": deleted[ACCOUNTS]["deleted"],
                "kept_without_it": deleted[ACCOUNTS]["kept"], "after": after[ACCOUNTS]["naming"]}
    zero = all(k["after"] == 0 and not any(k["indexes"].values()) for k in kinds.values()) and \
        all(f["after"] == 0 for f in files.values()) and accounts["after"] == 0
    # More deleted than exported: written after the export read past it (the stop's settling is to make it none).
    unexported = {name: k["deleted"] - k["exported"] for name, k in {**kinds, **files}.items()
                  if k["deleted"] > k["exported"]}
    return {"kinds": kinds, "files": files, "accounts": accounts, "zero_read_back": zero,
            "deleted_not_exported": unexported,
            "others": {"before": dict(sorted(others["before"].items())), "after": dict(sorted(others["after"].items())),
                       "changed": changed[:CHANGED_KEPT], "changed_count": len(changed),
                       "unchanged": not changed}}


def _compared(kind, before, after, council, others):
    """[{council, kind, before, after}] of each other council whose count of `kind` moved."""
    theirs = {c: n for c, n in after.items() if c != council}
    others["before"].update(before)
    others["after"].update(theirs)
    return [{"council": c, "kind": kind, "before": before.get(c, 0), "after": theirs.get(c, 0)}
            for c in sorted(set(before) | set(theirs)) if before.get(c, 0) != theirs.get(c, 0)]
