"""A licence type's questions are its form on the forms engine: every type of the three demo councils names a
form the engine takes; applying checks the answers by the engine's own rules along the path its routes take
(a pub selling alcohol must name its supervisor, a cafe that sells none is not asked), keeps them as a forms
submission written with the case, and shows them to the applicant and the desk only; the register and a
consultee read the questions the form marks public and nothing else. A renewal starts from last time's."""
import json
import uuid

import pytest

from chalicelib.errors import ApiError
from chalicelib.handlers.licensing import routes  # noqa: F401  (registers the payment hook, as app.py does)
from chalicelib.handlers.payments import routes as payment_routes  # noqa: F401  (a finished payment's effect)
from support.licensing_support import NCL_TYPES, NL_TYPES, YORK_TYPES, york_types  # noqa: F401
from support.pay_support import pay  # noqa: F401
from support.licensing_support import CAB_ANSWERS, PUB_ANSWERS, at, london, paid, person, started

LICENCE_FORMS = YORK_TYPES.parent / "forms" / "licences"
PUB = {"name": "The Golden Fleece", "address": "16 Pavement, York YO1 9UP", "uprn": "990000000501"}
CAB = {"name": "YO1 Cars, vehicle YK24 ABC", "address": "4 Acomb Road, York YO24 4EY"}


def pub_answers(**changes):
    return {**PUB_ANSWERS, **changes}


def load_forms(deps, *form_ids):
    from doorstep_cli.forms import load_definition, operator
    for form_id in form_ids:
        load_definition(operator(deps), json.loads((LICENCE_FORMS / f"{form_id}.json").read_text()), publish=True)


@pytest.fixture
def york_forms(deps, york_types):
    load_forms(deps, "licence-premises", "licence-taxi-vehicle")


def application(answers):
    return {"type": "premises-licence", "premises": PUB, "band": "C", "applicant": {"name": "Jo Landlord"},
            "answers": answers}


def test_every_licence_type_of_the_three_councils_names_a_licence_form_the_engine_takes():
    from chalicelib.handlers.forms.definition import errors
    named = {t["form"] for path in (YORK_TYPES, NCL_TYPES, NL_TYPES) for t in json.loads(path.read_text())}
    assert len(named) == 12
    for form_id in named:
        definition = json.loads((LICENCE_FORMS / f"{form_id}.json").read_text())
        assert (definition["id"], definition["kind"], errors(definition)) == (form_id, "licence", [])


def test_a_pub_selling_alcohol_without_its_designated_premises_supervisor_is_refused_naming_the_field(
        deps, pay, york_forms):
    who = at(deps, london(2026, 11, 2, 11))
    with pytest.raises(ApiError) as refused:
        started(who, application(pub_answers(dps_name=None, steps_public_nuisance="  ")))
    fields = [f["field"] for f in refused.value.body()["error"]["fields"]]
    assert refused.value.status == 422 and fields == ["answers.dps_name", "answers.steps_public_nuisance"]
    assert deps.licensing.of_user(who.principal.user_id) == []  # nothing made


def test_a_cafe_selling_no_alcohol_is_not_asked_for_a_supervisor_and_its_stray_answers_are_not_kept(
        deps, pay, york_forms):
    who = at(deps, london(2026, 11, 2, 11))
    cafe = pub_answers(activities=["late_night_refreshment"], dps_name=None, dps_personal_licence="left from before")
    case = started(who, application(cafe))
    kept = deps.form_submissions.get(deps.licensing.get(case["id"]).answers_reference)
    assert "dps_personal_licence" not in kept.answers and "supervisor" not in kept.taken
    assert kept.answers["activities"] == ["late_night_refreshment"]


def test_the_answers_are_one_submission_written_with_the_case_and_a_retry_makes_neither_again(deps, pay, york_forms):
    from chalicelib.handlers.licensing.applying import start
    who = at(deps, london(2026, 11, 2, 11))
    key = str(uuid.uuid4())
    first, made = start(who, application(pub_answers()), key)
    again, made_again = start(who, application(pub_answers()), key)
    case = deps.licensing.get(first["id"])
    assert (made, made_again, again["id"]) == (True, False, first["id"])
    assert case.answers_reference == "FM-" + case.id[3:]
    kept = deps.form_submissions.get(case.answers_reference)
    assert (kept.form_id, kept.state, kept.user_id) == ("licence-premises", "submitted", who.principal.user_id)
    assert kept.answers["dps_name"] == {"first": "Morag", "last": "Keeper"}


