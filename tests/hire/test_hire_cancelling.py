"""Cancelling one evening of a block refunds its hire by the notice given,
as the booking's terms say (100% with 14 days, 50% with 48 hours, none
after), counted in real hours with the clock pinned in Europe/London; the
refund follows from the cancellation's event and is made once whatever is
pressed twice or retried; the deposit goes back after the officer's check."""
from datetime import datetime

import pytest

from chalicelib.handlers.hire import routes  # noqa: F401  (registers the payment hook and effects)
from chalicelib.handlers.payments import routes as payment_routes  # noqa: F401  (a finished payment's effect)
from support.hire_support import LONDON, NOW, at, book, pay_for, resident, tuesdays
from support.pay_support import pay  # noqa: F401


@pytest.fixture
def block(deps, pay):
    """A chess club's ten Tuesdays, bank holiday left out, paid: (booking, the club's principal)."""
    club = resident()
    made = book(at(deps, NOW, club), tuesdays(skip=["2027-12-28"]))
    assert pay_for(at(deps, NOW, club), made).status == "confirmed"
    return made, club


def cancel(deps, moment, who, booking_id, day):
    from chalicelib.handlers.hire.cancelling import cancel_session
    return cancel_session(at(deps, moment, who), booking_id, day)


def refunded(deps, made):
    return deps.payments.get(made["payment"]["id"]).refunded


def test_cancelling_an_evening_three_days_ahead_refunds_half_its_hire_once(deps, block, pay):
    from chalicelib.handlers.hire.cancelling import on_refund
    from chalicelib.storage.reports.reports import EventModel
    made, club = block
    three_days = datetime(2027, 12, 4, 18, tzinfo=LONDON)
    answer = cancel(deps, three_days, club, made["id"], "2027-12-07")
    session = next(s for s in answer["sessions"] if s["date"] == "2027-12-07")
    assert session["status"] == "cancelled" and session["refund"]["percent"] == 50
    assert session["refund"]["amount"] == 1500 and session["refund"]["notice_hours"] == 72
    assert refunded(deps, made) == 1500
    again = cancel(deps, three_days, club, made["id"], "2027-12-07")  # pressed twice
    event = EventModel.get(f"hire.{made['id']}.2027-12-07.cancelled")
    from chalicelib.storage.records import Event
    for _ in range(2):  # the stream's retries of the same effect
        on_refund(deps, Event(id=event.id, kind=event.kind, payload=event.payload), "retry")
    from chalicelib.handlers.payments.core import provider
    at_provider = provider(deps).refunds(deps.payments.get(made["payment"]["id"]).provider_id)
    assert refunded(deps, made) == 1500 and [r.amount for r in at_provider] == [1500]
    assert next(s for s in again["sessions"] if s["date"] == "2027-12-07")["refund"]["status"] == "done"
    assert deps.hire.taken_at("tang-hall-main-hall", ["2027-12-07T18:00:00Z"]) == {}  # the evening is free again


@pytest.mark.parametrize("moment, percent", [
    (datetime(2027, 12, 5, 18, 0, 0, tzinfo=LONDON), 50),  # exactly 48 hours: the terms' 50%
    (datetime(2027, 12, 5, 18, 0, 1, tzinfo=LONDON), 0),  # a second past it: nothing
])
def test_the_48_hour_boundary_is_exact(deps, block, moment, percent):
    made, club = block
    answer = cancel(deps, moment, club, made["id"], "2027-12-07")
    assert next(s for s in answer["sessions"] if s["date"] == "2027-12-07")["refund"]["percent"] == percent


def test_fourteen_days_notice_is_counted_in_real_hours_across_the_clocks_going_back(deps, pay):
    """Tuesday 9 November 2027 18:00 GMT, cancelled on Tuesday 26 October at 18:30 BST: on the wall
    clock 13 days 23 hours 30 minutes ahead, in real time 336.5 hours (the clocks went back on the
    31st), which the terms' 14 days (336 hours) refund in full."""
    club, early = resident(), datetime(2027, 10, 20, 12, tzinfo=LONDON)
    made = book(at(deps, early, club), tuesdays(weeks=1, first="2027-11-09"))
    pay_for(at(deps, early, club), made)
    answer = cancel(deps, datetime(2027, 10, 26, 18, 30, tzinfo=LONDON), club, made["id"], "2027-11-09")
    assert answer["sessions"][0]["refund"]["percent"] == 100 and refunded(deps, made) == 3000


def test_the_deposit_goes_back_in_part_after_the_officer_s_check_with_a_reason_once(deps, block):
    from chalicelib.errors import ApiError
    from chalicelib.handlers.hire.cancelling import return_deposit
    made, _ = block
    officer = at(deps, datetime(2028, 1, 26, 9, tzinfo=LONDON), resident(role="staff"))
    with pytest.raises(ApiError) as refused:
        return_deposit(officer, made["id"], {"returned": 10001, "reason": "Clean"})
    assert (refused.value.status, refused.value.code) == (422, "more_than_deposit")  # well-formed, impossible
    with pytest.raises(ApiError):
        return_deposit(officer, made["id"], {"returned": 6000})  # no reason
    answer = return_deposit(officer, made["id"], {"returned": 6000, "reason": "A chair broken; the rest clean"})
    assert answer["deposit"]["status"] == "returned" and answer["deposit"]["returned"] == 6000
    assert answer["deposit"]["reason"] == "A chair broken; the rest clean"
    again = return_deposit(officer, made["id"], {"returned": 10000, "reason": "Second look"})
    assert again["deposit"]["returned"] == 6000  # the first check stands
    assert refunded(deps, made) == 6000


def test_giving_back_more_than_the_deposit_paid_is_a_422_in_the_one_error_shape_and_changes_nothing(
        client, deps, people, block):
    made, _ = block
    staff = people("staff")
    answer = client.post(f"/v1/staff/hire/bookings/{made['id']}/deposit", {"returned": 10001, "reason": "Clean"},
                         staff.auth)
    assert answer.status_code == 422
    assert answer.json_body["error"]["code"] == "more_than_deposit"
    assert [f["field"] for f in answer.json_body["error"]["fields"]] == ["returned"]
    assert deps.hire.get(made["id"]).deposit["status"] == "held"
    malformed = client.post(f"/v1/staff/hire/bookings/{made['id']}/deposit", {"returned": "lots", "reason": "Clean"},
                            staff.auth)
    assert malformed.status_code == 400  # malformed stays a 400
