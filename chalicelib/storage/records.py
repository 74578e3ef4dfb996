"""The plain values the stores take and return: what domain code works with.

Each mirrors a stored item without what only the storage needs (index keys,
partition names): stores add those on the way in and drop them on the way
out, so no handler builds a model or knows an index. `version` is the
item's version for optimistic locking: a store refuses to save a record
whose version is not the stored one (EditConflict).
"""
from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class Report:
    id: str
    service_code: str
    state: str
    description: str = ""
    summary: str = ""
    lon: float | None = None
    lat: float | None = None
    fields: dict = field(default_factory=dict)
    photos: list = field(default_factory=list)
    contact: dict = field(default_factory=dict)  # private: never in a public view
    user_id: str | None = None
    reporter_email_hash: str | None = None
    token_hash: str | None = None
    source: str = "api"
    priority: str = "normal"  # council-internal: never public
    created_at: datetime | None = None
    updated_at: datetime | None = None
    update_count: int = 0
    status_notes: str | None = None  # the latest public update's text (Open311)
    media_urls: list | None = None  # a partner's links: shown, never fetched
    address: str | None = None  # the problem's street address, never the reporter's
    # Staff triage: none of these is public (views list what they show).
    private: bool = False  # staff hid it: only staff and its reporter see its details
    ward: str | None = None  # the ward holding its point, stamped when it is placed
    due: str | None = None  # "YYYY-MM-DD": the working day it should be dealt with by
    due_source: str | None = None  # "rule" (the category's due-date rule) or "staff" (set by hand)
    assignment: dict | None = None  # {team, instructions, assigned_at, assigned_by}: where a crew job comes from
    assignment_history: list = field(default_factory=list)  # earlier assignments, each with ended_at
    duplicate_of: str | None = None
    duplicates: list = field(default_factory=list)  # reports marked as duplicates of this one
    channel: str | None = None  # how the council heard, when staff took it: phone, face_to_face, letter, email
    raised_by_team: str | None = None  # the street crew whose member raised it from the field
    flags: list = field(default_factory=list)  # why it needs staff attention again
    # The store's own bookkeeping (the staff inbox's rows it wrote for this
    # report, so a change deletes exactly those it no longer needs): domain
    # code never reads or sets it.
    inbox_keys: list = field(default_factory=list)
    version: int | None = None

    @property
    def team(self):
        return (self.assignment or {}).get("team")


@dataclass
class TimelineEntry:
    report_id: str
    seq: int
    kind: str  # created, state_changed, public_update
    state: str
    previous_state: str | None = None
    text: str | None = None
    media_url: str | None = None
    author: str = "council"  # who, as the public sees it
    created_at: datetime | None = None
    service_code: str | None = None
    photos: list | None = None  # cleaned photos shown with the entry (a crew's after photo)


@dataclass
class Event:
    """A change others must hear about (DESIGN, data flow 2)."""
    id: str
    kind: str
    report_id: str | None = None
    payload: dict = field(default_factory=dict)
    created_at: datetime | None = None
    expires: datetime | None = None


@dataclass
class Upload:
    upload_id: str
    content_type: str
    size: int
    created_at: datetime
    expires: datetime
    report_id: str | None = None  # set once attached; never reused
    photo: dict | None = None  # the cleaned photo, once processed
    owner: str | None = None  # the account that made it (only it may attach it); None: its id is the key


@dataclass
class IdempotencyRecord:
    key: str  # sha256 of scope + client key
    fingerprint: str  # sha256 of the canonical request
    resource_id: str
    created_at: datetime
    expires: datetime
    secret: str | None = None  # an anonymous tracking token, kept for the key's lifetime


@dataclass
class User:
    id: str
    email: str | None = None
    email_verified: bool = False
    password_hash: str | None = None
    name: str | None = None
    phone: str | None = None
    address: str | None = None
    uprn: str | None = None
    notifications: dict = field(default_factory=dict)
    role: str = "resident"  # resident, crew, staff, admin
    team: str | None = None
    scope: dict = field(default_factory=dict)  # staff limits: {"categories": [...], "wards": [...]}
    session_epoch: int = 0
    identity_keys: list = field(default_factory=list)
    created_at: datetime | None = None
    version: int | None = None


@dataclass
class Session:
    id: str
    user_id: str
    epoch: int
    created_at: datetime
    expires: datetime
    revoked: bool = False


@dataclass
class RefreshToken:
    token_hash: str
    session_id: str
    user_id: str
    expires: datetime
    rotated: bool = False


@dataclass
class OneTimeToken:
    token_hash: str
    purpose: str  # verify_email, reset_password
    user_id: str
    expires: datetime
    email: str | None = None
    used: bool = False


