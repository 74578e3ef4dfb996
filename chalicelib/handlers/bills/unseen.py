"""Payments Doorstep took for an account that its back office does not show yet.

A payment is posted to the back office through a queue (posting.py), and a
linked account's view is the back office's copy, read again every few
minutes: between the two, a copy read after the payment still shows the
instalment unpaid. Until a payment appears among the account's transactions,
the offers count it as paid (offers.py), so nobody is invited to pay twice.

A transaction shows a payment when it carries the payment's id (the posting's
key, which Civica keeps as the payment's reference: `PayRef`). A back office
that keeps no reference shows it by amount, on or after the day paid, by card
(a Direct Debit of the same amount is not it); each transaction shows one
payment at most."""
from datetime import datetime

from ...stamps import TIMEZONE, london_today, parse, stamp

RECENT_BILLS = 10  # an account's newest bills this year: more unposted at once is a back office down for days


def since_year_start(year):
    """The stamp the account's bills are read from: its transactions are the year's."""
    from zoneinfo import ZoneInfo
    return stamp(datetime(year, 4, 1, tzinfo=ZoneInfo(TIMEZONE)))


def not_shown(bills, transactions):
    """The successful bills among `bills` that `transactions` (the view's
    payments: date, amount, method, reference) do not show, oldest first."""
    shown = {t["reference"] for t in transactions if t.get("reference")}
    by_amount = [t for t in transactions if not t.get("reference") and t.get("method") != "DD"]
    left = []
    for bill in sorted((b for b in bills if b.get("status") == "success"), key=lambda b: b["created_at"]):
        if bill.get("payment_id") in shown:
            continue
        day = paid_on(bill)
        match = next((t for t in by_amount if t["amount"] == bill["amount"] and (t.get("date") or "") >= day), None)
        if match is not None:
            by_amount.remove(match)
            continue
        left.append(bill)
    return left


def paid_on(bill):
    """The London day a bill was paid."""
    return london_today(parse(bill["created_at"])).isoformat()
