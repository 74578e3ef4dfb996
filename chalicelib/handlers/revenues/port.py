"""The Revenues port: what Doorstep asks of a council's revenues and benefits
back office, in plain values (integer pence, ISO dates).

One adapter per vendor protocol speaks it (civica/: Civica OpenRevenues'
`docid` XML). A back office works in sessions whose calls depend on their
order (Civica's "current account"), so the port hands out a session for one
person and the adapter keeps that order inside it: a view is one session.
"""
from dataclasses import dataclass, field
from typing import Protocol


class BackOfficeError(Exception):
    """The back office could not answer usefully. `kind` says how: unreachable
    (refused, reset, timed out, or a 5xx/maintenance page), malformed (not the
    XML it should be), refused (it answered with an error code)."""

    def __init__(self, kind, detail="", code=None):
        super().__init__(f"{kind}: {detail}" if detail else kind)
        self.kind, self.code = kind, code


@dataclass(frozen=True)
class LiablePerson:
    """One person liable on an account: each jointly liable person links alone."""
    person_ref: str
    name_on_bill: str  # as the bill prints it, e.g. "Mrs Ann Hartley"
    phone: str = ""  # the number the council holds (linking compares its last 3 digits)


@dataclass(frozen=True)
class AccountForChecks:
    """What linking compares, read from the back office and never shown."""
    reference: str
    people: tuple  # (LiablePerson, ...)
    online_key: str = ""
    postcode: str = ""
    dd_account: str = ""  # the Direct Debit account number ("" when not paying by DD)


@dataclass(frozen=True)
class Instalment:
    due: str  # YYYY-MM-DD
    amount: int  # pence
    direct_debit: bool = False


@dataclass(frozen=True)
class Transaction:
    date: str
    amount: int  # pence; payments and credits negative, charges positive
    kind: str  # the back office's own: Payments, Charge, Discount, Benefit...
    method: str = ""  # how it was paid (DD, card...)
    reference: str = ""  # the payer's reference kept with a payment (ours: the posting's key), where given
    charge_type: str = ""  # what a charge or discount is for, in the back office's words (Council Tax, Water...)


@dataclass(frozen=True)
class Document:
    id: str
    name: str
    kind: str  # the back office's type (bill, letter...)
    created: str
    account_ref: str = ""
    module: str = ""  # C: council tax, H: benefits


@dataclass(frozen=True)
class Property:
    place_ref: str
    address: str
    postcode: str
    band: str | None  # None: not banded yet (a new build)
    status: str = ""


@dataclass(frozen=True)
class Summary:
    reference: str
    balance: int  # pence owed now (negative: in credit)
    closed: bool
    payment_method: str
    direct_debit: bool
    year: int
    year_charge: int = 0
    year_paid: int = 0
    year_benefits: int = 0
    year_outstanding: int = 0
    arrears: int = 0  # instalments missed this year
    next_due: str | None = None
    next_amount: int | None = None
    stage: str | None = None  # recovery stage (reminder, summons...)
    discounts: tuple = ()  # names of discounts and exemptions on the account


@dataclass(frozen=True)
class BenefitPayment:
    paid: str
    amount: int
    period_start: str
    period_end: str
    payee: str = ""
    kind: str = ""  # "housing" (HB) or "council_tax" (CTR)


@dataclass(frozen=True)
class BenefitClaim:
    number: str
    place_ref: str
    status: str
    kind: str = ""
    address: str = ""
    next_payment_date: str | None = None
    next_payment_amount: int | None = None
    weekly: dict = field(default_factory=dict)  # {"council_tax": pence, "rent": pence}


@dataclass(frozen=True)
class RentAccount:
    """A council tenancy's rent account, where the back office holds one."""
    reference: str
    address: str
    balance: int  # pence owed now (negative: in credit)
    weekly_charge: int  # pence a week
    status: str = ""  # the back office's (Current, Former...)


@dataclass(frozen=True)
class MoveAnswer:
    """What the back office says of a move request it took: the old account's
    last day charged is the day before `closing_from` (the move date), and the
    new home's account once it has opened one (None until then)."""
    reference: str
    closing_from: str | None = None  # YYYY-MM-DD; None: nothing closes (moving in)
    new_account_ref: str | None = None


@dataclass(frozen=True)
class Premises:
    """Non-domestic premises the back office rates (its business rates module)."""
    place_ref: str
    rateable_value: int  # whole pounds, as the rating list has it
    description: str = ""  # the list's words ("Cafe and premises")
    occupied: bool = False


class RevenuesSession(Protocol):
    """One back-office session for one person (context manager)."""

    def summary(self, account_ref: str, year: int) -> Summary: ...
    def liable(self, account_ref: str, year: int) -> tuple: ...  # LiablePersons (staff's lookup)
    def instalments(self, account_ref: str, year: int) -> list: ...
    def transactions(self, account_ref: str, year: int) -> list: ...
    def documents(self) -> list: ...
    def document_pdf(self, account_ref: str, document_id: str, year: int) -> bytes: ...
    def properties(self, account_ref: str, year: int) -> list: ...
    def benefit_claims(self) -> list: ...
    def benefit_claim(self, number: str, place_ref: str) -> BenefitClaim: ...
    def benefit_payments(self, kind: str) -> list: ...
    def rent_accounts(self) -> list: ...  # the person's RentAccounts (none: not a council tenant)
    def rent_transactions(self, reference: str, year: int) -> list: ...  # Transactions, rent positive


class Revenues(Protocol):
    calls: int  # requests made to the back office by this instance (its cost, reported)

    def available(self) -> None:
        """Raises BackOfficeError unless the back office answers now (staff's health view)."""

    def check_account(self, reference: str) -> AccountForChecks | None:
        """The account's linking facts, or None when there is no such account.
        Does the same calls whether or not it exists (linking's equal time)."""

    def session(self, person_ref: str) -> RevenuesSession: ...

    def account_session(self, reference: str) -> RevenuesSession:
        """A session on the account's lead person (staff's lookup). Entering
        it raises BackOfficeError (refused, or malformed for an odd answer)
        when the back office has no such account."""

    def post_payment(self, posting: dict) -> str:
        """The back office's reference for money taken (or given back) on an
        account: {kind: payment or reversal, account_ref, module (C, N),
        amount (pence), paid_on, key, original_key, card_brand}. `key` is
        ours: posted again, the back office answers the same reference."""

    def send_request(self, person_ref: str, account_ref: str, kind: str, details: dict, key: str) -> str:
        """The back office's own reference for a resident's request (kind:
        paperless, move, single_person_discount, instalment_day). `key` is
        ours: sent again, the back office answers the same reference."""

    def move_answer(self, person_ref: str, account_ref: str, key: str) -> MoveAnswer:
        """The back office's answer about a move request sent with `key`
        (raises BackOfficeError; refused when it holds no such request)."""

    def premises(self, uprn: str) -> Premises | None:
        """The non-domestic premises at `uprn` (None: the back office rates none there)."""

    def start_occupation(self, details: dict, key: str) -> str:
        """The back office's reference for a new ratepayer's occupation of premises from a day: {place_ref,
        starts, ratepayer: {name, kind, company_number}, trading_name}. `key` is ours: sent again, the same."""
