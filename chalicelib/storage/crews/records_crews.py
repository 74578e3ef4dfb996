"""Street crews' jobs and the questionnaires that ask whether it was fixed.

storage/records.py says what these values are and loads this module when one is named."""
from __future__ import annotations  # the annotations are for readers: nothing evaluates them

from dataclasses import field
from datetime import datetime  # noqa: F401  (named in annotations)

from ..record_class import when_named


JOB_OPEN = ("assigned", "accepted", "en_route", "on_site")  # a job a crew still has to do


@when_named
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


@when_named
class Questionnaire:
    """"Has it been fixed?", asked once of a report's reporter some days after it was closed."""
    report_id: str
    closed_at: datetime
    closed_state: str  # fixed or closed
    status: str = "waiting"  # waiting, sending, sent, answered, unreachable
    due_at: datetime | None = None
    token_hash: str | None = None
    earlier_hashes: list = field(default_factory=list)  # the links of sends a dead sender may have made: still open
    sent_at: datetime | None = None
    channels: list = field(default_factory=list)  # e.g. ["email"]: how it was asked, never the address
    answer: dict | None = None  # {fixed, rating, comment, answered_at, reopened}
