"""Halls, rooms and pitches hired by the hour (see records.py)."""
from dataclasses import field
from datetime import datetime

from ..record_class import when_named


@when_named
class HireBooking:
    """A hire of one place: one session, or a block of sessions (a weekday
    and time for some weeks). Held while its payment is made, then
    confirmed; each session may be cancelled on its own. Amounts in pence."""
    id: str
    place: str
    hirer_type: str  # resident, community, commercial
    sessions: list  # [{date, start, end, hours: [UTC starts], amount, status: booked|cancelled, refund}]
    amount: int  # the hire, every session's hours at the hirer's rate
    deposit: dict  # {amount, status: held|returned|kept, returned, reason, by, at, refund}
    total: int  # paid: amount plus the deposit
    status: str = "held"  # held, confirmed, released
    user_id: str | None = None
    email: str | None = None
    hirer_name: str = ""  # the group or company hiring, or the resident
    purpose: str = ""  # what it is for, as the terms ask
    terms: str = ""  # the terms' version accepted
    hold_until: datetime | None = None
    payment_id: str | None = None
    created_at: datetime | None = None
    confirmed_at: datetime | None = None
    updated_at: datetime | None = None
    why: str | None = None  # why it was released
    seq: int = 0  # changes made (a session cancelled, the deposit returned): a change names the count it read
    taken_by: dict | None = None
    due: str | None = None  # the store's: "hold" while its hold may run out
    due_at: datetime | None = None
    skipped: list = field(default_factory=list)  # a block's dates left out, as the hirer was shown them
    refund_rules: list = field(default_factory=list)  # the place's refunds by notice when booked: [{notice_hours, percent}]
