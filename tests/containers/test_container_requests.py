"""Ordering a waste container, as WasteWorks takes one: the containers a
property's rounds allow, priced by reason; one open request per property and
container; a paid one confirmed only by its payment's event, then a crew job
on the property's round day; an empty depot said before any payment."""
import dataclasses
from datetime import date

import pytest

from chalicelib.handlers.containers import routes  # noqa: F401  (registers the payment hook and effects, as app.py does)
from support.alert_support import outbox_to
from support.containers_support import RECYCLING_ROUND, ask, paid, stocked_home
from support.pay_support import pay  # noqa: F401


def test_a_property_is_offered_only_what_its_rounds_take_priced_by_reason(client, deps, people):
    stocked_home(deps, garden=False)
    answer = client.get("/v1/places/990000000501/containers", people().auth)
    assert answer.status_code == 200, answer.body
    offered = {c["id"]: c for c in answer.json_body["containers"]}
    assert sorted(offered) == ["recycling-bin", "recycling-box", "refuse-bin"]  # no garden round, no food round
    box = offered["recycling-box"]
    assert box["prices"]["damaged"] == 700 and box["prices"]["damaged_by_crew"] == 0
    assert box["in_stock"] is True and box["open_request"] is None and box["request_open"] is False


def test_a_garden_bin_needs_an_active_garden_subscription(client, deps, people):
    stocked_home(deps)
    refused = ask(client, people(), "garden-bin", "extra")
    assert refused.status_code == 422 and refused.json_body["error"]["fields"][0]["field"] == "container"
    listed = client.get("/v1/places/990000000501/containers", people().auth).json_body["containers"]
    assert "garden-bin" not in [c["id"] for c in listed]


def test_a_paid_request_is_confirmed_by_its_payment_and_delivered_on_the_round_day(client, deps, people, pay):
    from chalicelib.bindays import WEEKDAYS
    stocked_home(deps)
    resident = people()
    made = ask(client, resident)
    assert made.status_code == 201, made.body
    request = made.json_body
    assert request["status"] == "held" and request["amount"] == 700 and request["delivery_date"] is None
    assert deps.jobs.get(request["id"]) is None  # no job for an unpaid request
    paid(client, request)
    seen = client.get(f"/v1/waste/containers/requests/{request['id']}", resident.auth).json_body
    assert seen["status"] == "confirmed" and seen["payment"]["status"] == "success"
    day = date.fromisoformat(seen["delivery_date"])
    assert WEEKDAYS[day.weekday()] == "wednesday"  # the recycling round's day
    job = deps.jobs.get(request["id"])
    assert job.due == seen["delivery_date"] and job.team == "waste" and job.service_code == "container_delivery"
    assert resident.user.email not in str(job.details)  # the crew sees the address, never who asked
    mails = outbox_to(resident.user.email)
    assert [m.subject for m in mails if "delivered on" in m.subject] == [
        f"Your Green recycling box (55 litres) will be delivered on {day:%A} {day.day} {day:%B %Y}"]


def test_a_second_request_for_the_same_container_is_refused_and_only_its_owner_is_told_the_reference(
        client, deps, people):
    stocked_home(deps)
    owner, stranger, officer = people(), people(), people("staff")
    first = ask(client, owner, reason="damaged_by_crew")
    assert first.status_code == 201 and first.json_body["status"] == "confirmed"  # free: confirmed at once
    reference = first.json_body["id"]
    again = ask(client, stranger, reason="missing")  # anyone may type the address
    assert again.status_code == 409 and again.json_body["error"]["code"] == "request_open"
    assert again.json_body["open_request"] is None and reference not in again.body.decode()
    assert "already open at this address" in again.json_body["error"]["message"]
    mine = ask(client, owner, reason="missing")
    assert mine.status_code == 409 and mine.json_body["open_request"] == reference
    assert reference in mine.json_body["error"]["message"]

    def box(person):
        answer = client.get("/v1/places/990000000501/containers", person.auth)
        assert answer.status_code == 200, answer.body
        return next(c for c in answer.json_body["containers"] if c["id"] == "recycling-box")
    seen = box(stranger)
    assert seen["request_open"] is True and seen["open_request"] is None
    assert box(owner)["open_request"] == reference and box(officer)["open_request"] == reference
    assert box(owner)["request_open"] is True
    other = ask(client, people(), container="recycling-bin", reason="damaged_by_crew")
    assert other.status_code == 201  # another container is another request


