"""A deployment as the release before councils left it (tests/councils/test_migration.py).

The records are made by the app itself, as York's, and then written back as that release
wrote them, with raw PutItem: the same items with no council before any value (`DS-7K3F9Q`,
not `york|DS-7K3F9Q`), and every file without the council in its key (`photos/<name>`).
Which values lose their council is read from the items, not from the models: any top-level
string that starts with the council's id, so a key the migration forgot stays without one."""
import json

from architecture.test_councils_kept_apart import DEPLOYMENT_WIDE


def client():
    from chalicelib.storage import binding
    return binding.connection().client


def table(short_name):
    """A table's name on the stage the tests run on (moto's or DynamoDB Local's prefix)."""
    from chalicelib.storage.binding import bind
    return bind().table_prefix + short_name


def council_tables():
    """Every table a council keeps items in (the stage's names)."""
    from chalicelib.storage import tables  # noqa: F401  (declares every model)
    from chalicelib.storage.binding import models, short_name
    return [m.Meta.table_name for m in models() if short_name(m) not in DEPLOYMENT_WIDE]


def items(table):
    pages = client().get_paginator("scan").paginate(TableName=table, ConsistentRead=True)
    return [item for page in pages for item in page["Items"]]


def without_council(item, council="york"):
    prefix = f"{council}|"
    return {name: {"S": value["S"][len(prefix):]} if value.get("S", "").startswith(prefix) else value
            for name, value in item.items()}


def key_names(table):
    return [k["AttributeName"] for k in client().describe_table(TableName=table)["Table"]["KeySchema"]]


def as_before_councils(council="york"):
    """Every item and file of the council written back without the council; returns what the
    tables hold then ({table: items, each as canonical text})."""
    held = {}
    for table in council_tables():
        keys = key_names(table)
        for item in items(table):
            older = without_council(item, council)
            if older != item:
                client().delete_item(TableName=table, Key={name: item[name] for name in keys})
                client().put_item(TableName=table, Item=older)
        held[table] = canonical(items(table))
    _files_before_councils(council)
    return held


def as_held_now(council="york", marks=()):
    """What the tables hold, each item without its council (and without the attributes in
    `marks`): equal to as_before_councils()'s answer when nothing was lost or doubled."""
    return {table: canonical({n: v for n, v in without_council(item, council).items() if n not in marks}
                             for item in items(table))
            for table in council_tables()}


def council_of_every_key(table, names):
    """{the council before `|`, or None} of each value of these attributes in the table."""
    return {value["S"].partition("|")[0] if "|" in value["S"] else None
            for item in items(table) for name in names if "S" in (value := item.get(name, {}))}


def canonical(rows):
    return sorted(json.dumps(_sorted_sets(row), sort_keys=True, default=bytes.hex) for row in rows)


def _sorted_sets(value):
    if isinstance(value, dict):
        return {k: sorted(v) if k in ("SS", "NS", "BS") else _sorted_sets(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_sorted_sets(v) for v in value]
    return value


def files():
    from chalicelib.storage.blobs import BlobStore
    store = BlobStore()
    pages = store.client.get_paginator("list_objects_v2").paginate(Bucket=store.bucket)
    return sorted(item["Key"] for page in pages for item in page.get("Contents", ()))


def _files_before_councils(council):
    from chalicelib.storage.blobs import BlobStore
    store = BlobStore()
    for key in files():
        kind, _, rest = key.partition("/")
        if rest.startswith(f"{council}/"):
            older = f"{kind}/{rest.removeprefix(council + '/')}"
            store.client.copy_object(Bucket=store.bucket, Key=older, CopySource={"Bucket": store.bucket, "Key": key})
            store.client.delete_object(Bucket=store.bucket, Key=key)
