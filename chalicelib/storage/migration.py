"""Moving the items of a deployment made before councils were kept apart into a council
(docs/decisions/councils.md, issue 70): `doorstep councils migrate --into york`.

Before, a partition key held its bare value (`DS-7K3F9Q`); now every CouncilKey attribute
holds the council first (`york|DS-7K3F9Q`), so an older item is found by no read. Every
council table is read with a Scan (a command's, never a request's), page by page, and each
item is one of:

- moved: its table key has no council. The item in the council (each CouncilKey attribute
  without one given it) is put on condition that its key is free, and the old one deleted on
  condition that it is as it was read, attribute by attribute, in one transaction: a process
  that dies between two items has moved each once or not at all, and run again moves the rest.
- mended: its key has a council and an index's key has none (written half): the index keys
  set, on condition that they are still as read.
- already in a council: nothing to do (all a second run finds).
- left to expire: its TTL has passed. DynamoDB deletes it within days; no read takes it.
- refused, with why: an attribute names another council than its key's, or a council the
  deployment does not have; the council has an item with its key already; it kept changing.

An item of a table whose stream is read (events) is moved with MOVED on it: the stream's
insert of it is a move, not news, and fires no effect, alert or send (shared/events.inserted).
"""
import json
import time
from dataclasses import dataclass, field

from .. import faults, tenancy
from .binding import connection, models, short_name
from .council_key import CouncilKey

MOVED = "moved_into"  # the council a migration moved a streamed item into
ATTEMPTS = 3  # reads of an item that changes while it is being moved, before it is refused
PAGE = 200  # items a Scan page reads; progress is told after each
KEPT = 20  # refusals kept with their key and reason, per table (the rest are counted)
COUNTED = {"move": "moved", "mend": "mended", "already": "already", "expired": "expired"}


@dataclass
class Tally:
    """What one table's (or one kind of file's) migration found and did."""
    name: str
    read: int = 0
    moved: int = 0
    mended: int = 0
    already: int = 0
    expired: int = 0
    refused: int = 0
    refusals: list = field(default_factory=list)  # [(key, reason, {detail})], the first KEPT

    def count(self, action):
        setattr(self, COUNTED[action], getattr(self, COUNTED[action]) + 1)

    def refuse(self, key, reason, **detail):
        self.refused += 1
        if len(self.refusals) < KEPT:
            self.refusals.append((key, reason, detail))


@dataclass(frozen=True)
class _Shape:
    name: str  # the stage's table
    keys: tuple  # the table key's attribute names
    keyed: dict  # {attribute name: CouncilKey} of every partition key, the table's and its indexes'
    ttl: str = None
    streamed: bool = False

    @property
    def table_keyed(self):
        return [name for name in self.keys if name in self.keyed]


def shapes():
    """Every council table, as the migration reads it: the deployment-wide ones have no CouncilKey."""
    from pynamodb.attributes import TTLAttribute
    from . import tables  # noqa: F401  (declares every model)
    found = []
    for model in models():
        attributes = model.get_attributes().values()
        keyed = {a.attr_name: a for a in attributes if isinstance(a, CouncilKey)}
        if keyed:
            keys = tuple(a.attr_name for a in (model._hash_key_attribute(), model._range_key_attribute()) if a)
            ttl = next((a.attr_name for a in attributes if isinstance(a, TTLAttribute)), None)
            found.append((short_name(model), _Shape(model.Meta.table_name, keys, keyed, ttl,
                                                    bool(getattr(model.Meta, "stream_view_type", None)))))
    return found


def migrate_tables(into, councils, now, dry_run=False, progress=None):
    """[Tally] of every council table, its items moved into `into` (a council with settings);
    `councils`: every council id the deployment has. With dry_run, counted and not written."""
    client, tallies = connection().client, []
    for name, shape in shapes():
        tally, written = Tally(name), set()  # written: keys this run put, which its Scan may meet again
        for page in _pages(client, shape.name):
            for item in page:
                if _identity(shape, item) not in written:
                    tally.read += 1
                    _migrate(client, shape, item, into, councils, now.timestamp(), dry_run, tally, written)
            if progress:
                progress(tally)
        tallies.append(tally)
    return tallies


def _pages(client, table):
    start = None
    while True:
        page = client.scan(TableName=table, ConsistentRead=True, Limit=PAGE,
                           **({"ExclusiveStartKey": start} if start else {}))
        yield page.get("Items", [])
        start = page.get("LastEvaluatedKey")
        if not start:
            return


