"""The test suite's storage on Amazon's DynamoDB Local instead of moto.

A contract module imports `aws` and `storage` from here, which override the
fixtures of tests/conftest.py for its tests, and re-runs an existing test
module with `rerun`: the same test functions, run against the real engine. S3,
SES and SNS stay on moto in-process (a model whose host is DynamoDB Local is
not intercepted by moto). Each xdist worker creates its tables once, under its
own prefix, and every test starts from empty tables, as under moto.
"""
from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

from contract.engine_session import engine_url

TESTS_DIR = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def dynamodb_local_tables():
    """({variable: value} that point storage at them, {table: key attribute names}):
    the tables of one worker, created once on the shared engine."""
    from chalicelib.storage import binding
    from chalicelib.storage.tables import ensure_tables
    _note_writes()
    settings = {"DOORSTEP_DYNAMODB_ENDPOINT": engine_url(),
                "DOORSTEP_TABLE_PREFIX": f"contract-{os.environ.get('PYTEST_XDIST_WORKER', 'gw')}-"}
    # Only while creating them: the moto tests this worker runs next must not see them.
    with pytest.MonkeyPatch.context() as patch:
        for name, value in settings.items():
            patch.setenv(name, value)
        ensure_tables(wait=False)  # DynamoDB Local makes tables ACTIVE at once
        keys = {m.Meta.table_name: [a.attr_name for a in (m._hash_key_attribute(), m._range_key_attribute()) if a]
                for m in binding.models()}
    return settings, keys


@pytest.fixture
def aws(dynamodb_local_tables, monkeypatch):
    from moto import mock_aws
    settings, _ = dynamodb_local_tables
    for name, value in settings.items():
        monkeypatch.setenv(name, value)
    from conftest import empty_aws
    with mock_aws():
        # Inside the worker's own moto (its moto tests started it), this
        # mock_aws starts from what they left: S3 objects, queues, mail.
        empty_aws()
        yield


@pytest.fixture
def storage(aws, dynamodb_local_tables):
    _, keys = dynamodb_local_tables
    start_from_empty(keys)


def start_from_empty(keys: dict[str, list[str]]) -> None:
    """Every table as a new test expects it: empty, but the demo categories every test starts with."""
    from chalicelib.storage.blobs import BlobStore
    from chalicelib.storage.reports.services import ServiceModel, ServiceStore, clear_cache
    from doorstep_cli.seed import load_services
    services = ServiceModel.Meta.table_name
    # Only the tables written since the last test are emptied: scanning all
    # fifty empty ones cost a second a test (290 tests). The categories every
    # test starts with are loaded again only when a test changed them.
    _WRITTEN.take_in_childrens_writes()
    written = set(keys) if _WRITTEN.everything else _WRITTEN & set(keys)
    unchanged = bool(_LOADED_SERVICES) and (services not in written or
                                            _scan(services, None) == _LOADED_SERVICES)
    _empty_tables({t: keys[t] for t in written if not (unchanged and t == services)})
    _WRITTEN.clear()
    _WRITTEN.everything = False
    clear_cache()
    from chalicelib.storage.staff import due_rules
    from chalicelib.storage.forms import forms
    due_rules.clear_cache()
    forms.clear_cache()  # a version cached from the emptied table would answer for the next test's form
    BlobStore().ensure_bucket()
    if not unchanged:
        load_services(ServiceStore())
        _LOADED_SERVICES[:] = _scan(services, None)
        # Its own loading is no test's change: the next set-up finds the table unwritten and keeps it.
        # (Before, the loading marked it written and the comparison read keys alone against whole items,
        # so every test emptied and loaded it again: 19 deletes and 19 puts a test.)
        _WRITTEN.discard(services)


_LOADED_SERVICES: list = []


