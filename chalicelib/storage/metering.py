"""Counts what DynamoDB is asked and what it reads, per request.

Cost is a feature: every route reports `queries=` and `items=` in a
Server-Timing header (the middleware adds it, so no route can leave it out),
and benchmarks read the same meter. Counting happens at PynamoDB's single call
site so nothing can bypass it. A route whose cost could tell a caller something
its answer keeps back (whether an e-mail address has an account) conceals it.
"""
import contextvars
import time
from contextlib import contextmanager

_current = contextvars.ContextVar("doorstep_meter", default=None)
_installed = False

READS = {"Query", "Scan"}
WRITES = {"PutItem", "UpdateItem", "DeleteItem"}


class Meter:
    def __init__(self):
        self.exposed = True  # every route publishes its cost, unless it conceals it
        self.calls = 0
        self.queries = 0
        self.items = 0
        self.writes = 0
        self.seconds = 0.0
        self.operations = []
        self.notes = {}  # more Server-Timing entries a route gives: {name: description}

    def record(self, operation, kwargs, result, seconds):
        self.calls += 1
        self.seconds += seconds
        self.operations.append(operation)
        if operation in READS:
            self.queries += 1
            self.items += result.get("ScannedCount", result.get("Count", 0))
        elif operation == "GetItem":
            self.items += 1 if result.get("Item") else 0
        elif operation == "BatchGetItem":
            self.items += sum(len(v) for v in result.get("Responses", {}).values())
        elif operation == "TransactGetItems":
            self.items += len(result.get("Responses", []))
        elif operation in WRITES:
            self.writes += 1
        elif operation == "TransactWriteItems":
            self.writes += len(kwargs.get("TransactItems", []))
        elif operation == "BatchWriteItem":
            self.writes += sum(len(v) for v in kwargs.get("RequestItems", {}).values())

    def server_timing(self):
        ms = round(self.seconds * 1000, 1)
        noted = "".join(f', {name};desc="{desc}"' for name, desc in self.notes.items())
        return f'dynamodb;dur={ms};desc="queries={self.queries} items={self.items}"{noted}'


def expose():
    """Publish this request's DynamoDB cost (Server-Timing): every route's is, unless concealed;
    kept for the routes that said so when only they did."""
    meter = _current.get()
    if meter is not None:
        meter.exposed = True


def note(name, desc):
    """One more Server-Timing entry for this request (what a read chose: whose partitions)."""
    meter = _current.get()
    if meter is not None:
        meter.notes[name] = desc


def conceal():
    """Keep this request's DynamoDB cost out of its answer: counts that differ with whether an
    e-mail address has an account would say what the answer, the same for any address, does not."""
    meter = _current.get()
    if meter is not None:
        meter.exposed = False


@contextmanager
def metered():
    meter = Meter()
    token = _current.set(meter)
    try:
        yield meter
    finally:
        _current.reset(token)


def install():
    global _installed
    if _installed:
        return
    from pynamodb.connection.base import Connection

    original = Connection._make_api_call

    def counted(self, operation_name, operation_kwargs):
        meter = _current.get()
        if meter is None:
            return original(self, operation_name, operation_kwargs)
        started = time.perf_counter()
        result = original(self, operation_name, operation_kwargs)
        meter.record(operation_name, operation_kwargs, result, time.perf_counter() - started)
        return result

    Connection._make_api_call = counted
    _installed = True
