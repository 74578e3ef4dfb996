"""Consultees with an address are asked by e-mail once each and answer through the signed link in it, with no
account: the link answers for that consultee, on that case, at the council that holds it; a late answer is marked
late, a notice's late objection is not one, a decided case takes no answer, and an altered or foreign link opens
nothing."""
import pytest

from chalicelib import tenancy
from chalicelib.errors import ApiError
from chalicelib.handlers.licensing import routes  # noqa: F401  (registers the payment hook and the effects)
from chalicelib.handlers.payments import routes as payment_routes  # noqa: F401  (a finished payment's effect)
from support.licensing_support import york_types  # noqa: F401
from support.pay_support import pay  # noqa: F401
from support.licensing_support import at, london, notice, paid, person, started

PUB = {"name": "The Golden Fleece", "address": "16 Pavement, York YO1 9UP", "uprn": "990000000501",
       "lat": 53.9592, "lon": -1.0801}


def mails(prefix):
    from chalicelib.storage.outbox import OutboxStore
    return {m.to: m for m in OutboxStore().newest(100) if m.id.startswith(prefix)}


def token_in(mail):
    return mail.body.split("/licensing/consult#", 1)[1].split()[0]


def pub_received(deps, when=None):
    who = at(deps, when or london(2026, 11, 27, 11))
    return paid(who, started(who, {"type": "premises-licence", "band": "C", "premises": PUB,
                                   "applicant": {"name": "Jo Landlord"}}))


def test_each_consultee_with_an_address_is_asked_once_with_a_link_to_the_councils_own_address(deps, pay, york_types):
    from chalicelib.handlers.licensing.consulting import ask
    case = pub_received(deps)
    asked_at = at(deps, london(2026, 11, 27, 12))
    ask(asked_at, case.id)
    assert ask(asked_at, case.id) == 0  # the stream again after a crash: nobody asked twice
    sent = mails(f"licence-consult:{case.id}:")
    assert set(sent) == {"licensing.nyp@example.org", "environmental.protection@york.example.org",
                         "fire.safety@nyfrs.example.org", "trading.standards@york.example.org"}
    police = sent["licensing.nyp@example.org"]
    assert "Answer by the end of Friday 25 December 2026" in police.body and "North Yorkshire Police" in police.body
    from chalicelib.handlers.alerts.delivery import links_base
    assert f"{links_base(asked_at)}/licensing/consult#" in police.body
    assert "Jo Landlord" not in police.body and "applicant" not in police.subject


def test_the_police_answer_through_their_link_for_themselves_alone_and_the_desk_sees_it(deps, pay, york_types):
    from chalicelib.handlers.licensing.consulting import answer, ask, show
    case = pub_received(deps)
    ask(at(deps, london(2026, 11, 27, 12)), case.id)
    token = token_in(mails(f"licence-consult:{case.id}:")["licensing.nyp@example.org"])
    police = deps.replace(clock=lambda: london(2026, 12, 3, 9), principal=None)
    opened = show(police, token)
    assert opened["consultee"] == {"id": "police", "name": "North Yorkshire Police", "due": "2026-12-25",
                                   "answer": None, "words": None, "late": False}
    assert opened["open"] and opened["case"]["applicant"] == {"name": "Jo Landlord"}
    assert "fee" not in opened["case"] and "payment_status" not in opened["case"]
    answered = answer(police, token, {"answer": "conditions", "words": "CCTV at the yard door until closing."})
    assert answered["consultee"]["answer"] == "conditions" and not answered["consultee"]["late"]
    stored = {c["id"]: c for c in deps.licensing.get(case.id).consultees}
    assert stored["police"]["by"] == "consultee:police" and stored["police"]["words"].startswith("CCTV")
    assert "answer" not in stored["fire"]  # the link answers for the police, never for another consultee
    with pytest.raises(ApiError) as bad:
        answer(police, token, {"answer": "maybe"})
    assert bad.value.status in (400, 422)
    assert deps.licensing.get(case.id).consultees[0]["answer"] == "conditions"  # nothing half-written


def test_an_answer_the_day_after_the_consultees_day_is_recorded_late_and_a_decided_case_takes_none(deps, pay,
                                                                                                     york_types):
    from chalicelib.handlers.licensing import desk
    from chalicelib.handlers.licensing.consulting import answer, ask
    case = pub_received(deps)
    ask(at(deps, london(2026, 11, 27, 12)), case.id)
    token = token_in(mails(f"licence-consult:{case.id}:")["fire.safety@nyfrs.example.org"])
    on_the_day = deps.replace(clock=lambda: london(2026, 12, 25, 23, 59), principal=None)
    assert answer(on_the_day, token, {"answer": "no_objection"})["consultee"]["late"] is False
    next_day = deps.replace(clock=lambda: london(2026, 12, 26, 0, 1), principal=None)
    assert answer(next_day, token, {"answer": "no_objection"})["consultee"]["late"] is True
    officer = deps.replace(clock=lambda: london(2027, 1, 4, 9), principal=person(700))
    desk.decide(officer, case.id, {"outcome": "granted", "reasons": "No relevant representations."},
                deps.licensing.get(case.id).seq)
    with pytest.raises(ApiError) as decided:
        answer(deps.replace(clock=lambda: london(2027, 1, 5, 9), principal=None), token, {"answer": "objection"})
    assert decided.value.status == 409 and decided.value.code == "not_decidable"


