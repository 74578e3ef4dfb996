"""Waste containers ordered for a property (see records.py)."""
from datetime import datetime

from ..record_class import when_named


@when_named
class ContainerRequest:
    """A container asked for a property: held while its payment is made (a
    free one is confirmed at once), confirmed with its crew's delivery job,
    then delivered or not. Amounts are integer pence."""
    id: str
    uprn: str
    address: str
    container: str  # the container's id in the council's list ("recycling-box")
    name: str  # its name as listed when asked for
    stream: str  # the waste stream whose round delivers it
    round_id: str
    reason: str  # damaged, damaged_by_crew, missing, new_resident, extra
    amount: int
    depot: str
    status: str = "held"  # held, confirmed, then released, cancelled, delivered or not_delivered
    user_id: str | None = None  # None once its resident's account is erased
    email: str | None = None
    notes: str = ""
    hold_until: datetime | None = None
    payment_id: str | None = None
    delivery_date: str | None = None  # "YYYY-MM-DD": the round's day the crew brings it
    job_id: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    confirmed_at: datetime | None = None
    ended_at: datetime | None = None
    why: str | None = None  # why it was released, or the crew's reason it was not delivered
    taken_by: dict | None = None  # staff took it for a caller: {by, by_user_id, at, payment: card|waived, reason}
    cancelled_by: dict | None = None  # who cancelled it: {by, by_user_id, at, staff, reason}
    refund: dict | None = None  # a paid one cancelled: {status: due|done, amount, part, made, refund_id, at}
    delivered_on: str | None = None  # "YYYY-MM-DD" the crew ended its job done (London)
    due: str | None = None  # the store's: "hold" while a hold may run out, "refund" while one is owed
    due_at: datetime | None = None
