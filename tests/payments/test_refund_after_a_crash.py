"""A refund the provider made just before the process died (its answer never
recorded) is found on the retry, by its refund id: the payment and the ledger
carry it once, and the retry tells its real amount, not £0.00."""
from chalicelib.handlers.payments import core
from chalicelib.handlers.payments import in_full
from support.pay_support import pay  # noqa: F401
from tests.payments.test_staff_payments import paid_booking


def test_a_refund_made_before_a_crash_is_recorded_once_by_the_retry_with_its_amount(client, deps, people, pay):
    from chalicelib.stamps import london_today
    made, _ = paid_booking(client, deps, people)
    payment = deps.payments.get(made["payment"]["id"])
    chosen = core.provider(deps)
    lost = chosen.refund(payment.provider_id, 3500, 3500)  # made; the process died before recording it
    retried = in_full.refund_in_full(deps, payment.id, by=f"booking {made['id']}")
    again = in_full.refund_in_full(deps, payment.id, by=f"booking {made['id']}")
    assert (retried["refund_id"], retried["amount"]) == (lost.refund_id, 3500)
    assert again is None  # nothing new at the provider, nothing recorded twice
    kept = deps.payments.get(payment.id)
    assert ([r["refund_id"] for r in kept.refunds], kept.refunded) == ([lost.refund_id], 3500)
    day = deps.payments.ledger_day(london_today(deps.clock()).isoformat())
    assert [r["amount"] for r in day if r["kind"] == "refund"] == [-3500]
    assert [r["amount"] for r in pay.payments[payment.provider_id]["refunds"]] == [3500]


def test_a_partial_refund_made_before_a_crash_is_recorded_and_the_rest_refunded(client, deps, people, pay):
    made, _ = paid_booking(client, deps, people)
    payment = deps.payments.get(made["payment"]["id"])
    lost = core.provider(deps).refund(payment.provider_id, 1000, 3500)
    got = in_full.refund_in_full(deps, payment.id, by="doorstep")
    kept = deps.payments.get(payment.id)
    assert (got["refund_id"], got["amount"]) == (lost.refund_id, 3500)
    assert (sorted(r["amount"] for r in kept.refunds), kept.refunded) == ([1000, 2500], 3500)
    assert sorted(r["amount"] for r in pay.payments[payment.provider_id]["refunds"]) == [1000, 2500]
