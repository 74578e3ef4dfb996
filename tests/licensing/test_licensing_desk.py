"""The licensing desk: a hearing set past the law's last day only with a
reason, no decision while a representation is unchecked, a licence granted
with its number and its type's term, suspended and reinstated with reasons,
an officer working from an old copy told to read it again; and the neighbours
whose alert's circle holds the premises told with the last day for
representations."""
from types import SimpleNamespace

import pytest

from chalicelib.errors import ApiError
from chalicelib.handlers.licensing import routes  # noqa: F401  (registers the payment hook, as app.py does)
from chalicelib.handlers.payments import routes as payment_routes  # noqa: F401  (a finished payment's effect)
from support.licensing_support import york_types  # noqa: F401
from support.pay_support import pay  # noqa: F401
from support.licensing_support import at, checked_before_decision, london, paid, person, started

PUB = {"name": "The Golden Fleece", "address": "16 Pavement, York YO1 9UP", "uprn": "990000000501",
       "lat": 53.9592, "lon": -1.0801}
OBJECTOR = {"name": "Ada Quietly", "email": "ada.quietly@example.org", "address": "3 Lady Peckitt's Yard, York"}


def received(deps):
    who = at(deps, london(2026, 11, 28, 11))
    return paid(who, started(who, {"type": "premises-licence", "purposes": "variation", "band": "C", "premises": PUB}))


def officer(deps, moment):
    return deps.replace(clock=lambda: moment, principal=person(700))


def test_a_hearing_past_the_laws_last_day_needs_a_reason_and_the_decision_waits_for_every_check(deps, pay,
                                                                                                york_types):
    from chalicelib.handlers.licensing import desk, representations
    case = received(deps)
    neighbour = deps.replace(clock=lambda: london(2026, 12, 10, 9), principal=None)
    rep_id, _ = representations.make(neighbour, case.id, dict(OBJECTOR, grounds="Late music."))
    desk_at = officer(deps, london(2027, 1, 4, 9))
    case = deps.licensing.get(case.id)  # as the officer opens it: the representation counted
    with pytest.raises(ApiError) as late:
        desk.set_hearing(desk_at, case.id, {"day": "2027-01-27"}, case.seq)
    assert late.value.status == 422 and "The law's last day for the hearing is Tuesday 26 January 2027" in str(late.value.body())
    case = desk.set_hearing(desk_at, case.id, {"day": "2027-01-26"}, case.seq)
    assert {c["name"]: c["last_day"] for c in case.clocks}["decision"] == "2027-02-01"
    with pytest.raises(ApiError) as waiting:
        desk.decide(desk_at, case.id, {"outcome": "granted", "reasons": "Conditions meet the concerns."}, case.seq)
    assert waiting.value.code == "representations_unchecked"
    representations.check(desk_at, case.id, rep_id, True, "A neighbour is worried about late music.", None)
    case = desk.set_conditions(desk_at, case.id, {"conditions": ["No amplified music outside after 21:00"]}, case.seq)
    granted = desk.decide(desk_at, case.id, {"outcome": "granted", "reasons": "Conditions meet the concerns."},
                          case.seq)
    assert granted.state == "granted" and granted.licence["number"] == case.id.replace("LC-", "LN-")
    assert granted.licence["from"] == "2027-01-04" and granted.licence["to"] is None  # a premises licence has no end


