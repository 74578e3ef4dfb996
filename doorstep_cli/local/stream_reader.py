"""The events table's DynamoDB Stream, read on one machine as Lambda reads it in AWS.

A thread polls DynamoDB Local's stream shards and hands each batch of up to
50 records (the event source mapping's batch size) to the same function the
Lambda runs, wrapped in the same `chalice.app.DynamoDBEvent`. As with Lambda,
a batch whose handler raises is retried, from the same record, until it
succeeds; the position after each handled batch is kept on disk, so a restart
(even after `kill -9`) resumes where it stopped rather than from the start.
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from doorstep_cli.local import pipeline_trace
from doorstep_cli.local.files import atomic_write_bytes, dump_json, load_json

log = logging.getLogger("doorstep.local")
BATCH_SIZE = 50
MAX_BACKOFF = 30.0
# The stream and its shards are described again this often (and at once after a
# shard closes or a poll fails), not on every poll: three calls a poll kept an
# idle test stack's interpreter 12% busy; one GetRecords per open shard is the poll.
DESCRIBE_EVERY_S = 5.0


def lambda_handler() -> Callable[..., Any]:
    """The function the Lambda runs for each batch (app.py's dispatch_events)."""
    import app  # noqa: F401 (the Lambda's module: wiring its routes registers capabilities' audiences and events' effects)
    from chalicelib.handlers.stream import on_stream
    return on_stream


class StreamReader:
    def __init__(self, dynamodb: Any, streams: Any, table_name: str, position_file: Path,
                 handle_batch: Callable[[Any], Any], interval: float = 0.25,
                 caught_up: Callable[[], None] | None = None):
        self.dynamodb, self.streams = dynamodb, streams
        self.table_name = table_name
        self.position_file = Path(position_file)
        self.handle_batch = handle_batch  # called with a chalice DynamoDBEvent
        self.interval = interval
        self.caught_up = caught_up  # called once, the first time a poll finds nothing left to read
        self._iterators: dict[str, str] = {}
        self._described: tuple[float, str, dict[str, dict[str, Any]]] | None = None  # (when, arn, shards)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._position = self._load_position()

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="doorstep-stream-reader", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self) -> None:
        delay = self.interval
        while not self._stop.is_set():
            try:
                handled = self.poll()
                delay = 0 if handled else self.interval
                if not handled and self.caught_up is not None:
                    told, self.caught_up = self.caught_up, None
                    told()
            except Exception:
                log.exception("Stream reader: a batch failed; it will be retried")
                self._iterators.clear()  # read again from the last position kept (an iterator may have expired)
                self._described = None  # and look at the stream again: the table may have been made anew
                delay = min(MAX_BACKOFF, max(1.0, delay * 2))
            self._stop.wait(delay)

    def poll(self) -> int:
        """Read each open shard once and handle what it returned; returns the records handled."""
        described = self._described
        if described is None or time.monotonic() - described[0] > DESCRIBE_EVERY_S:
            arn = self.stream_arn()
            described = self._described = (time.monotonic(), arn, self._shards(arn))
        _, arn, shards = described
        if self._position.get("stream") != arn:
            # A new stream (a new data directory, or the table was recreated).
            self._position = {"stream": arn, "shards": {}, "closed": []}
            self._iterators.clear()
        handled = 0
        closed = len(self._position["closed"])
        for shard_id, shard in shards.items():
            parent = shard.get("ParentShardId")
            if shard_id in self._position["closed"]:
                continue
            if parent in shards and parent not in self._position["closed"]:
                continue  # a child waits until its parent is read to the end, as in Lambda
            handled += self._read_shard(arn, shard_id)
        if len(self._position["closed"]) > closed:
            self._described = None  # a closed shard's children are found by describing the stream again
        return handled

    def stream_arn(self) -> str:
        table = self.dynamodb.describe_table(TableName=self.table_name)["Table"]
        spec = table.get("StreamSpecification") or {}
        if not spec.get("StreamEnabled"):
            raise RuntimeError(f"Table {self.table_name} has no stream; the model must declare one.")
        return table["LatestStreamArn"]

    def _shards(self, arn: str) -> dict[str, dict[str, Any]]:
        shards: dict[str, dict[str, Any]] = {}
        kwargs: dict[str, Any] = {"StreamArn": arn}
        while True:
            description = self.streams.describe_stream(**kwargs)["StreamDescription"]
            shards.update((s["ShardId"], s) for s in description.get("Shards", []))
            last = description.get("LastEvaluatedShardId")
            if not last:
                return shards
            kwargs["ExclusiveStartShardId"] = last

    def _read_shard(self, arn: str, shard_id: str) -> int:
        from botocore.exceptions import ClientError
        try:
            iterator = self._iterators.get(shard_id) or self._iterator(arn, shard_id)
            response = self.streams.get_records(ShardIterator=iterator, Limit=BATCH_SIZE)
        except ClientError as exc:
            code = exc.response.get("Error", {}).get("Code")
            self._iterators.pop(shard_id, None)
            if code == "TrimmedDataAccessException":
                # Down for longer than the stream keeps records (24 hours): what
                # was not read is gone, as it would be for a Lambda that long broken.
                log.warning("Stream reader: records of %s expired unread; going on from the oldest kept", shard_id)
                self._position["shards"].pop(shard_id, None)
            elif code != "ExpiredIteratorException":
                raise
            return 0
        records = response.get("Records", [])
        if records:
            from chalice.app import DynamoDBEvent
            event = {"Records": [lambda_record(record, arn) for record in records]}
            began = time.time()
            try:
                self.handle_batch(DynamoDBEvent(event, context=None))
            except Exception:
                self._iterators.pop(shard_id, None)  # the next poll starts again at this batch
                raise
            pipeline_trace.write(what="stream", began=began, ended=time.time(), events=[
                {name: image.get(field, {}).get("S") for name, field in (("id", "id"), ("kind", "kind"),
                                                                           ("report", "report_id"))}
                for image in (r["dynamodb"].get("NewImage", {}) for r in records)])
            self._position["shards"][shard_id] = records[-1]["dynamodb"]["SequenceNumber"]
        following = response.get("NextShardIterator")
        if following is None:
            self._position["closed"].append(shard_id)  # a closed shard, read to its end
            self._iterators.pop(shard_id, None)
        else:
            self._iterators[shard_id] = following
        if records or following is None:
            atomic_write_bytes(self.position_file, dump_json(self._position))
        return len(records)

    def _iterator(self, arn: str, shard_id: str) -> str:
        after = self._position["shards"].get(shard_id)
        kwargs = ({"ShardIteratorType": "AFTER_SEQUENCE_NUMBER", "SequenceNumber": after} if after
                  else {"ShardIteratorType": "TRIM_HORIZON"})  # the mapping's starting position
        return self.streams.get_shard_iterator(StreamArn=arn, ShardId=shard_id, **kwargs)["ShardIterator"]

    def _load_position(self) -> dict[str, Any]:
        if not self.position_file.is_file():
            return {}
        return load_json(self.position_file)