class _Written(set):
    """The tables this process has written through botocore since the tests'
    tables were last emptied; `everything` until the first emptying (another
    run may have left items). A process forked from it (a step killed with
    SIGKILL, tests/support/kill_support.py) notes each table in `by_children`,
    a file, before it writes there: it may die before it could say so later."""
    everything = True
    by_children: Path | None = None
    forked = False

    def take_in_childrens_writes(self) -> None:
        """Take in what forked children wrote, and start their file again."""
        if self.by_children is not None and self.by_children.exists():
            self.update(filter(None, self.by_children.read_text().split("\n")))
            self.by_children.write_text("")


_WRITTEN = _Written()
_WRITES = {"PutItem", "UpdateItem", "DeleteItem"}


def _note_writes():
    """Wrap botocore's calls once per process to note which tables are written
    (PynamoDB's clients are made per thread and connection, so a session hook
    would miss some)."""
    import atexit
    import shutil
    import tempfile
    from botocore.client import BaseClient
    if getattr(BaseClient._make_api_call, "notes_writes", False):
        return
    made = BaseClient._make_api_call
    folder = tempfile.mkdtemp(prefix="doorstep-written-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    _WRITTEN.by_children = Path(folder) / "tables"
    os.register_at_fork(after_in_child=lambda: setattr(_WRITTEN, "forked", True))

    def noted(self, operation, params):
        if operation in _WRITES or operation in ("CreateTable", "DeleteTable"):
            tables = {params.get("TableName")}
        elif operation == "BatchWriteItem":
            tables = set(params.get("RequestItems", {}))
        elif operation == "TransactWriteItems":
            tables = {next(iter(item.values())).get("TableName") for item in params.get("TransactItems", [])}
        else:
            return made(self, operation, params)
        _WRITTEN.update(tables)
        if _WRITTEN.forked:
            with open(_WRITTEN.by_children, "a") as note:  # one write(2) of whole lines, appended
                note.write("".join(f"{table}\n" for table in tables if table))
        return made(self, operation, params)

    noted.notes_writes = True
    BaseClient._make_api_call = noted


def _scan(table: str, key_names: list[str] | None, limit: int | None = None) -> list[dict]:
    """Every item, sorted; with `limit`, one page of at most that many, and None if the table holds more."""
    from chalicelib.storage import binding
    arguments = {"TableName": table, "ConsistentRead": True}
    if key_names:
        names = {f"#k{i}": name for i, name in enumerate(key_names)}
        arguments.update(ProjectionExpression=", ".join(names), ExpressionAttributeNames=names)
    if limit:
        page = binding.connection().client.scan(**arguments, Limit=limit)
        return None if "LastEvaluatedKey" in page else sorted(page["Items"], key=repr)
    pages = binding.connection().client.get_paginator("scan").paginate(**arguments)
    return sorted((item for page in pages for item in page["Items"]), key=repr)


def _empty_tables(keys: dict[str, list[str]]) -> None:
    from concurrent.futures import ThreadPoolExecutor
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(_empty_table, keys.items()))


# A table left holding thousands of items (a landlord's copy of 2,000 claims, 20,000 facilities) is made
# again rather than emptied: deleting 22,000 items 25 at a time took the next test's set-up 8 s.
REMAKE_OVER = 1000


def _empty_table(table_and_keys: tuple[str, list[str]]) -> None:
    from chalicelib.storage import binding
    table, key_names = table_and_keys
    # One call for a table holding at most REMAKE_OVER (empty, the usual case: a counting scan, then a
    # scan of its keys, were two); a table holding more (or a page cut at 1 MB) is read to its end.
    doomed = _scan(table, key_names, limit=REMAKE_OVER + 1)
    if doomed is None:
        if _holds_over(table, REMAKE_OVER) and _made_again(table):
            return
        doomed = _scan(table, key_names)
    for start in range(0, len(doomed), 25):
        binding.connection().client.batch_write_item(RequestItems={table: [
            {"DeleteRequest": {"Key": key}} for key in doomed[start:start + 25]]})