def test_residents_of_one_household_racing_for_one_container_make_one_request(deps, people):
    from chalicelib.auth.principal import Principal
    from chalicelib.errors import ApiError
    from chalicelib.handlers.containers.requesting import create
    from support.racing import at_once
    stocked_home(deps, count=50)

    def one(n):
        own = dataclasses.replace(deps, principal=Principal(user_id=f"racer-{n}", role="resident",
                                                           email=f"racer{n}@example.org"))
        try:
            return 201, create(own, {"uprn": "990000000501", "container": "recycling-box",
                                     "reason": "damaged_by_crew"}, f"race-key-{n:04d}")[0]["id"]
        except ApiError as e:
            return e.status, e.code
    answers = at_once(one, range(12))

    won = [a for a in answers if a[0] == 201]
    assert len(won) == 1 and sorted(a for a in answers if a[0] != 201) == [(409, "request_open")] * 11
    assert deps.containers.stock("main", ["recycling-box"]) == {"recycling-box": 49}  # one taken off the shelf


def test_a_payment_s_event_confirms_once_however_often_it_is_told(client, deps, people, pay):
    from chalicelib.handlers.containers.settling import on_payment
    from chalicelib.handlers.payments.core import finished_event, on_finished
    stocked_home(deps)
    resident = people()
    request = ask(client, resident).json_body
    paid(client, request)
    payment = deps.payments.get(request["payment"]["id"])
    job_version = deps.jobs.get(request["id"]).version
    for _ in range(3):  # a retried hook, a webhook after the return, the job's check
        on_payment(deps, payment)
        on_finished(deps, finished_event(deps, payment.id, "success", deps.clock()), "again")
    assert deps.jobs.get(request["id"]).version == job_version  # one job, made once
    assert len([m for m in outbox_to(resident.user.email) if "delivered on" in m.subject]) == 1


def test_an_empty_depot_says_so_before_any_payment(client, deps, people, pay):
    stocked_home(deps, count=0)
    answer = client.get("/v1/places/990000000501/containers", people().auth)
    assert answer.status_code == 200, answer.body
    listed = {c["id"]: c["in_stock"] for c in answer.json_body["containers"]}
    # Every container the home's rounds take (no garden subscription: no garden bin) says the shelf is empty.
    assert listed == {"refuse-bin": False, "recycling-box": False, "recycling-bin": False}
    refused = ask(client, people())
    assert refused.status_code == 409 and refused.json_body["error"]["code"] == "out_of_stock"
    assert pay.payments == {}  # the provider was never asked
    assert deps.containers.open_for("990000000501", "recycling-box") is None


def test_a_hold_whose_payment_never_comes_back_is_let_go_and_its_container_put_back(client, deps, people, pay):
    from datetime import timedelta
    from chalicelib.handlers.containers.settling import release_expired
    stocked_home(deps, count=1)
    request = ask(client, people()).json_body
    assert deps.containers.stock("main", ["recycling-box"]) == {"recycling-box": 0}
    later = dataclasses.replace(deps, clock=lambda: deps.clock() + timedelta(minutes=31))
    assert release_expired(later) == 1 and release_expired(later) == 0
    assert deps.containers.get(request["id"]).status == "released"
    assert deps.containers.stock("main", ["recycling-box"]) == {"recycling-box": 1}
    assert ask(client, people()).status_code == 201  # the property may ask again


def test_the_crew_delivering_ends_the_request_and_the_resident_is_told(client, deps, people):
    from support.crew_support import Crew, now_iso
    from support.staff_support import load_staff_data
    load_staff_data(deps)  # the waste crew's team
    stocked_home(deps)
    resident = people()
    request = ask(client, resident, reason="damaged_by_crew", notes="By the side gate").json_body
    crew = Crew(client, people("crew", team="waste"))
    job = crew.job(request["id"]).json_body
    assert "By the side gate" in str(job) and resident.user.email not in str(job)
    assert crew.update(request["id"], {"status": "done", "saved_at": now_iso()}).status_code in (200, 201)
    seen = client.get(f"/v1/waste/containers/requests/{request['id']}", resident.auth).json_body
    assert seen["status"] == "delivered"
    from chalicelib.stamps import london_today
    assert seen["delivered_on"] == london_today(deps.clock()).isoformat()  # missed bins count it from the next collection
    assert [m.subject for m in outbox_to(resident.user.email) if "has been delivered" in m.subject] == [
        "Your Green recycling box (55 litres) has been delivered"]
    assert ask(client, resident, reason="damaged_by_crew").status_code == 201  # no longer open


