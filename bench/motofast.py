"""Make moto's DynamoDB emulation fast enough for 100k items, without changing
what it answers.

moto answers every Query by sorting its whole in-memory table, comparing
DynamoType objects whose every comparison re-derives a Python value through
`cast_value`. At 100k reports that is seconds per Query, so a city-wide map
(dozens of Queries) takes minutes. Inside `faster_moto()`:

* `DynamoType.cast_value` takes a fast path for S/B/BOOL/N values (the same
  values the original returns; other types fall through to it);
* `Table.all_items` and `Table.sorted_items` sort with precomputed keys (the
  same cast values, computed once per item instead of once per comparison);
* `Item.size()` (the 1 MB page check, evaluated for every item of the
  partition on every Query) is remembered per item. Only valid while nothing
  writes, which is how the benchmark uses it: map queries only (the tests
  leave this one out: `faster_moto(remember_sizes=False)`);
* a Query of a global index whose partition key is the table's own (the staff
  inbox's indexes) looks only at the table partition of that key, where moto
  looks at every item of the table: the same candidates, since an item's index
  partition is its table partition.
* a table's own Query with a condition on its range key measures (the 1 MB
  page check) only the items the condition takes and the one either side,
  where moto measures every item of the partition: the same pages while
  those items and the largest item moto stores fit in 1 MB; otherwise moto
  is given the whole partition (tests/bench/test_moto_queries.py).

Counts (Count, ScannedCount, LastEvaluatedKey) are untouched; `bench.run
--check-moto` compares a run with and without these patches.

`isolated_transactions()` (the test suite's moto, and the benchmarks' that
write) replaces moto's whole-table backup before each transaction with a
copy of the items it names, and runs transactions and single-item writes
one at a time, so a conditional write is atomic as DynamoDB's is; every call
into moto's DynamoDB goes through that one lock, its answer written inside it.
"""
import threading
from contextlib import contextmanager
from decimal import Decimal

# Every call into moto's DynamoDB, and every write, one at a time (isolated_transactions;
# bench.motodirect's calls take it too).
moto_lock = threading.RLock()


@contextmanager
def faster_moto(remember_sizes=True):
    """remember_sizes=False leaves out the one patch that is only valid while
    nothing writes: the test suite's moto (in process and the browser stack's
    server) uses the rest, whose answers hold whatever is written."""
    from moto.dynamodb.models.dynamo_type import DynamoType, Item
    from moto.dynamodb.models.table import Table

    original_cast = DynamoType.__dict__["cast_value"]
    original_all, original_sorted = Table.all_items, Table.sorted_items
    original_size = Item.size
    original_query = Table.query
    sizes = {}  # id(item) -> (item, size); holding the item keeps its id unique

    def size(self):
        known = sizes.get(id(self))
        if known is None:
            known = sizes[id(self)] = (self, original_size(self))
        return known[1]

    def cast_value(self):
        kind = self.type
        if kind == "S" or kind == "B" or kind == "BOOL":
            return self.value
        if kind == "N":
            return Decimal(self.value)
        return original_cast.fget(self)

    here = threading.local()  # a Query's own partition, for its own thread only (servers run many at once)

    def all_items(self):
        own = getattr(here, "partition", None)
        if own is not None and own[0] is self:
            return sorted(own[1], key=lambda x: x.range_key.cast_value)
        items = []
        # Copies taken in one C call each: a server's or a racing test's other
        # threads put items while this Query reads (moto's own loop raced them)
        for hash_set in list(self.items.values()):
            if self.range_key_attr:
                items.extend(list(hash_set.values()))
            else:
                items.append(hash_set)
        return sorted(items, key=lambda x: (x.hash_key.cast_value, x.range_key.cast_value)
                      if x.range_key else x.hash_key.cast_value)

    def sorted_items(self, hash_key_attrs, range_key_attrs, items):
        names = self._generate_attr_to_sort_by(hash_key_attrs, range_key_attrs)
        items.sort(key=lambda x: tuple(x.attrs[name].cast_value for name in names))
        return items

    def query(self, hash_key, *args, **kwargs):
        index_name = args[6] if len(args) > 6 else kwargs.get("index_name")
        index = next((i for i in self.all_indexes() if i.name == index_name), None) if index_name else None
        own_key = index is not None and [k["AttributeName"] for k in index.schema if k["KeyType"] == "HASH"] == [
            self.hash_key_attr]
        taken = index_name is None and hash_key is not None and self.range_key_attr is not None and args[0]
        if taken and not set(kwargs) - QUERY_OPTIONS:
            here.partition = (self, within(self, hash_key, args[0], args[1], kwargs.get("range_key_conditions")))
        elif not own_key or hash_key is None:
            return original_query(self, hash_key, *args, **kwargs)
        else:
            here.partition = (self, list(self.items.get(hash_key, {}).values()))
        try:
            return original_query(self, hash_key, *args, **kwargs)
        finally:
            here.partition = None

    query.moto_s_own = original_query  # tests/bench/test_moto_queries.py compares the two

    DynamoType.cast_value = property(cast_value)
    Table.all_items, Table.sorted_items, Table.query = all_items, sorted_items, query
    if remember_sizes:
        Item.size = size
    try:
        yield
    finally:
        DynamoType.cast_value = original_cast
        Table.all_items, Table.sorted_items, Table.query = original_all, original_sorted, original_query
        Item.size = original_size
        sizes.clear()


