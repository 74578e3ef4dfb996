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
  under `count > 0`; a released or cancelled one gives it back. An absent
  item is an empty shelf: stock is counted, never assumed. Staff's changes
  (a restock, a write-off) are conditional on the item's `version`, which
  only they move (a request taking one does not), so a restock sent twice
  adds once; each is kept in the item's `audit` (who, when, why, before
  and after), written by that same conditional update.

The requests' `status` index lists them for staff by status (newest first,
a depot filtered), and the `property` index a property's own (missed-bin
reporting reads which containers were delivered there, and when).
"""
from pynamodb.attributes import JSONAttribute, NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex

from ..binding import Stored, bind, get_or_none, model_of, page_key, record_of, start_key, table, transaction, writes
from ..council_key import CouncilKey
from ..errors import AlreadyExists, EditConflict, SlotFull
from ..records import ContainerRequest
from ..data_map import KEPT_AS_A_PAYMENT, Holds, Retention

HOLD = "hold"
REFUND = "refund"


class OutOfStock(SlotFull):
    """The depot has none of that container left."""


class DueIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "due"
        projection = AllProjection()

    due = CouncilKey(hash_key=True)
    due_at = UTCDateTimeAttribute(range_key=True)


class UserIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "user"
        projection = AllProjection()

    user_id = CouncilKey(hash_key=True)
    created_at = UTCDateTimeAttribute(range_key=True)


class StatusIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "status"
        projection = AllProjection()

    status = CouncilKey(hash_key=True)
    created_at = UTCDateTimeAttribute(range_key=True)


class PropertyIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "property"
        projection = AllProjection()

    uprn = CouncilKey(hash_key=True)
    created_at = UTCDateTimeAttribute(range_key=True)


class ContainerRequestModel(Stored):
    class Meta:
        table_name = table("container-requests")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"address": "address", "uprn": "address", "email": "contact", "user_id": "identifier",
                "name": "name", "notes": "free_text", "reason": "free_text", "why": "free_text",
                "taken_by": "identifier", "cancelled_by": "identifier"},
        whose="resident", part="containers", basis="public_task", recipients=("payments", "mailer", "crews"),
        purpose="A bin or box ordered for a property and its delivery", retention=KEPT_AS_A_PAYMENT)

    id = CouncilKey(hash_key=True)
    uprn = CouncilKey()
    address = UnicodeAttribute()
    container = UnicodeAttribute()
    name = UnicodeAttribute()
    stream = UnicodeAttribute()
    round_id = UnicodeAttribute()
    reason = UnicodeAttribute()
    amount = NumberAttribute()
    depot = UnicodeAttribute()
    status = CouncilKey()
    user_id = CouncilKey(null=True)
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
    cancelled_by = JSONAttribute(null=True)
    refund = JSONAttribute(null=True)
    delivered_on = UnicodeAttribute(null=True)
    due = CouncilKey(null=True)
    due_at = UTCDateTimeAttribute(null=True)

    due_index = DueIndex()
    user_index = UserIndex()
    status_index = StatusIndex()
    property_index = PropertyIndex()


class ContainerOpenModel(Stored):
    class Meta:
        table_name = table("container-open")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"key": "address", "user_id": "identifier"}, whose="resident", part="containers", basis="public_task",
        purpose="The one open request per property and container", copy_of="container-requests",
        retention=Retention(after="closed", then="delete", source="project", note="goes when the request ends"))

    key = CouncilKey(hash_key=True)  # "{uprn}#{container}"
    request_id = UnicodeAttribute()
    user_id = UnicodeAttribute(null=True)  # whose it is: only they (and staff) are shown its reference


class ContainerStockModel(Stored):
    class Meta:
        table_name = table("container-stock")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"audit": "identifier", "moved": "identifier"}, whose="officer", part="containers",
        basis="public_task", purpose="Who changed a depot's stock, when and why",
        retention=Retention(after="created", months=72, source="project", note="the council's stock audit"))

    key = CouncilKey(hash_key=True)  # "{depot}#{container}"
    count = NumberAttribute(default=0)
    version = NumberAttribute(null=True)  # staff's changes only; absent: 0
    audit = JSONAttribute(null=True)  # staff's changes, oldest first
    moved = JSONAttribute(null=True)  # the count's last change of any kind: {at, what, add, request?, by?}


def _moved(request, what, add, now):
    """The stock item's last change, set by the order or its end that moves the count."""
    from ...stamps import stamp
    return ContainerStockModel.moved.set({"at": stamp(now), "what": what, "add": add, "request": request.id})


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

    def set_stock(self, depot, container, count, now=None):
        """The count as set up (seeded, or counted at the depot)."""
        from datetime import datetime, timezone
        from ...stamps import stamp
        moved = {"at": stamp(now or datetime.now(timezone.utc)), "what": "counted", "add": count}
        with writes(["stock"]):
            ContainerStockModel(f"{depot}#{container}", count=count, moved=moved).save()

    def stock_items(self, depot, containers):
        """{container: (count, version, audit, moved)} of a depot's shelf for staff (one BatchGetItem a hundred):
        `moved` the count's last change of any kind (an order, a cancellation, staff's), None if none is kept."""
        keys = [f"{depot}#{c}" for c in dict.fromkeys(containers)]
        found = {k: (0, 0, [], None) for k in keys}
        for at in range(0, len(keys), self.BATCH):
            found.update((m.key, (int(m.count or 0), int(m.version or 0), m.audit or [], m.moved))
                         for m in ContainerStockModel.batch_get(keys[at:at + self.BATCH], consistent_read=True))
        return {k.split("#", 1)[1]: v for k, v in found.items()}

    def change_stock(self, depot, container, add, version, entry, audit):
        """Staff's change: `add` (a restock, or less than 0 a write-off) to
        the count, with `entry` added to the item's audit, only while the
        item is at `version` (EditConflict("version") otherwise) and never
        below 0 (EditConflict("count")). Returns the new (count, version)."""
        from pynamodb.exceptions import UpdateError
        S = ContainerStockModel
        item = S(f"{depot}#{container}")
        condition = (S.version == version) if version else S.version.does_not_exist()
        if add < 0:
            condition &= S.count >= -add
        try:
            item.update(actions=[S.count.add(add), S.version.set(version + 1), S.audit.set(audit + [entry]),
                                 S.moved.set({"at": entry["at"], "what": "staff", "add": add, "by": entry["by"]})],
                        condition=condition)
        except UpdateError as e:
            if getattr(e, "cause_response_code", None) != "ConditionalCheckFailedException":
                raise
            now = self.stock_items(depot, [container])[container]
            raise EditConflict("version" if now[1] != version else "count") from e
        return int(item.count), int(item.version)

    # Requests
    def get(self, request_id):
        return _request(get_or_none(M, request_id, consistent_read=True))

    def open_for(self, uprn, container):
        """(id, user id) of the property's open request for `container`, or None."""
        found = get_or_none(ContainerOpenModel, f"{uprn}#{container}", consistent_read=True)
        return (found.request_id, found.user_id) if found else None

    def open_of(self, uprn, containers):
        """{container: (its open request's id, whose it is)} of those of `containers` the property has one open
        for (one BatchGetItem)."""
        keys = [f"{uprn}#{c}" for c in dict.fromkeys(containers)]
        return {m.key.split("#", 1)[1]: (m.request_id, m.user_id)
                for m in ContainerOpenModel.batch_get(keys)} if keys else {}

    def create(self, request, idempotency=None, job=None, event=None):
        """Store the request, its property's open claim and the idempotency
        key, and take one from the depot's shelf, in one transaction (a
        confirmed one, free, with its crew's job and event too).
        AlreadyExists("open"): one is open for that container already;
        AlreadyExists("idempotency"): a twin came first; OutOfStock."""
        from ..crews.jobs import put_job, settle_job
        from ..reports.report_store import _claim_key
        parts, saved = [], None
        extra = {"due": HOLD, "due_at": request.hold_until} if request.status == "held" else {}
        try:
            with writes(parts, exists={"request", "open", "idempotency"}), transaction() as t:
                t.save(model_of(M, request, **extra), condition=M.id.does_not_exist())
                parts.append("request")
                t.save(ContainerOpenModel(f"{request.uprn}#{request.container}", request_id=request.id,
                                          user_id=request.user_id),
                       condition=ContainerOpenModel.key.does_not_exist())
                parts.append("open")
                if idempotency is not None:
                    _claim_key(t, parts, idempotency)
                _put_event(t, parts, event)
                if job is not None:
                    saved = put_job(t, parts, job)
                t.update(ContainerStockModel(f"{request.depot}#{request.container}"),
                         actions=[ContainerStockModel.count.add(-1), _moved(request, "ordered", -1, request.created_at)],
                         condition=ContainerStockModel.count > 0)
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
        from ..crews.jobs import put_job, settle_job
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

    def ended(self, request, status, why, now, event=None, delivered_on=None):
        """confirmed -> delivered or not_delivered, its open claim gone, with
        the event that tells the resident; False when told before."""
        extra = [M.delivered_on.set(delivered_on)] if delivered_on else []
        return self._end(request, "confirmed", status, why, now, event=event, extra=extra)

    def cancel(self, request, now, cancelled_by, event=None, refund=None, job=None, refund_due_at=None):
        """held (as read) -> released, or confirmed -> cancelled, in one transaction: its
        open claim gone, its container back on the shelf, its crew's job
        withdrawn as read (`job`: its version refuses one the crew has ended
        meanwhile: EditConflict("job")), what it owes (`refund`, due from
        `refund_due_at` for the backstop) and the event whose effect refunds.
        False when it is no longer in the status read (cancelled or ended meanwhile)."""
        extra = [M.cancelled_by.set(cancelled_by)]
        if refund is not None:
            extra += [M.refund.set(refund)]
        due = (REFUND, refund_due_at) if refund is not None and refund.get("status") == "due" else None
        to_status = "released" if request.status == "held" else "cancelled"
        return self._end(request, request.status, to_status, "cancelled" if to_status == "released" else None, now,
                         stock=+1, event=event, extra=extra, job=job, due=due)

    def refund_done(self, request_id, refund):
        """The owed refund settled on the request (False: settled before)."""
        try:
            with writes(["request"]):
                M(request_id).update(actions=[M.refund.set(refund), M.due.remove(), M.due_at.remove()],
                                     condition=M.due == REFUND)
        except EditConflict:
            return False
        return True

    def refunds_due(self, now, limit=100):
        """Cancelled requests still owing their refund by `now` (the backstop's)."""
        return [_request(m) for m in M.due_index.query(REFUND, M.due_at <= now, limit=limit, page_size=limit)]

    def _end(self, request, from_status, to_status, why, now, stock=0, event=None, extra=(), job=None, due=None):
        parts = []
        actions = [M.status.set(to_status), M.updated_at.set(now), M.ended_at.set(now), M.hold_until.remove(),
                   *extra]
        actions += [M.due.set(due[0]), M.due_at.set(due[1])] if due else [M.due.remove(), M.due_at.remove()]
        actions.append(M.why.set(why) if why else M.why.remove())
        saved = None
        try:
            with writes(parts), transaction() as t:
                if job is not None:
                    from ..crews.jobs import put_job
                    saved = put_job(t, parts, job)
                t.delete(ContainerOpenModel(f"{request.uprn}#{request.container}"),
                         condition=ContainerOpenModel.request_id == request.id)
                parts.append("open")
                _put_event(t, parts, event)
                t.update(M(request.id), actions=actions, condition=M.status == from_status)
                parts.append("request")
                if stock:
                    t.update(ContainerStockModel(f"{request.depot}#{request.container}"),
                             actions=[ContainerStockModel.count.add(stock), _moved(request, to_status, stock, now)])
                    parts.append("stock")
        except EditConflict as e:
            if e.part == "job":
                raise
            return False
        if saved is not None:
            from ..crews.jobs import settle_job
            settle_job(job, saved)
        return True

    def due(self, now, limit=100):
        """Held requests whose hold ran out by `now`."""
        return [_request(m) for m in M.due_index.query(HOLD, M.due_at <= now, limit=limit, page_size=limit)]

    def of_property(self, uprn, limit=200):
        """A property's requests, newest first (one Query of the property index: a property has a few)."""
        return [_request(m) for m in M.property_index.query(uprn, scan_index_forward=False, limit=limit,
                                                             page_size=limit)]

    def listing(self, status, depot=None, limit=50, cursor=None):
        """One page of the requests in `status`, newest first, of one depot
        when named (a filter on the status index's page, so a page may hold
        fewer than `limit`): ([requests], next cursor or None)."""
        results = M.status_index.query(status, scan_index_forward=False, limit=limit, page_size=limit,
                                       last_evaluated_key=start_key(M, cursor),
                                       filter_condition=(M.depot == depot) if depot else None)
        items = [_request(m) for m in results]
        return items, page_key(M, results.last_evaluated_key)

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
