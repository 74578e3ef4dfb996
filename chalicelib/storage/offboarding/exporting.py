"""Exporting everything of a council (docs/offboarding-format.md): each kind's items as JSON lines
in numbered parts, its files beside them with an index of each, and a manifest of counts and
SHA-256 checksums with the data map's declaration of each kind.

A kind is read a part at a time from its cursor: up to PART_ITEMS of the council's items (or
PART_PAGES Scan pages, whichever first) are written as part n, then the cursor, n + 1 and the
count are saved together. A process killed before the save writes part n again from the same
cursor, whole, in place of the first; killed after it, goes on from part n + 1. So no item is
written twice or missed, wherever it dies. The council is stopped first: nothing of it changes
meanwhile but what DynamoDB's TTL deletes.
"""
import hashlib

from ... import faults
from .kinds import ACCOUNTS, PACKAGE, SETTINGS, SETTINGS_AUDIT, attribute_types, council_tables
from .paging import call, scan_page
from .plain import line, plain
from .records import OffboardStore

FORMAT, FORMAT_VERSION = "doorstep-council-export", 1
PART_ITEMS = 5000
PART_PAGES = 20
FILES_PAGE = 200  # files copied, and indexed in one part, between two saves of the cursor
STEP = "export"


def sha256(data):
    return hashlib.sha256(data).hexdigest()


class Export:
    """One run of a council's export into `sink`, until done or its budget is spent."""

    def __init__(self, council, sink, budget, store=None, tell=None):
        self.council, self.sink, self.budget = council, sink, budget
        self.store = store or OffboardStore()
        self.tell = tell or (lambda kind, count: None)

    def run(self):
        """Whether every kind is exported (False: the budget ran out first; run again to go on)."""
        for kind in council_tables():
            read = self._scanner(kind)
            if not self._paged(kind.name, read):
                return False
        for name, read in ((SETTINGS, self._settings), (SETTINGS_AUDIT, self._audit), (ACCOUNTS, self._accounts)):
            if not self._paged(name, read):
                return False
        return all(self._files(kind) for kind in file_kinds())

    def _paged(self, name, read):
        state, version = self.store.progress(self.council, STEP, name)
        state = state or {"cursor": None, "part": 1, "items": 0, "parts": [], "done": False}
        while not state["done"]:
            if self.budget.spent():
                return False
            records, cursor, pages = [], state["cursor"], 0
            while True:
                found, cursor = read(cursor)
                records += found
                pages += 1
                if not cursor or len(records) >= PART_ITEMS or pages >= PART_PAGES:
                    break
            parts = state["parts"] + self._part(f"kinds/{name}/{state['part']:05d}.jsonl", records, "items")
            state = {"cursor": cursor, "part": state["part"] + bool(records), "items": state["items"] + len(records),
                     "parts": parts, "done": cursor is None}
            version = self._saved(name, state, version, state["items"])
        return True

    def _part(self, path, records, counted):
        """[the part written at `path`: its records as JSON lines], or [] when there are none."""
        if not records:
            return []
        data = b"".join(line(r) for r in records)
        self.sink.write(path, data)
        faults.boundary("offboard.part_written")
        return [{"path": path, counted: len(records), "bytes": len(data), "sha256": sha256(data)}]

    def _saved(self, name, state, version, count):
        version = self.store.save_progress(self.council, STEP, name, state, version)
        faults.boundary("offboard.export_saved")
        self.tell(name, count)
        return version

    def _scanner(self, kind):
        def read(cursor):
            items, cursor = scan_page(kind.table, cursor, self.council, kind.keys[0])
            return [plain(i, self.council, kind.council_keyed, kind.json_attributes) for i in items], cursor
        return read

    def _settings(self, _cursor):
        found = self.store.settings_row(self.council)
        return ([{"id": self.council, "version": found[1], "document": found[0]}] if found else []), None

    def _audit(self, cursor):
        return self.store.audit_page(self.council, cursor)

    def _accounts(self, cursor):
        """The accounts that name the council, each without its credentials (a password's digest is no
        use to the council, and no one's to hand on)."""
        left_out = credentials()
        items, cursor = accounts_page(self.council, cursor)
        return [{k: v for k, v in plain(i, self.council).items() if k not in left_out} for i in items], cursor

    def _files(self, kind):
        """Copy the council's files of one kind (`photos/`) beside the items, a page at a time, each
        page's index written as one part, then the place saved (StartAfter: the page's last key)."""
        from ..blobs import BlobStore
        store = BlobStore()
        name = f"files:{kind.rstrip('/')}"
        state, version = self.store.progress(self.council, STEP, name)
        state = state or {"after": None, "part": 1, "files": 0, "bytes": 0, "parts": [], "done": False}
        under = f"{kind}{self.council}/"
        while not state["done"]:
            if self.budget.spent():
                return False
            page = store.client.list_objects_v2(Bucket=store.bucket, Prefix=under, MaxKeys=FILES_PAGE,
                                                **({"StartAfter": state["after"]} if state["after"] else {}))
            listed, entries, size = page.get("Contents", []), [], 0
            for item in listed:
                got = store.client.get_object(Bucket=store.bucket, Key=item["Key"])
                body = got["Body"].read()
                path = f"files/{kind}{item['Key'][len(under):]}"
                self.sink.write(path, body)
                entries.append({"path": path, "key": kind + item["Key"][len(under):], "bytes": len(body),
                                "sha256": sha256(body), "content_type": got.get("ContentType")})
                size += len(body)
            parts = state["parts"] + self._part(f"index/{kind.rstrip('/')}/{state['part']:05d}.jsonl", entries, "files")
            state = {"after": listed[-1]["Key"] if listed else state["after"], "part": state["part"] + bool(entries),
                     "files": state["files"] + len(entries), "bytes": state["bytes"] + size, "parts": parts,
                     "done": not page.get("IsTruncated")}
            version = self._saved(name, state, version, state["files"])
        return True