QUERY_OPTIONS = {"consistent_read", "filter_expression", "hash_key_conditions", "range_key_conditions"}
MOST_AN_ITEM_HOLDS = 405_000  # moto's own limit on an item's attributes (dynamo_type.LimitedSizeDict)


def within(table, hash_key, comparison, values, conditions):
    """The items of a table Query's partition that its key condition takes, and the item either side of
    them. moto's loop measures every item of the partition against its 1 MB page before testing the key
    condition, and an item the condition leaves only ends a page there when the page is full (its count,
    which the next item taken or the item beyond them ends as well) or its size would pass 1 MB: not
    while the items taken and the largest item moto stores fit in 1 MB, or the whole partition is given."""
    from moto.dynamodb.models.table import RESULT_SIZE_LIMIT
    partition = sorted(table.items.get(hash_key, {}).values(), key=lambda x: x.range_key.cast_value)
    name = conditions[-1][0] if conditions else None

    def takes(item):  # as moto's loop tests it: the condition's attribute, else the table's range key
        value = item.attrs.get(name) if name else None
        return (value if value else item.range_key).compare(comparison, values)
    places = [n for n, item in enumerate(partition) if takes(item)]
    if not places:
        return []
    if sum(partition[n].size() for n in places) + MOST_AN_ITEM_HOLDS > RESULT_SIZE_LIMIT:
        return partition
    first, last = max(places[0] - 1, 0), min(places[-1] + 1, len(partition) - 1)
    return [partition[first]] * (first < places[0]) + [partition[n] for n in places] + \
        [partition[last]] * (last > places[-1])


@contextmanager
def isolated_transactions():
    """moto backs up every table a transaction touches, whole, once per item
    of the transaction (a report's transaction of thirty items deep-copied
    its tables thirty times, and the copies grew with the tables), and two
    threads' transactions can undo each other's writes. Here a transaction
    keeps a copy of only the items it names and puts them back (and trims
    the tables' streams) if it fails, and transactions run one at a time, as
    DynamoDB isolates them. What a transaction answers is unchanged."""
    import copy
    from moto.dynamodb import models
    from moto.dynamodb.models.dynamo_type import DynamoType
    from moto.dynamodb.models.table import Table
    original, lock = models.DynamoDBBackend.transact_write_items, moto_lock
    # moto checks a single item's condition and then writes it, unlocked, so two
    # threads' conditional puts could both pass where DynamoDB lets one: each
    # write is made one at a time too (reentrant: moto's transactions call them)
    # Reads wait for a transaction in flight too: DynamoDB never shows a GetItem half of one (its
    # job written, its idempotency record not yet), and moto wrote a transaction's items one by one
    # while another thread read them (a crew's retried "done" answered 409 by such a torn read).
    singles = {name: getattr(models.DynamoDBBackend, name) for name in (
        "put_item", "update_item", "delete_item", "get_item", "query", "scan", "batch_get_item",
        "transact_get_items")}

    # And every call into moto's DynamoDB, its answer written inside the lock: moto is not safe for
    # threads (describe_table counted items while another thread added some, and a get_item's
    # answer was written from an item another thread's update_item was adding attributes to:
    # "dictionary changed size during iteration").
    from moto.dynamodb.responses import DynamoHandler
    handled = DynamoHandler.__dict__.get("call_action")

    def one_at_a_time(call):
        def locked(self, *args, **kwargs):
            with lock:
                return call(self, *args, **kwargs)
        return locked

    class Live:  # moto's whole-table backup and restore made no-ops: the items are restored below
        @staticmethod
        def deepcopy(value, memo=None):
            return value if isinstance(value, Table) else copy.deepcopy(value, memo)

    def named(table, op):
        attrs = op.get("Key") or op.get("Item") or {}
        if table.hash_key_attr not in attrs or (table.range_key_attr and table.range_key_attr not in attrs):
            return None
        return (DynamoType(attrs[table.hash_key_attr]),
                DynamoType(attrs[table.range_key_attr]) if table.range_key_attr else None)

    def put_back(table, hash_key, range_key, item):
        if range_key is None:
            table.items.pop(hash_key, None) if item is None else table.items.__setitem__(hash_key, item)
        elif item is None:
            table.items.get(hash_key, {}).pop(range_key, None)
        else:
            table.items[hash_key][range_key] = item

    def transact_write_items(self, transact_items):
        with lock:
            saved, streams = [], {}
            for entry in transact_items:
                op = next(iter(entry.values()), {})
                table = self.tables.get(op.get("TableName"))
                key = named(table, op) if table is not None else None
                if key is None:
                    continue
                current = table.get_item(*key)
                saved.append((table, *key, copy.deepcopy(current) if current is not None else None))
                if table.stream_shard is not None:
                    streams.setdefault(id(table), (table.stream_shard, len(table.stream_shard.items)))
            models.copy = Live
            try:
                return original(self, transact_items)
            except Exception:
                for table, hash_key, range_key, item in reversed(saved):
                    put_back(table, hash_key, range_key, item)
                for shard, length in streams.values():
                    del shard.items[length:]
                raise
            finally:
                models.copy = copy
    models.DynamoDBBackend.transact_write_items = transact_write_items
    for name, call in singles.items():
        setattr(models.DynamoDBBackend, name, one_at_a_time(call))
    DynamoHandler.call_action = one_at_a_time(DynamoHandler.call_action)
    try:
        yield
    finally:
        models.DynamoDBBackend.transact_write_items = original
        for name, call in singles.items():
            setattr(models.DynamoDBBackend, name, call)
        if handled is None:
            del DynamoHandler.call_action
        else:
            DynamoHandler.call_action = handled


