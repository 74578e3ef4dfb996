"""Channels that reach people: e-mail (SES), SMS (SNS), Web Push; and the outbox.

`deliver.deliver()` is the one entry point; every channel answers one of the
outcomes below, which is all the dispatcher needs to decide what comes next.
"""
SENT = "sent"  # the channel took the message
GONE = "gone"  # the address no longer exists (push 404/410): drop the subscription
RETRY = "retry"  # a passing failure (429, 5xx, timeout, network): try again later
FAILED = "failed"  # will not work as it is (refused, malformed): do not retry
OUTCOMES = (SENT, GONE, RETRY, FAILED)
# Stages where nothing leaves the machine except Web Push to a local push service.
LOCAL_STAGES = ("local", "test")
