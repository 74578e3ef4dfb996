"""The backstop for a hall's refunds: a cancelled session (or a deposit
checked) whose refund its event's effect never made (the process died after
the commit, the stream's tries ran out with the provider away) is made by the
5-minute job once BACKSTOP_AFTER its change has passed, never beside the
effect's own tries, and exactly once: run twice, raced on a barrier with the
effect delivered late, or raced with itself, one refund reaches the provider."""
import time
from datetime import datetime, timedelta

import pytest

from chalicelib.handlers.hire import routes  # noqa: F401  (registers the payment hook and effects)
from chalicelib.handlers.payments import routes as payment_routes  # noqa: F401  (a finished payment's effect)
from chalicelib.handlers.waste.refund_parts import BACKSTOP_AFTER
from support.effects_support import dies_after_commit, run_stream  # noqa: F401
from support.hire_support import LONDON, NOW, at, book, pay_for, resident, tuesdays
from support.pay_support import pay  # noqa: F401
from support.racing import at_once

THREE_DAYS_BEFORE = datetime(2027, 12, 4, 18, tzinfo=LONDON)  # the 7 December evening: 50%, 1500 pence


@pytest.fixture
def cancelled_unrefunded(deps, pay, dies_after_commit):
    """Ten Tuesdays paid; the 7 December evening cancelled by a process that
    died after the commit, so nothing reached the provider: (booking, club)."""
    from chalicelib.handlers.hire.cancelling import cancel_session
    club = resident()
    made = book(at(deps, NOW, club), tuesdays(skip=["2027-12-28"]))
    pay_for(at(deps, NOW, club), made)
    dies_after_commit()
    cancel_session(at(deps, THREE_DAYS_BEFORE, club), made["id"], "2027-12-07")
    assert refunds_at_provider(deps, made) == []
    return made, club


def backstop(deps, moment):
    from chalicelib.handlers.hire.cancelling import refunds_due
    return refunds_due(at(deps, moment))


def refunds_at_provider(deps, made):
    from chalicelib.handlers.payments.core import provider
    return [r.amount for r in provider(deps).refunds(deps.payments.get(made["payment"]["id"]).provider_id)]


def refund_of(deps, made, day="2027-12-07"):
    return next(s for s in deps.hire.get(made["id"]).sessions if s["date"] == day)["refund"]


def told(deps, club, subject):
    return [m for m in deps.accounts.messages_to([club.email]) if subject in m["subject"]]


def test_a_cancellation_whose_refund_never_ran_is_refunded_once_by_the_backstop_after_the_effect_s_tries(
        deps, cancelled_unrefunded):
    made, club = cancelled_unrefunded
    assert backstop(deps, THREE_DAYS_BEFORE + BACKSTOP_AFTER - timedelta(seconds=1)) == 0  # the effect's time
    assert refunds_at_provider(deps, made) == []
    after = THREE_DAYS_BEFORE + BACKSTOP_AFTER
    assert [backstop(deps, after), backstop(deps, after + timedelta(minutes=5))] == [1, 0]
    assert refunds_at_provider(deps, made) == [1500]
    assert refund_of(deps, made)["status"] == "done"
    assert deps.hire.due(after + timedelta(days=1), kind="refund") == []  # out of the job's index once made
    assert run_stream(deps, "hire_refund") == []  # the event delivered late: nothing more paid, no second word
    assert refunds_at_provider(deps, made) == [1500] and deps.payments.get(made["payment"]["id"]).refunded == 1500
    [word] = told(deps, club, "is cancelled")
    assert "£15.00 (50% of its hire, for 72 hours notice)" in word["body"]


