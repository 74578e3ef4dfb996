"""Performance figures: counters kept as reports change, read whole with one Query.

Table `stats`. Partition "figures" holds one row per thing counted ("total",
"category#pothole", "ward#<id>", "month#2026-03"), each a set of numbers
that only ever grow by DynamoDB's atomic ADD: received, fixed, closed,
reopened, channel_<name>, fix_days_<n> (a histogram of whole days to fix,
so medians and percentiles are exact and read from one row). A row gains
attributes as events name them: a new figure (satisfaction ratings, say)
is a new attribute, not a new schema.

Partitions "event#<id>" hold one marker per counted event, written in the
same transaction as its counts on condition that it is new: a stream batch
delivered twice counts once. Markers expire after MARKER_TTL, far longer
than a stream keeps records (24 hours).
"""
from dataclasses import field
from datetime import timedelta

from pynamodb.attributes import TTLAttribute, UnicodeAttribute

from ..binding import Stored, bind, connection, table, writes
from ..council_key import CouncilKey
from ..record_class import record
from ..errors import AlreadyExists
from ..data_map import holds_nothing

FIGURES = "figures"
MARKER_TTL = timedelta(days=3)


class StatsModel(Stored):
    class Meta:
        table_name = table("stats")
        billing_mode = "PAY_PER_REQUEST"

    personal = holds_nothing()

    pk = CouncilKey(hash_key=True)
    sk = UnicodeAttribute(range_key=True)
    label = UnicodeAttribute(null=True)  # a ward's name, as it was when last counted
    expires = TTLAttribute(null=True)  # markers only


@record
class CounterRow:
    key: str  # "total", "category#pothole"...
    counts: dict = field(default_factory=dict)  # counter name -> int
    label: str | None = None


class StatsStore:
    def __init__(self):
        bind()

    def count(self, event_id, changes, now, labels=None):
        """Add `changes` ({row key: {counter: amount}}) and mark event
        `event_id` counted, in one transaction; `labels` ({row key: text})
        are set on their rows. False, and nothing written, when the event
        was counted before."""
        name = StatsModel.Meta.table_name
        labels = labels or {}
        marker = _marker(name, event_id, now)
        updates = [_update(name, row, counts, labels.get(row)) for row, counts in sorted(changes.items()) if counts]
        parts = ["marker"] + ["counts"] * len(updates)
        try:
            with writes(parts, exists={"marker"}):
                connection().transact_write_items(condition_check_items=[], delete_items=[],
                                                  put_items=[marker], update_items=updates)
        except AlreadyExists:
            return False
        return True

    def count_many(self, counted, now):
        """`counted`: [(event id, changes, labels)], as `count` takes each. All of them in one
        transaction, their changes summed per row: True; AlreadyExists, and nothing written,
        when any of them was counted before (the caller counts them one by one then)."""
        name = StatsModel.Meta.table_name
        summed, labels = {}, {}
        for _, changes, more in counted:
            labels.update(more or {})
            for row, counts in changes.items():
                for counter, amount in counts.items():
                    summed.setdefault(row, {}).setdefault(counter, 0)
                    summed[row][counter] += amount
        markers = [_marker(name, event_id, now) for event_id, _, _ in counted]
        updates = [_update(name, row, counts, labels.get(row)) for row, counts in sorted(summed.items()) if counts]
        with writes(["marker"] * len(markers) + ["counts"] * len(updates), exists={"marker"}):
            connection().transact_write_items(condition_check_items=[], delete_items=[],
                                              put_items=markers, update_items=updates)
        return True

    def rows(self):
        """Every counter row (partition "figures"): one Query, a page per MB."""
        found, start = [], None
        while True:
            request = {"TableName": StatsModel.Meta.table_name, "KeyConditionExpression": "pk = :p",
                       "ExpressionAttributeValues": {":p": {"S": StatsModel.pk.serialize(FIGURES)}}}
            if start:
                request["ExclusiveStartKey"] = start
            page = connection().dispatch("Query", request)
            found += [_row(item) for item in page.get("Items", [])]
            start = page.get("LastEvaluatedKey")
            if not start:
                return found


def _marker(table_name, event_id, now):
    return {"TableName": table_name, "Item": {
        "pk": {"S": StatsModel.pk.serialize(f"event#{event_id}")}, "sk": {"S": "counted"},
        "expires": {"N": str(int((now + MARKER_TTL).timestamp()))}},
        "ConditionExpression": "attribute_not_exists(pk)"}


def _update(table_name, row, counts, label):
    names, values, adds = {}, {}, []
    for i, (counter, amount) in enumerate(sorted(counts.items())):
        names[f"#c{i}"], values[f":c{i}"] = counter, {"N": str(int(amount))}
        adds.append(f"#c{i} :c{i}")
    expression = "ADD " + ", ".join(adds)
    if label:
        names["#label"], values[":label"] = "label", {"S": label}  # a value, not a key
        expression += " SET #label = :label"
    return {"TableName": table_name, "Key": {"pk": {"S": StatsModel.pk.serialize(FIGURES)}, "sk": {"S": row}},
            "UpdateExpression": expression, "ExpressionAttributeNames": names,
            "ExpressionAttributeValues": values}


def _row(item):
    counts = {k: int(v["N"]) for k, v in item.items() if "N" in v}
    return CounterRow(key=item["sk"]["S"], counts=counts, label=item.get("label", {}).get("S"))