def lambda_record(record: dict[str, Any], arn: str) -> dict[str, Any]:
    """A GetRecords record as Lambda delivers it: epoch seconds, and the source ARN."""
    dynamodb = dict(record["dynamodb"])
    created = dynamodb.get("ApproximateCreationDateTime")
    if created is not None and hasattr(created, "timestamp"):
        dynamodb["ApproximateCreationDateTime"] = created.timestamp()
    return {**record, "dynamodb": dynamodb, "eventSourceARN": arn}


def start_event_stream(data_dir: Path, deps_factory: Callable[[], Any],
                       caught_up: Callable[[], None] | None = None) -> Callable[[], None]:
    """Start reading the events table's stream for `make run`; returns how to stop. `caught_up`
    is called once the stream has been read to its end (the start-up's own events handed over)."""
    import botocore.session
    from chalicelib.config import settings
    s = settings()
    session = botocore.session.get_session()
    clients = [session.create_client(service, region_name=s.region, endpoint_url=s.dynamodb_endpoint)
               for service in ("dynamodb", "dynamodbstreams")]
    handler = lambda_handler()
    reader = StreamReader(*clients, s.table_name("events"), Path(data_dir) / "dynamodb" / "events-stream.json",
                          lambda event: handler(event, deps_factory), caught_up=caught_up)
    reader.start()
    return reader.stop
