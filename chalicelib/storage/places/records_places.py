"""Addresses, bin rounds and facilities.

storage/records.py says what these values are and loads this module when one is named."""
from __future__ import annotations  # the annotations are for readers: nothing evaluates them

from dataclasses import field
from datetime import datetime  # noqa: F401  (named in annotations)

from ..record_class import when_named


@when_named
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


@when_named
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
        from ...bindays import CANCELLED, Round, parse_date
        exceptions = {parse_date(k): (None if v == CANCELLED else parse_date(v))
                      for k, v in (self.exceptions or {}).items()}
        return Round(self.id, self.stream, int(self.weekday), int(self.every_weeks), parse_date(self.start),
                     exceptions, parse_date(self.end) if self.end else None)


@when_named
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
