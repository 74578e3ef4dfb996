"""Staff triage: teams, the audit, templates, due-date rules, a staff change; Open311 keys.

storage/records.py says what these values are and loads this module when one is named."""
from __future__ import annotations  # the annotations are for readers: nothing evaluates them

from dataclasses import field
from datetime import datetime  # noqa: F401  (named in annotations)

from ..record_class import when_named


@when_named
class Open311Key:
    key_hash: str  # sha256 hex of the key itself
    name: str  # the partner; also names its update_id space
    created_at: datetime
    revoked: bool = False
    revoked_at: datetime | None = None
    categories: list | None = None  # service codes it may post to; None: all


@when_named
class Team:
    """A street crew, as data: crew members and assignments name it by id."""
    id: str
    name: str
    created_at: datetime
    retired: bool = False  # kept for history and old assignments; nothing new is assigned to it
    retired_at: datetime | None = None
    version: int | None = None


@when_named
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
    reason: str | None = None  # a reading's: why the officer opened the person's data (handlers/shared/reading.py)
    council: str | None = None  # the council it was done for (auth/grants.py acting_as)
    granted_by: str | None = None  # the council whose grant its maker held, when another (a shared team)


@when_named
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


@when_named
class DueRule:
    """How many working days a category's reports get (by priority, where it varies)."""
    service_code: str
    working_days: int
    by_priority: dict = field(default_factory=dict)  # priority -> working days
    basis: str | None = None  # why, as people read it beside the date: "20 working days under the ... Act 2002"
    source: str | None = None  # where the rule is written: the legislation's or ombudsman's text, and its address
    # False where the law's working day skips bank holidays only, not a council's local ones (FOISA s.73).
    counts_local_holidays: bool = True


@when_named
class ReportWrite:
    """One report's part of a staff change: the report and what goes with it."""
    report: Report
    audit: AuditEntry
    entry: TimelineEntry | None = None  # public changes only
    event: Event | None = None  # who must hear of it (public changes only)
    inbox: bool = True  # False: nothing its inbox rows show changed (an original's list of duplicates)
    jobs: list = field(default_factory=list)  # crew Jobs the change makes, moves or ends, in its transaction
    notices: list = field(default_factory=list)  # Events telling crews of those jobs
