"""The events stream, read on one machine in Lambda's batches, from where it stopped."""
from __future__ import annotations

import uuid

import pytest
from chalice.app import DynamoDBEvent

from contract.engine_session import engine_url
from doorstep_cli.local.dynamodb_local import DynamoDBLocal
from doorstep_cli.local.stream_reader import BATCH_SIZE, StreamReader


@pytest.fixture
def engine():
    host, port = engine_url().rsplit("//", 1)[1].rsplit(":", 1)
    return DynamoDBLocal(None, int(port), host=host)


@pytest.fixture
def table(engine):
    name = f"events-{uuid.uuid4().hex[:8]}"
    engine.client().create_table(
        TableName=name, BillingMode="PAY_PER_REQUEST", KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
        StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_IMAGE"})
    yield name
    engine.client().delete_table(TableName=name)


def reader_for(engine, table, position_file, handle):
    return StreamReader(engine.client(), engine.client("dynamodbstreams"), table, position_file, handle)


def put_events(engine, table, ids):
    client = engine.client()  # one client: making one costs more than the put
    for event_id in ids:
        client.put_item(TableName=table, Item={"id": {"S": event_id}, "kind": {"S": "report_created"}})


def read_until_quiet(reader):
    while reader.poll():
        pass


def test_inserts_arrive_in_order_in_lambda_shaped_batches_of_at_most_50(engine, table, tmp_path):
    batches = []
    reader = reader_for(engine, table, tmp_path / "position.json", batches.append)
    ids = [f"ev-{n:03d}" for n in range(120)]
    put_events(engine, table, ids)
    read_until_quiet(reader)

    assert all(isinstance(batch, DynamoDBEvent) for batch in batches)
    records = [record for batch in batches for record in batch]
    assert [r.new_image["id"]["S"] for r in records] == ids
    assert max(len(list(batch)) for batch in batches) <= BATCH_SIZE
    first = records[0]
    assert (first.event_name, first.event_source_arn.split("/")[1]) == ("INSERT", table)
    assert first.stream_view_type == "NEW_IMAGE" and first.timestamp.year >= 2025


def test_a_failed_batch_is_handed_over_again_from_its_first_record(engine, table, tmp_path):
    seen, failures = [], ["once"]

    def flaky(batch):
        ids = [r.new_image["id"]["S"] for r in batch]
        if failures:
            failures.pop()
            raise RuntimeError("the push service is down")
        seen.extend(ids)

    reader = reader_for(engine, table, tmp_path / "position.json", flaky)
    put_events(engine, table, ["a", "b", "c"])
    with pytest.raises(RuntimeError):
        reader.poll()
    read_until_quiet(reader)
    assert seen == ["a", "b", "c"]


def test_a_restarted_reader_resumes_after_the_last_handled_record(engine, table, tmp_path):
    position = tmp_path / "position.json"
    first = []
    put_events(engine, table, ["a", "b"])
    read_until_quiet(reader_for(engine, table, position, lambda batch: first.extend(batch)))
    put_events(engine, table, ["c"])  # written while "the stack was down"

    later = []
    read_until_quiet(reader_for(engine, table, position, lambda batch: later.extend(batch)))
    assert [r.new_image["id"]["S"] for r in first] == ["a", "b"]
    assert [r.new_image["id"]["S"] for r in later] == ["c"]


def test_a_table_without_a_stream_is_a_clear_error(engine, tmp_path):
    name = f"plain-{uuid.uuid4().hex[:8]}"
    engine.client().create_table(
        TableName=name, BillingMode="PAY_PER_REQUEST", KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}])
    with pytest.raises(RuntimeError, match="has no stream"):
        reader_for(engine, name, tmp_path / "position.json", print).poll()
