"""Reports, their timelines, events, photo uploads and idempotency records.

storage/records.py says what these values are and loads this module when one is named."""
from __future__ import annotations  # the annotations are for readers: nothing evaluates them

from dataclasses import field
from datetime import datetime  # noqa: F401  (named in annotations)

from ..record_class import when_named


@when_named
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
    supporters: int = 0  # "me too"s counted (storage/reports/supporters.py); public as a number, never who
    status_notes: str | None = None  # the latest public update's text (Open311)
    media_urls: list | None = None  # a partner's links: shown, never fetched
    address: str | None = None  # the problem's street address, never the reporter's
    near: str | None = None  # without an address: the nearest one in words ("Near 2 Micklegate"), stamped when placed
    # Staff triage: none of these is public (views list what they show).
    private: bool = False  # staff hid it: only staff and its reporter see its details
    ward: str | None = None  # the ward holding its point, stamped when it is placed
    due: str | None = None  # "YYYY-MM-DD": the working day it should be dealt with by
    due_source: str | None = None  # "rule" (the category's due-date rule) or "staff" (set by hand)
    due_rule: str | None = None  # which rule made `due`, as people read it (the rule's basis when it was stamped)
    assignment: dict | None = None  # {team, instructions, assigned_at, assigned_by}: where a crew job comes from
    assignment_history: list = field(default_factory=list)  # earlier assignments, each with ended_at
    duplicate_of: str | None = None
    duplicates: list = field(default_factory=list)  # reports marked as duplicates of this one
    channel: str | None = None  # how the council heard, when staff took it: phone, face_to_face, letter, email
    raised_by_team: str | None = None  # the street crew whose member raised it from the field
    flags: list = field(default_factory=list)  # why it needs staff attention again
    # Where it was made and where it went, as FixMyStreet keeps a report's site apart from its bodies:
    # the council of the deployment whose address it was made at, when not the one holding it (None: here);
    # and its one pass between councils, {from, to, reason, at, by} (handlers/staff/passing.py).
    site: str | None = None
    passed: dict | None = None
    # Moderation (handlers/moderation): photos taken off the public report,
    # each {name, content_type, width, height, hidden_at, by, reason} and kept
    # for staff under another key; and {original: {summary, description},
    # reason, by, at} once staff edited its words. Neither is public.
    hidden_photos: list = field(default_factory=list)
    moderation: dict | None = None
    # The store's own bookkeeping (the staff inbox's rows it wrote for this
    # report, so a change deletes exactly those it no longer needs): domain
    # code never reads or sets it.
    inbox_keys: list = field(default_factory=list)
    # Retention (docs/decisions/retention.md): when it was last closed (stamped by the store when it is
    # first saved closed, cleared when it reopens); a legal hold {reason, by, at} that keeps it from the
    # sweep; what the sweep did with it {then, at, by}, after which it is never swept again; when the sweep
    # began anonymising it (`retaining`: a hold is refused from then, handlers/retention/holds.py).
    closed_at: datetime | None = None
    hold: dict | None = None
    retained: dict | None = None
    retaining: datetime | None = None
    version: int | None = None

    @property
    def team(self):
        return (self.assignment or {}).get("team")


@when_named
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
    council: str | None = None  # the council it was done for (auth/grants.py acting_as)
    granted_by: str | None = None  # the council whose grant its maker held, when another (a shared team)


@when_named
class Event:
    """A change others must hear about (DESIGN, data flow 2)."""
    id: str
    kind: str
    report_id: str | None = None
    payload: dict = field(default_factory=dict)
    created_at: datetime | None = None
    expires: datetime | None = None


@when_named
class Upload:
    upload_id: str
    content_type: str
    size: int
    created_at: datetime
    expires: datetime
    report_id: str | None = None  # set once attached; never reused
    photo: dict | None = None  # the cleaned photo, once processed
    owner: str | None = None  # the account that made it (only it may attach it); None: its id is the key
    holder: str | None = None  # digest of the Form-Token it was made with: the anonymous form it is for


@when_named
class IdempotencyRecord:
    key: str  # sha256 of scope + client key
    fingerprint: str  # sha256 of the canonical request
    resource_id: str
    created_at: datetime
    expires: datetime
    secret: str | None = None  # an anonymous tracking token, kept for the key's lifetime


@when_named
class Supporter:
    """A resident's "me too" on a report: one per canonical e-mail per report,
    counted once it is proven (signed in with it, or its link followed)."""
    report_id: str
    key: str  # a digest of the canonical e-mail
    email: str  # as they typed it: where the report's updates go; never public
    state: str  # pending (waiting for its link) or counted
    created_at: datetime
    sent_at: datetime | None = None  # when its confirmation link last went
    confirm_hash: str | None = None
    user_id: str | None = None
    confirmed_at: datetime | None = None
    expires: datetime | None = None  # a pending one is forgotten after this
