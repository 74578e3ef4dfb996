"""A cancelled session's refund follows from the cancellation's own event
(`hire_refund`, written in its transaction): a process dying right after the
commit leaves the refund to the stream, which makes it once however often
the event comes, and four workers handed the event at once make it once."""
from datetime import datetime

import pytest

from chalicelib.handlers.hire import routes  # noqa: F401  (registers the payment hook and effects)
from chalicelib.handlers.payments import routes as payment_routes  # noqa: F401  (a finished payment's effect)
from support.effects_support import dies_after_commit, events_of_kind, run_stream  # noqa: F401
from support.hire_support import LONDON, NOW, at, book, pay_for, resident, tuesdays
from support.pay_support import pay  # noqa: F401
from support.racing import at_once

THREE_DAYS_BEFORE = datetime(2027, 12, 4, 18, tzinfo=LONDON)  # the 7 December evening: 50%


@pytest.fixture
def paid_block(deps, pay):
    club = resident()
    made = book(at(deps, NOW, club), tuesdays(skip=["2027-12-28"]))
    pay_for(at(deps, NOW, club), made)
    return made, club


def refunds_at_provider(deps, made):
    from chalicelib.handlers.payments.core import provider
    return [r.amount for r in provider(deps).refunds(deps.payments.get(made["payment"]["id"]).provider_id)]


def session(deps, made, day="2027-12-07"):
    return next(s for s in deps.hire.get(made["id"]).sessions if s["date"] == day)


def test_a_cancelled_session_is_refunded_once_from_its_event_when_the_process_dies_after_the_commit(
        deps, paid_block, dies_after_commit):
    from chalicelib.handlers.hire.cancelling import cancel_session
    made, club = paid_block
    dies_after_commit()
    answer = cancel_session(at(deps, THREE_DAYS_BEFORE, club), made["id"], "2027-12-07")
    assert next(s for s in answer["sessions"] if s["date"] == "2027-12-07")["refund"]["status"] == "due"
    assert refunds_at_provider(deps, made) == []  # nothing reached the provider before the answer
    [owed] = events_of_kind("hire_refund")
    assert owed.id == f"hire.{made['id']}.2027-12-07.cancelled"
    assert run_stream(deps, "hire_refund") == [] and run_stream(deps, "hire_refund") == []
    assert refunds_at_provider(deps, made) == [1500]
    assert session(deps, made)["refund"]["status"] == "done"
    told = [m for m in deps.accounts.messages_to([club.email]) if "is cancelled" in m["subject"]]
    assert len(told) == 1 and "£15.00 (50% of its hire, for 72 hours notice)" in told[0]["body"]


def test_the_cancellation_s_event_delivered_to_four_workers_at_once_refunds_once(deps, paid_block, dies_after_commit):
    from chalicelib.handlers.hire.cancelling import cancel_session
    from chalicelib.handlers.shared.effects import jobs_of, run_job
    made, club = paid_block
    dies_after_commit()
    cancel_session(at(deps, THREE_DAYS_BEFORE, club), made["id"], "2027-12-07")
    [job] = jobs_of(events_of_kind("hire_refund"))
    outcomes = at_once(lambda n: run_job(deps, job)[0], range(4))
    assert sorted(outcomes).count("done") == 1, outcomes
    assert refunds_at_provider(deps, made) == [1500]
    assert deps.payments.get(made["payment"]["id"]).refunded == 1500