def _migrate(client, shape, item, into, councils, now_s, dry_run, tally, written):
    for attempt in range(ATTEMPTS):
        action, owner, detail = _plan(shape, item, into, councils, now_s)
        if action == "refuse":
            return tally.refuse(_shown(shape, item), owner, **detail)  # owner: the reason
        if action in ("already", "expired") or dry_run:
            return tally.count(action)
        outcome = (_move if action == "move" else _mend)(client, shape, item, owner, detail["bare"], written)
        if outcome == "done":
            tally.count(action)
            return faults.boundary("migration.moved")
        fresh = client.get_item(TableName=shape.name, Key=_key(shape, item), ConsistentRead=True).get("Item")
        if fresh is None:  # moved by another run since read (or gone)
            tally.already += 1
            return
        if fresh == item and outcome == "taken":
            return tally.refuse(_shown(shape, item), "taken", council=owner)
        item = fresh
        time.sleep(0.05 * attempt)
    tally.refuse(_shown(shape, item), "changing")


def _plan(shape, item, into, councils, now_s):
    """(what to do, the council it is for or the reason refused, detail)."""
    named = {name: tenancy.council_of(item[name]["S"]) for name in shape.keyed if "S" in item.get(name, {})}
    for name, council in named.items():
        if council is not None and council not in councils:
            return "refuse", "unknown_council", {"attribute": name, "council": council}
    of_key = sorted({named[name] for name in shape.table_keyed if named.get(name)})
    owner = of_key[0] if of_key else into  # never `into` for an item whose key names its council
    for name, council in named.items():
        if council is not None and council != owner:
            return "refuse", "crossed", {"key_council": of_key[0] if of_key else None, "attribute": name,
                                         "council": council}
    bare = [name for name, council in named.items() if council is None]
    if not bare:
        return "already", owner, {}
    if shape.ttl and "N" in item.get(shape.ttl, {}) and float(item[shape.ttl]["N"]) < now_s:
        return "expired", owner, {}
    return ("move" if set(bare) & set(shape.table_keyed) else "mend"), owner, {"bare": bare}


def _move(client, shape, item, owner, bare, written):
    from botocore.exceptions import ClientError
    moved = {**item, **{name: _in_council(shape.keyed[name], item[name]["S"], owner) for name in bare}}
    if shape.streamed:
        moved[MOVED] = {"S": owner}  # a value, not a key
    names, values, unchanged = _as_read(item)
    try:
        client.transact_write_items(TransactItems=[
            {"Put": {"TableName": shape.name, "Item": moved, "ConditionExpression": "attribute_not_exists(#k)",
                     "ExpressionAttributeNames": {"#k": shape.keys[0]}}},
            {"Delete": {"TableName": shape.name, "Key": _key(shape, item), "ConditionExpression": unchanged,
                        "ExpressionAttributeNames": names, "ExpressionAttributeValues": values}}])
    except ClientError as e:
        if e.response.get("Error", {}).get("Code") != "TransactionCanceledException":
            raise
        reasons = [r.get("Code") for r in e.response.get("CancellationReasons") or []]
        return "taken" if reasons[:1] == ["ConditionalCheckFailed"] else "changed"
    written.add(_identity(shape, moved))
    return "done"


def _mend(client, shape, item, owner, bare, _written):
    from botocore.exceptions import ClientError
    names = {f"#a{i}": name for i, name in enumerate(bare)}
    values = {**{f":n{i}": _in_council(shape.keyed[name], item[name]["S"], owner) for i, name in enumerate(bare)},
              **{f":o{i}": item[name] for i, name in enumerate(bare)}}
    try:
        client.update_item(TableName=shape.name, Key=_key(shape, item),
                           UpdateExpression="SET " + ", ".join(f"#a{i} = :n{i}" for i in range(len(bare))),
                           ConditionExpression=" AND ".join(f"#a{i} = :o{i}" for i in range(len(bare))),
                           ExpressionAttributeNames=names, ExpressionAttributeValues=values)
    except ClientError as e:
        if e.response.get("Error", {}).get("Code") != "ConditionalCheckFailedException":
            raise
        return "changed"
    return "done"


def _in_council(attribute, bare, council):
    """A CouncilKey's stored value for `council`, written by the attribute itself."""
    with tenancy.acting_for(council):
        return {"S": attribute.serialize(bare)}


def _as_read(item):
    """A condition that holds while the item is as read: each attribute equal to its value
    (DynamoDB compares maps, lists and sets whole)."""
    names = {f"#a{i}": name for i, name in enumerate(item)}
    values = {f":v{i}": value for i, value in enumerate(item.values())}
    return names, values, " AND ".join(f"#a{i} = :v{i}" for i in range(len(item)))


def _key(shape, item):
    return {name: item[name] for name in shape.keys}


def _identity(shape, item):
    return json.dumps(_key(shape, item), sort_keys=True)


def _shown(shape, item):
    """The item's key as an engineer reads it: its values, joined."""
    return " ".join(next(iter(item[name].values())) for name in shape.keys)
