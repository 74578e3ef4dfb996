"""The local stack's work queues: SQS's protocol over HTTP (AWS JSON 1.0, what
botocore speaks to SQS), the messages kept in SQLite.

moto's SQS looks at every message of a queue on each receive: with 2,700 alert
jobs queued after a burst of report creations, that was 72% of a busy stack's
profile, and map reads fell to 3-7 a second (issue 30). Here a receive reads
the next visible messages through an index on (queue, visible at), so its cost
does not grow with the backlog; and a send is on disk when it is acknowledged,
so a `kill -9` loses no job (moto kept them in memory).

It serves what Doorstep's code and the local worker call: CreateQueue,
GetQueueUrl, GetQueueAttributes, SetQueueAttributes, ListQueues, DeleteQueue,
PurgeQueue, SendMessage(Batch), ReceiveMessage (long polling too),
DeleteMessage(Batch) and ChangeMessageVisibility. As SQS does, a message
received more than its queue's RedrivePolicy maxReceiveCount times moves to
the dead-letter queue, and one older than MessageRetentionPeriod is dropped.

The order a receive takes jobs in is queue_order.py's: oldest first while a
queue keeps up, and the newest work on every other receive once it is behind.
"""
from __future__ import annotations

import hashlib
import json
import socket
import sqlite3
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from doorstep_cli.local.queue_order import Order

ACCOUNT = "000000000000"
DEFAULTS = {"VisibilityTimeout": "30", "MessageRetentionPeriod": "345600", "DelaySeconds": "0",
            "ReceiveMessageWaitTimeSeconds": "0", "MaximumMessageSize": "262144"}
MISSING = ("QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue")
SCHEMA = """
CREATE TABLE IF NOT EXISTS queues (name TEXT PRIMARY KEY, attributes TEXT NOT NULL, created REAL NOT NULL);
CREATE TABLE IF NOT EXISTS messages (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL, queue TEXT NOT NULL, body TEXT NOT NULL,
    md5 TEXT NOT NULL, sent REAL NOT NULL, visible REAL NOT NULL, receives INTEGER NOT NULL DEFAULT 0,
    first_receive REAL, receipt TEXT, grp TEXT);
CREATE INDEX IF NOT EXISTS next_visible ON messages (queue, visible, seq);
CREATE INDEX IF NOT EXISTS by_receipt ON messages (receipt);
CREATE INDEX IF NOT EXISTS by_age ON messages (queue, sent);
"""
GROUPS = "CREATE INDEX IF NOT EXISTS by_group ON messages (queue, grp, visible, seq)"


class QueueError(Exception):
    def __init__(self, code: str, message: str, query_code: str | None = None, status: int = 400):
        super().__init__(message)
        self.code, self.message, self.query_code, self.status = code, message, query_code, status


