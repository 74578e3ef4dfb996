"""The emulator keeps DynamoDB and S3 data across restarts."""
from __future__ import annotations

import json
import socket
import time

import pytest
from local_fixtures import data_dir, emulator, free_port, restart  # noqa: F401 (fixtures)

from doorstep_cli.local import files
from doorstep_cli.local.emulator import Emulator
from doorstep_cli.local.files import SnapshotError
from doorstep_cli.local.serving import PortInUseError
from doorstep_cli.local.snapshot_dynamodb import encode_item

JPEG = bytes(range(256)) * 40  # binary, with every byte value


def create_reports_table(dynamodb, name: str = "reports") -> None:
    dynamodb.create_table(
        TableName=name,
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
        AttributeDefinitions=[
            {"AttributeName": "pk", "AttributeType": "S"},
            {"AttributeName": "sk", "AttributeType": "S"},
            {"AttributeName": "status", "AttributeType": "S"},
            {"AttributeName": "created", "AttributeType": "N"},
        ],
        GlobalSecondaryIndexes=[{
            "IndexName": "by-status",
            "KeySchema": [
                {"AttributeName": "status", "KeyType": "HASH"},
                {"AttributeName": "created", "KeyType": "RANGE"},
            ],
            "Projection": {"ProjectionType": "INCLUDE", "NonKeyAttributes": ["title"]},
        }],
        BillingMode="PAY_PER_REQUEST",
    )
    dynamodb.update_time_to_live(
        TableName=name, TimeToLiveSpecification={"Enabled": True, "AttributeName": "expires"}
    )


def report_item(number: int, status: str = "open") -> dict:
    return {
        "pk": {"S": f"report#{number}"}, "sk": {"S": "meta"}, "status": {"S": status},
        "created": {"N": str(1700000000 + number)}, "title": {"S": f"Pothole {number}"},
        "thumb": {"B": bytes([0, 255, number % 256])},
    }


def create_bucket(s3, name: str = "photos") -> None:
    s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"})


def test_tables_indexes_ttl_and_photos_survive_a_restart(emulator, restart):
    dynamodb, s3 = emulator.client("dynamodb"), emulator.client("s3")
    create_reports_table(dynamodb)
    for number in range(30):  # more than one BatchWriteItem chunk
        dynamodb.put_item(TableName="reports", Item=report_item(number, "open" if number % 3 else "closed"))
    create_bucket(s3)
    s3.put_object(Bucket="photos", Key="reports/1/photo.jpg", Body=JPEG,
                  ContentType="image/jpeg", Metadata={"report_id": "1", "uploaded-by": "resident"})
    emulator.stop()

    again = restart()
    dynamodb, s3 = again.client("dynamodb"), again.client("s3")
    assert dynamodb.scan(TableName="reports", Select="COUNT")["Count"] == 30
    item = dynamodb.get_item(TableName="reports", Key={"pk": {"S": "report#4"}, "sk": {"S": "meta"}})["Item"]
    assert item == report_item(4)
    closed = dynamodb.query(
        TableName="reports", IndexName="by-status",
        KeyConditionExpression="#s = :s", ExpressionAttributeNames={"#s": "status"},
        ExpressionAttributeValues={":s": {"S": "closed"}},
    )["Items"]
    assert sorted(int(i["created"]["N"]) - 1700000000 for i in closed) == list(range(0, 30, 3))
    index = dynamodb.describe_table(TableName="reports")["Table"]["GlobalSecondaryIndexes"][0]
    assert index["Projection"] == {"ProjectionType": "INCLUDE", "NonKeyAttributes": ["title"]}
    ttl = dynamodb.describe_time_to_live(TableName="reports")["TimeToLiveDescription"]
    assert (ttl["TimeToLiveStatus"], ttl["AttributeName"]) == ("ENABLED", "expires")
    photo = s3.get_object(Bucket="photos", Key="reports/1/photo.jpg")
    assert photo["Body"].read() == JPEG
    assert photo["ContentType"] == "image/jpeg"
    assert photo["Metadata"] == {"report_id": "1", "uploaded-by": "resident"}
    assert s3.get_bucket_location(Bucket="photos")["LocationConstraint"] == "eu-west-2"


def test_snapshot_layout_is_one_file_per_table_plus_a_manifest_and_content_addressed_blobs(emulator, data_dir):
    create_reports_table(emulator.client("dynamodb"))
    create_bucket(emulator.client("s3"))
    emulator.client("s3").put_object(Bucket="photos", Key="a.jpg", Body=JPEG)
    emulator.client("s3").put_object(Bucket="photos", Key="copy-of-a.jpg", Body=JPEG)
    emulator.snapshot()

    root = data_dir / "emulator"
    table = json.loads((root / "dynamodb" / "reports.json").read_text())
    assert table["table"]["TableName"] == "reports" and table["items"] == []
    manifest = json.loads((root / "s3" / "manifest.json").read_text())
    objects = manifest["buckets"]["photos"]["objects"]
    assert objects["a.jpg"]["sha256"] == objects["copy-of-a.jpg"]["sha256"] == files.sha256_hex(JPEG)
    assert [p.name for p in (root / "s3" / "blobs").iterdir()] == [files.sha256_hex(JPEG)]