def test_a_licence_form_is_neither_listed_nor_started_as_a_residents_form_nor_exported_by_the_forms_desk(
        deps, pay, york_forms):
    from chalicelib.auth.principal import Principal
    from chalicelib.auth.policy import Forbidden
    from chalicelib.handlers.forms import completing, export, managing
    assert "licence-premises" not in [f["id"] for f in managing.published_list(deps)["forms"]]
    with pytest.raises(ApiError) as refused:
        completing.start(deps.replace(principal=person()), "licence-premises", {}, str(uuid.uuid4()))
    assert refused.value.code == "form_is_a_licence"
    who = at(deps, london(2026, 11, 2, 11))
    started(who, application(pub_answers()))
    with pytest.raises(Forbidden):  # its CSV would be every applicant's answers, read with no reason
        export.submissions_csv(deps.replace(principal=Principal(user_id="admin-1", role="admin")), "licence-premises")


def test_the_applicant_and_the_desk_read_every_answer_the_register_and_a_consultee_only_the_public_ones(
        deps, pay, york_forms):
    from chalicelib.handlers.licensing import reading
    from chalicelib.handlers.licensing.consulting import show, token_for
    who = at(deps, london(2026, 11, 2, 11))
    case = paid(who, started(who, application(pub_answers())))
    mine = {a["id"]: a["answer"] for a in reading.mine(who, case.id)["answers"]}
    assert mine["dps_name"] == "Morag Keeper"
    assert mine["activities"] == "Selling alcohol to drink on the premises; Live music" and mine["phone"] == "01904 000111"
    desk = officer_saying_why(deps)
    assert {a["id"] for a in reading.desk_one(desk, case.id)[0]["answers"]} == set(mine)
    public = {"activities", "hours", "opening_hours", "alcohol_where"}
    assert {a["id"] for a in reading.register_one(deps.replace(principal=None), case.id)["answers"]} == public
    consultee = show(deps.replace(principal=None), token_for(deps.council.id, case.id, "police", case.received_at))
    assert {a["id"] for a in consultee["case"]["answers"]} == public
    listed = json.dumps(reading.register_view(deps.replace(principal=None), {}))
    listed += reading.register_csv_text(deps.replace(principal=None))  # the open-data file
    assert case.id in listed and "Alcohol 11am" not in listed
    assert "Morag" not in listed and "01904 000111" not in listed and "YORK/PL/0412" not in listed


def officer_saying_why(deps):
    from chalicelib.auth.principal import Principal
    return deps.replace(principal=Principal(user_id="officer-1", role="licensing_officer", email="o@york.example"),
                        reason="Checking the operating schedule")


def test_a_renewal_starts_from_the_answers_given_last_time_kept_as_its_own(deps, pay, york_forms):
    from chalicelib.handlers.licensing import desk
    from chalicelib.handlers.licensing.renewing import renew
    holder = person()
    who = at(deps, london(2028, 2, 29, 11), holder)
    case = paid(who, started(who, {"type": "taxi-vehicle", "premises": CAB, "applicant": {"name": "Priya Driver"},
                                   "answers": CAB_ANSWERS}))
    desk.decide(deps.replace(clock=lambda: london(2028, 2, 29, 12), principal=person(700)), case.id,
                {"outcome": "granted", "reasons": "All checks passed."}, deps.licensing.get(case.id).seq)
    renewal, _ = renew(at(deps, london(2029, 1, 20, 9), holder), case.id)
    made = deps.licensing.get(renewal["id"])
    before, now = (deps.form_submissions.get(c.answers_reference) for c in (case, made))
    assert made.answers_reference not in (None, case.answers_reference)
    assert now.answers == before.answers and now.answers["registration"] == "YK24 ABC"


def test_the_demo_loader_loads_the_forms_a_councils_licence_types_name_once(deps, york_types):
    from chalicelib.handlers.forms.managing import published
    from doorstep_cli.forms import licence_forms
    assert licence_forms(deps) == 6 and licence_forms(deps) == 0  # each once: a council's own later versions survive
    for form_id in {t["form"] for t in york_types}:
        head, definition = published(deps, form_id)
        assert (head.kind, definition["kind"]) == ("licence", "licence")


def test_applying_with_answers_costs_one_read_more_the_forms_head_and_one_transaction_of_three_items(
        deps, pay, york_forms):
    from chalicelib.storage.metering import metered
    who = at(deps, london(2026, 11, 2, 11))
    started(who, application(pub_answers()))  # this process has the version's definition now
    with metered() as cost:
        started(who, application(pub_answers()))
    print(f"\napplying with answers: {cost.calls} calls {cost.operations}; {cost.writes} written")
    assert cost.operations.count("TransactWriteItems") == 1 and cost.writes == 3  # case, answers, idempotency key
    assert cost.calls == 5  # the types, the key, the form's head (its version's definition cached), the write, the types

