"""Finance's day, per fund: the cash file a cash-receipting system imports
(CSV: fund code, reference, amount in pence, date, payment id, card type),
and the reconciliation of what the provider settled, what was posted to the
fund's back office and what the file holds, with every difference flagged.

The file is the payments ledger's day (money Doorstep learnt had moved, one
Query) for the fund's payments (a bill fund's bills; a service fund's, such as
containers ordered or halls hired, its purpose's: funds.py); postings are the bills table's day (one
Query); the provider's side is its search of payments that succeeded, made
that London day. A payment made just before midnight and settled after it is
in the provider's and the postings' day and the next day's file: flagged, as
finance must see it."""
import csv
import io
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from ...errors import NotFound, ValidationFailed
from ..payments.core import provider
from . import wording
from .funds import fund_of_payment, ledger_fund, ledger_funds

COLUMNS = ("fund_code", "reference", "amount_pence", "date", "payment_id", "card_type")
LONDON = ZoneInfo("Europe/London")


def _day(value):
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ValidationFailed([("date", wording.DAY)]) from None


def _fund_of(row):
    return fund_of_payment(row.get("purpose"), row.get("subject"))


def file_rows(deps, fund_id, day):
    """The fund's payments on the day's ledger, oldest first."""
    return [{"fund_code": None, "reference": r["reference"], "amount_pence": r["amount"], "date": day,
             "payment_id": r["payment_id"], "card_type": r.get("card_brand") or ""}
            for r in deps.payments.ledger_day(day)
            if r["kind"] == "payment" and _fund_of(r) == fund_id]


def cash_file(deps, query):
    """GET /v1/staff/pay/cash-file.csv?fund=&date=: (file name, CSV text)."""
    chosen = ledger_fund(query.get("fund"))
    if chosen is None:
        raise NotFound(wording.NO_SUCH_FUND, code="fund_not_found")
    day = _day(query.get("date")).isoformat()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in file_rows(deps, chosen.id, day):
        writer.writerow([chosen.fund_code, row["reference"], row["amount_pence"], day, row["payment_id"],
                         row["card_type"]])
    return f"cash-{chosen.fund_code}-{day}.csv", out.getvalue()


def _provider_day(deps, day):
    """{doorstep payment id: (fund, amount)} of the funds' payments the provider says succeeded, made that London day."""
    start = datetime.combine(day, time(0), LONDON).astimezone(timezone.utc)
    end = datetime.combine(day + timedelta(days=1), time(0), LONDON).astimezone(timezone.utc)
    stamp = "%Y-%m-%dT%H:%M:%SZ"
    found = provider(deps).succeeded_between(start.strftime(stamp), end.strftime(stamp))
    funds = {p.metadata.get("doorstep_payment"): (_fund_of(p.metadata), p.amount) for p in found}
    return {pid: side for pid, side in funds.items() if side[0] is not None}


def reconciliation(deps, query):
    """GET /v1/staff/pay/reconciliation?date=: per fund, the three totals and every difference."""
    from ...errors import ServiceUnavailable
    from ..payments.provider import ProviderError
    on = _day(query.get("date"))
    day = on.isoformat()
    try:
        settled = _provider_day(deps, on)
    except (ServiceUnavailable, ProviderError):
        settled = None  # the provider cannot say now: posted against the file alone, and said so
    posted = {r["payment_id"]: (r["fund"], r["amount"]) for r in deps.bills.postings(day) if r["kind"] == "payment"}
    filed = {r["payment_id"]: (_fund_of(r), r["amount"]) for r in deps.payments.ledger_day(day)
             if r["kind"] == "payment" and _fund_of(r) is not None}
    funds = []
    for chosen in ledger_funds():
        sides = {name: {pid: amount for pid, (fund_id, amount) in side.items() if fund_id == chosen.id}
                 for name, side in (("settled", settled), ("posted", posted), ("file", filed)) if side is not None}
        differences = [{"payment_id": pid, **{name: side.get(pid) for name, side in sides.items()}}
                       for pid in sorted(set().union(*sides.values()))
                       if len({side.get(pid) for side in sides.values()}) > 1]
        funds.append({"fund": chosen.id, "fund_code": chosen.fund_code, "name": chosen.name,
                      "settled_total": None, "settled_count": None,
                      **{f"{name}_total": sum(side.values()) for name, side in sides.items()},
                      **{f"{name}_count": len(side) for name, side in sides.items()},
                      "differences": differences})
    return {"date": day, "provider_reached": settled is not None, "funds": funds,
            "differences": sum(len(f["differences"]) for f in funds)}
