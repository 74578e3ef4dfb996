"""Save and reload DynamoDB tables through the public API.

Only documented API calls are used (DescribeTable, Scan, BatchWriteItem, ...),
so the snapshot format does not depend on moto's internals and would work
against any DynamoDB-compatible endpoint.
"""
from __future__ import annotations

import base64
import time
from pathlib import Path
from typing import Any

from doorstep_cli.local.files import ChangeTracker, SnapshotError, dump_json, load_json

FORMAT = 1
BATCH_SIZE = 25  # BatchWriteItem's hard limit
MAX_BATCH_ATTEMPTS = 8


def table_path(directory: Path, table_name: str) -> Path:
    return directory / f"{table_name}.json"


def snapshot_tables(client: Any, directory: Path, tracker: ChangeTracker) -> list[str]:
    directory.mkdir(parents=True, exist_ok=True)
    saved = []
    for name in _paginate_table_names(client):
        try:
            payload = _table_payload(client, name)
        except client.exceptions.ResourceNotFoundException:
            continue  # deleted while we were looking; its file is dropped below
        tracker.write_if_changed(table_path(directory, name), dump_json(payload))
        saved.append(name)
    # Only after every current table is safely on disk do files of dropped
    # tables go, so an interrupted snapshot never loses a live table.
    keep = {table_path(directory, name) for name in saved}
    for path in directory.glob("*.json"):
        if path not in keep:
            path.unlink(missing_ok=True)
            tracker.forget(path)
    return saved


def restore_tables(client: Any, directory: Path, tracker: ChangeTracker) -> list[str]:
    if not directory.is_dir():
        return []
    existing = set(_paginate_table_names(client))
    restored = []
    for path in sorted(directory.glob("*.json")):
        payload = load_json(path)
        if payload.get("format") != FORMAT or "table" not in payload:
            raise SnapshotError(f"Unrecognised table snapshot {path}.")
        name = payload["table"]["TableName"]
        if name not in existing:
            _create_table(client, payload)
        _write_items(client, name, payload.get("items", []))
        # dump_json is deterministic, so this matches the bytes on disk and
        # the first autosave after a restart skips tables nobody touched.
        tracker.remember(path, dump_json(payload))
        restored.append(name)
    return restored


def _paginate_table_names(client: Any) -> list[str]:
    names: list[str] = []
    for page in client.get_paginator("list_tables").paginate():
        names.extend(page.get("TableNames", []))
    return names


def _table_payload(client: Any, name: str) -> dict[str, Any]:
    description = client.describe_table(TableName=name)["Table"]
    ttl = client.describe_time_to_live(TableName=name).get("TimeToLiveDescription", {})
    items = []
    for page in client.get_paginator("scan").paginate(TableName=name, ConsistentRead=True):
        items.extend(encode_item(item) for item in page.get("Items", []))
    ttl_on = ttl.get("TimeToLiveStatus") in ("ENABLED", "ENABLING")
    return {
        "format": FORMAT,
        "table": table_definition(description),
        "time_to_live": {"AttributeName": ttl["AttributeName"]} if ttl_on else None,
        "items": items,
    }


def table_definition(description: dict[str, Any]) -> dict[str, Any]:
    """The CreateTable arguments that rebuild this table.

    Volatile parts of the description (ids, timestamps, counts) are left out
    so that an unchanged table produces an unchanged file.
    """
    definition: dict[str, Any] = {
        "TableName": description["TableName"],
        "KeySchema": description["KeySchema"],
        "AttributeDefinitions": description["AttributeDefinitions"],
        # Local tables never need capacity planning; on-demand avoids moto
        # and the app disagreeing about throughput numbers.
        "BillingMode": "PAY_PER_REQUEST",
    }
    for field in ("GlobalSecondaryIndexes", "LocalSecondaryIndexes"):
        indexes = [_index_definition(index) for index in description.get(field) or []]
        if indexes:
            definition[field] = indexes
    stream = description.get("StreamSpecification") or {}
    if stream.get("StreamEnabled"):
        definition["StreamSpecification"] = {
            "StreamEnabled": True,
            "StreamViewType": stream["StreamViewType"],
        }
    return definition


def _index_definition(index: dict[str, Any]) -> dict[str, Any]:
    projection = {"ProjectionType": index["Projection"].get("ProjectionType", "ALL")}
    if index["Projection"].get("NonKeyAttributes"):
        projection["NonKeyAttributes"] = index["Projection"]["NonKeyAttributes"]
    return {"IndexName": index["IndexName"], "KeySchema": index["KeySchema"], "Projection": projection}


def _create_table(client: Any, payload: dict[str, Any]) -> None:
    definition = payload["table"]
    client.create_table(**definition)
    client.get_waiter("table_exists").wait(
        TableName=definition["TableName"], WaiterConfig={"Delay": 1, "MaxAttempts": 30}
    )
    ttl = payload.get("time_to_live")
    if ttl:
        client.update_time_to_live(
            TableName=definition["TableName"],
            TimeToLiveSpecification={"Enabled": True, "AttributeName": ttl["AttributeName"]},
        )


def _write_items(client: Any, table: str, items: list[dict[str, Any]]) -> None:
    for start in range(0, len(items), BATCH_SIZE):
        requests = [{"PutRequest": {"Item": decode_item(item)}} for item in items[start:start + BATCH_SIZE]]
        pending = {table: requests}
        for attempt in range(MAX_BATCH_ATTEMPTS):
            pending = client.batch_write_item(RequestItems=pending).get("UnprocessedItems") or {}
            if not pending:
                break
            time.sleep(min(0.05 * 2 ** attempt, 1.0))
        else:
            raise SnapshotError(f"DynamoDB kept refusing items for {table} during restore.")


# botocore hands binary attributes over as bytes and wants bytes back; on disk
# they are base64 text, as in DynamoDB's own JSON wire format.
def encode_item(item: dict[str, Any]) -> dict[str, Any]:
    return {name: _encode_value(value) for name, value in item.items()}


def decode_item(item: dict[str, Any]) -> dict[str, Any]:
    return {name: _decode_value(value) for name, value in item.items()}


def _encode_value(value: dict[str, Any]) -> dict[str, Any]:
    (kind, inner), = value.items()
    if kind == "B":
        return {"B": base64.b64encode(inner).decode("ascii")}
    if kind == "BS":
        return {"BS": [base64.b64encode(member).decode("ascii") for member in inner]}
    if kind == "M":
        return {"M": encode_item(inner)}
    if kind == "L":
        return {"L": [_encode_value(member) for member in inner]}
    return value


def _decode_value(value: dict[str, Any]) -> dict[str, Any]:
    (kind, inner), = value.items()
    if kind == "B":
        return {"B": base64.b64decode(inner)}
    if kind == "BS":
        return {"BS": [base64.b64decode(member) for member in inner]}
    if kind == "M":
        return {"M": decode_item(inner)}
    if kind == "L":
        return {"L": [_decode_value(member) for member in inner]}
    return value
