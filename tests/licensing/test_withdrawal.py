"""An applicant withdraws before the decision and the fee is refunded or kept by the type's rule, counted in the
council's working days (Christmas and New Year's bank holidays between), refunded once however often the effect
runs; the applicant and those who objected are told once; a notice, a paying case or a decided one is not withdrawn."""
import json

import pytest

from chalicelib.errors import ApiError
from chalicelib.handlers.licensing import routes  # noqa: F401  (registers the payment hook and the effects)
from chalicelib.handlers.payments import routes as payment_routes  # noqa: F401  (a finished payment's effect)
from support.licensing_support import YORK_TYPES, york_types  # noqa: F401
from support.pay_support import pay  # noqa: F401
from support.licensing_support import at, checked_before_decision, london, notice, paid, person, started

PUB = {"name": "The Golden Fleece", "address": "16 Pavement, York YO1 9UP", "uprn": "990000000501",
       "lat": 53.9592, "lon": -1.0801}


def mails(prefix):
    from chalicelib.storage.outbox import OutboxStore
    return {m.to: m for m in OutboxStore().newest(100) if m.id.startswith(prefix)}


def driver_received_on_christmas_eve(deps):
    applicant = person()
    who = at(deps, london(2026, 12, 24, 10), applicant)
    return paid(who, started(who, {"type": "taxi-driver", "premises": {"address": "4 Acomb Road, York YO24 4EY"},
                                   "applicant": {"name": "Priya Driver"}})), applicant


@pytest.mark.parametrize("moment, refunded", [(london(2027, 1, 5, 23, 30), True), (london(2027, 1, 6, 0, 10), False)])
def test_a_taxi_drivers_fee_comes_back_within_five_working_days_counted_past_christmas_and_new_year(
        deps, pay, york_types, moment, refunded):
    # Received Thursday 24 December: Christmas Day, Boxing Day's Monday and New Year's Day are no working days, so the
    # fifth is Tuesday 5 January (a weekday count would end on Thursday 31 December).
    from chalicelib.handlers.licensing.withdrawing import settle, withdraw
    case, applicant = driver_received_on_christmas_eve(deps)
    assert case.state == "received" and case.fee > 0
    view = withdraw(at(deps, moment, applicant), case.id, {"why": "I have taken another job."})
    assert view["state"] == "withdrawn" and view["decision"]["refund"] == ("full" if refunded else "none")
    assert "by the end of Tuesday 5 January 2027" in view["decision"]["rule"]
    told = at(deps, moment, applicant)
    settle(told, case.id)
    settle(told, case.id)  # the stream again after a crash
    payment = deps.payments.get(case.payment_id)
    assert payment.refunded == (case.fee if refunded else 0)
    mail = mails(f"licence-withdrawn:{case.id}:")[applicant.email]
    assert ("is being refunded" if refunded else "is not refunded") in mail.body
    assert len([m for m in mails(f"licence-withdrawn:{case.id}:")]) == 1


def test_a_pub_withdrawn_keeps_its_fee_tells_its_objector_and_is_decided_by_no_one(deps, pay, york_types):
    from chalicelib.handlers.licensing import desk, representations
    from chalicelib.handlers.licensing.withdrawing import settle, withdraw
    landlord = person()
    who = at(deps, london(2026, 11, 27, 11), landlord)
    case = paid(who, started(who, {"type": "premises-licence", "band": "C", "premises": PUB}))
    objector = {"name": "Ada Quietly", "email": "ada.quietly@example.org", "address": "3 Lady Peckitt's Yard, York"}
    representations.make(deps.replace(clock=lambda: london(2026, 12, 3, 9), principal=None), case.id,
                         dict(objector, grounds="Late music every Friday."))
    later = at(deps, london(2026, 12, 10, 9), landlord)
    withdrawn = withdraw(later, case.id, {})
    assert withdrawn["decision"]["refund"] == "none" and "not refunded" in withdrawn["decision"]["rule"]
    assert withdraw(later, case.id, {})["state"] == "withdrawn"  # a retried tap: the same answer, no second event
    settle(later, case.id)
    told = mails(f"licence-withdrawn:{case.id}:")
    assert set(told) == {landlord.email, objector["email"]}
    assert "Ada" not in told[landlord.email].body and landlord.email not in told[objector["email"]].body
    assert deps.payments.get(case.payment_id).refunded == 0
    officer = deps.replace(clock=lambda: london(2026, 12, 11, 9), principal=person(700))
    with pytest.raises(ApiError) as decided:
        desk.decide(officer, case.id, {"outcome": "granted", "reasons": "Fine."}, deps.licensing.get(case.id).seq)
    assert decided.value.code == "not_decidable"
    from chalicelib.handlers.licensing.reading import register_view
    rows = register_view(deps, {"type": "premises-licence"})["cases"]
    assert [r["state"] for r in rows if r["id"] == case.id] == ["withdrawn"]


def test_a_case_being_paid_for_and_a_decided_one_are_not_withdrawn(deps, pay, york_types):
    from chalicelib.handlers.licensing import desk
    from chalicelib.handlers.licensing.applying import pay as pay_case
    from chalicelib.handlers.licensing.withdrawing import withdraw
    organiser = person()
    who = at(deps, london(2026, 11, 27, 11), organiser)
    paying = started(who, {"type": "street-trading", "premises": {"address": "Parliament Street, York"}})
    pay_case(who, paying["id"])
    decided, driver = driver_received_on_christmas_eve(deps)
    desk_at = deps.replace(clock=lambda: london(2027, 1, 4, 9), principal=person(700))
    decided = checked_before_decision(desk_at, decided)
    desk.decide(desk_at, decided.id, {"outcome": "granted", "reasons": "Checks clear."}, decided.seq)
    with pytest.raises(ApiError) as refused:  # a notice is withdrawn by s.103's rule: test_notice_withdrawal.py
        withdraw(at(deps, london(2026, 11, 28, 9), organiser), paying["id"], {})
    assert refused.value.status == 409 and refused.value.code == "not_withdrawable"
    with pytest.raises(ApiError) as granted:
        withdraw(at(deps, london(2027, 1, 5, 9), driver), decided.id, {})
    assert granted.value.status == 409 and granted.value.code == "not_withdrawable"
    with pytest.raises(ApiError) as not_theirs:
        withdraw(at(deps, london(2027, 1, 5, 9), organiser), decided.id, {})
    assert not_theirs.value.status == 404


def test_a_refund_rule_the_law_does_not_know_is_refused_with_its_field(deps):
    from datetime import date
    from chalicelib.handlers.licensing.catalogue import problems
    types = json.loads(YORK_TYPES.read_text())
    assert problems(types, deps.council.jurisdiction, date(2026, 11, 28)) == []
    for bad in ("half", {"full_within_working_days": 0}, {"full_within_days": 5}):
        types[2]["refund_on_withdrawal"] = bad
        assert 'refund_on_withdrawal is "none", "full" or {"full_within_working_days": 1 to 60}' in str(
            problems(types, deps.council.jurisdiction, date(2026, 11, 28)))
