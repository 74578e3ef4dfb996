"""The halls desk finished (issue 57): a deposit checked only once the
booking's last session has ended; a booking for a caller named for the
caller; a club's whole block cancelled at once, each session refunded by its
own notice, once each, from the change's one event."""
from datetime import datetime

import pytest

from chalicelib.errors import ApiError
from chalicelib.handlers.hire import routes  # noqa: F401  (registers the payment hook and effects)
from chalicelib.handlers.payments import routes as payment_routes  # noqa: F401  (a finished payment's effect)
from support.effects_support import dies_after_commit, events_of_kind, run_stream  # noqa: F401
from support.hire_support import HALL, LONDON, NOW, at, book, pay_for, resident, tuesdays
from support.pay_support import pay  # noqa: F401
from support.racing import at_once

SATURDAY_BEFORE = datetime(2027, 12, 4, 18, tzinfo=LONDON)  # 72 hours before the 7 December evening


@pytest.fixture
def club_block(deps, pay):
    """A chess club's nine Tuesdays (23 November to 25 January, the bank holiday left out), paid."""
    club = resident()
    made = book(at(deps, NOW, club), tuesdays(skip=["2027-12-28"]))
    assert pay_for(at(deps, NOW, club), made).status == "confirmed"
    assert made["total"] == 9 * 3000 + 10000
    return made, club


def officer_at(deps, moment):
    return at(deps, moment, resident(role="staff"))


def refunds_at_provider(deps, made):
    from chalicelib.handlers.payments.core import provider
    return [r.amount for r in provider(deps).refunds(deps.payments.get(made["payment"]["id"]).provider_id)]


def test_a_deposit_is_checked_only_once_the_booking_s_last_session_has_ended(client, deps, people, club_block):
    from chalicelib.handlers.hire.cancelling import return_deposit
    made, _ = club_block
    assert made["ends_at"] == "2028-01-25T20:00:00Z"  # the last Tuesday's evening, 18:00 to 20:00
    check = {"returned": 10000, "reason": "Clean"}
    for moment in (NOW, datetime(2028, 1, 25, 19, 59, 59, tzinfo=LONDON)):  # before, and during its last hour
        with pytest.raises(ApiError) as refused:
            return_deposit(officer_at(deps, moment), made["id"], check)
        assert (refused.value.status, refused.value.code) == (409, "sessions_not_ended")
        assert "on Tuesday 25 January 2028 at 20:00" in refused.value.message
    assert deps.hire.get(made["id"]).deposit["status"] == "held" and refunds_at_provider(deps, made) == []
    answer = client.post(f"/v1/staff/hire/bookings/{made['id']}/deposit", check, people("staff").auth)
    assert answer.status_code == 409 and answer.json_body["error"]["code"] == "sessions_not_ended"  # one shape
    done = return_deposit(officer_at(deps, datetime(2028, 1, 25, 20, tzinfo=LONDON)), made["id"], check)
    assert done["deposit"]["status"] == "returned" and refunds_at_provider(deps, made) == [10000]


def test_a_booking_taken_for_a_caller_is_named_for_the_caller_whoever_is_hiring(deps, pay):
    from chalicelib.handlers.hire.staff import calendar, take
    officer = officer_at(deps, NOW)
    body = {**tuesdays(weeks=1, hirer_type="resident"), "payment": "waived", "waive_reason": "Ward surgery"}
    del body["hirer_name"]
    for nameless in (body, {**body, "hirer_name": "   "}):
        with pytest.raises(ApiError) as refused:
            take(officer, nameless, None)
        assert refused.value.status == 400
        assert [(f["field"], f["message"]) for f in refused.value.fields] == [
            ("hirer_name", "Enter the caller's name, or their group's or business's")]
    made, _ = take(officer, {**body, "hirer_name": "Ada Lovelace"}, None)
    assert made["hirer_name"] == "Ada Lovelace" and made["hirer_type"] == "resident"
    shown = calendar(officer, HALL, {"from": "2027-11-23", "days": 1})["bookings"][made["id"]]
    assert shown["hirer_name"] == "Ada Lovelace"


def test_a_held_hour_in_staff_s_calendar_says_until_when(deps, pay):
    from chalicelib.handlers.hire.staff import calendar
    held = book(at(deps, NOW), tuesdays(weeks=1))
    shown = calendar(officer_at(deps, NOW), HALL, {"from": "2027-11-23", "days": 1})["bookings"][held["id"]]
    assert shown["status"] == "held" and shown["hold_until"] == "2027-11-20T12:30:00Z"