class Queues:
    """The queues and their messages in one SQLite file."""

    def __init__(self, path: Path, base_url: str = "", region: str = "eu-west-2"):
        self.base_url, self.region = base_url, region
        self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")  # a send is on disk before it is acknowledged
        self._db.executescript(SCHEMA)
        if "grp" not in {row[1] for row in self._db.execute("PRAGMA table_info(messages)")}:
            self._db.execute("ALTER TABLE messages ADD COLUMN grp TEXT")  # a data directory from before groups
        self._db.execute(GROUPS)
        self._lock = threading.Lock()
        self._arrived = threading.Condition(self._lock)
        self._swept: dict[str, float] = {}
        self._order = Order(self._db)

    def close(self) -> None:
        self._db.close()

    # queues
    def url(self, name: str) -> str:
        return f"{self.base_url}/{ACCOUNT}/{name}"

    def arn(self, name: str) -> str:
        return f"arn:aws:sqs:{self.region}:{ACCOUNT}:{name}"

    def _attributes(self, name: str) -> dict[str, str]:
        row = self._db.execute("SELECT attributes FROM queues WHERE name = ?", (name,)).fetchone()
        if row is None:
            raise QueueError("QueueDoesNotExist", "The specified queue does not exist.", MISSING[1])
        return json.loads(row[0])

    def create_queue(self, name: str, attributes: dict[str, str]) -> str:
        with self._lock:
            row = self._db.execute("SELECT attributes FROM queues WHERE name = ?", (name,)).fetchone()
            if row is None:
                self._db.execute("INSERT INTO queues VALUES (?, ?, ?)",
                                 (name, json.dumps({**DEFAULTS, **attributes}), time.time()))
            elif attributes and {**json.loads(row[0]), **attributes} != json.loads(row[0]):
                raise QueueError("QueueNameExists", "A queue with this name exists with other attributes.",
                                 "QueueAlreadyExists")
        return self.url(name)

    def set_attributes(self, name: str, attributes: dict[str, str]) -> None:
        with self._lock:
            merged = {**self._attributes(name), **attributes}
            self._db.execute("UPDATE queues SET attributes = ? WHERE name = ?", (json.dumps(merged), name))

    def delete_queue(self, name: str) -> None:
        with self._lock:
            self._attributes(name)
            self._db.execute("DELETE FROM messages WHERE queue = ?", (name,))
            self._db.execute("DELETE FROM queues WHERE name = ?", (name,))

    def purge(self, name: str) -> None:
        with self._lock:
            self._attributes(name)
            self._db.execute("DELETE FROM messages WHERE queue = ?", (name,))

    def names(self, prefix: str = "") -> list[str]:
        with self._lock:
            rows = self._db.execute("SELECT name FROM queues ORDER BY name").fetchall()
        return [name for (name,) in rows if name.startswith(prefix)]

    def attributes(self, name: str, wanted: list[str]) -> dict[str, str]:
        now = time.time()
        with self._lock:
            out = {**self._attributes(name), "QueueArn": self.arn(name)}
            (visible,) = self._db.execute("SELECT count(*) FROM messages WHERE queue = ? AND visible <= ?",
                                          (name, now)).fetchone()
            (hidden,) = self._db.execute("SELECT count(*) FROM messages WHERE queue = ? AND visible > ?",
                                         (name, now)).fetchone()
        out.update(ApproximateNumberOfMessages=str(visible), ApproximateNumberOfMessagesNotVisible=str(hidden),
                   ApproximateNumberOfMessagesDelayed="0")
        return out if "All" in wanted else {k: v for k, v in out.items() if k in wanted}

    # messages
    def send(self, name: str, bodies: list[str], delays: list[int] | None = None,
             groups: list[str | None] | None = None) -> list[tuple[str, str]]:
        """(message id, MD5 of body) for each body, all written in one transaction."""
        now = time.time()
        out = []
        with self._lock:
            default_delay = int(self._attributes(name).get("DelaySeconds", "0"))
            self._db.execute("BEGIN IMMEDIATE")
            try:
                for n, body in enumerate(bodies):
                    message_id, md5 = str(uuid.uuid4()), hashlib.md5(body.encode()).hexdigest()
                    delay = (delays[n] if delays and delays[n] is not None else default_delay)
                    self._db.execute("INSERT INTO messages (id, queue, body, md5, sent, visible, grp) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?)",
                                     (message_id, name, body, md5, now, now + delay, groups[n] if groups else None))
                    out.append((message_id, md5))
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._arrived.notify_all()
        return out

    def receive(self, name: str, most: int, visibility: int | None, wait_s: float) -> list[dict[str, Any]]:
        deadline = time.monotonic() + wait_s
        with self._lock:
            while True:
                got = self._take(name, most, visibility)
                left = deadline - time.monotonic()
                if got or left <= 0:
                    return got
                self._arrived.wait(min(left, 1.0))  # a message delayed or hidden may become visible meanwhile

    def _take(self, name: str, most: int, visibility: int | None) -> list[dict[str, Any]]:
        attributes = self._attributes(name)
        now = time.time()
        self._sweep(name, attributes, now)
        hide = int(attributes["VisibilityTimeout"] if visibility is None else visibility)
        redrive = json.loads(attributes.get("RedrivePolicy") or "null")
        out: list[dict[str, Any]] = []
        self._db.execute("BEGIN IMMEDIATE")
        try:
            rows = self._order.next(name, now, most)
            for seq, message_id, body, md5, sent, receives, first, _, group in rows:
                if redrive and receives >= int(redrive["maxReceiveCount"]):
                    dead = redrive["deadLetterTargetArn"].rsplit(":", 1)[-1]
                    self._db.execute("UPDATE messages SET queue = ?, visible = ?, receives = 0, "
                                     "first_receive = NULL, receipt = NULL WHERE seq = ?", (dead, now, seq))
                    continue
                receipt = uuid.uuid4().hex + uuid.uuid4().hex
                self._db.execute("UPDATE messages SET visible = ?, receives = receives + 1, "
                                 "first_receive = coalesce(first_receive, ?), receipt = ? WHERE seq = ?",
                                 (now + hide, now, receipt, seq))
                attributes = {"ApproximateReceiveCount": str(receives + 1), "SentTimestamp": str(int(sent * 1000)),
                              "ApproximateFirstReceiveTimestamp": str(int((first or now) * 1000)), "SenderId": ACCOUNT}
                if group is not None:
                    attributes["MessageGroupId"] = group
                out.append({"MessageId": message_id, "ReceiptHandle": receipt, "MD5OfBody": md5, "Body": body,
                            "Attributes": attributes})
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        return out

    def _sweep(self, name: str, attributes: dict[str, str], now: float) -> None:
        """Drop messages past the queue's retention, at most once a minute (an index range)."""
        if now - self._swept.get(name, 0.0) < 60:
            return
        self._swept[name] = now
        self._db.execute("DELETE FROM messages WHERE queue = ? AND sent < ?",
                         (name, now - int(attributes["MessageRetentionPeriod"])))

    def delete(self, name: str, receipts: list[str]) -> None:
        """Delete the messages these receipt handles name (an old handle deletes nothing, as SQS allows)."""
        with self._lock:
            self._attributes(name)
            for receipt in receipts:
                self._db.execute("DELETE FROM messages WHERE receipt = ? AND queue = ?", (receipt, name))

    def change_visibility(self, name: str, receipt: str, seconds: int) -> None:
        with self._lock:
            self._attributes(name)
            changed = self._db.execute("UPDATE messages SET visible = ? WHERE receipt = ? AND queue = ?",
                                       (time.time() + seconds, receipt, name)).rowcount
            if not changed:
                raise QueueError("ReceiptHandleIsInvalid", "The receipt handle is not valid.",
                                 "ReceiptHandleIsInvalid")
            self._arrived.notify_all()

    def plan(self, name: str, order: str = "ASC") -> str:
        """SQLite's plan for a receive's read, oldest or newest first (tests check it walks the index)."""
        with self._lock:
            rows = self._db.execute(
                "EXPLAIN QUERY PLAN SELECT seq FROM messages WHERE queue = ? AND visible <= ? "
                f"ORDER BY visible {order}, seq {order} LIMIT 10", (name, time.time())).fetchall()
        return " ".join(str(r[-1]) for r in rows)


