"""A payment's payer (their e-mail and account) is taken off it the council's period after it finished
(the LGA's six years and the current one by default), read from the due index the finishing write puts
it on; its amount, reference, status and refunds stay as they were (finance's figures stay true). Its
clock runs from its first finishing, not from a later read of its state; an anonymised one stays off
the sweep; a killed run is finished exactly; York's are not York North's."""
from datetime import timedelta

import pytest

from support.retention_support import Killed, die_at, paid, sweep_at, utc, york_keeping, york_north

NOW = utc(2026, 6, 15, 3, 45)


def _as_paid(payment):
    return (payment.amount, payment.reference, payment.status, payment.refunded, payment.refunds)


def test_the_payer_goes_and_the_money_stays_true_the_councils_period_after_it_was_paid(deps):
    york_keeping(deps, payments=12)
    pid = paid(deps, utc(2025, 3, 1, 9), utc(2025, 3, 1, 9, 5))
    before = _as_paid(deps.payments.get(pid))
    assert sweep_at(deps, utc(2026, 2, 28, 12)).counts["payments"] == {"anonymised": 0, "kept": 0}
    assert sweep_at(deps, NOW).counts["payments"] == {"anonymised": 1, "kept": 0}
    after = deps.payments.get(pid)
    assert (after.email, after.user_id) == (None, None) and after.retained_at == NOW
    assert _as_paid(after) == before == (2350, "BW-000123", "success", 500, before[4])


def test_the_default_is_six_years_and_the_current_one(deps):
    york_keeping(deps)
    pid = paid(deps, utc(2019, 6, 1, 9), utc(2019, 6, 15, 10))
    assert sweep_at(deps, utc(2026, 6, 14, 12)).counts["payments"]["anonymised"] == 0
    assert sweep_at(deps, utc(2026, 6, 15, 12)).counts["payments"]["anonymised"] == 1
    assert deps.payments.get(pid).email is None


def test_its_clock_runs_from_when_it_first_finished_and_a_late_read_does_not_put_it_back(deps):
    from chalicelib.storage.metering import metered
    york_keeping(deps, payments=12)
    pid = paid(deps, utc(2025, 3, 1, 9), utc(2025, 3, 1, 9, 5))
    # Checked again in May (the reconciliation, a late webhook): still paid in March.
    deps.payments.record_state(pid, "success", True, None, None, utc(2025, 5, 20, 9))
    assert sweep_at(deps, utc(2026, 3, 2, 12)).counts["payments"]["anonymised"] == 1
    deps.payments.record_state(pid, "success", True, None, None, utc(2026, 3, 3, 9))  # read after it
    assert deps.payments.due_count(utc(2030, 1, 1)) == 0
    with metered() as meter:
        assert sweep_at(deps, utc(2026, 3, 4, 12)).counts["payments"] == {"anonymised": 0, "kept": 0}
    assert meter.items <= 1


def test_an_unfinished_payment_is_kept_and_a_failed_one_goes_from_when_it_failed(deps):
    from chalicelib.storage.records import Payment
    york_keeping(deps, payments=12)
    failed = paid(deps, utc(2025, 3, 1, 9), utc(2025, 3, 1, 9, 20), status="failed")
    waiting = Payment(id="Pwaiting", purpose="bulky", subject_id="B2", amount=100, reference="BW-2",
                      description="Bulky", return_secret_hash="x", created_at=utc(2024, 1, 1),
                      updated_at=utc(2024, 1, 1), email="bea@example.org")
    deps.payments.create(waiting)
    assert sweep_at(deps, NOW).counts["payments"] == {"anonymised": 1, "kept": 0}
    assert deps.payments.get(failed).email is None and deps.payments.get("Pwaiting").email == "bea@example.org"


def test_a_month_end_payment_goes_on_the_shorter_months_last_day(deps):
    york_keeping(deps, payments=6)
    pid = paid(deps, utc(2025, 8, 31, 9), utc(2025, 8, 31, 12))
    assert sweep_at(deps, utc(2026, 2, 27, 12)).counts["payments"]["anonymised"] == 0
    assert sweep_at(deps, utc(2026, 2, 28, 12)).counts["payments"]["anonymised"] == 1
    assert deps.payments.get(pid).email is None


