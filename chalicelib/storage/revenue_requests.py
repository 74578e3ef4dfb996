"""A resident's council tax requests (handlers/revenues/requests.py): kept
from the moment they are made, with the event that sends them and the
Idempotency-Key's record in one transaction, and then the back office's own
reference once it has taken them. One Query lists a user's requests."""
from pynamodb.attributes import JSONAttribute, NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute

from .binding import Stored, bind, get_or_none, model_of, table, transaction, writes


class RevenueRequestModel(Stored):
    class Meta:
        table_name = table("revenue-requests")
        billing_mode = "PAY_PER_REQUEST"

    user_id = UnicodeAttribute(hash_key=True)
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


def _plain(row):
    if row is None:
        return None
    return {name: getattr(row, name) for name in RevenueRequestModel.get_attributes()}


class RevenueRequestStore:
    def __init__(self):
        bind()

    def create(self, request, event, idempotency=None):
        """The request, its event and its key's record, one transaction
        (AlreadyExists("idempotency") when a twin took the key first)."""
        from .report_store import event_model
        from .uploads import IdempotencyModel
        parts = ["request", "event"]
        with writes(parts, exists={"request", "idempotency"}), transaction() as t:
            t.save(RevenueRequestModel(**request), condition=RevenueRequestModel.id.does_not_exist())
            t.save(event_model(event))
            if idempotency is not None:
                parts.append("idempotency")
                t.save(model_of(IdempotencyModel, idempotency),
                       condition=IdempotencyModel.key.does_not_exist()
                       | (IdempotencyModel.expires < idempotency.created_at))

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
                                RevenueRequestModel.taken_at.set(now), RevenueRequestModel.last_error.remove()],
                       condition=RevenueRequestModel.id.exists() & (RevenueRequestModel.state == "queued"))
            return True
        except (UpdateError, PutError):
            return False

    def tried(self, user_id, request_id, state, error):
        """A failed try counted, and how it failed (refused: settled so)."""
        row = RevenueRequestModel(user_id=user_id, id=request_id)
        from pynamodb.exceptions import UpdateError
        try:
            row.update(actions=[RevenueRequestModel.tries.add(1), RevenueRequestModel.state.set(state),
                                RevenueRequestModel.last_error.set(error)],
                       condition=RevenueRequestModel.id.exists() & (RevenueRequestModel.state == "queued"))
        except UpdateError:
            pass  # taken meanwhile by a twin try: its outcome stands

    def erase(self, user_id):
        for row in RevenueRequestModel.query(user_id, consistent_read=True):
            row.delete()