def _name(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]


def answer(queues: Queues, operation: str, request: dict[str, Any]) -> dict[str, Any]:
    """One SQS JSON operation's answer."""
    if operation == "CreateQueue":
        return {"QueueUrl": queues.create_queue(request["QueueName"], request.get("Attributes") or {})}
    if operation == "GetQueueUrl":
        queues.attributes(request["QueueName"], ["QueueArn"])  # QueueDoesNotExist when it does not
        return {"QueueUrl": queues.url(request["QueueName"])}
    if operation == "ListQueues":
        return {"QueueUrls": [queues.url(n) for n in queues.names(request.get("QueueNamePrefix", ""))]}
    name = _name(request.get("QueueUrl", ""))
    if operation == "GetQueueAttributes":
        return {"Attributes": queues.attributes(name, request.get("AttributeNames") or ["All"])}
    if operation == "SetQueueAttributes":
        queues.set_attributes(name, request.get("Attributes") or {})
        return {}
    if operation == "DeleteQueue":
        queues.delete_queue(name)
        return {}
    if operation == "PurgeQueue":
        queues.purge(name)
        return {}
    if operation == "SendMessage":
        ((message_id, md5),) = queues.send(name, [request["MessageBody"]], [request.get("DelaySeconds")],
                                           [request.get("MessageGroupId")])
        return {"MessageId": message_id, "MD5OfMessageBody": md5}
    if operation == "SendMessageBatch":
        entries = request.get("Entries") or []
        sent = queues.send(name, [e["MessageBody"] for e in entries], [e.get("DelaySeconds") for e in entries],
                           [e.get("MessageGroupId") for e in entries])
        return {"Successful": [{"Id": e["Id"], "MessageId": m, "MD5OfMessageBody": md5}
                               for e, (m, md5) in zip(entries, sent)], "Failed": []}
    if operation == "ReceiveMessage":
        wait = request.get("WaitTimeSeconds")
        if wait is None:
            wait = int(queues.attributes(name, ["ReceiveMessageWaitTimeSeconds"])["ReceiveMessageWaitTimeSeconds"])
        messages = queues.receive(name, int(request.get("MaxNumberOfMessages") or 1),
                                  request.get("VisibilityTimeout"), float(wait))
        wanted = set(request.get("MessageSystemAttributeNames") or request.get("AttributeNames") or [])
        for m in messages:
            m["Attributes"] = m["Attributes"] if "All" in wanted else {
                k: v for k, v in m["Attributes"].items() if k in wanted}
        return {"Messages": messages} if messages else {}
    if operation == "DeleteMessage":
        queues.delete(name, [request["ReceiptHandle"]])
        return {}
    if operation == "DeleteMessageBatch":
        entries = request.get("Entries") or []
        queues.delete(name, [e["ReceiptHandle"] for e in entries])
        return {"Successful": [{"Id": e["Id"]} for e in entries], "Failed": []}
    if operation == "ChangeMessageVisibility":
        queues.change_visibility(name, request["ReceiptHandle"], int(request["VisibilityTimeout"]))
        return {}
    raise QueueError("UnsupportedOperation", f"{operation} is not served by the local queue service.",
                     "AWS.SimpleQueueService.UnsupportedOperation")


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    queues: Queues

    def do_POST(self) -> None:  # noqa: N802  (http.server's name)
        target = self.headers.get("X-Amz-Target", "")
        length = int(self.headers.get("Content-Length") or 0)
        try:
            request = json.loads(self.rfile.read(length) or b"{}")
            if not target.startswith("AmazonSQS."):
                raise QueueError("InvalidAction", "Only SQS's JSON protocol is served here.")
            status, body, headers = 200, answer(self.queues, target.split(".", 1)[1], request), {}
        except QueueError as e:
            status, body = e.status, {"__type": f"com.amazonaws.sqs#{e.code}", "message": e.message}
            headers = {"x-amzn-query-error": f"{e.query_code};Sender"} if e.query_code else {}
        except (KeyError, ValueError, TypeError) as e:
            status, body, headers = 400, {"__type": "com.amazonaws.sqs#InvalidParameterValue", "message": str(e)}, {}
        raw = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/x-amz-json-1.0")
        self.send_header("Content-Length", str(len(raw)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(raw)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002  (http.server's signature)
        pass  # a worker polls several times a second: no line each


class QueueService:
    """The queues at http://127.0.0.1:port, kept in `path`, until stop()."""

    def __init__(self, path: Path, port: int | socket.socket = 0, region: str = "eu-west-2"):
        """port: a port to bind, or a listening socket bound already (handed over by a parent)."""
        handler = type("Handler", (_Handler,), {})
        if isinstance(port, socket.socket):
            from doorstep_cli.local.serving import adopt
            self._server = adopt(ThreadingHTTPServer, port, handler)
        else:
            self._server = ThreadingHTTPServer(("127.0.0.1", port), handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self.queues = handler.queues = Queues(Path(path), self.url, region)
        self._thread = threading.Thread(target=self._server.serve_forever, name="doorstep-queues", daemon=True)

    def start(self) -> QueueService:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self.queues.close()
