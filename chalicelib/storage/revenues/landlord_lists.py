"""A landlord's list of claims as the back office last gave it, and the lease
of the one process asking for it (handlers/landlords/listing.py): rows of
the landlord-copies table (landlord_copies.py's model), beside its runs.

The list is kept in chunks of LIST_CHUNK claims ("list#<n>", about 175 KB
each) under a header ("list") written last, so a reader finds a whole list
or none. The lease ("lease#list") is taken with a conditional PutItem: free,
or lapsed; renewed and ended only by its holder (a condition on `holder`),
so however many processes race, one asks the back office."""
from ..binding import batch_save, get_or_none, writes
from ..errors import EditConflict
from .landlord_copies import LandlordCopyModel

LIST_CHUNK = 500
HEADER, CHUNK, LEASE = "list", "list#", "lease#list"


class LandlordLists:
    def keep_list(self, creditor_ref, bodies, now):
        chunks = [bodies[i:i + LIST_CHUNK] for i in range(0, len(bodies), LIST_CHUNK)] or [[]]
        batch_save(LandlordCopyModel, (LandlordCopyModel(creditor_ref=creditor_ref, part=f"{CHUNK}{n}", body=chunk,
                                                         fetched_at=now) for n, chunk in enumerate(chunks)))
        LandlordCopyModel(creditor_ref=creditor_ref, part=HEADER, body={"chunks": len(chunks)}, fetched_at=now).save()

    def kept_list(self, creditor_ref, since):
        """(bodies, fetched_at) of the list kept, if fetched at or after `since`; else None. A GetItem, and a
        Query of its chunks when it is recent enough (an older list's chunks, where it had more, are left out)."""
        header = get_or_none(LandlordCopyModel, creditor_ref, range_key=HEADER, consistent_read=True)
        if header is None or header.fetched_at < since:
            return None
        rows = [r for r in LandlordCopyModel.query(creditor_ref, LandlordCopyModel.part.startswith(CHUNK),
                                                   consistent_read=True) if r.fetched_at == header.fetched_at]
        if len(rows) != header.body["chunks"]:
            return None
        rows.sort(key=lambda r: int(r.part[len(CHUNK):]))
        return [body for r in rows for body in r.body], header.fetched_at

    def list_lease(self, creditor_ref):
        """{"holder", "expires_at", "failed", "failed_at"} of the list's lease, or None."""
        row = get_or_none(LandlordCopyModel, creditor_ref, range_key=LEASE, consistent_read=True)
        return None if row is None else {"holder": row.holder, "expires_at": row.expires_at, **row.body}

    def take_list_lease(self, creditor_ref, holder, now, until):
        """True when `holder` now holds the lease (it was free or lapsed); False when another does."""
        row = LandlordCopyModel(creditor_ref=creditor_ref, part=LEASE, holder=holder, expires_at=until,
                                body={"failed": None, "failed_at": None}, fetched_at=now)
        try:
            with writes(parts=("lease",)):
                row.save(condition=LandlordCopyModel.part.does_not_exist() | (LandlordCopyModel.expires_at <= now))
        except EditConflict:
            return False
        return True

    def renew_list_lease(self, creditor_ref, holder, until):
        return self._holder_sets(creditor_ref, holder, [LandlordCopyModel.expires_at.set(until)])

    def end_list_lease(self, creditor_ref, holder, now, failed=None):
        """The lease freed, saying how the back office failed its holder (`failed`, its kind) when it did."""
        return self._holder_sets(creditor_ref, holder, [
            LandlordCopyModel.expires_at.set(now),
            LandlordCopyModel.body.set({"failed": failed, "failed_at": now.isoformat() if failed else None})])

    @staticmethod
    def _holder_sets(creditor_ref, holder, actions):
        try:
            with writes(parts=("lease",)):
                LandlordCopyModel(creditor_ref=creditor_ref, part=LEASE).update(
                    actions=actions, condition=LandlordCopyModel.holder == holder)
        except EditConflict:
            return False  # lapsed, and taken by another
        return True
