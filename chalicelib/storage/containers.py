"""Waste containers ordered for a property: the requests, the one open
request per property and container, and each depot's stock.

- `container-requests`: one item per request; the sparse `due` index lists
  holds that may run out, the `user` index a resident's requests.
- `container-open`: one item per property and container ("{uprn}#{container}")
  naming the open request. It is put with the request under "does not
  exist", so two asking at once make one request; it goes when the request
  ends (released, delivered, not delivered).
- `container-stock`: one item per depot and container ("{depot}#{container}")
  counting what is on the shelf. A request takes one in its own transaction
  under `count > 0`; a released one gives it back. An absent item is an
  empty shelf: stock is counted, never assumed.
"""
from pynamodb.attributes import JSONAttribute, NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex

from .binding import Stored, bind, get_or_none, model_of, record_of, table, transaction, writes
from .errors import AlreadyExists, EditConflict, SlotFull
from .records import ContainerRequest

HOLD = "hold"


class OutOfStock(SlotFull):
    """The depot has none of that container left."""


class DueIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "due"
        projection = AllProjection()

    due = UnicodeAttribute(hash_key=True)
    due_at = UTCDateTimeAttribute(range_key=True)


class UserIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "user"
        projection = AllProjection()

    user_id = UnicodeAttribute(hash_key=True)
    created_at = UTCDateTimeAttribute(range_key=True)


class ContainerRequestModel(Stored):
    class Meta:
        table_name = table("container-requests")
        billing_mode = "PAY_PER_REQUEST"

    id = UnicodeAttribute(hash_key=True)
    uprn = UnicodeAttribute()
    address = UnicodeAttribute()
    container = UnicodeAttribute()
    name = UnicodeAttribute()
    stream = UnicodeAttribute()
    round_id = UnicodeAttribute()
    reason = UnicodeAttribute()
    amount = NumberAttribute()
    depot = UnicodeAttribute()
    status = UnicodeAttribute()
    user_id = UnicodeAttribute(null=True)
    email = UnicodeAttribute(null=True)
    notes = UnicodeAttribute(null=True)
    hold_until = UTCDateTimeAttribute(null=True)
    payment_id = UnicodeAttribute(null=True)
    delivery_date = UnicodeAttribute(null=True)
    job_id = UnicodeAttribute(null=True)
    created_at = UTCDateTimeAttribute()
    updated_at = UTCDateTimeAttribute(null=True)
    confirmed_at = UTCDateTimeAttribute(null=True)
    ended_at = UTCDateTimeAttribute(null=True)
    why = UnicodeAttribute(null=True)
    taken_by = JSONAttribute(null=True)
    due = UnicodeAttribute(null=True)
    due_at = UTCDateTimeAttribute(null=True)

    due_index = DueIndex()
    user_index = UserIndex()


class ContainerOpenModel(Stored):
    class Meta:
        table_name = table("container-open")
        billing_mode = "PAY_PER_REQUEST"

    key = UnicodeAttribute(hash_key=True)  # "{uprn}#{container}"
    request_id = UnicodeAttribute()


class ContainerStockModel(Stored):
    class Meta:
        table_name = table("container-stock")
        billing_mode = "PAY_PER_REQUEST"

    key = UnicodeAttribute(hash_key=True)  # "{depot}#{container}"
    count = NumberAttribute(default=0)


def _request(model):
    record = record_of(ContainerRequest, model)
    if record is not None:
        record.amount, record.notes = int(record.amount), record.notes or ""
    return record


M = ContainerRequestModel


