"""Events' effects in tests: the process "dies" right after a change's
transaction (its first try of the effects never runs), then the events
table's rows are handed to the stream's handler as Lambda hands them."""
import pytest


@pytest.fixture
def dies_after_commit(monkeypatch):
    """Call it, and from then on a request's own try of its event's effects
    never happens: the process stopped between the commit and the effect."""
    from chalicelib.handlers.shared import effects

    def die():
        monkeypatch.setattr(effects, "first_try", lambda deps, events: None)
    return die


def given_up(monkeypatch, module, function):
    """From now on the effect `module:function` fails, and is given up at its first failure (as at its
    ATTEMPTS-th): its claim says `failed`, the dead letter."""
    import importlib
    from chalicelib.handlers.shared import effects

    def fails(deps, event, key):
        raise RuntimeError("the back office refused it")
    monkeypatch.setattr(importlib.import_module(module), function, fails)
    monkeypatch.setattr(effects, "ATTEMPTS", 1)


def stream_takes(deps, *kinds):
    """Every event of `kinds` (tests only: a scan is fine here) through
    handlers/stream.on_stream, as the dispatch_events Lambda gets them:
    (how many events it took, the jobs it queued; the queue is a list)."""
    from chalicelib.handlers.alerts.worker import InlineQueue
    from chalicelib.handlers.stream import on_stream
    from chalicelib.storage.reports.reports import EventModel
    from chalicelib import tenancy

    class Stamped(InlineQueue):  # as storage/queues.py sends: each job naming the council it is for
        def send(self, bodies):
            return super().send([tenancy.stamped(b) for b in bodies])

    images = [e.serialize() for e in EventModel.scan() if e.kind in kinds]
    queue = Stamped()
    # With its Keys, as Lambda hands them: the key says whose council's event it is.
    taken = on_stream([{"eventName": "INSERT", "dynamodb": {"Keys": {"id": i["id"]}, "NewImage": i}} for i in images],
                      lambda: deps, queue, InlineQueue())
    return taken, list(queue)


def run_stream(deps, *kinds, received=1):
    """stream_takes, then the jobs it queues through the alert worker's
    handler, as the deliver_alerts Lambda gets them, each for the `received`-th
    time. Returns the jobs the worker handed back to the queue (to run again)."""
    import json
    from chalicelib.handlers.alerts.worker import InlineQueue, on_queue
    _, jobs = stream_takes(deps, *kinds)
    queue, back = InlineQueue(jobs), []
    records = [{"messageId": str(n), "body": json.dumps(job), "attributes": {"ApproximateReceiveCount": str(received)}}
               for n, job in enumerate(jobs)]
    for failed in on_queue({"Records": records}, lambda: deps, queue=queue)["batchItemFailures"]:
        back.append(jobs[int(failed["itemIdentifier"])])
    return back


def events_of_kind(kind):
    from chalicelib.storage.reports.reports import EventModel
    return [e for e in EventModel.scan() if e.kind == kind]
