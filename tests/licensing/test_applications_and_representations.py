"""A premises licence application: received only on the provider's word, its
clocks from that day by the Licensing Act's rules on York's calendar
(Christmas, the Boxing Day substitute and New Year's Day skipped), a
representation taken to the end of its last day in London's time, and the
objector's name, e-mail and address reaching neither the applicant nor the
register."""
import json

import pytest

from chalicelib.errors import ApiError
from chalicelib.handlers.licensing import routes  # noqa: F401  (registers the payment hook, as app.py does)
from chalicelib.handlers.payments import routes as payment_routes  # noqa: F401  (a finished payment's effect)
from support.licensing_support import york_types  # noqa: F401
from support.pay_support import pay  # noqa: F401
from support.licensing_support import at, london, paid, person, started

PUB = {"name": "The Golden Fleece", "address": "16 Pavement, York YO1 9UP", "uprn": "990000000501",
       "lat": 53.9592, "lon": -1.0801}
OBJECTOR = {"name": "Ada Quietly", "email": "ada.quietly@example.org", "address": "3 Lady Peckitt's Yard, York YO1 9SD"}


def application(band="C"):
    return {"type": "premises-licence", "premises": PUB, "band": band, "applicant": {"name": "Jo Landlord"}}


def test_an_application_received_on_28_november_has_its_hearing_by_26_january_past_the_holidays(deps, pay, york_types):
    who = at(deps, london(2026, 11, 28, 11))
    case = paid(who, started(who, application()))
    assert case.state == "received" and case.fee == 31500
    days = {c["name"]: c["last_day"] for c in case.clocks}
    assert days["representations"] == "2026-12-26"  # 28 days starting the day after
    assert days["hearing"] == "2027-01-26"  # 20 working days: 25, 28 December and 1 January are not
    assert days["decision"] == "2027-02-01"  # 5 working days beginning with the hearing's day
    hearing = next(c for c in case.clocks if c["name"] == "hearing")
    assert hearing["conditional"] is True and "SI 2005/44" in hearing["source"]


def test_a_band_d_pub_used_mainly_for_alcohol_pays_twice_band_d(deps, pay, york_types):
    who = at(deps, london(2026, 11, 2, 11))
    assert started(who, application("D_alcohol"))["fee"] == 90000
    with pytest.raises(ApiError) as unknown:
        started(who, application("F"))
    assert unknown.value.status == 422 and unknown.value.body()["error"]["fields"][0]["field"] == "band"


def test_a_declined_card_leaves_the_application_a_draft_and_paying_again_receives_it_once(deps, pay, york_types):
    from chalicelib.handlers.payments.core import check
    from support.pay_support import DECLINED
    who = at(deps, london(2026, 11, 2, 11))
    view = started(who, application())
    assert paid(who, view, card=DECLINED).state == "draft"
    case = paid(who, view)
    assert case.state == "received"
    check(who, deps.payments.get(case.payment_id))  # told again (a webhook, the job): nothing moves
    again = deps.licensing.get(case.id)
    assert again.received_at == case.received_at and again.seq == case.seq


def test_a_representation_is_taken_until_the_end_of_its_last_day_in_london_not_utc(deps, pay, york_types):
    from chalicelib.handlers.licensing.representations import make
    who = at(deps, london(2026, 6, 12, 11))
    case = paid(who, started(who, application()))
    assert next(c for c in case.clocks if c["name"] == "representations")["last_day"] == "2026-07-10"
    late_evening = deps.replace(clock=lambda: london(2026, 7, 10, 23, 59), principal=None)
    assert make(late_evening, case.id, dict(OBJECTOR, grounds="Noise from the yard at closing time."))[0]
    half_past_midnight_bst = deps.replace(clock=lambda: london(2026, 7, 11, 0, 30), principal=None)  # 23:30 UTC
    with pytest.raises(ApiError) as closed:
        make(half_past_midnight_bst, case.id, dict(OBJECTOR, grounds="Too late."))
    assert closed.value.code == "representations_closed" and "until the end of Friday 10 July 2026" in closed.value.message


def test_an_objectors_name_email_and_address_reach_neither_the_applicant_nor_the_register(deps, pay, york_types):
    from chalicelib.handlers.licensing import representations, views
    who = at(deps, london(2026, 6, 12, 11))
    case = paid(who, started(who, application()))
    neighbour = deps.replace(clock=lambda: london(2026, 6, 20, 9), principal=None)
    rep_id, _ = representations.make(neighbour, case.id, dict(
        OBJECTOR, grounds="I am Ada Quietly at 3 Lady Peckitt's Yard and the beer garden keeps me awake.",
        objectives=["public_nuisance"]))
    officer = deps.replace(principal=person(900))
    representations.check(officer, case.id, rep_id, True, "A neighbour says the beer garden keeps them awake.",
                          "about public nuisance")
    reps = deps.licensing.representations(case.id)
    case = deps.licensing.get(case.id)
    seen = json.dumps([views.applicant_view(deps, case, representations=reps),
                       views.register_row(case, next(t for t in york_types if t["id"] == "premises-licence"))])
    assert "beer garden keeps them awake" in seen and case.representations == 1
    for secret in ("Ada", "Quietly", "ada.quietly@example.org", "Peckitt"):
        assert secret not in seen, secret
    desk = json.dumps(views.desk_view(case, reps))
    assert "ada.quietly@example.org" in desk  # the officer, for the hearing's notice
