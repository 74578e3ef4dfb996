"""The Revenues port's second kind of party: a landlord paid housing benefit
for its tenants (DESIGN.md, "Back offices").

A resident is a person on the back office (`Revenues.session(person_ref)`);
a landlord is a creditor (`Landlords.landlord_session(creditor_ref)`), and a
landlord's session answers only for the claims paid to it. What it answers
is what a "person affected" may see: payments made to the landlord and
overpayments recovered from it. So these types carry the tenant's name and
the address paid for, and nothing of the claimant's other benefits, income
or household: an adapter has nowhere to put them. Plain values as port.py's:
integer pence, ISO dates.
"""
from calendar import monthrange
from dataclasses import dataclass
from datetime import date
from typing import Protocol

CHANGES = ("tenant_left", "tenant_away", "new_occupiers")


@dataclass(frozen=True)
class LandlordForChecks:
    """What registering compares, read from the back office and never shown."""
    creditor_ref: str
    name: str  # the organisation as the council pays it
    bank_last4: str  # the last 4 digits of the account payments go to
    tenant_surname: str = ""  # the surname on the claim reference given, when that claim is paid to this landlord


@dataclass(frozen=True)
class Overpayment:
    amount: int  # pence recovered from the landlord
    recovered_on: str
    dispute_by: str  # one calendar month after recovered_on (dispute_by())


@dataclass(frozen=True)
class PaymentLine:
    claim_ref: str
    tenant: str  # the tenant's name as the schedule prints it
    address: str
    postcode: str
    period_start: str
    period_end: str
    amount: int  # pence paid for the period
    recovered: int = 0  # pence of an overpayment taken back from this payment


@dataclass(frozen=True)
class PaymentRun:
    run_ref: str
    paid_on: str
    total: int  # pence paid in the run (net of recoveries)
    line_count: int
    lines: tuple = ()  # PaymentLines: empty in the list of runs, filled for one run


@dataclass(frozen=True)
class PaidClaim:
    claim_ref: str
    tenant: str
    address: str
    postcode: str
    status: str  # "live" or "suspended"
    suspended_reason: str = ""
    weekly: int = 0  # pence a week paid to the landlord
    next_payment_date: str | None = None
    next_payment_amount: int | None = None
    overpayments: tuple = ()  # Overpayments recovered from the landlord


class LandlordSession(Protocol):
    """One back-office session for one landlord (context manager)."""

    def runs(self) -> list: ...  # PaymentRuns, newest first, without lines
    def run(self, run_ref: str) -> PaymentRun: ...  # one run with every line
    def claims(self) -> list: ...  # every PaidClaim paid to the landlord

    def report_change(self, claim_ref: str, change: str, details: dict, key: str) -> str:
        """The back office's reference for a change reported on a claim paid to
        the landlord (change: one of CHANGES; details: date, forwarding_address).
        `key` is ours: sent again, the back office answers the same reference."""


class Landlords(Protocol):
    calls: int

    def check_landlord(self, creditor_ref: str, claim_ref: str = "") -> LandlordForChecks | None:
        """The landlord's registering facts, or None when there is no such
        creditor. The same calls whether or not it exists."""

    def landlord_session(self, creditor_ref: str) -> LandlordSession:
        """Entering it raises BackOfficeError (refused) for an unknown creditor."""


def dispute_by(recovered_on):
    """One calendar month after `recovered_on` (ISO), the last day of a shorter
    month standing for a day it lacks: 31 January -> 28 (or 29) February."""
    day = date.fromisoformat(recovered_on)
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return date(year, month, min(day.day, monthrange(year, month)[1])).isoformat()
