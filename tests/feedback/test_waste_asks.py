"""A bulky collection, a container and a garden subscription each ask how it went once confirmed, and
each is counted once (issue 72): online when the resident made it, assisted when an officer took it for
a caller; each receipt links to the same question, and its token answers it."""
import re
import uuid
from urllib.parse import parse_qs, urlparse

from chalicelib.handlers.containers import routes as container_routes  # noqa: F401  (hooks and effects)
from chalicelib.handlers.waste import routes as waste_routes  # noqa: F401
from support.effects_support import run_stream
from support.pay_support import SUCCESS, confirmed_booking, home_with_round, pay, pay_with  # noqa: F401


def _finished(deps, service):
    months = deps.feedback.year("2000-01", "2100-12")
    counts = [c for (_, s), c in months.items() if s == service]
    return sum(c["finished_online"] for c in counts), sum(c["finished_assisted"] for c in counts)


def _asked_in_mail(deps, to):
    """The one feedback link mailed to `to`, as the question it asks ({service, token})."""
    bodies = [m["body"] for m in deps.accounts.messages_to([to])]
    links = [link for b in bodies for link in re.findall(r"\S+/feedback/give\?\S+", b)]
    assert len(links) == 1, bodies
    return {k: v[0] for k, v in parse_qs(urlparse(links[0]).query).items()}


def _answers(client, asked):
    answered = client.post("/v1/feedback", {"token": asked["token"], "rating": 5})
    assert answered.status_code == 201, answered.json_body


def test_a_bulky_collection_paid_online_asks_once_confirmed_and_counts_once(client, deps, people, pay):
    from chalicelib.handlers.waste import receipts
    made, resident = confirmed_booking(client, deps, people)
    assert "feedback" not in made  # held while paying: nothing to ask yet
    seen = client.get(f"/v1/waste/bulky/bookings/{made['id']}", resident.auth).json_body
    assert seen["feedback"]["service"] == "bulky"
    assert _asked_in_mail(deps, resident.user.email) == seen["feedback"]
    booking = deps.bulky.get(made["id"])
    receipts.paid(deps, booking, deps.payments.get(booking.payment_id))  # told again after a crash
    assert _finished(deps, "bulky") == (1, 0)
    _answers(client, seen["feedback"])


def test_a_bulky_collection_an_officer_books_for_a_caller_counts_as_assisted_once_however_retried(
        client, deps, people, pay):
    uprn, officer = home_with_round(deps), people("staff")
    day = client.get(f"/v1/places/{uprn}/bulky/dates").json_body["dates"][-1]["date"]
    body = {"uprn": uprn, "date": day, "items": ["sofa"], "payment": "waived", "reason": "Housebound",
            "caller_email": "caller@example.org"}
    key = {**officer.auth, "Idempotency-Key": str(uuid.uuid4())}
    made = client.post("/v1/staff/waste/bulky/bookings", body, key)
    again = client.post("/v1/staff/waste/bulky/bookings", body, key)
    assert made.status_code == 201 and again.json_body["id"] == made.json_body["id"]
    assert run_stream(deps, "bulky_receipt") == []
    assert _finished(deps, "bulky") == (0, 1)
    seen = client.get(f"/v1/waste/bulky/bookings/{made.json_body['id']}",
                      {**officer.auth, "Access-Reason": "Caller asking"}).json_body
    assert seen["feedback"]["service"] == "bulky" and _asked_in_mail(deps, "caller@example.org") == seen["feedback"]


def test_a_container_an_officer_takes_for_a_caller_counts_as_assisted_and_a_paid_one_as_online(
        client, deps, people, pay):
    from support.containers_support import ask, paid, stocked_home
    stocked_home(deps)
    officer, resident = people("staff"), people()
    taken = client.post("/v1/staff/waste/containers/requests",
                        {"uprn": "990000000501", "container": "refuse-bin", "reason": "missing",
                         "payment": "waived", "waive_reason": "Hardship", "caller_email": "caller@example.org"},
                        {**officer.auth, "Idempotency-Key": str(uuid.uuid4())}).json_body
    assert taken["status"] == "confirmed" and taken["feedback"]["service"] == "containers"
    mine = ask(client, resident).json_body
    assert "feedback" not in mine
    paid(client, mine)
    assert run_stream(deps, "container_confirmed") == []
    assert _finished(deps, "containers") == (1, 1)
    seen = client.get(f"/v1/waste/containers/requests/{mine['id']}", resident.auth).json_body
    assert _asked_in_mail(deps, resident.user.email) == seen["feedback"]
    assert _asked_in_mail(deps, "caller@example.org") == taken["feedback"]
    _answers(client, taken["feedback"])


def test_a_garden_subscription_paid_asks_how_it_went_and_counts_once(client, deps, people, pay):
    from chalicelib.handlers.waste.receipts import garden_paid
    home_with_round(deps)
    resident = people()
    made = client.post("/v1/waste/garden/subscriptions", {"uprn": "990000000501", "bins": 1},
                       {**resident.auth, "Idempotency-Key": str(uuid.uuid4())}).json_body
    assert "feedback" not in made
    back = pay_with(made["payment"]["next_url"], SUCCESS)
    client.get(back[back.index("/v1/"):])
    seen = client.get(f"/v1/waste/garden/subscriptions/{made['id']}", resident.auth).json_body
    assert seen["status"] == "active" and seen["feedback"]["service"] == "garden"
    assert _asked_in_mail(deps, resident.user.email) == seen["feedback"]
    sub = deps.garden.get(*made["id"].split("."))
    garden_paid(deps, sub, deps.payments.get(sub.payment_id))  # told again
    assert _finished(deps, "garden") == (1, 0)
    _answers(client, seen["feedback"])
