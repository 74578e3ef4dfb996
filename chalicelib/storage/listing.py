"""A council's whole list of a small kind (its wards, its bodies) in one Query.

Those tables are keyed by the thing's id, so without an index the only way to list them is
a Scan, and in a pool of councils a Scan reads every council's items to keep one's: its
cost grows with the councils served, whatever one council holds. Each item carries
`listing` = EVERY (a CouncilKey, so "york|all"), the partition of a `listing` index: one
council's items are one partition, read by a Query that costs what it returns. Items
stored before the index get the key from `doorstep tables` when it adds the index
(add_missing_listing), as the categories' catalogue index did."""
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex

from .council_key import CouncilKey

EVERY = "all"  # the one partition per council


class ListingIndex(GlobalSecondaryIndex):
    """One instance per model (PynamoDB binds an index instance to its model)."""

    class Meta:
        index_name = "listing"
        projection = AllProjection()

    listing = CouncilKey(hash_key=True)


def listed(model):
    """Every item of `model` of the council worked for: one Query of its listing partition."""
    return list(model.listing_index.query(EVERY))


def add_missing_listing(model):
    """Give items stored before the index its key; how many (CLI only: `doorstep tables`)."""
    changed = 0
    for row in model.scan(consistent_read=True):
        if row.listing != EVERY:
            row.update(actions=[model.listing.set(EVERY)])
            changed += 1
    return changed
