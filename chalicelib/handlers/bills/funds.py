"""Funds as data: what a council takes payments for, read from a JSON file the
council keeps (this package's funds.json for the demo council, or the file
DOORSTEP_FUNDS_FILE names), checked once per process and cached.

A fund: id, name, hint, its reference (label, pattern, check-digit scheme
from schemes.py, the rule in the council's words, an example), the least and
most that may be paid (pence), `fixed_by` (the issuing system's address for
the amount due now, or null: the payer types it), `linked` (a resident's
linked account may offer amounts: "council_tax"), its finance fund code and
where payments are posted (`revenues`, or a signed `webhook` to a URL).
"${BILL_OFFICE}" in an address is DOORSTEP_BILL_OFFICE_URL (docs/decisions/).

The file's `services` are funds paid through a service's own screens (a
container ordered, a hall hired), never by reference: each names the payments'
purpose it takes, and finance's day (cash file, reconciliation, postings)
treats its payments as a bill fund's.
"""
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from .schemes import SCHEMES

DEMO = Path(__file__).with_name("funds.json")
ID_PATTERN = "^[a-z0-9-]{2,40}$"
POSTING_METHODS = ("revenues", "webhook")
_cache = {}


@dataclass(frozen=True)
class Fund:
    id: str
    name: str
    hint: str
    fund_code: str
    label: str
    pattern: str
    check: str
    rule: str
    example: str
    least: int
    most: int
    fixed_by: str | None
    linked: str | None
    posting: dict

    def view(self):
        return {"id": self.id, "name": self.name, "hint": self.hint, "reference_label": self.label,
                "reference_rule": self.rule, "reference_example": self.example, "reference_pattern": self.pattern,
                "least": self.least, "most": self.most, "amount_fixed": self.fixed_by is not None}


@dataclass(frozen=True)
class ServiceFund:
    id: str
    name: str
    fund_code: str
    purpose: str
    posting: dict


class FundsInvalid(ValueError):
    """The funds file breaks a rule: each problem with the fund it is in."""


def parse(data):
    """[Fund] from the file's data; FundsInvalid naming every problem."""
    problems, funds = [], []
    for i, raw in enumerate((data or {}).get("funds") or []):
        where = f"funds[{i}]"
        try:
            ref, amount = raw["reference"], raw["amount"]
            fund = Fund(id=raw["id"], name=raw["name"], hint=raw["hint"], fund_code=raw["fund_code"],
                        label=ref["label"], pattern=ref["pattern"], check=ref["check"], rule=ref["rule"],
                        example=ref["example"], least=amount["least"], most=amount["most"],
                        fixed_by=amount.get("fixed_by"), linked=raw.get("linked"), posting=raw["posting"])
        except (KeyError, TypeError) as e:
            problems.append(f"{where}: missing {e}")
            continue
        problems += [f"{where} ({fund.id}): {p}" for p in _problems(fund)]
        funds.append(fund)
    if not funds:
        problems.append("no funds")
    if len({f.id for f in funds}) != len(funds):
        problems.append("two funds share an id")
    if problems:
        raise FundsInvalid("; ".join(problems))
    return funds


def _problems(fund):
    from .references import normalised, well_formed
    out = []
    if not re.fullmatch(ID_PATTERN, fund.id):
        out.append("id is 2-40 of a-z, 0-9 and -")
    if fund.check not in SCHEMES:
        out.append(f"check is one of {sorted(SCHEMES)}")
    elif not well_formed(fund, normalised(fund.example)):
        out.append("its example fails its own pattern or check digit")
    if not all(isinstance(n, int) and not isinstance(n, bool) for n in (fund.least, fund.most)) \
            or not 1 <= fund.least <= fund.most <= 10_000_000:
        out.append("least and most are whole pence, 1 <= least <= most <= 10,000,000")
    if fund.posting.get("method") not in POSTING_METHODS:
        out.append(f"posting.method is one of {POSTING_METHODS}")
    if fund.posting.get("method") == "webhook" and not fund.posting.get("url"):
        out.append("a webhook posting needs its url")
    return out


def parse_services(data):
    """[ServiceFund] from the file's `services`; FundsInvalid naming every problem."""
    problems, found = [], []
    for i, raw in enumerate((data or {}).get("services") or []):
        try:
            chosen = ServiceFund(id=raw["id"], name=raw["name"], fund_code=raw["fund_code"], purpose=raw["purpose"],
                                 posting=raw["posting"])
        except (KeyError, TypeError) as e:
            problems.append(f"services[{i}]: missing {e}")
            continue
        if not re.fullmatch(ID_PATTERN, chosen.id) or chosen.posting.get("method") not in POSTING_METHODS:
            problems.append(f"services[{i}] ({chosen.id}): id is 2-40 of a-z, 0-9 and -; posting.method one of "
                            f"{POSTING_METHODS}")
        found.append(chosen)
    if len({f.purpose for f in found}) != len(found) or "bill" in {f.purpose for f in found}:
        problems.append("two services share a purpose, or one takes bills'")
    if problems:
        raise FundsInvalid("; ".join(problems))
    return found


def _read():
    path = os.environ.get("DOORSTEP_FUNDS_FILE") or str(DEMO)
    if path not in _cache:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        funds, services = parse(data), parse_services(data)
        if {f.id for f in funds} & {f.id for f in services}:
            raise FundsInvalid("a service shares an id with a fund")
        _cache[path] = funds, services
    return _cache[path]


def all_funds():
    """The council's funds paid by reference, in its order (read once per process)."""
    return _read()[0]


def ledger_funds():
    """Every fund finance's day covers: the funds paid by reference, then the services'."""
    return [*_read()[0], *_read()[1]]


def fund_of_payment(purpose, subject):
    """The fund id a payment (or its ledger row, or the provider's metadata) belongs to, or None:
    a bill's from its subject `{fund}.{bill id}`, a service's from its purpose."""
    if purpose == "bill":
        return (subject or "").partition(".")[0]
    return next((f.id for f in _read()[1] if f.purpose == purpose), None)


def fund(fund_id):
    return next((f for f in all_funds() if f.id == fund_id), None)


def ledger_fund(fund_id):
    """A fund paid by reference or a service's: finance's day and postings name either."""
    return next((f for f in ledger_funds() if f.id == fund_id), None)


def address(template, **values):
    """A fund's address with ${BILL_OFFICE} (the council's bill office) and {reference} filled in."""
    base = (office().get("url") or "").rstrip("/")
    filled = template.replace("${BILL_OFFICE}", base)
    for name, value in values.items():
        filled = filled.replace("{" + name + "}", value)
    return filled


def office():
    """The bill office of the council the work is for (its settings' `back_offices.bill_office`,
    its secret resolved; the default council's DOORSTEP_BILL_OFFICE_URL and _SECRET), or {}."""
    from ...councils.backoffices import of_current
    return of_current("bill_office") or {}