def test_the_backstop_and_the_late_effect_racing_on_a_barrier_refund_once(deps, cancelled_unrefunded):
    made, _ = cancelled_unrefunded
    after = THREE_DAYS_BEFORE + BACKSTOP_AFTER
    # Both at the one moment, as on one machine: the effect on the real clock (a year before) took
    # its place with a stamp that, to the job a year on, looked long dead, and the job took it over.
    late = deps.replace(clock=lambda: after)
    at_once(lambda racer: backstop(deps, after) if racer == "job" else run_stream(late, "hire_refund"),
            ["job", "stream"])
    assert refunds_at_provider(deps, made) == [1500]
    assert deps.payments.get(made["payment"]["id"]).refunded == 1500
    assert refund_of(deps, made)["status"] == "done"


def test_two_runs_of_the_backstop_racing_on_a_barrier_refund_once(deps, cancelled_unrefunded, monkeypatch):
    """The provider slow to answer (as under load): a run finding the place held by the same
    refund, fresh, waits for it rather than ask again (it once asked: 1500 three times)."""
    from chalicelib.handlers.payments.govuk_pay import GovukPay
    real = GovukPay.refund

    def slow(self, *args):
        time.sleep(0.3)
        return real(self, *args)
    monkeypatch.setattr(GovukPay, "refund", slow)
    made, _ = cancelled_unrefunded
    after = THREE_DAYS_BEFORE + BACKSTOP_AFTER
    at_once(lambda _: backstop(deps, after), range(3))
    assert refunds_at_provider(deps, made) == [1500]
    assert deps.payments.get(made["payment"]["id"]).refunded == 1500


def test_a_refund_the_provider_was_away_for_is_left_due_and_made_by_the_next_run(
        deps, cancelled_unrefunded, monkeypatch):
    from chalicelib.handlers.payments.govuk_pay import GovukPay
    from chalicelib.handlers.payments.provider import ProviderError
    made, _ = cancelled_unrefunded
    after = THREE_DAYS_BEFORE + BACKSTOP_AFTER

    def away(self, *args):
        raise ProviderError("The payment provider could not be reached: timed out")
    with monkeypatch.context() as outage:
        outage.setattr(GovukPay, "refund", away)
        assert backstop(deps, after) == 0
    assert refund_of(deps, made)["status"] == "due"
    assert backstop(deps, after + timedelta(minutes=5)) == 1
    assert refunds_at_provider(deps, made) == [1500]


def test_a_deposit_check_whose_refund_never_ran_is_refunded_once_by_the_backstop(deps, pay, dies_after_commit):
    from chalicelib.handlers.hire.cancelling import return_deposit
    club = resident()
    made = book(at(deps, NOW, club), tuesdays(weeks=1))
    pay_for(at(deps, NOW, club), made)
    officer = resident(role="staff")
    checked_at = datetime(2027, 11, 24, 10, tzinfo=LONDON)  # the morning after the evening
    dies_after_commit()
    return_deposit(at(deps, checked_at, officer), made["id"], {"returned": 7500, "reason": "A chair broken"})
    assert backstop(deps, checked_at + BACKSTOP_AFTER - timedelta(seconds=1)) == 0
    assert [backstop(deps, checked_at + BACKSTOP_AFTER), backstop(deps, checked_at + BACKSTOP_AFTER)] == [1, 0]
    assert refunds_at_provider(deps, made) == [7500]
    assert deps.hire.get(made["id"]).deposit["refund"]["status"] == "done"
    assert len(told(deps, club, "deposit")) == 1


def test_a_refund_its_effect_made_at_once_leaves_nothing_for_the_backstop(deps, pay):
    from chalicelib.handlers.hire.cancelling import cancel_session
    club = resident()
    made = book(at(deps, NOW, club), tuesdays(skip=["2027-12-28"]))
    pay_for(at(deps, NOW, club), made)
    cancel_session(at(deps, THREE_DAYS_BEFORE, club), made["id"], "2027-12-07")
    assert refunds_at_provider(deps, made) == [1500]
    assert deps.hire.due(THREE_DAYS_BEFORE + BACKSTOP_AFTER, kind="refund") == []
    assert backstop(deps, THREE_DAYS_BEFORE + BACKSTOP_AFTER) == 0
