"""Alerts, their index rows and broadcasts.

storage/records.py says what these values are and loads this module when one is named."""
from __future__ import annotations  # the annotations are for readers: nothing evaluates them

from dataclasses import field
from datetime import datetime  # noqa: F401  (named in annotations)

from ..record_class import when_named


@when_named
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
    # Its owner stopped the council meeting notices it brought by their one-tap link; its own news carries on.
    meeting_notices_stopped: bool | None = None

    @property
    def confirmed(self):
        return not self.pending


@when_named
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
    # A meetings interest row (alerts/targets.interest_key): how the resident came to
    # follow the report, "reported" or "supported"; None: they followed it.
    why: str | None = None


@when_named
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
