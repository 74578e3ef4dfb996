"""Point every model at the right tables for the current settings.

Table names, region and endpoint come from the environment, which may differ
between a test and the next (and is only complete while a Chalice request
runs), so models are bound on first use rather than at import time.
"""
import threading

from ..config import settings

_registry = []  # (model class, short table name)
_bound_to = None
_lock = threading.Lock()
_connections = {}


def register(short_name):
    """Class decorator: a model stored in table `<prefix><short_name>`."""
    def wrap(model):
        with _lock:
            _registry.append((model, short_name))
            if _bound_to is not None:
                # Imported after bind() ran (handlers import their stores on
                # first use): point it at the same tables as the others.
                _apply(model, short_name, settings())
        return model
    return wrap


def bind():
    """Bind all models to the settings now in force; cheap when unchanged."""
    global _bound_to
    s = settings()
    key = (s.table_prefix, s.region, s.dynamodb_endpoint)
    if key == _bound_to:
        return s
    with _lock:
        from . import metering
        metering.install()
        for model, short in _registry:
            _apply(model, short, s)
        _bound_to = key
    return s


def _apply(model, short, s):
    model.Meta.table_name = s.table_name(short)
    model.Meta.region = s.region
    model.Meta.host = s.dynamodb_endpoint
    model._connection = None  # cached with the old host/table


def batch_save(model, rows):
    """Upsert `rows` of `model`: PynamoDB sends them 25 to a BatchWriteItem and
    retries what DynamoDB leaves unprocessed. Returns how many."""
    count = 0
    with model.batch_write() as batch:
        for row in rows:
            batch.save(row)
            count += 1
    return count


def models():
    return [m for m, _ in _registry]


def connection():
    """A connection for transactions, which do not use the models' own.

    Kept per process: a new Connection builds a new botocore client, which
    parses the DynamoDB service model again (about 170 ms per transaction).
    """
    from pynamodb.connection import Connection
    s = bind()
    key = (s.region, s.dynamodb_endpoint)
    if key not in _connections:
        _connections[key] = Connection(region=s.region, host=s.dynamodb_endpoint)
    return _connections[key]
