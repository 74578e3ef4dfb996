"""Forwarding in AWS: the queue of send tries (one per report and body) the
dispatcher and the every-minute sweep fill, its dead-letter queue, and the
sender that tries each. Numbers come from chalicelib/handlers/forwarding/
queue.py, which the code reads too. A body's outage costs tries, never
reports: the send rows in DynamoDB are the record of what is owed."""
from chalicelib.handlers.forwarding import queue as sends

from .alert_queue import CONSUME, tls_only
from .cfn import arn, ref, sub

QUEUE, DEAD = "SendTries", "SendTriesDead"
MAPPING = "SendTriesToSender"


def send_tries():
    return {"Effect": "Allow", "Action": ["sqs:SendMessage"], "Resource": arn(QUEUE)}


def consume():
    return {"Effect": "Allow", "Action": CONSUME, "Resource": arn(QUEUE)}


def resources(sender):
    return {
        DEAD: {"Type": "AWS::SQS::Queue", "Properties": {
            "QueueName": sub(f"doorstep-${{Stage}}-{sends.QUEUE}-dead"),
            "MessageRetentionPeriod": sends.DEAD_RETENTION_S, "SqsManagedSseEnabled": True}},
        QUEUE: {"Type": "AWS::SQS::Queue", "Properties": {
            "QueueName": sub(f"doorstep-${{Stage}}-{sends.QUEUE}"),
            "VisibilityTimeout": sends.VISIBILITY_S, "MessageRetentionPeriod": sends.RETENTION_S,
            "SqsManagedSseEnabled": True,
            "RedrivePolicy": {"deadLetterTargetArn": arn(DEAD), "maxReceiveCount": sends.MAX_RECEIVES}}},
        f"{QUEUE}Policy": tls_only(QUEUE),
        f"{DEAD}Policy": tls_only(DEAD),
        MAPPING: {"Type": "AWS::Lambda::EventSourceMapping", "Properties": {
            "EventSourceArn": arn(QUEUE), "FunctionName": ref(sender), "BatchSize": 10,
            "FunctionResponseTypes": ["ReportBatchItemFailures"],
            # Other bodies' servers, not our capacity, set the pace.
            "ScalingConfig": {"MaximumConcurrency": 5}}},
    }