def test_a_notices_police_objection_through_the_link_counts_within_three_working_days_and_not_after(deps, pay,
                                                                                                     york_types):
    from chalicelib.handlers.licensing.consulting import answer, ask
    who = at(deps, london(2026, 11, 27, 11))  # a Friday: the three working days end on Wednesday 2 December
    case = paid(who, started(who, notice("2026-12-19")))
    assert case.state == "given"
    ask(at(deps, london(2026, 11, 27, 12)), case.id)
    token = token_in(mails(f"licence-consult:{case.id}:")["licensing.nyp@example.org"])
    late = deps.replace(clock=lambda: london(2026, 12, 3, 0, 5), principal=None)
    with pytest.raises(ApiError) as refused:
        answer(late, token, {"answer": "objection", "words": "Crowd control."})
    assert refused.value.code == "objection_window_passed" and "Wednesday 2 December 2026" in refused.value.message
    in_time = deps.replace(clock=lambda: london(2026, 12, 2, 23, 50), principal=None)
    answer(in_time, token, {"answer": "objection", "words": "Crowd control."})
    assert deps.licensing.get(case.id).state == "objected"


def test_an_altered_expired_or_other_councils_link_opens_nothing(deps, pay, york_types):
    from chalicelib.handlers.licensing.consulting import LIFETIME, ask, show, token_for
    from support.councils_support import add, north_lanarkshire, york
    case = pub_received(deps)
    sent = london(2026, 11, 27, 12)
    ask(at(deps, sent), case.id)
    token = token_in(mails(f"licence-consult:{case.id}:")["licensing.nyp@example.org"])
    anyone = deps.replace(clock=lambda: london(2026, 12, 1, 9), principal=None)
    claim, signature = token.split(".")
    for bad in (f"{claim}.{signature[:-2]}AA", token_for(deps.council.id, case.id, "parish_council", sent),
                token_for(deps.council.id, "LC-NONE1", "police", sent), "not-a-token"):
        with pytest.raises(ApiError) as refused:
            show(anyone, bad)
        assert refused.value.status == 404 and refused.value.code == "link_not_valid"
    with pytest.raises(ApiError) as expired:
        show(deps.replace(clock=lambda: sent + LIFETIME, principal=None), token)
    assert expired.value.status == 403 and expired.value.code == "link_expired"
    add(deps, york(), north_lanarkshire())
    with tenancy.acting_for("north-lanarkshire"):
        with pytest.raises(ApiError) as elsewhere:
            show(deps.for_council().replace(clock=lambda: london(2026, 12, 1, 9), principal=None), token)
    assert elsewhere.value.status == 404


def test_the_link_routes_answer_in_the_one_error_shape(client):
    for method in ("get", "post"):
        answered = getattr(client, method)("/v1/licensing/consultations/abc.def", *([{}] if method == "post" else []))
        assert answered.status_code == 404 and answered.json_body["error"]["code"] == "link_not_valid"


def test_the_decision_reaches_the_applicant_and_a_consultee_without_the_officer_who_made_it(deps, pay, york_types):
    """Who decided is the desk's (and its audit's): the applicant and a consultee read the outcome and reasons."""
    from chalicelib.handlers.licensing import desk
    from chalicelib.handlers.licensing.consulting import ask, show
    from chalicelib.handlers.licensing.reading import desk_one
    from chalicelib.handlers.licensing.views import applicant_view
    case = pub_received(deps)
    ask(at(deps, london(2026, 11, 27, 12)), case.id)
    token = token_in(mails(f"licence-consult:{case.id}:")["licensing.nyp@example.org"])
    officer = deps.replace(clock=lambda: london(2027, 1, 4, 9), principal=person(700))
    desk.decide(officer, case.id, {"outcome": "granted", "reasons": "No relevant representations."},
                deps.licensing.get(case.id).seq)
    decided = deps.licensing.get(case.id)
    for view in (applicant_view(deps, decided), show(deps.replace(principal=None), token)["case"]):
        assert view["decision"]["outcome"] == "granted" and view["decision"]["reasons"].startswith("No relevant")
        assert "by" not in view["decision"] and officer.principal.user_id not in str(view)
    assert desk_one(officer.replace(reason="Checking the decision"), case.id)[0]["decision"]["by"] == \
        officer.principal.user_id
