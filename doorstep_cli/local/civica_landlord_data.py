"""The local back office's demo landlords: FICTIONAL organisations, tenants
and claims, generated the same way every time (no randomness).

- CR100200, Ouse Valley Housing Association: paid direct for 2,000 claims
  (supported and temporary housing, as most landlords still paid HB are),
  bank account ending 4821. Every 50th claim is suspended, every 97th has an
  overpayment recovered from its latest payment.
- CR100301, Mr Piotr Gill: a small landlord with 3 claims, bank ending 0937.

Housing benefit is paid four-weekly in arrears: runs fall every 28 days from
RUN_ANCHOR (a Monday), each paying the 28 days before it.
"""
from datetime import date, timedelta
from functools import lru_cache

RUN_ANCHOR = date(2026, 1, 5)
RUN_DAYS = 28
RUNS_KEPT = 6
ASSOCIATION, SMALL = "CR100200", "CR100301"

LANDLORDS = {
    ASSOCIATION: {"name": "Ouse Valley Housing Association", "bank_last4": "4821", "claims": 2000, "first": 50001},
    SMALL: {"name": "Mr Piotr Gill", "bank_last4": "0937", "claims": 3, "first": 70001},
}

FORENAMES = ("Alex", "Bea", "Chris", "Dana", "Eli", "Fran", "Gus", "Hana", "Ian", "Jade", "Kit", "Lou", "Max",
             "Nia", "Owen", "Pat", "Quinn", "Rae", "Sol", "Tia", "Uma", "Vic", "Wyn", "Zac")
SURNAMES = ("Ahmed", "Barker", "Clarke", "Dawson", "Ellis", "Fletcher", "Green", "Hughes", "Iqbal", "Jones",
            "Khan", "Lister", "Moss", "Novak", "Oakes", "Price", "Quarry", "Rowntree", "Singh", "Terry", "Umpleby",
            "Vickers", "Walsh", "Young")
STREETS = (("Fishergate", "YO10 4AA"), ("Heworth Green", "YO31 7TQ"), ("Tang Hall Lane", "YO31 0RL"),
           ("Lawrence Street", "YO10 3BP"), ("Holgate Road", "YO24 4AB"), ("Burton Stone Lane", "YO30 6BX"),
           ("Bishopthorpe Road", "YO23 1NA"), ("Huntington Road", "YO31 8RL"))
SUSPENDED_REASONS = ("Tenant reported away from home", "Awaiting evidence of rent", "Change of circumstances review")


@lru_cache(maxsize=4)
def claims_of(creditor_ref):
    """Every claim paid to the landlord, in claim reference order."""
    landlord = LANDLORDS[creditor_ref]
    claims = []
    for i in range(landlord["claims"]):
        street, postcode = STREETS[(i // 7) % len(STREETS)]
        suspended = creditor_ref == ASSOCIATION and i % 50 == 49
        claims.append({
            "claim_ref": f"HB{landlord['first'] + i}",
            "tenant": f"{FORENAMES[i % len(FORENAMES)]} {SURNAMES[(i * 7 + i // 24) % len(SURNAMES)]}",
            "address": f"Flat {i % 12 + 1}, {100 + i // 12} {street}, York",
            "postcode": postcode,
            "weekly": 8_000 + (i * 137) % 9_000,
            "suspended": SUSPENDED_REASONS[(i // 50) % len(SUSPENDED_REASONS)] if suspended else "",
            "recovered": 2_500 + (i % 5) * 500 if creditor_ref == ASSOCIATION and i % 97 == 96 else 0,
        })
    return tuple(claims)


def claim_of(creditor_ref, claim_ref):
    """The claim paid to this landlord, or None (another landlord's is None too)."""
    for claim in claims_of(creditor_ref) if creditor_ref in LANDLORDS else ():
        if claim["claim_ref"] == claim_ref:
            return claim
    return None


def run_dates(today):
    """The runs paid by `today`, newest first, and the next run's date."""
    runs_so_far = (today - RUN_ANCHOR).days // RUN_DAYS
    dates = [RUN_ANCHOR + timedelta(days=RUN_DAYS * n) for n in range(runs_so_far, -1, -1)]
    return dates[:RUNS_KEPT], RUN_ANCHOR + timedelta(days=RUN_DAYS * (runs_so_far + 1))


def lines_of(creditor_ref, paid_on, latest):
    """A run's lines: a suspended claim is not paid; recoveries come from the latest run."""
    lines = []
    for claim in claims_of(creditor_ref):
        if claim["suspended"] and latest:
            continue
        lines.append({**claim, "from": paid_on - timedelta(days=RUN_DAYS), "to": paid_on - timedelta(days=1),
                      "amount": claim["weekly"] * 4, "taken": claim["recovered"] if latest else 0})
    return lines


def run_ref(creditor_ref, paid_on):
    return f"PR{creditor_ref[2:]}{paid_on:%Y%m%d}"
