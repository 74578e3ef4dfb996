"""Alert fan-out in AWS: the queue of page jobs the dispatcher fills, its
dead-letter queue, and the worker that reads one page per job and sends.

Every number comes from chalicelib/handlers/alerts/batching.py, which the
code reads too, so the template and the code cannot disagree on a batch
size, a timeout or when a job is given up on.
"""
from chalicelib.handlers.alerts import batching

from . import access
from .cfn import arn, ref, sub

QUEUE, DEAD = "AlertPages", "AlertPagesDead"
MAPPING = "AlertPagesToWorker"
# What the event source mapping does with the queue, as the worker's role (Lambda polls as the function).
CONSUME = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes"]


def send_jobs():
    """The right to put page jobs on the queue: the dispatcher's first
    pages, the worker's next pages."""
    return {"Effect": "Allow", "Action": ["sqs:SendMessage"], "Resource": arn(QUEUE)}


def worker_statements():
    return [
        *access.table_statements(access.WORKER_TABLES),
        access.secrets(),  # the VAPID key, and the signing key that derives unsubscribe links
        access.payment_secrets(),  # events' effects: a refund a crew's bulky `unable` makes
        access.revenues_secrets(),  # events' effects: a resident's council tax request sent to the back office
        access.forms_webhook_secret(),  # events' effects: a form posted, signed, to a council system
        *access.form_files_deleted(),  # events' effects: a form sent, the files its answers do not name
        *access.mail_and_sms(),
        access.manage_connections(),  # events' effects: a chat message's frame to the screens open on it
        {"Effect": "Allow", "Action": CONSUME, "Resource": arn(QUEUE)},
        send_jobs(),
    ]


def tls_only(queue):
    return {"Type": "AWS::SQS::QueuePolicy", "Properties": {"Queues": [ref(queue)], "PolicyDocument": {
        "Version": "2012-10-17", "Statement": [{
            "Sid": "TlsOnly", "Effect": "Deny", "Principal": "*", "Action": "sqs:*", "Resource": arn(queue),
            "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}}}


def resources(worker):
    """The queues, their policies and the mapping that feeds `worker` (a function's logical id)."""
    out = {
        DEAD: {"Type": "AWS::SQS::Queue", "Properties": {
            "QueueName": sub(f"doorstep-${{Stage}}-{batching.QUEUE}-dead"),
            "MessageRetentionPeriod": batching.DEAD_RETENTION_S, "SqsManagedSseEnabled": True}},
        QUEUE: {"Type": "AWS::SQS::Queue", "Properties": {
            # The name the code finds the queue by when DOORSTEP_ALERT_QUEUE_URL is not set.
            "QueueName": sub(f"doorstep-${{Stage}}-{batching.QUEUE}"),
            "VisibilityTimeout": batching.VISIBILITY_S,
            "MessageRetentionPeriod": batching.RETENTION_S,
            "SqsManagedSseEnabled": True,
            "RedrivePolicy": {"deadLetterTargetArn": arn(DEAD), "maxReceiveCount": batching.MAX_RECEIVES}}},
        f"{QUEUE}Policy": tls_only(QUEUE),
        f"{DEAD}Policy": tls_only(DEAD),
        MAPPING: {"Type": "AWS::Lambda::EventSourceMapping", "Properties": {
            "EventSourceArn": arn(QUEUE),
            "FunctionName": ref(worker),
            "BatchSize": batching.WORKER_BATCH,
            # The worker names the jobs to run again; the others are deleted.
            "FunctionResponseTypes": ["ReportBatchItemFailures"],
            # SES's and SNS's account rates, not the audience, set the pace.
            "ScalingConfig": {"MaximumConcurrency": batching.WORKER_CONCURRENCY},
        }},
    }
    return out
