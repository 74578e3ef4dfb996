"""A resident cancels a container request until the crew has delivered it:
the container goes back on the depot's shelf, the crew's job is withdrawn,
and a paid request is refunded in full from the cancellation's own event,
once, however often that event comes or however many race to cancel."""
import dataclasses
from datetime import timedelta

import pytest

from chalicelib.handlers.containers import routes  # noqa: F401  (registers the payment hook and effects)
from chalicelib.handlers.payments import routes as payment_routes  # noqa: F401  (a finished payment's effect)
from support.alert_support import outbox_to
from support.containers_support import ask, paid, stocked_home
from support.effects_support import dies_after_commit, events_of_kind, run_stream  # noqa: F401
from support.pay_support import open_card_page, pay, pay_with  # noqa: F401
from support.racing import at_once


def cancel(client, person, request_id, body=None):
    return client.post(f"/v1/waste/containers/requests/{request_id}/cancel", body or {}, person.auth)


def refunds_at_provider(deps, request):
    from chalicelib.handlers.payments.core import provider
    return [r.amount for r in provider(deps).refunds(deps.payments.get(request["payment"]["id"]).provider_id)]


@pytest.fixture
def paid_request(client, deps, pay, people):
    stocked_home(deps, count=1)
    resident = people()
    request = ask(client, resident).json_body
    paid(client, request)
    assert deps.containers.get(request["id"]).status == "confirmed"
    return request, resident


def test_a_paid_request_cancelled_is_refunded_in_full_once_from_its_event_and_its_job_withdrawn(
        client, deps, paid_request, dies_after_commit):
    request, resident = paid_request
    assert deps.containers.stock("main", ["recycling-box"]) == {"recycling-box": 0}
    dies_after_commit()  # the request's own try never happens: the stream alone refunds
    answer = cancel(client, resident, request["id"])
    assert answer.status_code == 200, answer.body
    assert answer.json_body["status"] == "cancelled" and answer.json_body["refund"]["status"] == "due"
    assert refunds_at_provider(deps, request) == []  # the provider is not asked by the cancellation
    assert deps.jobs.get(request["id"]).status == "withdrawn"  # off the crew's list
    assert deps.containers.stock("main", ["recycling-box"]) == {"recycling-box": 1}  # back on the shelf
    [event] = events_of_kind("container_cancelled")
    assert event.id == f"container.{request['id']}.cancelled"
    assert run_stream(deps, "container_cancelled") == [] and run_stream(deps, "container_cancelled") == []
    assert refunds_at_provider(deps, request) == [700]
    seen = client.get(f"/v1/waste/containers/requests/{request['id']}", resident.auth).json_body
    assert seen["refund"] == {"status": "done", "amount": 700, "made": 700} and seen["payment"]["refunded"] == 700
    told = [m for m in outbox_to(resident.user.email) if "is cancelled" in m.subject]
    assert len(told) == 1 and "£7.00 is being refunded" in told[0].body
    assert cancel(client, resident, request["id"]).json_body["status"] == "cancelled"  # pressed twice: the first
    assert len(events_of_kind("container_cancelled")) == 1
    assert ask(client, resident).status_code == 201  # no longer open: the property may ask again


def test_the_cancellation_s_refund_run_by_four_at_once_is_made_once(client, deps, paid_request, dies_after_commit):
    from chalicelib.handlers.containers.cancelling import on_cancelled, refunds_due
    request, resident = paid_request
    dies_after_commit()
    cancel(client, resident, request["id"])
    [event] = events_of_kind("container_cancelled")
    # Not through the effects' claim: the effect's own function, and the backstop, racing on a barrier.
    later = dataclasses.replace(deps, clock=lambda: deps.clock() + timedelta(hours=2))
    at_once(lambda n: on_cancelled(deps, event, f"key-{n}") if n < 3 else refunds_due(later), range(4))
    assert refunds_at_provider(deps, request) == [700]
    assert deps.payments.get(request["payment"]["id"]).refunded == 700
    assert deps.containers.get(request["id"]).refund["status"] == "done"


def test_twelve_racing_to_cancel_one_request_make_one_cancellation_and_one_refund(client, deps, paid_request):
    from chalicelib.errors import ApiError
    from chalicelib.handlers.containers.cancelling import cancel as cancel_request
    request, resident = paid_request
    from chalicelib.auth.principal import Principal
    own = dataclasses.replace(deps, principal=Principal(user_id=resident.user.id, role="resident",
                                                        email=resident.user.email))

    def one(n):
        try:
            return cancel_request(own, request["id"], {})["status"]
        except ApiError as e:
            return e.code
    answers = at_once(one, range(12))
    assert answers == ["cancelled"] * 12, answers
    assert len(events_of_kind("container_cancelled")) == 1
    run_stream(deps, "container_cancelled")
    assert refunds_at_provider(deps, request) == [700]
    assert deps.containers.stock("main", ["recycling-box"]) == {"recycling-box": 1}  # given back once


