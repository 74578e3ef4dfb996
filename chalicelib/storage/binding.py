"""How models reach DynamoDB: their tables for the stage, one client for the
process, and write failures in the stores' own terms.

Table names, region and endpoint come from the environment, which may differ
between a test and the next (and is only complete while a Chalice request
runs), so models are bound on first use rather than at import time. A model
declares its table once, `table_name = table("reports")`: the stage's prefix
is added when the name is read.

PynamoDB gives every model class its own botocore client (40-60 ms to build
each on a cold start); here every model and every transaction shares one.
"""
import threading
from contextlib import contextmanager
from dataclasses import MISSING, fields as dataclass_fields

from pynamodb.connection import Connection
from pynamodb.exceptions import VerboseClientError
from pynamodb.models import Model
from pynamodb.transactions import TransactWrite

from ..config import settings
from .errors import CONDITION_FAILED, RETRYABLE, AlreadyExists, EditConflict, Throttled

_lock = threading.Lock()
_bound = {"key": None, "prefix": None}
_connections = {}  # (region, host) -> the process's one pynamodb Connection


class table:  # noqa: N801  (used as a declaration: table_name = table("reports"))
    """Meta.table_name: the name a model declares, with the bound stage's prefix."""

    def __init__(self, short_name):
        self.short_name = short_name

    def __get__(self, meta, owner=None):
        if _bound["prefix"] is None:
            bind()
        return _bound["prefix"] + self.short_name


class Stored(Model):
    """Every Doorstep model: bound to the stage's table, sharing one client."""

    @classmethod
    def _get_connection(cls):
        # Bound first: settings changed since the last call drop every model's table connection, so the
        # one made here names the table with the prefix now in force. (Taken before, a connection kept
        # from the old settings was sent to the new endpoint: "contract-gw0-throttle" asked of moto.)
        shared = connection()
        table_connection = super()._get_connection()
        if table_connection.connection is not shared:
            try:
                shared.add_meta_table(table_connection.get_meta_table())
            except ValueError:
                pass  # known already: the same table, bound again
            table_connection.connection = shared
        return table_connection


    @classmethod
    def scan(cls, filter_condition=None, *args, **kwargs):
        """A scan reads every council's partitions and pays for them all, so it is for
        commands and migrations, never a council's list; what it answers is only the
        council's own items (the others are filtered out before they are read back)."""
        from .council_key import CouncilKey
        key = cls._hash_key_attribute()
        if isinstance(key, CouncilKey):
            mine = key.startswith("")  # "york|": the council the work is for
            filter_condition = mine if filter_condition is None else mine & filter_condition
        return super().scan(filter_condition, *args, **kwargs)


def models():
    """Every model class declared (import storage.tables to have them all)."""
    found, todo = [], list(Stored.__subclasses__())
    while todo:
        model = todo.pop(0)
        found.append(model)
        todo.extend(model.__subclasses__())
    return sorted(found, key=lambda m: m.Meta.table_name)


def short_name(model):
    """The name a model declares for its table, without the stage's prefix."""
    return vars(model.Meta)["table_name"].short_name


def bind():
    """Point every model at the settings now in force; cheap when unchanged."""
    s = settings()
    key = (s.table_prefix, s.region, s.dynamodb_endpoint)
    if key == _bound["key"]:
        return s
    with _lock:
        from . import metering
        metering.install()
        _bound.update(key=key, prefix=s.table_prefix)
        for model in models():
            model.Meta.region = s.region
            model.Meta.host = s.dynamodb_endpoint
            model._connection = None  # cached with the old host or table
    return s


class _Connection(Connection):
    """Throttling, after botocore's own retries, becomes the stores' Throttled."""

    def _make_api_call(self, operation_name, operation_kwargs):
        try:
            return super()._make_api_call(operation_name, operation_kwargs)
        except VerboseClientError as e:
            code = e.response.get("Error", {}).get("Code", "")
            reasons = [r.code for r in e.cancellation_reasons or [] if r is not None]
            if code in RETRYABLE or (reasons and not CONDITION_FAILED & set(reasons)
                                     and RETRYABLE & set(reasons)):
                raise Throttled(operation_name) from e
            raise


def connection():
    """The process's one Connection (and so one botocore client) for the
    settings in force: models' calls and transactions all go through it."""
    s = bind()
    where = (s.region, s.dynamodb_endpoint)
    if where not in _connections:
        with _lock:
            _connections.setdefault(where, _Connection(region=s.region, host=s.dynamodb_endpoint))
    return _connections[where]


