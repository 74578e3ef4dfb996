"""The Scheduler port: what Doorstep asks of the contractor's scheduler for a
repair, in plain values (aware datetimes, London time for the halves of a day).

One adapter per vendor protocol speaks it (drs/: DRS's SOAP, as Housing Repairs
Online's scheduling API speaks it). An order is ours first: its reference is
the repair's, sent as DRS's primaryOrderNumber, so an order created once can be
found again (`order`) after a crash between asking and recording the answer.
"""
from dataclasses import dataclass, field
from datetime import datetime, time
from typing import Protocol
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
# The halves of a working day a tenant chooses from (Housing Repairs Online's
# 08:00-12:00 and 12:00-16:00); a scheduler's other windows are not offered.
HALVES = {"AM": (time(8), time(12)), "PM": (time(12), time(16))}


class SchedulerError(Exception):
    """The scheduler could not answer usefully. `kind` says how: unreachable
    (refused, reset, timed out, a 5xx), malformed (not the SOAP it should be,
    or an answer about another order than the one asked for), refused (it
    answered status error: a slot gone, an order unknown), fault (a SOAP fault:
    the call failed inside the scheduler, which may or may not have carried it
    out: nothing about the order can be read from it). `detail`: its words."""

    def __init__(self, kind, detail=""):
        super().__init__(f"{kind}: {detail}" if detail else kind)
        self.kind, self.detail = kind, detail


@dataclass(frozen=True)
class Order:
    """A repair as the scheduler plans it: `reference` is ours (the repair's),
    `location` the home's id in the scheduler (a shared part's: its block's), `code` the repair's code (a
    council's Schedule of Rates code: opaque configuration), `priority` the
    scheduler's own word for it."""
    reference: str
    location: str
    code: str
    priority: str
    quantity: int = 1
    comments: str = ""
    target: datetime | None = None  # when the repair is due (its priority's clock), told to the scheduler


@dataclass(frozen=True)
class Slot:
    start: datetime  # aware
    end: datetime
    free: bool = field(default=True, compare=False)  # the scheduler has a place in it (a slot is its times)

    @property
    def day(self):
        return self.start.astimezone(LONDON).date()

    @property
    def half(self):
        """"AM", "PM" or None for a window that is neither."""
        local = (self.start.astimezone(LONDON).time(), self.end.astimezone(LONDON).time())
        return next((name for name, window in HALVES.items() if window == local), None)

    @classmethod
    def of(cls, day, half):
        begin, end = HALVES[half]
        return cls(datetime.combine(day, begin, LONDON), datetime.combine(day, end, LONDON))


@dataclass(frozen=True)
class Booking:
    """An order the scheduler holds: its booking and, once scheduled, its slot."""
    reference: str
    booking_id: str
    slot: Slot | None = None
    status: str = ""  # the scheduler's own (PLANNED, ...)


class Scheduler(Protocol):
    calls: int  # requests made to the scheduler by this instance (its cost, reported)

    def slots(self, order: Order, first_day, days: int, full_too=False) -> list:
        """The AM and PM Slots free for the order from `first_day` (a date) for
        `days` calendar days, in time order; `full_too`: the full ones as well
        (`free` False), as the scheduler lists them."""

    def create(self, order: Order) -> str:
        """The booking id of a new order (not yet in any slot)."""

    def order(self, reference: str) -> Booking | None:
        """The order the scheduler holds under our reference, or None."""

    def book(self, reference: str, booking_id: str, slot: Slot) -> None:
        """Puts the booking in the slot; SchedulerError refused when it is full."""

    def move(self, reference: str, booking_id: str, slot: Slot) -> None:
        """The booking into another slot, its old place given back; refused when the new one is full."""

    def cancel(self, order: Order) -> None:
        """The order withdrawn and its slot given back."""