class ContainerStore:
    BATCH = 100

    def __init__(self):
        bind()

    # Stock
    def stock(self, depot, containers):
        """{container: count on the depot's shelf} (0 where none is counted)."""
        keys = [f"{depot}#{c}" for c in dict.fromkeys(containers)]
        found = {k: 0 for k in keys}
        for at in range(0, len(keys), self.BATCH):
            found.update((m.key, int(m.count or 0)) for m in ContainerStockModel.batch_get(keys[at:at + self.BATCH]))
        return {k.split("#", 1)[1]: n for k, n in found.items()}

    def set_stock(self, depot, container, count):
        with writes(["stock"]):
            ContainerStockModel(f"{depot}#{container}", count=count).save()

    # Requests
    def get(self, request_id):
        return _request(get_or_none(M, request_id, consistent_read=True))

    def open_for(self, uprn, container):
        """The id of the property's open request for `container`, or None."""
        found = get_or_none(ContainerOpenModel, f"{uprn}#{container}", consistent_read=True)
        return found.request_id if found else None

    def open_of(self, uprn, containers):
        """{container: its open request's id} of those of `containers` the property has one open for (one BatchGetItem)."""
        keys = [f"{uprn}#{c}" for c in dict.fromkeys(containers)]
        return {m.key.split("#", 1)[1]: m.request_id for m in ContainerOpenModel.batch_get(keys)} if keys else {}

    def create(self, request, idempotency=None, job=None, event=None):
        """Store the request, its property's open claim and the idempotency
        key, and take one from the depot's shelf, in one transaction (a
        confirmed one, free, with its crew's job and event too).
        AlreadyExists("open"): one is open for that container already;
        AlreadyExists("idempotency"): a twin came first; OutOfStock."""
        from .jobs import put_job, settle_job
        from .report_store import _claim_key
        parts, saved = [], None
        extra = {"due": HOLD, "due_at": request.hold_until} if request.status == "held" else {}
        try:
            with writes(parts, exists={"request", "open", "idempotency"}), transaction() as t:
                t.save(model_of(M, request, **extra), condition=M.id.does_not_exist())
                parts.append("request")
                t.save(ContainerOpenModel(f"{request.uprn}#{request.container}", request_id=request.id),
                       condition=ContainerOpenModel.key.does_not_exist())
                parts.append("open")
                if idempotency is not None:
                    _claim_key(t, parts, idempotency)
                _put_event(t, parts, event)
                if job is not None:
                    saved = put_job(t, parts, job)
                t.update(ContainerStockModel(f"{request.depot}#{request.container}"),
                         actions=[ContainerStockModel.count.add(-1)], condition=ContainerStockModel.count > 0)
                parts.append("stock")
        except EditConflict as e:
            if e.part == "stock":
                raise OutOfStock("stock") from e
            raise
        if saved is not None:
            settle_job(job, saved)

    def set_payment(self, request_id, payment_id):
        with writes(["request"]):
            M(request_id).update(actions=[M.payment_id.set(payment_id)], condition=M.id.exists())

    def confirm(self, request, job, now, event=None):
        """held -> confirmed with its crew's `job` made and its event, in one
        transaction; False when it is not held (confirmed already, released)."""
        from .jobs import put_job, settle_job
        parts = []
        try:
            with writes(parts), transaction() as t:
                _put_event(t, parts, event)
                saved = put_job(t, parts, job)
                t.update(M(request.id), actions=[
                    M.status.set("confirmed"), M.confirmed_at.set(now), M.updated_at.set(now),
                    M.delivery_date.set(job.due), M.job_id.set(job.id), M.due.remove(), M.due_at.remove(),
                    M.hold_until.remove()], condition=M.status == "held")
                parts.append("request")
        except EditConflict:
            return False
        settle_job(job, saved)
        return True

    def release(self, request, why, now):
        """held -> released: its open claim goes and its container goes back
        on the shelf, in one transaction; False when it was not held."""
        return self._end(request, "held", "released", why, now, stock=+1)

    def ended(self, request, status, why, now, event=None):
        """confirmed -> delivered or not_delivered, its open claim gone, with
        the event that tells the resident; False when told before."""
        return self._end(request, "confirmed", status, why, now, event=event)

    def _end(self, request, from_status, to_status, why, now, stock=0, event=None):
        parts = []
        actions = [M.status.set(to_status), M.updated_at.set(now), M.ended_at.set(now), M.due.remove(),
                   M.due_at.remove(), M.hold_until.remove()]
        actions.append(M.why.set(why) if why else M.why.remove())
        try:
            with writes(parts), transaction() as t:
                t.delete(ContainerOpenModel(f"{request.uprn}#{request.container}"),
                         condition=ContainerOpenModel.request_id == request.id)
                parts.append("open")
                _put_event(t, parts, event)
                t.update(M(request.id), actions=actions, condition=M.status == from_status)
                parts.append("request")
                if stock:
                    t.update(ContainerStockModel(f"{request.depot}#{request.container}"),
                             actions=[ContainerStockModel.count.add(stock)])
                    parts.append("stock")
        except EditConflict:
            return False
        return True

    def due(self, now, limit=100):
        """Held requests whose hold ran out by `now`."""
        return [_request(m) for m in M.due_index.query(HOLD, M.due_at <= now, limit=limit, page_size=limit)]

    def of_user(self, user_id, limit=200):
        return [_request(m) for m in M.user_index.query(user_id, scan_index_forward=False, limit=limit,
                                                         page_size=limit)]

    def forget_user(self, user_id):
        """Erasure: each of their requests kept for the crews and finance, no longer theirs."""
        for request in self.of_user(user_id, limit=10_000):
            with writes(["request"]):
                M(request.id).update(actions=[M.user_id.remove(), M.email.remove(), M.notes.remove()])


def _put_event(t, parts, event):
    from .bulky import _put_event as put
    put(t, parts, event)


__all__ = ["AlreadyExists", "ContainerStore", "OutOfStock"]