@pytest.mark.parametrize("body, field", [
    ({"container": "recycling-box", "reason": "damaged"}, "uprn"),
    ({"uprn": "990000000501", "reason": "damaged"}, "container"),
    ({"uprn": "990000000501", "container": "recycling-box"}, "reason"),
    ({"uprn": "990000000501", "container": "recycling-box", "reason": "bored"}, "reason"),
    ({"uprn": "990000000501", "container": "recycling-box", "reason": "damaged", "colour": "red"}, "colour"),
    ({"uprn": "990000000501", "container": "recycling-box", "reason": "damaged", "notes": "x" * 301}, "notes"),
    ({"uprn": "990000000501", "container": 7, "reason": "damaged"}, "container"),
])
def test_bad_input_is_refused_with_the_field_named(client, deps, people, body, field):
    stocked_home(deps)
    answer = client.post("/v1/waste/containers/requests", body, people().auth)
    assert answer.status_code == 400, answer.body
    assert field in [f["field"] for f in answer.json_body["error"]["fields"]]


def test_a_request_that_is_not_json_or_for_an_unknown_property_is_a_4xx(client, deps, people):
    stocked_home(deps)
    assert client.post("/v1/waste/containers/requests", "[1, 2]", people().auth).status_code == 400
    unknown = client.post("/v1/waste/containers/requests",
                          {"uprn": "1", "container": "recycling-box", "reason": "damaged"}, people().auth)
    assert unknown.status_code == 404 and unknown.json_body["error"]["code"] == "place_not_found"
    assert client.get("/v1/waste/containers/requests/CR-NOPE", people().auth).status_code == 404


def test_staff_take_a_request_for_a_caller_and_my_account_export_and_erasure_include_requests(
        client, deps, people):
    stocked_home(deps)
    officer, resident = people("staff"), people()
    taken = client.post("/v1/staff/waste/containers/requests",
                        {"uprn": "990000000501", "container": "refuse-bin", "reason": "missing",
                         "payment": "waived", "waive_reason": "Hardship", "caller_email": "caller@example.org"},
                        officer.auth)
    assert taken.status_code == 201, taken.body
    assert taken.json_body["status"] == "confirmed" and taken.json_body["taken_by"]["reason"] == "Hardship"
    mine = ask(client, resident, reason="damaged_by_crew").json_body
    listed = client.get("/v1/me/container-requests", resident.auth).json_body["requests"]
    assert [r["id"] for r in listed] == [mine["id"]]
    assert [r["id"] for r in client.get("/v1/me/export", resident.auth).json_body["container_requests"]] == [mine["id"]]
    assert client.raw.http.delete("/v1/me", headers=resident.auth).status_code in (200, 204)
    kept = deps.containers.get(mine["id"])
    assert kept.user_id is None and kept.email is None and kept.status == "confirmed"  # the crew still deliver


def test_a_declined_card_lets_the_request_go_and_puts_the_container_back(client, deps, people, pay):
    from support.pay_support import DECLINED, pay_with
    stocked_home(deps, count=1)
    resident = people()
    request = ask(client, resident).json_body
    back = pay_with(request["payment"]["next_url"], DECLINED)
    if back:  # the provider's page keeps a declined payer; their way back is its link
        client.get(back[back.index("/v1/"):])
    from chalicelib.handlers.payments.core import check
    check(deps, deps.payments.get(request["payment"]["id"]))  # as the return, a webhook or the job would
    seen = client.get(f"/v1/waste/containers/requests/{request['id']}", resident.auth).json_body
    assert seen["status"] == "released" and seen["why"] == "payment_failed"
    assert deps.containers.stock("main", ["recycling-box"]) == {"recycling-box": 1}
    assert deps.jobs.get(request["id"]) is None
