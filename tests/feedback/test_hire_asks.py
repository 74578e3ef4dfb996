"""A hall booked asks how it went and is counted once, when it is confirmed (issue 72): online when the
hirer pays on their own, assisted when an officer books it for a caller; and its receipt carries a link
whose token answers the question."""
import re
import uuid
from urllib.parse import parse_qs, urlparse

import pytest

from chalicelib.handlers.hire import routes  # noqa: F401  (registers the payment hook and effects)
from chalicelib.handlers.payments import routes as payment_routes  # noqa: F401  (a finished payment's effect)
from support.effects_support import run_stream
from support.hire_support import NOW, at, book, pay_for, resident, tuesdays
from support.pay_support import pay  # noqa: F401  (fixture)
from support import twins
from support.racing import at_once

NOVEMBER = 7  # November's place in the council's year (April first)


def _halls(deps, channel):
    months = deps.feedback.year("2000-01", "2100-12")
    return sum(c[f"finished_{channel}"] for (_, service), c in months.items() if service == "halls")


def _figures(client):
    """The council's year as published on the day of the booking (a month is given once it has begun)."""
    import time_machine
    with time_machine.travel(NOW):
        return client.get("/v1/figures?year=2027").json_body


def _for_a_caller(**extra):
    return {**tuesdays(weeks=1, hirer_type="resident", hirer_name="Ada Caller"), "payment": "waived",
            "waive_reason": "Ward surgery", "caller_email": "ada.caller@example.org", **extra}


def _feedback_link(to):
    from chalicelib.storage.outbox import OutboxModel
    bodies = [m.body for m in OutboxModel.recipient_index.query(to)]
    links = [link for b in bodies for link in re.findall(r"\S+/feedback/give\?\S+", b)]
    assert len(links) == 1, bodies
    return links[0]


def test_a_hall_an_officer_books_for_a_caller_counts_as_assisted_and_moves_the_months_take_up(client, deps, pay):
    from chalicelib.handlers.hire.staff import take
    deps.feedback.add("2027-11", "halls", {"finished_online": 30, "finished_assisted": 10})
    before = _figures(client)["services"]["halls"][NOVEMBER]
    assert (before["month"], before["digital_take_up"]) == ("2027-11", 75.0)  # 30 of 40
    made, created = take(at(deps, NOW, resident(role="staff")), _for_a_caller(), str(uuid.uuid4()))
    assert created and made["status"] == "confirmed"
    assert made["feedback"]["service"] == "halls"
    assert run_stream(deps, "hire_confirmed") == []
    assert (_halls(deps, "assisted"), _halls(deps, "online")) == (11, 30)
    after = _figures(client)["services"]["halls"][NOVEMBER]
    assert after["counts"]["assisted"] == 11 and after["digital_take_up"] == 73.2  # 30 of 41
    answered = client.post("/v1/feedback", {"token": made["feedback"]["token"], "rating": 4})
    assert answered.status_code == 201, answered.json_body


@pytest.mark.parametrize("order", twins.ORDERS)
def test_a_booking_for_a_caller_taken_twice_at_once_or_retried_counts_once(deps, pay, monkeypatch, order):
    from chalicelib.handlers.hire.staff import take
    from chalicelib.handlers.hire.telling import on_confirmed
    from chalicelib.storage.hire.hire import HireStore
    officer, key = at(deps, NOW, resident(role="staff")), str(uuid.uuid4())
    twins.hold_to(monkeypatch, order, check=(HireStore, "taken_at"), write=(HireStore, "hold"))
    raced = at_once(lambda _: take(officer, _for_a_caller(), key), range(2))
    retried, created = take(officer, _for_a_caller(), key)
    assert [view["id"] for view, _ in raced] == [retried["id"]] * 2 and not created
    assert {view["feedback"]["token"] for view, _ in raced} == {retried["feedback"]["token"]}
    assert run_stream(deps, "hire_confirmed") == []
    from support.effects_support import events_of_kind
    (event,) = events_of_kind("hire_confirmed")
    on_confirmed(deps, event, "again")  # its effect run again: a claim lost with its settle
    assert _halls(deps, "assisted") == 1


def test_a_hall_paid_for_online_is_counted_when_its_payment_confirms_it_and_its_receipt_asks(client, deps, pay):
    hirer = resident()
    held = book(at(deps, NOW, hirer), tuesdays(weeks=1))
    assert held["status"] == "held" and "feedback" not in held  # not confirmed yet: nothing to ask
    assert run_stream(deps, "hire_confirmed") == [] and _halls(deps, "online") == 0
    assert pay_for(at(deps, NOW, hirer), held).status == "confirmed"
    assert run_stream(deps, "hire_confirmed") == []
    assert (_halls(deps, "online"), _halls(deps, "assisted")) == (1, 0)
    from chalicelib.handlers.hire.booking import read
    shown = read(at(deps, NOW, hirer), held["id"])
    link = urlparse(_feedback_link(hirer.email))
    asked = {k: v[0] for k, v in parse_qs(link.query).items()}
    assert link.path == "/feedback/give" and asked == shown["feedback"] and asked["service"] == "halls"
    from chalicelib.config import links_base
    assert _feedback_link(hirer.email).startswith(links_base(deps.settings, deps.council))  # the council's address
    answered = client.post("/v1/feedback", {"token": asked["token"], "rating": 2, "improve": "The map was wrong."})
    assert answered.status_code == 201, answered.json_body
