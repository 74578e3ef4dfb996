"""Work queues in SQS, through botocore (boto3 would add ~260 ms to a cold start).

A deployed stage is told its queue's URL by the template
(DOORSTEP_ALERT_QUEUE_URL), so a cold start makes no call to find it. On one
machine and in tests the queue is found by name on the emulator (moto) and
made, with its dead-letter queue, when it is missing, as the tables are made
by `doorstep tables`: on the local stack's queue service
(doorstep_cli/local/queue_service.py, DOORSTEP_SQS_ENDPOINT) or on moto in tests.
"""
import json
import threading
from dataclasses import dataclass

from ..config import settings
from .errors import Throttled

_clients = {}
_lock = threading.Lock()
SEND_BATCH = 10  # SendMessageBatch's most entries
MAX_BATCH_BYTES = 256 * 1024  # and most bytes, all entries together
SEND_TRIES = 3  # entries SQS refused are sent again this often, then the caller fails
MISSING = {"AWS.SimpleQueueService.NonExistentQueue", "QueueDoesNotExist"}


@dataclass(frozen=True)
class QueueShape:
    """What a queue is made with where this code makes it (the template
    makes a deployed stage's from the same numbers)."""
    visibility_s: int
    max_receives: int
    retention_s: int
    dead_retention_s: int


class WorkQueue:
    def __init__(self, short_name, shape, url=None, group_of=None):
        """group_of(body): the message group (MessageGroupId) a job is sent under, or None.
        On a standard queue SQS reads a group as a tenant of a fair queue: a group with a big
        backlog does not hold the others' messages back."""
        s = settings()
        self.group_of = group_of
        self.name = s.table_name(short_name)
        self.shape = shape
        self._url = url
        self._where = (s.region, s.sqs_endpoint)
        self._makes_its_own = s.stage in ("local", "test") or bool(s.sqs_endpoint)

    @property
    def client(self):
        return _client(*self._where)

    @property
    def url(self):
        if self._url is None:
            self._url = self._find()
        return self._url

    def send(self, bodies):
        """Put each body (a JSON-able dict) on the queue, ten to a request, each
        naming the council it is for (tenancy.stamped): the worker works for it."""
        from .. import tenancy
        entries = []
        for body in bodies:
            entry = {"MessageBody": json.dumps(tenancy.stamped(body), separators=(",", ":"))}
            group = self.group_of(body) if self.group_of else None
            if group:
                entry["MessageGroupId"] = group
            entries.append(entry)
        for start in range(0, len(entries), SEND_BATCH):
            chunk = entries[start:start + SEND_BATCH]
            if sum(len(e["MessageBody"].encode()) for e in chunk) > MAX_BATCH_BYTES:
                raise ValueError("work items too big for one SQS batch")
            self._send_batch(chunk)
        return len(entries)

    def _send_batch(self, entries):
        todo = {str(i): e for i, e in enumerate(entries)}
        for _ in range(SEND_TRIES):
            answer = self.client.send_message_batch(
                QueueUrl=self.url, Entries=[{"Id": i, **e} for i, e in todo.items()])
            todo = {f["Id"]: todo[f["Id"]] for f in answer.get("Failed", [])}
            if not todo:
                return
        raise Throttled()  # nothing lost: the caller fails and its own source retries it

    def ensure(self):
        """Make the queue and its dead-letter queue (as the template does); returns the URL."""
        shape = self.shape
        dead = self.client.create_queue(QueueName=f"{self.name}-dead", Attributes={
            "MessageRetentionPeriod": str(shape.dead_retention_s)})["QueueUrl"]
        dead_arn = self.client.get_queue_attributes(
            QueueUrl=dead, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        self._url = self.client.create_queue(QueueName=self.name, Attributes={
            "VisibilityTimeout": str(shape.visibility_s),
            "MessageRetentionPeriod": str(shape.retention_s),
            "RedrivePolicy": json.dumps({"deadLetterTargetArn": dead_arn,
                                         "maxReceiveCount": shape.max_receives})})["QueueUrl"]
        return self._url

    def dead_url(self):
        return self.client.get_queue_url(QueueName=f"{self.name}-dead")["QueueUrl"]

    def _find(self):
        from botocore.exceptions import ClientError
        try:
            return self.client.get_queue_url(QueueName=self.name)["QueueUrl"]
        except ClientError as e:
            if e.response.get("Error", {}).get("Code") not in MISSING or not self._makes_its_own:
                raise
        return self.ensure()


def _client(region, endpoint):
    key = (region, endpoint)
    with _lock:
        if key not in _clients:
            import botocore.session
            from botocore.config import Config
            config = Config(retries={"max_attempts": 5, "mode": "standard"})
            _clients[key] = botocore.session.get_session().create_client(
                "sqs", region_name=region, endpoint_url=endpoint, config=config)
        return _clients[key]
