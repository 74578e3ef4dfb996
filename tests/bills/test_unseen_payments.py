"""Which payments taken here a back office's transactions do not show yet:
by the payment's id where the back office keeps it, else by amount on or
after the day paid, each transaction showing one payment at most."""
from chalicelib.handlers.bills.unseen import not_shown


def bill(n, amount, at="2026-11-24T10:00:00Z", status="success"):
    return {"id": f"b{n}", "payment_id": f"p{n}", "amount": amount, "created_at": at, "status": status}


def test_a_payment_is_shown_by_its_id_whatever_its_amount_or_day():
    shown = [{"date": "2026-11-23", "amount": 1, "method": "CARD", "reference": "p1"}]
    assert not_shown([bill(1, 5_000)], shown) == []


def test_without_ids_one_card_transaction_shows_one_payment_of_its_amount_paid_that_day_or_before():
    twice = [bill(1, 5_000, "2026-11-24T09:00:00Z"), bill(2, 5_000, "2026-11-24T09:05:00Z")]
    one = [{"date": "2026-11-24", "amount": 5_000, "method": "CARD"}]
    assert [b["id"] for b in not_shown(twice, one)] == ["b2"]
    earlier = [{"date": "2026-11-23", "amount": 5_000, "method": "CARD"}]  # the day before it was paid: another
    assert [b["id"] for b in not_shown(twice[:1], earlier)] == ["b1"]


def test_a_direct_debit_of_the_same_amount_is_not_the_card_payment_and_unfinished_payments_count_for_nothing():
    debit = [{"date": "2026-12-01", "amount": 22_321, "method": "DD"}]
    bills = [bill(1, 22_321), bill(2, 900, status="failed"), bill(3, 700, status=None)]
    assert [b["id"] for b in not_shown(bills, debit)] == ["b1"]
