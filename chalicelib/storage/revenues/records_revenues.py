"""Council tax accounts linked to people (see records.py)."""
from datetime import datetime

from ..record_class import when_named


@when_named
class RevenueLink:
    """A Doorstep user linked to one council tax account as one of its liable
    people (each jointly liable person links alone)."""
    user_id: str
    id: str  # opaque: what URLs carry instead of the account reference
    account_ref: str
    person_ref: str  # the back office's person: whose view the link shows
    linked_at: datetime | None = None