def file_kinds(with_exports=False):
    """The bucket's kinds of file (`photos/`, `uploads/`...), exports' own (offboarding/) left out unless
    asked for (a deletion takes the council's export in the bucket with the rest): one listing."""
    from ..blobs import BlobStore
    store = BlobStore()
    found, token = [], None
    while True:
        page = store.client.list_objects_v2(Bucket=store.bucket, Delimiter="/",
                                            **({"ContinuationToken": token} if token else {}))
        found += [p["Prefix"] for p in page.get("CommonPrefixes", []) if with_exports or p["Prefix"] != PACKAGE]
        token = page.get("NextContinuationToken")
        if not token:
            return sorted(found)


def accounts_page(council, cursor, names=None):
    """A Scan page of the accounts naming the council: signed in at its address or granted a role there."""
    from ..accounts.accounts import UserModel
    arguments = {"TableName": UserModel.Meta.table_name, "ConsistentRead": True, "Limit": 500,
                 "FilterExpression": "contains(#g, :c) OR contains(#s, :c)",
                 "ExpressionAttributeNames": {"#g": "granted_in", "#s": "signed_in_at"},
                 "ExpressionAttributeValues": {":c": {"S": council}}}  # a value, not a key
    if names:
        arguments["ExpressionAttributeNames"].update({f"#n{i}": n for i, n in enumerate(names)})
        arguments["ProjectionExpression"] = ", ".join(f"#n{i}" for i in range(len(names)))
    if cursor:
        arguments["ExclusiveStartKey"] = cursor
    page = call("Scan", **arguments)
    return page.get("Items", []), page.get("LastEvaluatedKey")


def credentials():
    """The accounts' attributes the data map says are credentials: never exported."""
    from ..accounts.accounts import UserModel
    from ..data_map import declared
    fields = getattr(declared(UserModel), "fields", {})
    return {name for name, kind in fields.items() if kind == "credentials"}


def manifest(council, record, now, store=None):
    """The export's manifest from every kind's progress (docs/offboarding-format.md)."""
    from ..accounts.accounts import UserModel
    from ..councils import CouncilModel
    rows = (store or OffboardStore()).all_progress(council, STEP)
    kinds = {}
    for kind in council_tables():
        kinds[kind.name] = {**_listed(rows[kind.name]), "table": kind.name, "keys": list(kind.keys),
                            "council_keys": list(kind.council_keyed), "attributes": attribute_types(kind.model),
                            "declaration": declaration(kind.model)}
    for name, model, table in ((SETTINGS, CouncilModel, "councils"), (SETTINGS_AUDIT, CouncilModel, "councils"),
                               (ACCOUNTS, UserModel, "users")):
        kinds[name] = {**_listed(rows[name]), "table": table, "declaration": declaration(model)}
    kinds[ACCOUNTS]["left_out"] = sorted(credentials())
    files = {name.partition(":")[2]: {"files": state["files"], "bytes": state["bytes"], "index": state["parts"]}
             for name, state in sorted(rows.items()) if name.startswith("files:")}
    return {"format": FORMAT, "version": FORMAT_VERSION, "council": {key: record.get(key) for key in ("id", "name",
                                                                                                       "hosts")},
            "stopped_at": record.get("stopped_at"), "exported_at": now.isoformat(), "kinds": kinds, "files": files,
            "totals": {"items": sum(k["items"] for k in kinds.values()),
                       "files": sum(f["files"] for f in files.values()),
                       "file_bytes": sum(f["bytes"] for f in files.values())}}


def _listed(state):
    return {"items": state["items"], "parts": state["parts"]}


def declaration(model):
    """The data map's declaration of a model (storage/data_map.py), as the manifest says it."""
    from ..data_map import Holds, declared
    found = declared(model)
    if found is None:
        return {"personal": None}
    if not isinstance(found, Holds):
        return {"personal": False, "not_personal": dict(found.not_personal)}
    r = found.retention
    return {"personal": True, "fields": dict(found.fields), "whose": found.whose, "purpose": found.purpose,
            "basis": found.basis, "part": found.part, "recipients": list(found.recipients),
            "retention": {"after": r.after, "months": r.months, "days": r.days, "then": r.then, "source": r.source,
                          "note": r.note},
            "not_personal": dict(found.not_personal), "copy_of": found.copy_of or None}
