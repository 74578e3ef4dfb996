"""Repairs to council homes (see records.py)."""
from dataclasses import field
from datetime import datetime

from ..record_class import when_named


@when_named
class Repair:
    """A repair a tenant reported for the home they rent (`home`: its rent
    account's reference), with what the tree gave it (code, trade, priority,
    Right to Repair period, damp and mould), when the council became aware,
    and its order and appointment at the contractor's scheduler."""
    id: str
    home: str
    address: str
    user_id: str
    location: str
    problem: str
    issue: str
    repair: str  # the tree's repair name
    code: str
    trade: str
    priority: str
    aware_at: datetime
    description: str = ""
    access: dict = field(default_factory=dict)  # {notes, pets, times, needs}
    contact: dict = field(default_factory=dict)  # {name, phone}
    photos: list = field(default_factory=list)  # upload ids
    right_to_repair_days: int | None = None
    damp_mould: bool = False
    status: str = "reported"  # reported, booked, cancelled, done
    order: dict | None = None  # {booking_id, at}: the scheduler holds the order
    appointment: dict | None = None  # {start, end, half}: the slot booked
    created_at: datetime | None = None
    updated_at: datetime | None = None
    seq: int = 0  # changes made: a change names the count it read
    investigated_at: datetime | None = None  # an officer's inspection (Awaab's Law's clocks start again from it)
    summary: str | None = None  # the inspection's written summary for the tenant
    summary_at: datetime | None = None  # when it was given
    second_contractor_at: datetime | None = None  # the Right to Repair's second contractor sent (its period starts)
    done_at: datetime | None = None
    done_what: str | None = None  # what was done, as the officer closing it said
    compensation: int | None = None  # pence owed under the Right to Repair, fixed once when it is done
    board: str | None = None  # "open" while open: the staff board's partition (sparse)
    at_risk_at: datetime | None = None  # the soonest moment one of its clocks is at risk: the board's order
    # The desk's and the crews' (issue 58, item 5 and 6): who does the work, and what came of a visit.
    team: str | None = None  # the trade or team assigned; its crew job is `job_id`
    job_id: str | None = None  # the open crew job while a team holds it
    parent_id: str | None = None  # a follow-on job's first repair
    priority_reason: str | None = None  # why the priority was last changed (the audit keeps each)
    on_way_at: datetime | None = None  # the operative's "On my way" (the tenant texted once)
    no_access_at: datetime | None = None  # the last visit that found nobody in (a card left)
    reminded_for: str | None = None  # the appointment day whose day-before text's event is written (once a day)
    reopened_at: datetime | None = None  # reopened by its tenant after it failed
    block: str | None = None  # a repair to a shared part of this block (data/repair_blocks.json): its tenants see it
    # Retention (docs/decisions/retention.md): when it was closed (done or cancelled: its period runs from then),
    # a legal hold ({reason, by, at}), and what the sweep did ({then, at, by}); storage/repairs/repairs.py
    # derives the due index's keys from these in every write of it; when the sweep began anonymising it
    # (`retaining`: a hold is refused from then, handlers/retention/holds.py).
    closed_at: datetime | None = None
    hold: dict | None = None
    retained: dict | None = None
    retaining: datetime | None = None


@when_named
class CommunalRepair:
    """A block's communal repair as the block's tenants see it (storage/repairs/repair_communal.py): no name, contact,
    access notes or photos; `me_too` counts the tenants who said it affects them too."""
    repair_id: str
    block: str | None = None
    location: str = ""
    problem: str = ""
    issue: str = ""
    description: str = ""
    status: str = ""
    reporter: str | None = None
    created_at: datetime | None = None
    me_too: int = 0
    said_at: datetime | None = None  # read by a tenant's "me too"s (said_by): when they said it
