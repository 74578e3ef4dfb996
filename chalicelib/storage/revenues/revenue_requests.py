"""A resident's council tax requests (handlers/revenues/requests.py): kept
from the moment they are made, with the event that sends them and the
Idempotency-Key's record in one transaction, and then the back office's own
reference once it has taken them. One Query lists a user's requests."""
from pynamodb.attributes import JSONAttribute, NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex

from ..binding import Stored, bind, get_or_none, table, transaction, writes
from ..council_key import CouncilKey
from ..data_map import Holds, Retention


class WaitingIndex(GlobalSecondaryIndex):
    """Sparse: only requests not yet taken ("queued", by their next try) and
    given up ("failed", staff's dead letter). The sweep reads what is due."""
    class Meta:
        index_name = "waiting"
        projection = AllProjection()

    waiting = CouncilKey(hash_key=True)
    next_try_at = UnicodeAttribute(range_key=True)


class RevenueRequestModel(Stored):
    class Meta:
        table_name = table("revenue-requests")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"account_ref": "financial", "person_ref": "financial", "details": "free_text", "email": "contact",
                "user_id": "identifier"}, whose="resident", part="council_tax", basis="public_task",
        recipients=("revenues", "mailer"),
        purpose="A resident's council tax request (a direct debit, a discount), sent to the back office",
        retention=Retention(after="closed", months=84, source="lga",
                            note="LGA: revenues records, 6 years plus the current year"))

    user_id = CouncilKey(hash_key=True)
    id = UnicodeAttribute(range_key=True)
    link_id = UnicodeAttribute()
    account_ref = UnicodeAttribute()
    person_ref = UnicodeAttribute()
    kind = UnicodeAttribute()
    details = JSONAttribute()
    state = UnicodeAttribute()  # queued, taken, refused
    created_at = UTCDateTimeAttribute()
    email = UnicodeAttribute(null=True)  # where the resident is told it was taken
    reference = UnicodeAttribute(null=True)  # the back office's own
    taken_at = UTCDateTimeAttribute(null=True)
    tries = NumberAttribute(default=0)
    last_error = UnicodeAttribute(null=True)  # how the last try failed (unreachable, refused: code), never details
    waiting = CouncilKey(null=True)  # queued, failed; absent once taken or refused
    next_try_at = UnicodeAttribute(null=True)  # ISO UTC: when the sweep sends it again
    waiting_index = WaitingIndex()


def _plain(row):
    if row is None:
        return None
    return {name: getattr(row, name) for name in RevenueRequestModel.get_attributes()
            if name not in ("waiting", "next_try_at")} | {"next_try_at": row.next_try_at}


class RevenueRequestStore:
    def __init__(self):
        bind()

    def create(self, request, event, idempotency=None):
        """The request, its event and its key's record, one transaction
        (AlreadyExists("idempotency") when a twin took the key first)."""
        from ..reports.report_store import _claim_key, event_model
        parts = ["request", "event"]
        with writes(parts, exists={"request", "idempotency"}), transaction() as t:
            t.save(RevenueRequestModel(**request, waiting="queued", next_try_at=_iso(request["created_at"])),
                   condition=RevenueRequestModel.id.does_not_exist())
            t.save(event_model(event))
            if idempotency is not None:
                _claim_key(t, parts, idempotency)

    def get(self, user_id, request_id):
        return _plain(get_or_none(RevenueRequestModel, user_id, range_key=request_id, consistent_read=True))

    def of_user(self, user_id, limit=50):
        """A user's requests, newest first (ids sort by time)."""
        return [_plain(r) for r in RevenueRequestModel.query(user_id, scan_index_forward=False, limit=limit,
                                                             consistent_read=True)]

    def taken(self, user_id, request_id, reference, now):
        """The back office's reference, written once: a second writer (a
        twin try) finds it written and keeps the first."""
        from pynamodb.exceptions import PutError, UpdateError
        row = RevenueRequestModel(user_id=user_id, id=request_id)
        try:
            row.update(actions=[RevenueRequestModel.state.set("taken"), RevenueRequestModel.reference.set(reference),
                                RevenueRequestModel.taken_at.set(now), RevenueRequestModel.last_error.remove(),
                                RevenueRequestModel.waiting.remove(), RevenueRequestModel.next_try_at.remove()],
                       condition=RevenueRequestModel.id.exists() & (RevenueRequestModel.state == "queued"))
            return True
        except (UpdateError, PutError):
            return False

    def tried(self, user_id, request_id, state, error, next_try_at=None):
        """A failed try counted, and how it failed: queued again (its next
        try), refused (settled), or failed (given up: staff's dead letter)."""
        row = RevenueRequestModel(user_id=user_id, id=request_id)
        from pynamodb.exceptions import UpdateError
        waiting = [RevenueRequestModel.waiting.set(state), RevenueRequestModel.next_try_at.set(_iso(next_try_at))] \
            if state in ("queued", "failed") else [RevenueRequestModel.waiting.remove(),
                                                   RevenueRequestModel.next_try_at.remove()]
        try:
            row.update(actions=[RevenueRequestModel.tries.add(1), RevenueRequestModel.state.set(state),
                                RevenueRequestModel.last_error.set(error), *waiting],
                       condition=RevenueRequestModel.id.exists() & (RevenueRequestModel.state == "queued"))
        except UpdateError:
            pass  # taken meanwhile by a twin try: its outcome stands

    def due(self, now, limit=25):
        """Queued requests whose next try has come: one Query of the index."""
        return [_plain(r) for r in RevenueRequestModel.waiting_index.query(
            "queued", RevenueRequestModel.next_try_at <= _iso(now), limit=limit)]

    def waiting_later(self, now, limit=1):
        """Queued requests whose backoff has not run out yet, soonest first
        (one Query; limit 1 asks only whether any wait)."""
        return [_plain(r) for r in RevenueRequestModel.waiting_index.query(
            "queued", RevenueRequestModel.next_try_at > _iso(now), limit=limit)]

    def given_up(self, limit=100):
        """Staff's dead letter: requests the back office never took."""
        return [_plain(r) for r in RevenueRequestModel.waiting_index.query("failed", limit=limit)]

    def erase(self, user_id):
        for row in RevenueRequestModel.query(user_id, consistent_read=True):
            row.delete()


def _iso(moment):
    from datetime import timezone
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")
