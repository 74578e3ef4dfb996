"""The last copies of a landlord's back-office answers (storage/revenues/landlords.py's
LandlordStore has these too): its payment runs as the back office answered
them, and its claims with the index a search reads.

A run's copy is kept in chunks of RUN_CHUNK lines under one key (a 2,000-line
run is four items, one Query), so a run and its CSV cost a few reads, not
one per line. Claims are kept under the organisation's key, so opening a
claim is one GetItem that can only find the organisation's own, and a search
is one Query of the keys beginning with its words (handlers/landlords/phrases.py),
never every claim: no index, so each row is written once. The claims are
written by handlers/landlords/copying.py, from an event, never by a request."""
from pynamodb.attributes import JSONAttribute, UnicodeAttribute, UTCDateTimeAttribute

from ..binding import Stored, batch_save, get_or_none, table, wire_key, writes
from ..council_key import CouncilKey
from ..data_map import Holds, Retention

RUN_CHUNK = 500  # lines a copy item holds: about 100 KB, well inside DynamoDB's 400 KB


class LandlordCopyModel(Stored):
    """The back office's answers as it gave them: "runs" (the list), "run#<ref>#<n>" (a run's chunks), the
    claims' marker, and the claims' list with the lease of the one asking for it (landlord_lists.py)."""
    class Meta:
        table_name = table("landlord-copies")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"body": "financial", "holder": "identifier"}, whose="tenant", part="landlords",
        basis="public_task", recipients=("landlord",),
        purpose="The last copy of a landlord's payment runs from the back office, shown to its members",
        retention=Retention(after="replaced", days=1, source="project", note="replaced by each new copy"))

    creditor_ref = CouncilKey(hash_key=True)
    part = UnicodeAttribute(range_key=True)
    body = JSONAttribute()
    fetched_at = UTCDateTimeAttribute()
    holder = UnicodeAttribute(null=True)  # the lease's
    expires_at = UTCDateTimeAttribute(null=True)


class LandlordClaimModel(Stored):
    """A claim paid to the landlord, once per term it is found by (the "ref" row holds it whole)."""
    class Meta:
        table_name = table("landlord-claims")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"body": "financial", "key": "name"}, whose="tenant", part="landlords", basis="public_task",
        recipients=("landlord",),
        purpose="Housing benefit claims paid to a landlord, as the back office gave them, searchable by its members",
        retention=Retention(after="replaced", days=1, source="project", note="replaced by each new copy"))

    creditor_ref = CouncilKey(hash_key=True)
    key = UnicodeAttribute(range_key=True)  # "<kind>:<value>#<claim_ref>" (phrases.row_key)
    claim_ref = UnicodeAttribute()
    body = JSONAttribute()
    fetched_at = UTCDateTimeAttribute()


class LandlordCopies:
    # -- the back office's copies --------------------------------------------
    def copy(self, creditor_ref, part):
        """(body, fetched_at) of a kept answer, or None: one GetItem."""
        row = get_or_none(LandlordCopyModel, creditor_ref, range_key=part)
        return None if row is None else (row.body, row.fetched_at)

    def keep(self, creditor_ref, part, body, now):
        LandlordCopyModel(creditor_ref=creditor_ref, part=part, body=body, fetched_at=now).save()

    def run_lines(self, creditor_ref, run_ref):
        """(lines, fetched_at) of a kept run, or None: one Query of its chunks."""
        rows = list(LandlordCopyModel.query(creditor_ref, LandlordCopyModel.part.startswith(f"run#{run_ref}#")))
        if not rows:
            return None
        rows.sort(key=lambda r: int(r.part.rsplit("#", 1)[1]))
        return [line for r in rows for line in r.body], rows[0].fetched_at

    def keep_run(self, creditor_ref, run_ref, lines, now):
        chunks = [lines[i:i + RUN_CHUNK] for i in range(0, len(lines), RUN_CHUNK)] or [[]]
        return batch_save(LandlordCopyModel, (LandlordCopyModel(creditor_ref=creditor_ref, part=f"run#{run_ref}#{n}",
                                                                body=chunk, fetched_at=now)
                                              for n, chunk in enumerate(chunks)))

    # -- claims and their index ----------------------------------------------
    def claim(self, creditor_ref, claim_ref):
        row = get_or_none(LandlordClaimModel, creditor_ref, range_key=f"ref:{claim_ref}#{claim_ref}")
        return None if row is None else (row.body, row.fetched_at)

    def rows(self, creditor_ref, prefix, after, page_size):
        """(key, body) of the rows whose key begins with `prefix`, in key order, after the key `after`: one
        Query a page of `page_size`, read as they are taken (a caller that stops reads no further page)."""
        start = None if after is None else wire_key(LandlordClaimModel, creditor_ref=creditor_ref, key=after)
        for row in LandlordClaimModel.query(creditor_ref, LandlordClaimModel.key.startswith(prefix),
                                            last_evaluated_key=start, page_size=page_size):
            yield row.key, row.body

    def claims(self, creditor_ref, claim_refs):
        """The kept bodies of `claim_refs` (their "ref" rows): BatchGetItem, 100 keys a call."""
        keys = [(creditor_ref, f"ref:{ref}#{ref}") for ref in claim_refs]
        return [row.body for row in LandlordClaimModel.batch_get(keys)] if keys else []

    def drop_claims(self, creditor_ref, keys):
        """Delete index rows by key ("<kind>:<value>#<claim_ref>"), 25 to a BatchWriteItem."""
        with LandlordClaimModel.batch_write() as batch:
            for key in keys:
                batch.delete(LandlordClaimModel(creditor_ref=creditor_ref, key=key))
        return len(keys)

    def drop_retired(self, creditor_ref, marker, prefixes):
        """A copy's rows of a retired shape (keys beginning with `prefixes`) and its marker deleted, when that
        marker is still kept: one GetItem otherwise. Returns the rows deleted."""
        if get_or_none(LandlordCopyModel, creditor_ref, range_key=marker) is None:
            return 0
        keys = [row.key for prefix in prefixes for row in LandlordClaimModel.query(
            creditor_ref, LandlordClaimModel.key.startswith(prefix), attributes_to_get=["key"])]
        dropped = self.drop_claims(creditor_ref, keys)
        LandlordCopyModel(creditor_ref=creditor_ref, part=marker).delete()
        return dropped

    def ask_copy(self, event):
        """The claims copy's refresh asked for, once per event id (the window's): False when asked already."""
        from ..errors import AlreadyExists
        from ..reports.report_store import event_model
        from ..reports.reports import EventModel
        try:
            with writes(parts=("event",), exists=("event",)):
                event_model(event).save(condition=EventModel.id.does_not_exist())
        except AlreadyExists:
            return False
        return True

    def keep_claims(self, creditor_ref, rows, now):
        """rows: [(key, claim body)]; upserted 25 to a batch."""
        return batch_save(LandlordClaimModel, (
            LandlordClaimModel(creditor_ref=creditor_ref, key=key, claim_ref=body["claim_ref"], body=body,
                               fetched_at=now) for key, body in rows))