def test_a_taxi_drivers_licence_runs_its_term_and_is_suspended_and_reinstated_with_reasons(deps, pay, york_types):
    from chalicelib.handlers.licensing import desk
    who = at(deps, london(2026, 8, 31, 11))
    case = paid(who, started(who, {"type": "taxi-driver", "premises": {"address": "4 Acomb Road, York"}}))
    assert case.clocks == []  # no statutory clock: the council decides when it is satisfied
    desk_at = officer(deps, london(2026, 8, 31, 15))
    case = checked_before_decision(desk_at, case)
    case = desk.decide(desk_at, case.id, {"outcome": "granted", "reasons": "DBS clear, medical passed."}, case.seq)
    assert case.licence["to"] == "2029-08-31"  # 36 months
    with pytest.raises(ApiError) as stale:
        desk.change_licence(desk_at, case.id, {"action": "suspend", "reasons": "DBS update shows a caution."},
                            case.seq - 1)
    assert stale.value.code == "edit_conflict"
    case = desk.change_licence(desk_at, case.id, {"action": "suspend", "reasons": "DBS update shows a caution."},
                               case.seq)
    assert case.licence["state"] == "suspended"
    with pytest.raises(ApiError) as twice:
        desk.change_licence(desk_at, case.id, {"action": "revoke", "reasons": "x"}, case.seq)
    assert twice.value.code == "licence_not_current"
    case = desk.change_licence(desk_at, case.id, {"action": "reinstate", "reasons": "Caution was for another person."},
                               case.seq)
    assert case.licence["state"] == "current" and [h["action"] for h in case.licence["history"]] == ["suspend",
                                                                                                     "reinstate"]


def test_neighbours_following_the_area_are_told_with_the_last_day_for_representations(deps, pay, york_types):
    from chalicelib.handlers.alerts.audience import registered
    from chalicelib.handlers.alerts.targets import point_keys
    case = received(deps)
    event = SimpleNamespace(id=f"licence.{case.id}.received", kind="licence_application_received",
                            payload={"case_id": case.id})
    audience = registered(event.kind)(deps, event)
    assert audience.keys() == point_keys("area", PUB["lon"], PUB["lat"])
    alert = SimpleNamespace(id="a1", target={"lon": -1.0801, "lat": 53.9610}, unsubscribe_token="t", email="x")
    told = audience.message_for(alert)
    assert told["title"].startswith("Premises licence (alcohol, entertainment, late night refreshment) applied for, ")
    assert "200 m south" in told["title"]
    assert "until the end of Saturday 26 December 2026" in told["body"] and case.id in told["body"]
    taxi_event = SimpleNamespace(id="e2", kind="licence_application_received", payload={"case_id": "LC-NONE1"})
    assert registered(taxi_event.kind)(deps, taxi_event) is None


def test_the_decision_reaches_the_applicant_and_the_objector_once_each_and_neither_is_named_to_the_other(deps, pay,
                                                                                                        york_types):
    from chalicelib.handlers.licensing import desk, representations
    from chalicelib.handlers.licensing.telling import tell_decision
    from chalicelib.storage.outbox import OutboxStore
    case = received(deps)
    neighbour = deps.replace(clock=lambda: london(2026, 12, 10, 9), principal=None)
    rep_id, _ = representations.make(neighbour, case.id, dict(OBJECTOR, grounds="Late music."))
    desk_at = officer(deps, london(2027, 1, 4, 9))
    representations.check(desk_at, case.id, rep_id, True, "A neighbour is worried about late music.", None)
    case = deps.licensing.get(case.id)
    desk.decide(desk_at, case.id, {"outcome": "refused", "reasons": "The beer garden cannot be kept quiet."},
                case.seq)  # its effect tells both at once
    assert tell_decision(desk_at, case.id) == 2  # told again (the stream after a crash): still one mail each
    outbox = OutboxStore()
    applicant = outbox.get(f"licence-decided:{case.id}:applicant")
    objector = outbox.get(f"licence-decided:{case.id}:{rep_id}")
    assert applicant.to == case.applicant["email"] and objector.to == "ada.quietly@example.org"
    assert "has been refused" in applicant.body and "The beer garden cannot be kept quiet." in applicant.body
    assert "Ada" not in applicant.body and "Peckitt" not in applicant.body
    assert "The applicant was not told your name" in objector.body