# DynamoDB's data calls: their results are plain JSON already (moto's
# DynamoResult turned every DynamoType into {"S": ...} dicts).
DATA_CALLS = {"GetItem", "PutItem", "UpdateItem", "DeleteItem", "Query", "Scan", "BatchGetItem",
              "BatchWriteItem", "TransactGetItems", "TransactWriteItems"}


@contextmanager
def quick_responses(check=False):
    """moto 5.2 writes every response by walking the operation's botocore
    shape, member by member: a quarter of a DynamoDB-heavy test's time. For
    DynamoDB's data calls (plain JSON, no timestamps to format) the
    same body is `json.dumps` of the result's documented, non-None members. With
    `check` (DOORSTEP_CHECK_MOTOFAST=1 in the tests) both are made and must
    agree, so a moto upgrade that changes what it answers is caught."""
    import json
    from moto.core.serialize import JSONSerializer
    original = JSONSerializer.serialize

    def serialize(self, result):
        if (self.operation_name not in DATA_CALLS or self._is_error_result(result)
                or self.service_model.service_name != "dynamodb"):
            return original(self, result)
        try:
            members = self.operation_model.output_shape.members
            body = json.dumps({k: v for k, v in result.items() if v is not None and k in members})
        except TypeError:  # bytes (a B attribute): the shape walk base64-encodes them
            return original(self, result)
        quick = {"status_code": self.operation_model.http.get("responseCode", self.DEFAULT_RESPONSE_CODE),
                 "headers": {"Content-Type": self._get_protocol_specific_content_type()}, "body": body}
        if check:
            slow = original(self, result)
            assert (slow["status_code"], slow["headers"], json.loads(slow["body"])) == (
                quick["status_code"], quick["headers"], json.loads(quick["body"])), (self.operation_name, result)
        return quick

    JSONSerializer.serialize = serialize
    try:
        yield
    finally:
        JSONSerializer.serialize = original


@contextmanager
def quick_server():
    """moto's HTTP server lists moto's own package folder (about 170
    `isdir` calls) on every request to find the service it is for: an eighth
    of a browser test's request time. The folder does not change while the
    server runs, so it is listed once. The werkzeug line per request it logs
    (a lock and a flush each) is not wanted either."""
    import logging
    from moto import backends
    original = backends.list_of_moto_modules
    modules = tuple(original())
    backends.list_of_moto_modules = lambda: modules
    werkzeug = logging.getLogger("werkzeug")
    level = werkzeug.level
    werkzeug.setLevel(logging.WARNING)
    try:
        yield
    finally:
        backends.list_of_moto_modules = original
        werkzeug.setLevel(level)


@contextmanager
def served():
    """Every patch a moto *server* can take while things write: the browser
    tests' stack and the first-request benchmark run their server under these."""
    from .motocalls import cached_method_names
    from .motoexpressions import quick_expressions
    with isolated_transactions(), faster_moto(remember_sizes=False), quick_responses(), quick_server(), \
            cached_method_names(), quick_expressions():
        yield
