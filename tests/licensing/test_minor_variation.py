"""A premises licence's minor variation (Licensing Act 2003 ss.41A-41B): the type's purpose with its own clocks
from the law's data (the notice and representations 10 working days, the decision 15, each from the first
working day after it was received, so the late May bank holiday moves them a day), its flat fee, no hearing, no
decision before representations close, the kinds of change s.41A(3) bars refused in words, and an application
left undecided treated as refused by the five-minute job the day after its last day, its fee returned once."""
import pytest

from chalicelib.errors import ApiError
from chalicelib.handlers.licensing import routes  # noqa: F401  (registers the payment hook, as app.py does)
from chalicelib.handlers.payments import routes as payment_routes  # noqa: F401
from support.licensing_support import at, london, paid, person, started
from support.licensing_support import york_types  # noqa: F401
from support.pay_support import pay  # noqa: F401

PUB = {"name": "The Golden Fleece", "address": "16 Pavement, York YO1 9UP", "uprn": "990000000501"}


def minor(**extra):
    return {"type": "premises-licence", "premises": PUB, "purpose": "minor_variation", "varies": "LN-7K3F9Q2M",
            "changes": ["layout", "conditions_volunteered"], **extra}


def officer(deps, moment):
    return deps.replace(clock=lambda: moment, principal=person(700))


def received_before_the_bank_holiday(deps, applicant=None):
    # Thursday 21 May 2026; Monday 25 May is the late May bank holiday.
    who = at(deps, london(2026, 5, 21, 11), applicant)
    return paid(who, started(who, minor()))


def test_its_clocks_count_working_days_past_the_bank_holiday_and_it_pays_the_flat_fee(deps, pay, york_types):
    case = received_before_the_bank_holiday(deps)
    assert (case.purpose, case.changes, case.fee, case.band) == ("minor_variation", ["layout",
                                                                                     "conditions_volunteered"], 8900,
                                                                 None)
    last = {c["name"]: c["last_day"] for c in case.clocks}
    # Working days from Friday 22 May, skipping the weekend and Monday 25 May: the 10th is Friday 5 June (a count
    # without the bank holiday says Thursday 4 June), the 15th Friday 12 June.
    assert last == {"notice": "2026-06-05", "representations": "2026-06-05", "decision": "2026-06-12"}
    assert "hearing" not in last and case.law["missed"] == "deemed_refused" and case.deemed_on == "2026-06-12"


def test_it_has_no_hearing_and_is_decided_only_once_representations_have_closed(deps, pay, york_types):
    from chalicelib.handlers.licensing import desk
    case = received_before_the_bank_holiday(deps)
    early = officer(deps, london(2026, 6, 5, 16))
    with pytest.raises(ApiError) as hearing:
        desk.set_hearing(early, case.id, {"day": "2026-06-09"}, case.seq)
    assert hearing.value.code == "no_hearing"
    with pytest.raises(ApiError) as still_open:
        desk.decide(early, case.id, {"outcome": "granted", "reasons": "A small change."}, case.seq)
    assert still_open.value.code == "representations_open" and "Friday 5 June 2026" in str(still_open.value.body())
    case = desk.decide(officer(deps, london(2026, 6, 8, 9)), case.id, {"outcome": "granted", "reasons": "Minor."},
                       case.seq)
    assert case.state == "granted"


def test_undecided_by_its_fifteenth_working_day_it_is_treated_as_refused_and_its_fee_returned_once(deps, pay,
                                                                                                    york_types):
    from chalicelib.handlers.licensing.deeming import deem_due, on_decided
    from chalicelib.storage.outbox import OutboxStore
    applicant = person()
    case = received_before_the_bank_holiday(deps, applicant)
    assert deem_due(officer(deps, london(2026, 6, 12, 23, 59))) == 0  # its last day is still the council's
    job = officer(deps, london(2026, 6, 13, 0, 10))
    assert deem_due(job) == 1 and deem_due(job) == 0
    refused = deps.licensing.get(case.id)
    assert refused.state == "deemed_refused" and refused.decision["by"] == "the law" and refused.licence is None
    assert deps.payments.get(case.payment_id).refunded == 8900
    event = type("Event", (), {"payload": {"case_id": case.id}})()
    on_decided(job, event, "again")  # the stream delivers it twice: nothing more is refunded
    assert deps.payments.get(case.payment_id).refunded == 8900
    told = OutboxStore().get(f"licence-decided:{case.id}:applicant")
    assert told.to == applicant.email and "treated as refused by law" in told.body and "fee is returned" in told.body


@pytest.mark.parametrize("changes, words", [
    (["layout", "add_alcohol"], "A minor variation cannot add the sale or supply of alcohol"),
    (["alcohol_23_to_07"], "allow alcohol to be sold or supplied between 11pm and 7am (Licensing Act 2003 s.41A(3)"),
    ([], "Choose what the minor variation changes"),
    (["repaint"], "Choose what the minor variation changes"),
])
def test_a_change_section_41A_bars_or_none_at_all_is_refused_naming_changes(deps, pay, york_types, changes, words):
    who = at(deps, london(2026, 5, 21, 11))
    with pytest.raises(ApiError) as refused:
        started(who, minor(changes=changes))
    assert refused.value.status == 422
    [field] = [f for f in refused.value.body()["error"]["fields"] if f["field"] == "changes"]
    assert words in field["message"]
    assert deps.licensing.of_user(who.principal.user_id) == []


def test_a_type_cannot_offer_a_minor_variation_where_the_law_has_none(deps):
    import json
    from datetime import date
    from chalicelib.handlers.licensing.catalogue import problems
    from support.licensing_support import YORK_TYPES
    types = json.loads(YORK_TYPES.read_text())
    street = next(t for t in types if t["id"] == "street-trading")
    street["purposes"] = ["new", "minor_variation"]
    assert any("gives street_trading no minor variation" in r for _, r in problems(types, "england",
                                                                                    date(2026, 6, 1)))


def test_the_apply_screen_is_offered_a_minor_variations_changes_in_words_and_an_empty_choice_is_refused_in_them(
        deps, pay, york_types):
    """The screen asks what a minor variation changes from the type's own list (the law's data, in words): an
    applicant who chose none is told the choices as the screen names them, never their ids."""
    from chalicelib.handlers.licensing.reading import types_view
    premises = next(t for t in types_view(at(deps, london(2026, 5, 21, 11)), {})["types"]
                    if t["id"] == "premises-licence")
    offered = premises["changes"]["minor_variation"]
    assert [c["id"] for c in offered][:2] == ["layout", "hours"]
    assert offered[0]["label"] == "a change to the premises' layout"
    with pytest.raises(ApiError) as refused:
        started(at(deps, london(2026, 5, 21, 11)), minor(changes=[]))
    [field] = [f for f in refused.value.body()["error"]["fields"] if f["field"] == "changes"]
    assert all(c["label"] in field["message"] for c in offered) and "conditions_removed" not in field["message"]
