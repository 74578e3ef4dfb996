"""The reads a council's leaving makes, each a page from a cursor: a Scan of a council table (its
own items only, by the prefix of their partition key, or every item's keys, to count every
council's), and a listing of a kind of file. A Scan reads the whole table once, whoever's items
they are: the price of a council's leaving, paid once (docs/decisions/offboarding.md); the
schedules and requests never Scan.
"""
import time

from ... import tenancy
from ..binding import connection

SCAN_PAGE = 500  # items a Scan page reads, the council's or not (a page's keys are kept while they are deleted)


class Budget:
    """How long a step may go on: a route's call stops between pages when its seconds are spent and
    answers where it got to (the next call goes on from there); the command has no end. The first
    page of a run is always read, however short the budget: every call moves on."""

    def __init__(self, seconds=None, clock=time.monotonic):
        self.clock, self.ends, self.asked = clock, None if seconds is None else clock() + seconds, False

    def spent(self):
        if not self.asked:
            self.asked = True
            return False
        return self.ends is not None and self.clock() >= self.ends


def prefix(council):
    """How every partition key of the council's begins: its id and the separator (`york|`), so the
    items of `york-north` (`york-north|...`) are never taken for York's."""
    return council + tenancy.SEPARATOR


def call(operation, **arguments):
    """One DynamoDB call in its own terms, through the process's one connection: counted by the meter
    (storage/metering.py) as every other is, throttling raised as the stores' Throttled."""
    return connection()._make_api_call(operation, arguments)


def scan_page(table, start=None, council=None, key=None, names=None, limit=None):
    """(items, the next page's start or None) of one Scan page of `table`: with `council`, only the
    items whose `key` begins with its prefix; with `names`, only those attributes (a projection)."""
    arguments = {"TableName": table, "ConsistentRead": True, "Limit": limit or SCAN_PAGE}
    if start:
        arguments["ExclusiveStartKey"] = start
    names_used = {}
    if council is not None:
        names_used["#k"] = key
        arguments["FilterExpression"] = "begins_with(#k, :p)"
        arguments["ExpressionAttributeValues"] = {":p": {"S": prefix(council)}}  # a value, not a key
    if names:
        names_used.update({f"#n{i}": name for i, name in enumerate(names)})
        arguments["ProjectionExpression"] = ", ".join(f"#n{i}" for i in range(len(names)))
    if names_used:
        arguments["ExpressionAttributeNames"] = names_used
    page = call("Scan", **arguments)
    return page.get("Items", []), page.get("LastEvaluatedKey")


def count_in_index(table, index, key, council):
    """How many entries of the council's an index holds (its partition key `key`): a Scan of the
    index counting those whose key begins with the council's prefix, every page read."""
    arguments = {"TableName": table, "IndexName": index, "Select": "COUNT", "FilterExpression": "begins_with(#k, :p)",
                 "ExpressionAttributeNames": {"#k": key},
                 "ExpressionAttributeValues": {":p": {"S": prefix(council)}}}  # a value, not a key
    total, start = 0, None
    while True:
        page = call("Scan", **arguments, **({"ExclusiveStartKey": start} if start else {}))
        total += page.get("Count", 0)
        start = page.get("LastEvaluatedKey")
        if not start:
            return total


def council_of_key(wire_value):
    """The council a stored partition key's value belongs to, or None (a row of no council)."""
    return tenancy.council_of(wire_value.get("S", "")) if isinstance(wire_value, dict) else None


def delete_keys(table, keys):
    """Delete items by key, 25 to a BatchWriteItem, until none is left unprocessed (each is
    idempotent: a key deleted already is deleted again, and nothing changes)."""
    for first in range(0, len(keys), 25):
        requests = {table: [{"DeleteRequest": {"Key": key}} for key in keys[first:first + 25]]}
        tries = 0
        while requests:
            left = call("BatchWriteItem", RequestItems=requests).get("UnprocessedItems") or {}
            requests, tries = left, tries + 1
            if requests:
                time.sleep(min(0.05 * 2 ** tries, 2.0))
