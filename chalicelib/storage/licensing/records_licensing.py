"""Licensing's stored values (see records.py): a case (an application, or a
temporary event notice given) and a representation made about one."""
from dataclasses import field
from datetime import datetime

from ..record_class import when_named


@when_named
class LicenceCase:
    """One application or notice under one of the council's licence types.
    `law` is the regime's version it is kept under ({regime, from, source});
    `clocks` its statutory dates as computed when it was received; `seq` the
    changes made (every change names the count it read). Amounts in pence."""
    id: str
    type_id: str
    regime: str
    kind: str  # application, notice (a temporary event notice is given, not applied for)
    state: str  # draft, paying, received, hearing, granted, refused, deemed_granted, withdrawn; a notice: given, objected, counter_notice
    created_at: datetime
    updated_at: datetime
    user_id: str | None = None
    applicant: dict = field(default_factory=dict)  # {name, email, phone}: never on the register
    premises: dict = field(default_factory=dict)  # {name, address, uprn, lat, lon}
    premises_key: str | None = None  # what the TEN limits count by: the UPRN, else the address made plain
    band: str | None = None
    fee: int = 0
    payment_id: str | None = None
    payment_status: str | None = None
    answers_reference: str | None = None  # the form submission holding the answers and files (FM-...)
    received_at: datetime | None = None
    law: dict = field(default_factory=dict)
    clocks: list = field(default_factory=list)  # [{name, last_day, words, source, checked, conditional}]
    event: dict | None = None  # a notice's event: {first_day, last_day, hours, people, late, personal_licence}
    consultees: list = field(default_factory=list)  # [{id, name, due, answer, at}]
    conditions: list = field(default_factory=list)
    representations: int = 0
    decision: dict | None = None  # {outcome, reasons, by, at}
    licence: dict | None = None  # {number, from, to, state}
    refused: dict | None = None  # a notice refused when given: {code, words}
    deemed_on: str | None = None  # the day after which the law grants it undecided (Scotland's 1982 Act): YYYY-MM-DD
    renews: dict | None = None  # a renewal's licence renewed: {case, number, to}; its licence runs on from `to`
    purpose: str | None = None  # new (None: before purposes were asked), variation, renewal
    varies: str | None = None  # a variation's licence number, as the applicant gave it
    reminder: dict | None = None  # the licence's next reminder: {kind: renewal | annual_fee, due, days, on}
    documents: dict = field(default_factory=dict)  # {document id: {upload_id, name, content_type, size, at}}
    requests: list = field(default_factory=list)  # [{id, words, document, reply_by, asked_at, by, answer}]
    checks: list = field(default_factory=list)  # [{check, on, outcome, certificate, notes, by, at}]: checks.py
    check_due: dict | None = None  # the licence's next check during its term: {check, due, flagged}
    changes: list = field(default_factory=list)  # a minor variation's kinds of change (the law's list)
    annual_fee: dict = field(default_factory=dict)  # {paid: {due: {payment_id, at}}, paying: {due, payment_id, amount}, notice: {due, given, suspends_on}, owed}
    seq: int = 0


@when_named
class Representation:
    """A representation (an objection, or support) about a case. `contact` is
    the person who made it: kept for the officers and the hearing, never shown
    to the applicant or on the register; `shared` is the officer's words of it
    that the applicant reads."""
    case_id: str
    id: str
    grounds: str
    made_at: datetime
    contact: dict = field(default_factory=dict)  # {name, email, address}
    objectives: list = field(default_factory=list)
    stance: str = "objection"  # objection, support
    state: str = "received"  # received, relevant, not_relevant
    shared: str | None = None
    checked_by: str | None = None
    why: str | None = None