def test_a_dry_run_lists_and_counts_them_and_changes_nothing(deps):
    york_keeping(deps, payments=12)
    due = paid(deps, utc(2025, 3, 1, 9), utc(2025, 3, 1, 10))
    paid(deps, utc(2025, 9, 1, 9), utc(2025, 9, 1, 10))
    run = sweep_at(deps, NOW, dry=True)
    assert run.counts["payments"] == {"would_anonymise": 1}
    assert run.listed["payments"] == [{"id": due, "since": "2025-03-01T10:00:00.000000Z", "until": "2026-03-01"}]
    assert deps.payments.get(due).email == "ada@example.org"


def test_a_sweep_killed_mid_batch_is_finished_by_the_next_run(deps, monkeypatch):
    york_keeping(deps, payments=12)
    due = [paid(deps, utc(2025, 1, 10 + n, 9), utc(2025, 3, 1 + n, 10)) for n in range(5)]
    kept = paid(deps, utc(2025, 8, 1, 9), utc(2025, 8, 1, 10))
    die_at(monkeypatch, "retention.payment_anonymised", after=2)
    with pytest.raises(Killed):
        sweep_at(deps, NOW)
    assert sum(deps.payments.get(p).email is None for p in due) == 3  # the third was written, then it died
    monkeypatch.undo()
    assert sweep_at(deps, NOW).counts["payments"] == {"anonymised": 2, "kept": 0}
    assert all(deps.payments.get(p).email is None for p in due)
    assert deps.payments.get(kept).email == "ada@example.org"


def test_two_councils_whose_ids_share_a_prefix_keep_their_own_payers(deps):
    from chalicelib import tenancy
    york_keeping(deps, payments=12)
    york_north(deps)
    mine = paid(deps, utc(2025, 1, 10, 9), utc(2025, 2, 1, 10))
    with tenancy.acting_for("york-north"):
        theirs = paid(deps.for_council(), utc(2025, 1, 10, 9), utc(2025, 2, 1, 10))
        assert sweep_at(deps, NOW).counts["payments"] == {"anonymised": 0, "kept": 0}  # its default: 7 years
    assert sweep_at(deps, NOW).counts["payments"] == {"anonymised": 1, "kept": 0}
    assert deps.payments.get(mine).email is None
    with tenancy.acting_for("york-north"):
        assert deps.for_council().payments.get(theirs).email == "ada@example.org"


def test_a_second_run_a_day_later_finds_nothing(deps):
    york_keeping(deps, payments=12)
    paid(deps, utc(2025, 1, 10, 9), utc(2025, 3, 1, 10))
    assert sweep_at(deps, NOW).counts["payments"]["anonymised"] == 1
    assert sweep_at(deps, NOW + timedelta(days=1)).counts["payments"] == {"anonymised": 0, "kept": 0}


def test_a_payment_on_hold_keeps_its_payer_through_a_late_read_until_released(client, deps):
    from support.councils_support import YORK_HOST, at, put, signed_in_at
    york_keeping(deps, payments=12)
    admin = signed_in_at(deps, "york", "admin")
    pid = paid(deps, utc(2025, 1, 10, 9), utc(2025, 2, 1, 10))
    path = f"/v1/admin/retention/holds/payments/{pid}"
    assert put(client, path, {"reason": "Chargeback dispute 7781"}, at(YORK_HOST, admin)).status_code == 200
    deps.payments.record_state(pid, "success", True, None, None, utc(2025, 6, 1, 9))  # the reconciliation reads it
    assert sweep_at(deps, NOW).counts["payments"] == {"anonymised": 0, "kept": 0}
    assert deps.payments.get(pid).email == "ada@example.org"
    assert client.raw.http.delete(path, headers=at(YORK_HOST, admin)).status_code == 200
    assert sweep_at(deps, NOW).counts["payments"] == {"anonymised": 1, "kept": 0}  # from when it was paid
    again = put(client, path, {"reason": "Chargeback dispute 7781"}, at(YORK_HOST, admin))
    assert (again.status_code, again.json_body["error"]["code"]) == (409, "not_on_the_schedule")  # anonymised