def test_a_club_s_whole_block_is_cancelled_at_once_each_session_refunded_by_its_notice_once(
        client, deps, people, club_block, dies_after_commit):
    from chalicelib.handlers.hire.block_cancel import cancel_block
    made, club = club_block
    dies_after_commit()  # the request's own try never happens: the stream alone refunds
    answer = cancel_block(officer_at(deps, SATURDAY_BEFORE), made["id"], {"reason": "The club has folded"})
    states = {s["date"]: (s["status"], (s["refund"] or {}).get("percent")) for s in answer["sessions"]}
    assert states == {"2027-11-23": ("booked", None), "2027-11-30": ("booked", None),  # over: as they were
                      "2027-12-07": ("cancelled", 50), "2027-12-14": ("cancelled", 50),  # 72 h, 10 days' notice
                      **{d: ("cancelled", 100) for d in ("2027-12-21", "2028-01-04", "2028-01-11", "2028-01-18",
                                                        "2028-01-25")}}  # 14 days' notice or more
    assert refunds_at_provider(deps, made) == []  # nothing reached the provider before the answer
    assert deps.hire.taken_at(HALL, ["2027-12-14T18:00:00Z", "2028-01-25T19:00:00Z"]) == {}  # freed at once
    assert len(deps.hire.taken_at(HALL, ["2027-11-30T18:00:00Z"])) == 1
    [event] = events_of_kind("hire_refund")
    from chalicelib.handlers.shared.effects import jobs_of, run_job
    [job] = jobs_of([event])
    at_once(lambda n: run_job(deps, job), range(4))  # four workers handed the one event at once
    assert run_stream(deps, "hire_refund") == []
    assert sorted(refunds_at_provider(deps, made)) == [1500, 1500] + [3000] * 5  # each once, by its own notice
    assert deps.payments.get(made["payment"]["id"]).refunded == 18000
    assert all(s["refund"]["status"] == "done" for s in deps.hire.get(made["id"]).sessions if s.get("refund"))
    again = client.post(f"/v1/staff/hire/bookings/{made['id']}/cancel", {"reason": "Pressed twice"},
                        people("staff").auth)
    assert again.status_code == 200 and len(events_of_kind("hire_refund")) == 1  # the first stands
    refused = client.post(f"/v1/staff/hire/bookings/{made['id']}/cancel", {"reason": "Mine"}, people().auth)
    assert refused.status_code == 403
    nameless = client.post(f"/v1/staff/hire/bookings/{made['id']}/cancel", {}, people("staff").auth)
    assert nameless.status_code == 400 and nameless.json_body["error"]["fields"][0]["field"] == "reason"
    told = [m for m in deps.accounts.messages_to([club.email]) if "is cancelled" in m["subject"]]
    assert len(told) == 7


def test_the_desk_cancelling_the_block_racing_the_club_cancelling_one_evening_refunds_each_session_once(
        deps, club_block):
    """Six start on a barrier: three officers cancelling the whole block, three of the club cancelling the 14
    December evening. The booking's sequence number lets one change in at a time; each loser reads it again,
    so every session to come ends cancelled once, and each refund is made once by its notice."""
    from chalicelib.handlers.hire.block_cancel import cancel_block
    from chalicelib.handlers.hire.cancelling import cancel_session
    made, club = club_block

    def race(n):
        if n < 3:
            return cancel_block(officer_at(deps, SATURDAY_BEFORE), made["id"], {"reason": "The club has folded"})
        return cancel_session(at(deps, SATURDAY_BEFORE, club), made["id"], "2027-12-14")
    answers = at_once(race, range(6))
    assert all({s["date"]: s["status"] for s in a["sessions"]}["2027-12-14"] == "cancelled" for a in answers)
    run_stream(deps, "hire_refund")
    sessions = deps.hire.get(made["id"]).sessions
    assert [s["status"] for s in sessions] == ["booked"] * 2 + ["cancelled"] * 7
    assert sorted(refunds_at_provider(deps, made)) == [1500, 1500] + [3000] * 5  # each session once
    assert deps.payments.get(made["payment"]["id"]).refunded == 18000
    assert deps.hire.taken_at(HALL, ["2027-12-14T18:00:00Z", "2028-01-25T18:00:00Z"]) == {}


def test_cancelling_a_whole_block_reads_the_booking_and_its_payment_by_key_never_a_scan(
        deps, club_block, dies_after_commit, capsys):
    from test_hire_read_costs import measure, report
    from chalicelib.handlers.hire.block_cancel import cancel_block
    made, _ = club_block
    dies_after_commit()  # the refunds are the event's effect's, measured apart
    figures = measure(lambda: cancel_block(officer_at(deps, SATURDAY_BEFORE), made["id"], {"reason": "Folded"}))
    assert "Scan" not in figures["operations"] and "Query" not in figures["operations"], figures
    assert figures["items"] <= 6, figures  # the booking (read, then read back), its payment (twice), the places
    report(capsys, "DynamoDB reads of cancelling a 9-week block (7 sessions to come):", {"cancel_block": figures})