def test_unchanged_files_are_not_rewritten_and_deleted_photos_lose_their_blob(emulator, data_dir, monkeypatch):
    dynamodb, s3 = emulator.client("dynamodb"), emulator.client("s3")
    create_reports_table(dynamodb)
    create_bucket(s3)
    s3.put_object(Bucket="photos", Key="keep.jpg", Body=b"keep")
    s3.put_object(Bucket="photos", Key="drop.jpg", Body=b"drop")
    emulator.snapshot()

    written = []
    real_write = files.atomic_write_bytes
    monkeypatch.setattr(files, "atomic_write_bytes", lambda path, data: (written.append(path.name), real_write(path, data)))
    emulator.snapshot()
    assert written == []

    s3.delete_object(Bucket="photos", Key="drop.jpg")
    emulator.snapshot()
    assert written == ["manifest.json"]
    assert sorted(p.name for p in (data_dir / "emulator" / "s3" / "blobs").iterdir()) == [files.sha256_hex(b"keep")]


def test_writes_mark_the_emulator_dirty_but_reads_do_not(emulator):
    dynamodb, s3 = emulator.client("dynamodb"), emulator.client("s3")
    dynamodb.list_tables()
    s3.list_buckets()
    assert not emulator.dirty
    create_reports_table(dynamodb)
    assert emulator.dirty


def test_autosave_writes_a_snapshot_soon_after_a_write(emulator, data_dir):
    emulator.start_autosave(interval=0.5)
    create_reports_table(emulator.client("dynamodb"))
    emulator.client("dynamodb").put_item(TableName="reports", Item=report_item(1))
    table_file = data_dir / "emulator" / "dynamodb" / "reports.json"
    deadline = time.monotonic() + 2
    while time.monotonic() < deadline and not (table_file.exists() and json.loads(table_file.read_text())["items"]):
        time.sleep(0.05)
    assert json.loads(table_file.read_text())["items"] == [encode_item(report_item(1))]
    assert not emulator.dirty


def test_a_snapshot_interrupted_by_a_crash_leaves_the_previous_one_restorable(emulator, restart, data_dir, monkeypatch):
    dynamodb, s3 = emulator.client("dynamodb"), emulator.client("s3")
    create_reports_table(dynamodb)
    dynamodb.put_item(TableName="reports", Item=report_item(1))
    create_bucket(s3)
    s3.put_object(Bucket="photos", Key="old.jpg", Body=b"old")
    emulator.snapshot()

    dynamodb.put_item(TableName="reports", Item=report_item(2))
    s3.put_object(Bucket="photos", Key="new.jpg", Body=b"new")

    def crash(src, dst):
        raise KeyboardInterrupt("killed mid-snapshot")

    monkeypatch.setattr(files.os, "replace", crash)
    monkeypatch.setattr(files, "_remove_quietly", lambda path: None)  # a real crash cleans nothing up
    with pytest.raises(KeyboardInterrupt):
        emulator.snapshot()
    monkeypatch.undo()
    root = data_dir / "emulator"
    assert list(root.rglob(f"{files.TEMP_PREFIX}*")), "the crash should have left temporaries behind"
    (root / "dynamodb" / f"{files.TEMP_PREFIX}half-reports.json").write_text('{"format": 1, "items": [')
    monkeypatch.setattr(emulator, "snapshot", lambda: None)  # the process died: no final save
    emulator.stop()

    again = restart()
    keys = [i["pk"]["S"] for i in again.client("dynamodb").scan(TableName="reports")["Items"]]
    assert keys == ["report#1"]
    listed = again.client("s3").list_objects_v2(Bucket="photos")["Contents"]
    assert [o["Key"] for o in listed] == ["old.jpg"]
    assert not list(root.rglob(f"{files.TEMP_PREFIX}*"))


def test_a_corrupt_table_file_stops_restore_instead_of_being_overwritten(data_dir, free_port):
    table_file = data_dir / "emulator" / "dynamodb" / "reports.json"
    table_file.parent.mkdir(parents=True)
    table_file.write_text("{not json")
    emu = Emulator(data_dir, free_port())
    emu.start()
    try:
        with pytest.raises(SnapshotError, match="reports.json"):
            emu.restore()
        with pytest.raises(SnapshotError, match="before restore"):
            emu.snapshot()
    finally:
        emu.stop()
    assert table_file.read_text() == "{not json"


def test_a_taken_port_gives_a_clear_error(data_dir):
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        port = squatter.getsockname()[1]
        with pytest.raises(PortInUseError, match=f"AWS emulator on 127.0.0.1:{port}"):
            Emulator(data_dir, port).start()


def test_url_names_the_loopback_address_and_the_bound_port(data_dir, free_port):
    port = free_port()
    assert Emulator(data_dir, port).url == f"http://127.0.0.1:{port}"
    assert Emulator(data_dir, port, host="0.0.0.0").url == f"http://127.0.0.1:{port}"