@dataclass
class Alert:
    id: str
    kind: str  # report, area, ward, category, broadcast
    channels: dict = field(default_factory=dict)  # {"push": {...}, "email": "...", "sms": "..."}
    pending: list = field(default_factory=list)  # channels awaiting double opt-in
    target: dict = field(default_factory=dict)
    index_keys: list = field(default_factory=list)
    user_id: str | None = None
    manage_hash: str | None = None
    confirm_hash: str | None = None
    created_at: datetime | None = None
    expires: datetime | None = None  # only while unconfirmed
    version: int | None = None

    @property
    def confirmed(self):
        return not self.pending


@dataclass
class AlertIndexRow:
    """One lookup key of an alert; a circle's rows carry it for the exact test."""
    key: str
    alert_id: str
    lat: float | None = None
    lon: float | None = None
    radius_m: float | None = None
    expires: datetime | None = None
    # A crew member's jobs alert: their point is the circle; near_only: told
    # of urgent jobs within it alone; located_at: when they were there.
    near_only: bool | None = None
    located_at: datetime | None = None


@dataclass
class Broadcast:
    id: str
    author: str  # the staff member's user id
    topic: str
    target: dict
    title: str
    body: str
    created_at: datetime
    url: str | None = None
    status: str = "queued"  # queued -> sent
    told: int = 0
    failed: int = 0
    dispatched_at: datetime | None = None


@dataclass
class Address:
    uprn: str
    lines: list
    postcode: str  # as shown: "YO1 7HH"
    lat: float
    lon: float
    ward: str | None = None
    bin_rounds: dict | None = None  # stream -> bin round id
    council_tax_band: str | None = None

    @property
    def text(self):
        return ", ".join(line for line in self.lines if line)

    @property
    def rounds(self):
        """{stream: round id}; empty when none are known."""
        return {k: v for k, v in (self.bin_rounds or {}).items() if v}


@dataclass
class BinRound:
    id: str
    stream: str
    weekday: int  # 0 Monday .. 6 Sunday
    every_weeks: int
    start: str  # "YYYY-MM-DD", the first collection
    updated_at: datetime
    end: str | None = None
    exceptions: dict = field(default_factory=dict)  # "YYYY-MM-DD" -> moved-to date or "cancelled"

    def to_round(self):
        from ..bindays import CANCELLED, Round, parse_date
        exceptions = {parse_date(k): (None if v == CANCELLED else parse_date(v))
                      for k, v in (self.exceptions or {}).items()}
        return Round(self.id, self.stream, int(self.weekday), int(self.every_weeks), parse_date(self.start),
                     exceptions, parse_date(self.end) if self.end else None)


@dataclass
class Facility:
    id: str
    type: str
    name: str
    lon: float
    lat: float
    address: str | None = None
    opening_hours: str | None = None
    phone: str | None = None
    url: str | None = None
    accessibility: str | None = None
    geohash: str | None = None  # filled in by the store


@dataclass
class Open311Key:
    key_hash: str  # sha256 hex of the key itself
    name: str  # the partner; also names its update_id space
    created_at: datetime
    revoked: bool = False
    revoked_at: datetime | None = None
    categories: list | None = None  # service codes it may post to; None: all


@dataclass
class OutboxMessage:
    id: str
    channel: str  # email, sms
    to: str
    body: str
    created_at: datetime
    expires: datetime
    subject: str | None = None
    html: str | None = None
    headers: dict | None = None
    status: str = "kept"  # kept (local), sent, retry, failed; queued: waiting in the outbox to be sent
    queued: str | None = None  # the channel, while it waits to be sent (the sparse `queued` index)
    try_at: datetime | None = None  # when a sender may take it next
    tries: int = 0



@dataclass
class Team:
    """A street crew, as data: crew members and assignments name it by id."""
    id: str
    name: str
    created_at: datetime
    retired: bool = False  # kept for history and old assignments; nothing new is assigned to it
    retired_at: datetime | None = None
    version: int | None = None


@dataclass
class AuditEntry:
    """One staff change to a report: who, when, and each field before and
    after, internal ones included. `seq` is the report's version after the
    change, so entries are written once, in the change's own transaction,
    and never edited."""
    report_id: str
    seq: int
    action: str  # inspect, create_for_caller, duplicate_added
    by_user_id: str
    created_at: datetime
    by_email: str | None = None
    changes: dict = field(default_factory=dict)  # field -> {"before": ..., "after": ...}


@dataclass
class ResponseTemplate:
    id: str
    title: str
    text: str  # with {placeholders} (handlers/staff/templates.py lists them)
    created_at: datetime
    updated_at: datetime
    state: str | None = None  # the state it answers; with auto, written when that state is set
    auto: bool = False
    service_codes: list = field(default_factory=list)  # empty: every category
    active: bool = True
    version: int | None = None


