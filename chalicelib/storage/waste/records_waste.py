"""Payments and the waste services paid for (see records.py)."""
from dataclasses import field
from datetime import datetime

from ..record_class import when_named


@when_named
class Payment:
    """A card payment Doorstep asked a provider for. Its state is the provider's,
    copied here each time it is checked; amounts are integer pence."""
    id: str  # Doorstep's id; also the provider's Idempotency-Key for its creation
    purpose: str  # which capability charged ("bulky"): it is told the outcome
    subject_id: str  # what was paid for (a booking's id)
    amount: int
    reference: str
    description: str
    return_secret_hash: str  # sha256 of the random secret in the return URL
    status: str = "creating"  # before the provider answered, then GOV.UK Pay's statuses
    finished: bool = False
    created_at: datetime | None = None
    updated_at: datetime | None = None
    user_id: str | None = None
    email: str | None = None
    provider_id: str | None = None
    next_url: str | None = None
    code: str | None = None  # the provider's reason for failed/cancelled/error (P0010...)
    message: str | None = None
    refunded: int = 0  # pence refunded through Doorstep so far
    refunds: list = field(default_factory=list)  # [{refund_id, amount, status, at, by}]
    settled_status: str | None = None  # the finished status the purpose was last told of
    card_brand: str | None = None  # the provider's card_details.card_brand once paid
    asking: dict | None = None  # the one refund being asked of the provider: {by, since, token} (payments/asking.py)
    retained_at: datetime | None = None  # when the retention sweep took the payer off it (handlers/retention/payments.py)
    hold: dict | None = None  # a legal hold ({reason, by, at}): off the retention sweep until released


@when_named
class BulkyBooking:
    """A bulky waste collection: held while the resident pays, then confirmed."""
    id: str
    uprn: str
    address: str
    round_id: str
    date: str  # "YYYY-MM-DD", a collection day of the property's round
    items: list  # [{id, name, price}] as priced when booked
    amount: int  # pence
    user_id: str
    status: str = "held"  # held, confirmed, released, cancelled
    email: str | None = None
    location: str = ""  # where the items will be left
    notes: str = ""
    hold_until: datetime | None = None
    payment_id: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    confirmed_at: datetime | None = None
    cancelled_at: datetime | None = None
    reason: str | None = None  # why it was released or cancelled
    refund: dict | None = None  # {status: due|done|none, amount, refund_id, at}
    due: str | None = None  # the store's: which job looks at it next (hold, refund, remind, crew)
    due_at: datetime | None = None
    job_id: str | None = None  # the crew's job, made on the collection day
    change_seq: int = 0  # changes made (date, items...): a change names the count it read
    changes: list = field(default_factory=list)  # [{seq, at, before, after, refund}] oldest first
    taken_by: dict | None = None  # staff took it for a caller: {by, by_user_id, at, payment: card|waived, reason}
    pending: dict | None = None  # a change costing more, held while its difference is paid (waste/paid_changes.py)
    pending_payment: str | None = None  # that difference's payment: only its outcome settles the pending change
    missed: dict | None = None  # the crew could not collect: {job_id, reason, at, remedy: rebook|refund, rebooked_at}
    band: dict | None = None  # priced by a band of banded pricing: {from, up_to, price}; None: per item


@when_named
class GardenSubscription:
    """One year (term) of garden waste collection for a property, paid for."""
    uprn: str
    start: str  # "YYYY-MM-DD": the term's first day; with uprn, the key
    end: str  # "YYYY-MM-DD": its last day
    bins: int
    amount: int  # pence
    user_id: str
    status: str = "pending"  # pending (paying), active, failed, cancelled
    address: str = ""
    round_id: str | None = None  # the property's garden round
    email: str | None = None
    payment_id: str | None = None
    hold_until: datetime | None = None  # a pending term blocks others this long
    created_at: datetime | None = None
    confirmed_at: datetime | None = None
    cancelled_at: datetime | None = None
    reason: str | None = None
    remind: str | None = None  # the store's: the next renewal reminder due ("opening", "closing")
    remind_on: str | None = None  # "YYYY-MM-DD"