def test_a_request_whose_delivery_job_is_done_cannot_be_cancelled(client, deps, people, dies_after_commit):
    from support.crew_support import Crew, now_iso
    from support.staff_support import load_staff_data
    load_staff_data(deps)
    stocked_home(deps)
    resident = people()
    request = ask(client, resident, reason="damaged_by_crew").json_body
    dies_after_commit()  # the crew's `job_ended` effect has not run: the request still says confirmed
    crew = Crew(client, people("crew", team="waste"))
    assert crew.update(request["id"], {"status": "done", "saved_at": now_iso()}).status_code in (200, 201)
    assert deps.containers.get(request["id"]).status == "confirmed"
    refused = cancel(client, resident, request["id"])
    assert refused.status_code == 409 and refused.json_body["error"]["code"] == "request_ended"
    assert request["id"] in refused.json_body["error"]["message"]
    run_stream(deps, "job_ended")
    assert deps.containers.get(request["id"]).status == "delivered"
    assert cancel(client, resident, request["id"]).json_body["error"]["code"] == "request_ended"


def test_a_free_request_cancelled_owes_nothing_and_tells_the_resident(client, deps, people):
    stocked_home(deps)
    resident = people()
    request = ask(client, resident, reason="damaged_by_crew").json_body
    answer = cancel(client, resident, request["id"]).json_body
    assert answer["status"] == "cancelled" and answer["refund"] is None and answer["cancellable"] is False
    assert answer["cancelled_by"]["by"] == "resident" and resident.user.id not in str(answer["cancelled_by"])
    assert deps.jobs.get(request["id"]).status == "withdrawn"
    told = [m for m in outbox_to(resident.user.email) if "is cancelled" in m.subject]
    assert len(told) == 1 and "nothing to refund" in told[0].body


def provider_payment(deps, pay, request):
    return pay.payments[deps.payments.get(request["payment"]["id"]).provider_id]


def test_a_held_request_cancelled_before_paying_is_let_go_and_its_payment_cancelled_at_the_provider_once(
        client, deps, people, pay, dies_after_commit):
    stocked_home(deps, count=1)
    resident = people()
    request = ask(client, resident).json_body
    assert request["status"] == "held" and provider_payment(deps, pay, request)["status"] == "created"
    dies_after_commit()  # the request's own try never happens: the cancellation's event alone cancels it
    answer = cancel(client, resident, request["id"]).json_body
    assert answer["status"] == "released" and answer["why"] == "cancelled"
    assert deps.containers.stock("main", ["recycling-box"]) == {"recycling-box": 1}
    assert provider_payment(deps, pay, request)["status"] == "created"  # not yet: its event's effect does it
    [event] = events_of_kind("container_cancelled")
    assert run_stream(deps, "container_cancelled") == [] and run_stream(deps, "container_cancelled") == []
    at_provider = provider_payment(deps, pay, request)
    assert at_provider["status"] == "cancelled" and at_provider["code"] == "P0040"  # cancelled by the service
    assert [h["status"] for h in at_provider["history"]].count("cancelled") == 1  # once, however often told
    _, page = open_card_page(request["payment"]["next_url"])  # the card page still open elsewhere takes nothing
    assert "Your payment has been cancelled" in page.text and "form_secret" not in page.text
    assert deps.payments.get(request["payment"]["id"]).status == "cancelled"
    assert refunds_at_provider(deps, request) == [] and deps.containers.get(request["id"]).status == "released"
    assert not [m for m in outbox_to(resident.user.email) if "is cancelled" in m.subject]  # nothing was paid


def test_a_held_request_paid_just_before_its_cancellation_s_effect_is_refunded_in_full_once(
        client, deps, people, pay, dies_after_commit):
    stocked_home(deps, count=1)
    resident = people()
    request = ask(client, resident).json_body
    dies_after_commit()
    assert cancel(client, resident, request["id"]).json_body["status"] == "released"
    pay_with(request["payment"]["next_url"])  # the card page was open in another tab, and paid first
    assert provider_payment(deps, pay, request)["status"] == "success"
    run_stream(deps, "container_cancelled", "payment_finished")
    run_stream(deps, "container_cancelled", "payment_finished")
    assert refunds_at_provider(deps, request) == [700]  # as a payment after its hold went
    assert deps.containers.get(request["id"]).status == "released" and deps.jobs.get(request["id"]) is None


def test_only_its_resident_or_staff_may_cancel_and_staff_give_a_reason(client, deps, people):
    stocked_home(deps)
    resident, neighbour, officer = people(), people(), people("staff")
    request = ask(client, resident, reason="damaged_by_crew").json_body
    assert cancel(client, neighbour, request["id"]).status_code == 404
    assert cancel(client, resident, "CR-NOPE").status_code == 404
    without = cancel(client, officer, request["id"])
    assert without.status_code == 400 and without.json_body["error"]["fields"][0]["field"] == "reason"
    assert cancel(client, resident, request["id"], {"colour": "red"}).status_code == 400
    done = cancel(client, officer, request["id"], {"reason": "Caller phoned: bin found"})
    assert done.status_code == 200, done.body
    by = done.json_body["cancelled_by"]
    assert by["staff"] is True and by["reason"] == "Caller phoned: bin found" and by["by_user_id"] == officer.user.id
