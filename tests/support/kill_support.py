"""The kill -9 matrix's machinery (tests/contract/test_dynamodb_local_kill_matrix.py).

A step runs in a forked child armed to die at a named boundary
(chalicelib/faults.py): the child is this test process as it stood (its
app, its fixtures, the local servers' threads stay here), with connections
of its own to DynamoDB Local and the socket API, and it is killed there with
SIGKILL. Then what a restarted stack does, some minutes later: the events
stream read on from its checkpoint (DynamoDB Local's own stream), the jobs
the dead worker held given back by their queue (its visibility timeout), the
alert and send workers, the sweeper and the outbox's job.
"""
import os
import signal
import time
from dataclasses import replace
from datetime import timedelta

import pytest

# Past every claim a dead process can leave, all 45 s leases renewed while their runner lives
# (chalicelib/leases.py): an effect's, a send's, a delivery's, the outbox's (11 minutes when they
# were 45 s, 2, 5 and 10 minutes), and a refund's place for asking, open to another taker two
# minutes on (payments/asking.py: while fresh it is never taken again, its holder may be alive).
# The jobs the dead worker held are handed back here, as the alert queue gives an effect back
# once its visibility timeout (12 minutes) has passed.
LATER = timedelta(minutes=3)


def killed_at(boundary, step):
    """Run step() in a child that dies at `boundary`; fails unless it did."""
    pid = os.fork()
    if pid == 0:
        code = 0
        try:
            _own_connections()
            from chalicelib import faults
            faults.arm(boundary)
            step()
        except BaseException:  # noqa: BLE001 (whatever it was, the parent says the boundary was not reached)
            import traceback
            traceback.print_exc()
            code = 70
        os._exit(code)
    deadline = time.monotonic() + 60
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            pytest.fail(f"the step did not reach {boundary} within 60 s")
        time.sleep(0.005)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, \
        f"the step ended (exit {os.waitstatus_to_exitcode(status)}) without passing {boundary}"


def _own_connections():
    """A forked child must not talk on its parent's pooled sockets: a reply
    left unread by its death would be read by the parent as its own."""
    from chalicelib import keystore
    from chalicelib.notify import aws, sockets
    from chalicelib.storage import binding, blobs, queues
    for cache in (binding._connections, keystore._clients, sockets._clients, aws._clients, queues._clients,
                  blobs._clients):
        cache.clear()
    binding._bound["key"] = None


class Stack:
    """The workers of a stack around one test: a stream reader that keeps its
    position in `position_file` (each made anew, as a restarted process is),
    the alert and send queues as lists."""

    def __init__(self, deps, position_file):
        self.deps, self.position_file = deps, position_file

    def _reader(self, handle):
        """A reader made anew (as by a restarted process), from the checkpoint."""
        from chalicelib.storage.reports.reports import EventModel
        from doorstep_cli.local.stream_reader import StreamReader
        return StreamReader(*_stream_clients(), EventModel.Meta.table_name, self.position_file, handle)

    def caught_up(self):
        """Skip what the stream holds from before this test (other tests' events)."""
        reader = self._reader(lambda batch: None)
        while reader.poll():
            pass

    def stream(self, deps=None):
        """The stream read on from its checkpoint: (alert jobs, send jobs) it queued."""
        from chalicelib.handlers.alerts.worker import InlineQueue
        from chalicelib.handlers.stream import on_stream
        alerts, sends = InlineQueue(), InlineQueue()
        deps = deps or self.deps
        reader = self._reader(lambda batch: on_stream(batch, lambda: deps, alerts, sends))
        while reader.poll():
            pass
        return alerts, sends

    def restart(self, held=(), sends_held=()):
        """What the stack does after a crash, LATER on: the stream, the jobs
        the dead worker held (`held` alert jobs, `sends_held` send jobs) given
        back, the sweeper's due sends, and the outbox's queued e-mail."""
        from chalicelib.handlers.forwarding.queue import sweep
        from chalicelib.notify.email import send_queued
        later = self.later()
        alerts, sends = self.stream(later)
        alerts[:0], sends[:0] = list(held), list(sends_held)
        run_alert_jobs(later, alerts)
        sweep(later, sends)
        run_send_jobs(later, sends)
        send_queued(later.clock())

    def later(self):
        moment = self.deps.clock() + LATER
        return replace(self.deps, clock=lambda: moment)


_CLIENTS = {}


def _stream_clients():
    """DynamoDB's and its streams' clients, made once (half a second each)."""
    import botocore.session
    from chalicelib.config import settings
    s = settings()
    where = (s.region, s.dynamodb_endpoint)
    if where not in _CLIENTS:
        session = botocore.session.get_session()
        _CLIENTS[where] = [session.create_client(service, region_name=s.region, endpoint_url=s.dynamodb_endpoint)
                           for service in ("dynamodb", "dynamodbstreams")]
    return _CLIENTS[where]


def run_alert_jobs(deps, jobs):
    """The alert worker, as the queue hands it jobs: one left unfinished comes back."""
    from chalicelib.handlers.alerts.worker import default_deliver, run_job
    deliver, rounds = default_deliver(), 0
    while jobs:
        job = jobs.pop(0)
        _, finished = run_job(deps, job, jobs, deliver, sleep=lambda s: None)
        if not finished:
            rounds += 1
            assert rounds < 20, f"a job never finished: {job}"
            jobs.append(job)


def run_send_jobs(deps, jobs):
    from chalicelib.handlers.forwarding import sender
    from chalicelib.handlers.forwarding.updates_out import forward_update
    while jobs:
        job = jobs.pop(0)
        if "update" in job:
            forward_update(deps, job["report"], int(job["update"]))
        else:
            sender.attempt(deps, job["report"], job["body"])


def message_ids(rows):
    """The Message-IDs of outbox rows: what a receiving mail system tells apart."""
    return [(r.headers or {}).get("Message-ID") or f"<random {r.id}>" for r in rows]
