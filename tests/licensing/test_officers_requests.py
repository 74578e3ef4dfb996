"""An officer asks the applicant for something with a day to answer by; the applicant is mailed once with a link to
their case at the council's own address, answers on it (again, until it is decided), and the desk reads the
answer; nobody else answers, and a decided case takes no request and no answer."""
import pytest

from chalicelib.errors import ApiError
from chalicelib.handlers.licensing import routes  # noqa: F401  (registers the payment hook and the effects)
from chalicelib.handlers.payments import routes as payment_routes  # noqa: F401  (a finished payment's effect)
from support.licensing_support import york_types  # noqa: F401
from support.pay_support import pay  # noqa: F401
from support.licensing_support import at, london, paid, person, started

PUB = {"name": "The Golden Fleece", "address": "16 Pavement, York YO1 9UP", "uprn": "990000000501",
       "lat": 53.9592, "lon": -1.0801}


def received(deps, applicant):
    who = at(deps, london(2026, 11, 27, 11), applicant)
    return paid(who, started(who, {"type": "premises-licence", "band": "C", "premises": PUB}))


def officer_at(deps, moment):
    return deps.replace(clock=lambda: moment, principal=person(700))


def test_the_applicant_is_asked_once_answers_on_their_case_and_the_desk_reads_it(deps, pay, york_types):
    from types import SimpleNamespace
    from chalicelib.handlers.alerts.delivery import links_base
    from chalicelib.handlers.licensing.asking import answer, ask, tell
    from chalicelib.storage.outbox import OutboxStore
    landlord = person()
    case = received(deps, landlord)
    desk = officer_at(deps, london(2026, 12, 1, 10))
    case = ask(desk, case.id, {"words": "The plan does not show the yard's exits. Please send one that does.",
                               "document": "plan", "reply_by": "2026-12-08"}, case.seq)
    event = SimpleNamespace(id="e1", kind="licence_information_requested", payload={"case_id": case.id, "request": 1})
    assert not tell(desk, event)  # told as the request was saved (its effect's first try); the stream again: no more
    mail, = [m for m in OutboxStore().newest(50, to=landlord.email) if m.id.startswith("licence-request:")]
    assert "yard's exits" in mail.body and "Please answer by the end of Tuesday 8 December 2026." in mail.body
    assert f"{links_base(desk)}/licensing/cases/{case.id}" in mail.body
    mine = at(deps, london(2026, 12, 2, 9), landlord)
    answer(mine, case.id, 1, {"words": "A new plan is on its way from the architect."})
    view = answer(mine, case.id, "1", {"words": "The new plan is sent with the exits marked."})
    assert view["requests"][0]["answer"]["words"] == "The new plan is sent with the exits marked."
    from chalicelib.handlers.licensing.views import desk_view
    shown = desk_view(deps.licensing.get(case.id), [])["requests"]
    assert [(r["id"], r["document"], r["reply_by"], r["answer"]["words"]) for r in shown] == [
        (1, "plan", "2026-12-08", "The new plan is sent with the exits marked.")]


def test_only_the_applicant_answers_and_a_decided_case_takes_no_request_and_no_answer(deps, pay, york_types):
    from chalicelib.handlers.licensing import desk as licensing_desk
    from chalicelib.handlers.licensing.asking import answer, ask
    landlord = person()
    case = received(deps, landlord)
    office = officer_at(deps, london(2026, 12, 1, 10))
    case = ask(office, case.id, {"words": "Who will be the designated premises supervisor?"}, case.seq)
    with pytest.raises(ApiError) as stranger:
        answer(at(deps, london(2026, 12, 2, 9)), case.id, 1, {"words": "Me!"})
    assert stranger.value.status == 404
    mine = at(deps, london(2026, 12, 2, 9), landlord)
    for number, body, status in ((2, {"words": "Jo"}, 404), (1, {"words": ""}, 400), (1, {}, 400)):
        with pytest.raises(ApiError) as bad:
            answer(mine, case.id, number, body)
        assert bad.value.status == status
    for body in ({"words": ""}, {"words": "x", "document": "passport"}, {"words": "x", "reply_by": "2026-12-01"}):
        with pytest.raises(ApiError) as refused:
            ask(office, case.id, body, deps.licensing.get(case.id).seq)
        assert refused.value.status in (400, 422)
    licensing_desk.decide(officer_at(deps, london(2027, 1, 4, 9)), case.id,
                          {"outcome": "granted", "reasons": "No representations."}, deps.licensing.get(case.id).seq)
    with pytest.raises(ApiError) as late_answer:
        answer(mine, case.id, 1, {"words": "Jo Landlord"})
    assert late_answer.value.status == 409
    with pytest.raises(ApiError) as late_request:
        ask(office, case.id, {"words": "Anything else?"}, deps.licensing.get(case.id).seq)
    assert late_request.value.status == 409 and late_request.value.code == "not_decidable"
    assert deps.licensing.get(case.id).requests[0]["answer"] is None  # nothing half-written
