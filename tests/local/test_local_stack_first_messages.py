"""`make run`'s first messages. A fresh stack starts with a backlog of alert jobs (the demo's
reports, the county's first answers, the first meetings sync: about 830 jobs, a minute of two
workers' time); a resident's change made then is told while that backlog still waits, not after
it. The order is checked, not the time: when the push arrives, jobs of events from before the
report are still in the queue, never received."""
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.request
from datetime import datetime, timezone
from pathlib import Path

import pytest
from local_fixtures import free_port  # noqa: F401 (fixtures)

from doorstep_cli.local.background import QUEUES_FILE
from doorstep_cli.local.stack import read_stack
from tests.support.alert_support import MINSTER
from tests.support.push_service import PushService

ROOT = Path(__file__).resolve().parents[2]
WAIT_S = 300  # a fresh stack on a busy machine: the JVM, the demo data, then the push


def call(api, path, body=None):
    request = urllib.request.Request(api + path, data=None if body is None else json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as answer:
        return json.loads(answer.read())


def wait_for(what, deadline):
    while not (found := what()):
        assert time.monotonic() < deadline, what.__doc__
        time.sleep(0.1)
    return found


def waiting_from_before(data_dir, moment):
    """Alert jobs of events that happened before `moment`, never received yet (read from the local
    queue's own file, read only: the stream queues them after a report made as the stack starts)."""
    with sqlite3.connect(f"file:{data_dir / QUEUES_FILE}?mode=ro", uri=True) as db:
        bodies = [json.loads(body) for (body,) in db.execute(
            "SELECT body FROM messages WHERE queue LIKE '%alert-pages' AND receives = 0")]
    happened = [(b.get("event") or {}).get("at") for b in bodies]
    return [at for at in happened if at and datetime.fromisoformat(at) < moment]


def demo_events_not_taken_in(stack_info, data_dir):
    """The demo's report events on the events stream after the stream reader's kept position."""
    import botocore.session
    session = botocore.session.get_session()
    where = {"region_name": "eu-west-2", "endpoint_url": stack_info["dynamodb_url"],
             "aws_access_key_id": "local", "aws_secret_access_key": "local"}
    tables, streams = session.create_client("dynamodb", **where), session.create_client("dynamodbstreams", **where)
    events = next(t for t in tables.list_tables()["TableNames"] if t.endswith("-events"))
    arn = tables.describe_table(TableName=events)["Table"]["LatestStreamArn"]
    position_file = data_dir / "dynamodb" / "events-stream.json"
    kept = json.loads(position_file.read_text())["shards"] if position_file.exists() else {}
    left = []
    for shard in streams.describe_stream(StreamArn=arn)["StreamDescription"]["Shards"]:
        iterator = streams.get_shard_iterator(StreamArn=arn, ShardId=shard["ShardId"],
                                              ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
        while iterator:
            page = streams.get_records(ShardIterator=iterator, Limit=1000)
            left += [r for r in page["Records"] if r["dynamodb"].get("NewImage", {}).get("kind", {}).get("S")
                     == "report_created" and int(r["dynamodb"]["SequenceNumber"]) > int(kept.get(shard["ShardId"], 0))]
            iterator = page.get("NextShardIterator") if page["Records"] else None
    return left


def test_a_fresh_stack_takes_in_its_start_up_events_before_it_serves_and_a_residents_report_overtakes_their_jobs(
        tmp_path, free_port):
    data_dir = tmp_path / "data"
    env = {k: v for k, v in os.environ.items() if k not in ("DOORSTEP_PUBLIC_URL", "DOORSTEP_AWS_ENDPOINT")}
    env.update({"DOORSTEP_STAGE": "local", "DOORSTEP_DATA_DIR": str(data_dir), "PORT": "0",
                "DOORSTEP_COUNTY_PORT": str(free_port()), "PYTHONPATH": str(ROOT)})
    stack = subprocess.Popen([sys.executable, "-m", "doorstep_cli.main", "serve"], cwd=ROOT, env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + WAIT_S

        def started():
            """the stack started"""
            if stack.poll() is not None:
                pytest.fail(f"the stack stopped: {stack.stderr.read()}")
            return read_stack(data_dir)
        info = wait_for(started, deadline)
        api = info["api_url"]
        # PORT 0: the work queues took a port of their own, not the bound web port's neighbour (PORT+4),
        # which another program held once and the stack stopped ("Address already in use").
        assert int(info["queue_url"].rsplit(":", 1)[1]) != int(api.rsplit(":", 1)[1]) + 4, info["queue_url"]
        # Running means the stream's start-up records (the demo's reports) are handed over already: a
        # resident's report comes after them on the stream, not in the middle of their batches.
        assert demo_events_not_taken_in(info, data_dir) == []
        with PushService() as push:
            phone = push.subscribe(application_server_key=call(api, "/v1/push/vapid-public-key")["public_key"])
            call(api, "/v1/alerts", {"kind": "area", **MINSTER, "radius_m": 500, "channels": ["push"],
                                     "push_subscription": phone.subscription})
            made_at = datetime.now(timezone.utc)
            report = call(api, "/v1/reports", {"service_code": "litter", "description": "Bags split on the steps",
                                               **MINSTER})

            def pushed():
                """the resident's phone is pushed the report"""
                return [r for r in push.received if (r.payload or {}).get("report_id") == report["id"]]
            wait_for(pushed, deadline)
            assert waiting_from_before(data_dir, made_at)
    finally:
        os.killpg(stack.pid, signal.SIGINT)
        stack.communicate(timeout=60)