def wire_key(model, **values):
    """A key in DynamoDB's own form (a Query's ExclusiveStartKey) from bare values,
    each written by its attribute: a partition key gets its council (council_key.py)."""
    attributes = model.get_attributes()
    return {name: {"S": attributes[name].serialize(value)} for name, value in values.items()}


def _council_keyed(model, name):
    from .council_key import CouncilKey
    return isinstance(model.get_attributes().get(name), CouncilKey)


def page_key(model, wire):
    """A Query's LastEvaluatedKey as callers keep it for the next page: each partition
    key bare, so a cursor handed out names no council and one sent back can name
    only the council it is read for (start_key). None stays None."""
    from .. import tenancy
    if not wire:
        return wire
    return {name: {"S": tenancy.unkey(value["S"])} if _council_keyed(model, name) else value
            for name, value in wire.items()}


def start_key(model, bare):
    """page_key's answer made a Query's ExclusiveStartKey again, for the council the work is for."""
    from .. import tenancy
    if not bare:
        return bare
    return {name: {"S": tenancy.key(value["S"])}
            if _council_keyed(model, name) and isinstance(value, dict) and isinstance(value.get("S"), str) else value
            for name, value in bare.items()}


def get_or_none(model, key, **kwargs):
    try:
        return model.get(key, **kwargs)
    except model.DoesNotExist:
        return None


# The order in which the items of this thread's last transaction were sent.
_sent = threading.local()


class Transaction(TransactWrite):
    """A TransactWrite that remembers the order its items go in: PynamoDB sends
    condition checks, then deletes, then puts, then updates, whatever order they
    were written in, and DynamoDB's cancellation reasons follow what was sent."""
    kinds = ()

    def _kind(self, rank):
        self.kinds = (*self.kinds, rank)

    def condition_check(self, *args, **kwargs):
        self._kind(0)
        return super().condition_check(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._kind(1)
        return super().delete(*args, **kwargs)

    def save(self, *args, **kwargs):
        self._kind(2)
        return super().save(*args, **kwargs)

    def update(self, *args, **kwargs):
        self._kind(3)
        return super().update(*args, **kwargs)

    def _commit(self):
        _sent.order = sorted(range(len(self.kinds)), key=self.kinds.__getitem__)  # stable within a kind
        return super()._commit()


def transaction():
    return Transaction(connection=connection())


@contextmanager
def writes(parts=(), exists=()):
    """Translate a failed write into the stores' errors.

    parts: what each item of a transaction is, in the order written, so the error names
    the one whose condition failed; a failed condition on a part named in
    `exists` means its key is taken (AlreadyExists), any other an edit
    conflict. Throttling arrives as Throttled from the metered client.
    """
    from pynamodb.exceptions import DeleteError, PutError, TransactWriteError, UpdateError
    _sent.order = None
    try:
        yield
    except TransactWriteError as e:
        reasons = list(getattr(e, "cancellation_reasons", None) or [])
        order = getattr(_sent, "order", None) or []
        for index, reason in enumerate(reasons):
            if reason is not None and reason.code in CONDITION_FAILED:
                written = order[index] if index < len(order) else index  # back to the order `parts` names
                part = parts[written] if written < len(parts) else None
                raise (AlreadyExists if part in exists else EditConflict)(part) from e
        if any(reason is not None and reason.code in RETRYABLE for reason in reasons):
            raise Throttled() from e
        raise
    except (PutError, UpdateError, DeleteError) as e:
        if e.cause_response_code in CONDITION_FAILED:
            part = parts[0] if parts else None
            raise (AlreadyExists if part in exists else EditConflict)(part) from e
        raise


def batch_save(model, rows):
    """Upsert `rows` of `model`: PynamoDB sends them 25 to a BatchWriteItem and
    retries what DynamoDB leaves unprocessed. Returns how many."""
    count = 0
    with model.batch_write() as batch:
        for row in rows:
            batch.save(row)
            count += 1
    return count


def record_of(cls, item):
    """The plain record (storage/records.py) of a model instance, or None.
    An attribute the item lacks (an index projection, an older item) takes
    the record's default."""
    if item is None:
        return None
    from pynamodb.attributes import MapAttribute
    values = {}
    for f in dataclass_fields(cls):
        value = getattr(item, f.name, None)
        if isinstance(value, MapAttribute):
            value = value.as_dict()
        if value is None and (f.default not in (None, MISSING) or f.default_factory is not MISSING):
            continue
        values[f.name] = value
    return cls(**values)


def model_of(model, record, **extra):
    """A model instance holding a record's values (and `extra`: index keys).
    None is left out: a saved item simply lacks that attribute."""
    values = {name: getattr(record, name) for name in model.get_attributes() if hasattr(record, name)}
    return model(**{k: v for k, v in {**values, **extra}.items() if v is not None})