def _holds_over(table: str, count: int) -> bool:
    """Whether the table holds more than `count` items: one Scan page of them, counted."""
    from chalicelib.storage import binding
    return binding.connection().client.scan(TableName=table, Select="COUNT", Limit=count + 1)["Count"] > count


def _made_again(table: str) -> bool:
    """The table deleted and created again empty, with its keys and indexes (every table is billed per
    request): the engine does both at once. Not a table with a stream (a reader's kept position names
    its shards): False, to be emptied item by item."""
    from chalicelib.storage import binding
    client = binding.connection().client
    described = client.describe_table(TableName=table)["Table"]
    if described.get("StreamSpecification", {}).get("StreamEnabled"):
        return False
    made = {"TableName": table, "KeySchema": described["KeySchema"],
            "AttributeDefinitions": described["AttributeDefinitions"], "BillingMode": "PAY_PER_REQUEST"}
    for kind in ("GlobalSecondaryIndexes", "LocalSecondaryIndexes"):
        if described.get(kind):
            made[kind] = [{k: index[k] for k in ("IndexName", "KeySchema", "Projection")} for index in described[kind]]
    client.delete_table(TableName=table)
    client.create_table(**made)
    return True


def written_items() -> dict[str, list[dict]]:
    """{table: its items} of every table written since the tests' tables were last emptied
    (support/kept_tables.py keeps them for a later test)."""
    _WRITTEN.take_in_childrens_writes()
    return {table: _scan(table, None) for table in sorted(_WRITTEN)}


def put_items(tables: dict[str, list[dict]]) -> None:
    """written_items()'s items written back, 25 to a BatchWriteItem."""
    from chalicelib.storage import binding
    client = binding.connection().client
    for table, items in tables.items():
        for start in range(0, len(items), 25):
            client.batch_write_item(RequestItems={table: [{"PutRequest": {"Item": item}}
                                                          for item in items[start:start + 25]]})

def rerun(relative_path: str, namespace: dict, only: tuple[str, ...] = (), overrides: dict | None = None) -> None:
    """Put the tests and fixtures of tests/<relative_path> into namespace,
    keeping what namespace defines already (the storage fixtures above).
    `only`: run again just the tests whose names hold one of these words, the
    ones whose outcome depends on the engine (conditional writes and races,
    transactions, key ranges and read costs, streams); the module's other
    tests check logic that moto runs the same way (docs/decisions/).
    `overrides`: the module's names set anew before its tests run (its
    cases kept to those the engine could answer differently)."""
    path = TESTS_DIR / relative_path
    if str(path.parent) not in sys.path:
        sys.path.insert(0, str(path.parent))  # its own support modules, as pytest would
    name = "contract_rerun_" + relative_path.replace("/", "_").removesuffix(".py")
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for attribute, value in (overrides or {}).items():
        assert hasattr(module, attribute), f"{relative_path} has no {attribute} to override"
        setattr(module, attribute, value)
    kept = []
    for attribute, value in vars(module).items():
        if attribute.startswith("test_") and only and not any(word in attribute for word in only):
            continue
        if not attribute.startswith("__") and attribute not in namespace:
            namespace[attribute] = value
            kept.append(attribute)
    assert not only or all(any(word in name for name in kept) for word in only), f"{only}: a word names no test"


@pytest.fixture
def dispatcher(storage, tmp_path):
    """`make run`'s dispatcher: the events table's stream, read as Lambda reads
    it, handed to the Lambda's handler. The events table is made anew so its
    stream holds this test's events only."""
    from chalicelib.deps import default_deps
    from chalicelib.storage.reports.reports import EventModel
    from support.dispatcher import stream_dispatcher
    EventModel.delete_table()
    EventModel.create_table(wait=True)
    reader = stream_dispatcher(tmp_path / "events-stream.json", lambda: default_deps("http://testserver"))
    yield reader
    reader.stop()