def test_an_officer_opens_a_case_only_saying_why_and_each_reading_is_in_the_cases_audit(client, deps, people, pay,
                                                                                          york_types):
    from chalicelib.handlers.licensing import representations
    case = received(deps)
    neighbour = deps.replace(clock=lambda: london(2026, 12, 10, 9), principal=None)
    representations.make(neighbour, case.id, dict(OBJECTOR, grounds="Late music."))
    case = deps.licensing.get(case.id)  # the representation counted: a version on
    lin = people("staff", email="lin.licensing@council.example")
    path = f"/v1/staff/licensing/cases/{case.id}"
    personal = (OBJECTOR["email"], OBJECTOR["name"], "Peckitt", case.applicant["email"])

    unsaid = client.get(path, lin.auth)
    assert unsaid.status_code == 400, unsaid.body
    assert unsaid.json_body["error"]["fields"] == [
        {"field": "Access-Reason", "message": "Say why you are opening it, in 5 characters or more: it is kept "
                                             "in the audit."}]
    assert not any(p in unsaid.body.decode() for p in personal) and deps.audit.entries(case.id) == []
    assert client.get("/v1/staff/licensing/cases/LC-NONE99", lin.auth).status_code == 400  # asked before reading

    said = client.get(path, {**lin.auth, "Access-Reason": "Preparing the hearing's notice"})
    assert said.status_code == 200, said.body
    assert said.json_body["representations"][0]["contact"]["email"] == OBJECTOR["email"]
    assert said.json_body["applicant"]["email"] == case.applicant["email"] and said.headers["ETag"] == f'"{case.seq}"'
    [entry] = deps.audit.entries(case.id)
    assert (entry.action, entry.by_email, entry.reason, entry.changes) == (
        "read", "lin.licensing@council.example", "Preparing the hearing's notice",
        {"read": {"before": None, "after": f"The applicant's and objectors' details, version {case.seq}"}})

    # A change answers without the personal parts unless the officer said why (the desk then reads it again).
    changed = client.post(f"{path}/conditions", {"conditions": ["Doors shut by 23:00"]},
                          {**lin.auth, "If-Match": f'"{case.seq}"'})
    assert changed.status_code == 200, changed.body
    assert changed.json_body["personal_withheld"] is True and changed.json_body["version"] == case.seq + 1
    assert not any(p in changed.body.decode() for p in personal) and PUB["address"] not in changed.body.decode()
    assert len(deps.audit.entries(case.id)) == 1
    again = client.post(f"{path}/conditions", {"conditions": ["Doors shut by 22:30"]},
                        {**lin.auth, "If-Match": f'"{case.seq + 1}"', "Access-Reason": "Preparing the hearing's notice"})
    assert again.status_code == 200 and again.json_body["personal_withheld"] is False
    assert again.json_body["representations"][0]["contact"]["name"] == OBJECTOR["name"]
    assert [e.changes["read"]["after"] for e in deps.audit.entries(case.id)] == [
        f"The applicant's and objectors' details, version {v}" for v in (case.seq, case.seq + 2)]
    refused = client.post(f"{path}/conditions", {"conditions": ["Doors shut by 22:00"]},
                          {**lin.auth, "If-Match": f'"{case.seq + 2}"', "Access-Reason": "  "})
    assert refused.status_code == 400 and deps.licensing.get(case.id).conditions == ["Doors shut by 22:30"]


def test_the_desks_list_shows_no_persons_details_not_even_a_cab_drivers_home(client, deps, people, pay, york_types):
    pub = received(deps)
    who = at(deps, london(2026, 8, 31, 11))
    cab = paid(who, started(who, {"type": "taxi-driver", "premises": {"address": "4 Acomb Road, York"}}))
    listed = client.get("/v1/staff/licensing/cases", people("staff").auth)
    assert listed.status_code == 200, listed.body
    rows = {c["id"]: c for c in listed.json_body["cases"]}
    assert rows[pub.id]["premises"] == {"name": PUB["name"], "address": PUB["address"]}  # as the register shows them
    assert rows[cab.id]["premises"] == {}
    text = listed.body.decode()
    assert "Acomb" not in text and pub.applicant["email"] not in text and cab.applicant["email"] not in text