@dataclass
class DueRule:
    """How many working days a category's reports get (by priority, where it varies)."""
    service_code: str
    working_days: int
    by_priority: dict = field(default_factory=dict)  # priority -> working days
    basis: str | None = None  # why: "statutory: Freedom of Information Act 2000 s.10", "council policy"


@dataclass
class InboxRow:
    """One line of the staff inbox, as its index row holds it."""
    report_id: str
    service_code: str
    state: str
    priority: str
    created_at: datetime
    updated_at: datetime
    summary: str = ""
    ward: str | None = None
    team: str | None = None
    due: str | None = None
    private: bool = False
    located: bool = False
    channel: str | None = None
    duplicate_of: str | None = None
    flags: list = field(default_factory=list)
    words: list = field(default_factory=list)
    position: str | None = None  # its place in the order it was read in (cursors)


@dataclass
class ReportWrite:
    """One report's part of a staff change: the report and what goes with it."""
    report: Report
    audit: AuditEntry
    entry: TimelineEntry | None = None  # public changes only
    event: Event | None = None  # who must hear of it (public changes only)
    inbox: bool = True  # False: nothing its inbox rows show changed (an original's list of duplicates)
    jobs: list = field(default_factory=list)  # crew Jobs the change makes, moves or ends, in its transaction
    notices: list = field(default_factory=list)  # Events telling crews of those jobs


@dataclass(frozen=True)
class InboxQuery:
    """What a staff inbox page asks for, scope included; None means "any".
    In `teams`, None stands for "unassigned"."""
    states: frozenset
    categories: frozenset | None = None
    wards: frozenset | None = None
    teams: frozenset | None = None
    priorities: frozenset | None = None
    created_from: datetime | None = None  # created at or after
    due_before: str | None = None  # "YYYY-MM-DD", exclusive: overdue is due before today
    due_from: str | None = None  # inclusive; a report with no due date is due after every date
    order: str = "newest"  # newest, oldest, priority, due
    words: tuple = ()  # every one must be among the report's words

    def matches(self, row):
        """Whether an inbox row answers this query (read by a word search or a reference)."""
        return (row.state in self.states
                and (self.categories is None or row.service_code in self.categories)
                and (self.wards is None or row.ward in self.wards)
                and (self.teams is None or row.team in self.teams)
                and (self.priorities is None or row.priority in self.priorities)
                and (self.created_from is None or row.created_at >= self.created_from)
                and (self.due_before is None or (row.due is not None and row.due < self.due_before))
                and (self.due_from is None or row.due is None or row.due >= self.due_from)
                and all(w in (row.words or ()) for w in self.words))


JOB_OPEN = ("assigned", "accepted", "en_route", "on_site")  # a job a crew still has to do


@dataclass
class Job:
    """A street crew's work on one report: made when staff assign the report
    to a team, ended when the crew is done or unable, or when staff move or
    close the report. Keeps the crew's field updates, oldest first."""
    id: str
    report_id: str
    team: str
    service_code: str
    status: str = "assigned"  # JOB_OPEN, then done, unable or withdrawn
    summary: str = ""
    lon: float | None = None
    lat: float | None = None
    priority: str = "normal"
    due: str | None = None  # "YYYY-MM-DD"
    instructions: str | None = None  # staff's words for the crew
    assigned_at: datetime | None = None
    assigned_by: str | None = None
    updated_at: datetime | None = None
    closed_at: datetime | None = None
    reason: str | None = None  # why it ended: the crew's "unable" reason, or staff's move
    updates: list = field(default_factory=list)  # field updates: {seq, status, note, photos, lat, lon, saved_at...}
    # A job that is not a report's (a bulky collection): what the crew needs to
    # do it, {kind, booking_id, address, items, location, notes}; report_id is
    # then the booking's id and no report is read.
    details: dict | None = None
    geohash: str | None = None  # filled in by the store
    # The store's own bookkeeping: the per-cell count this job is in, so a
    # change moves exactly that count. Domain code never reads or sets it.
    counted: str | None = None
    version: int | None = None

    @property
    def open(self):
        return self.status in JOB_OPEN


@dataclass
class Questionnaire:
    """"Has it been fixed?", asked once of a report's reporter some days after it was closed."""
    report_id: str
    closed_at: datetime
    closed_state: str  # fixed or closed
    status: str = "waiting"  # waiting, sent, answered, unreachable
    due_at: datetime | None = None
    token_hash: str | None = None
    sent_at: datetime | None = None
    channels: list = field(default_factory=list)  # e.g. ["email"]: how it was asked, never the address
    answer: dict | None = None  # {fixed, rating, comment, answered_at, reopened}


@dataclass
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


@dataclass
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


@dataclass
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
