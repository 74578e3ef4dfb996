"""The local provider's reporting half of GOV.UK Pay's API over real HTTP: a
payment's events (the link every payment carries) and the payment search with
its filters, pages and GOV.UK Pay's error codes."""
import pytest
import requests

from doorstep_cli.local.pay_provider import PayProvider
from support.pay_support import DECLINED, SUCCESS, pay_with

START = 1_795_000_000.0  # 2026-11-18T11:06:40Z: a pinned moment, not today's


@pytest.fixture
def now():
    return [START]


@pytest.fixture
def provider(now):
    with PayProvider(clock=lambda: now[0]) as running:
        yield running


def call(provider, method, url, **kwargs):
    return requests.request(method, url if url.startswith("http") else provider.origin + url,
                            headers={"Authorization": f"Bearer {provider.api_key}"}, timeout=5, **kwargs)


def make(provider, reference="BK-1", email=None, amount=2500):
    body = {"amount": amount, "reference": reference, "description": "Bulky waste collection",
            "return_url": "http://localhost:8000/v1/payments/return/abc", **({"email": email} if email else {})}
    answer = call(provider, "POST", "/v1/payments", json=body)
    assert answer.status_code == 201, answer.text
    return answer.json()


def test_a_payments_events_link_answers_with_each_change_of_state_in_order(provider, now):
    payment = make(provider)
    now[0] += 30
    pay_with(payment["_links"]["next_url"]["href"], SUCCESS)
    paid = call(provider, "GET", payment["_links"]["self"]["href"]).json()
    answer = call(provider, "GET", paid["_links"]["events"]["href"])
    assert answer.status_code == 200
    body = answer.json()
    assert body["payment_id"] == payment["payment_id"]
    assert body["_links"]["self"]["href"] == paid["_links"]["events"]["href"]
    assert [e["state"]["status"] for e in body["events"]] == ["created", "started", "submitted", "success"]
    assert [e["updated"] for e in body["events"]] == ["2026-11-18T11:06:40.000Z"] + ["2026-11-18T11:07:10.000Z"] * 3
    assert all(e["payment_id"] == payment["payment_id"] and e["state"]["finished"] == (e is body["events"][-1])
               and e["_links"]["payment_url"]["href"] == paid["_links"]["self"]["href"] for e in body["events"])


def test_a_declined_payments_last_event_carries_its_failure_code(provider):
    payment = make(provider)
    pay_with(payment["_links"]["next_url"]["href"], DECLINED)
    events = call(provider, "GET", f"/v1/payments/{payment['payment_id']}/events").json()["events"]
    assert events[-1]["state"] == {"status": "failed", "finished": True, "code": "P0010",
                                   "message": "Payment method rejected"}


def test_the_events_of_an_unknown_payment_are_a_404_with_p0300(provider):
    answer = call(provider, "GET", "/v1/payments/nosuchpayment/events")
    assert (answer.status_code, answer.json()["code"]) == (404, "P0300")


def test_search_filters_as_gov_uk_pay_does_and_dates_are_from_inclusive_to_exclusive(provider, now):
    early = make(provider, "BK-1", email="Ann.Smith@example.org")
    now[0] += 60
    late = make(provider, "BK-2", email="bob@example.org")
    pay_with(late["_links"]["next_url"]["href"], SUCCESS)

    def ids(**query):
        answer = call(provider, "GET", "/v1/payments", params=query)
        assert answer.status_code == 200, answer.text
        return [r["payment_id"] for r in answer.json()["results"]]
    assert ids() == [late["payment_id"], early["payment_id"]]  # newest first
    assert ids(reference="BK-1") == [early["payment_id"]] and ids(reference="BK") == []  # reference is exact
    assert ids(email="smith@EXAMPLE") == [early["payment_id"]]  # e-mail may be a part
    assert ids(state="success") == [late["payment_id"]] and ids(state="created") == [early["payment_id"]]
    assert ids(last_digits_card_number="0005", first_digits_card_number="400005") == [late["payment_id"]]
    assert ids(card_brand="visa", cardholder_name="ada res") == [late["payment_id"]]
    assert ids(from_date="2026-11-18T11:07:40Z") == [late["payment_id"]]  # just at the second: in
    assert ids(to_date="2026-11-18T11:07:40Z") == [early["payment_id"]]  # just at the second: out
    assert ids(agreement_id="abcefghjklmnopqr1234567890") == []
    paid = call(provider, "GET", "/v1/payments", params={"state": "success"}).json()["results"][0]
    assert paid["card_brand"] == "Visa" and paid["_links"]["events"]["method"] == "GET"


def test_search_pages_link_to_each_other_until_the_last_and_a_page_past_it_is_p0402(provider, now):
    made = []
    for n in range(5):
        made.append(make(provider, "BK-P")["payment_id"])
        now[0] += 1
    first = call(provider, "GET", "/v1/payments", params={"reference": "BK-P", "display_size": "2"}).json()
    assert (first["total"], first["count"], first["page"], first["_links"]["prev_page"]) == (5, 2, 1, None)
    assert "page=3" in first["_links"]["last_page"]["href"]
    seen, page = [], first
    while True:
        seen += [r["payment_id"] for r in page["results"]]
        if page["_links"]["next_page"] is None:
            break
        page = call(provider, "GET", page["_links"]["next_page"]["href"]).json()
    assert seen == made[::-1]
    assert (page["page"], page["count"]) == (3, 1) and "page=2" in page["_links"]["prev_page"]["href"]
    past = call(provider, "GET", "/v1/payments", params={"reference": "BK-P", "display_size": "2", "page": "4"})
    assert (past.status_code, past.json()["code"], past.json()["description"]) == (404, "P0402", "Page not found")
    empty = call(provider, "GET", "/v1/payments", params={"reference": "none"}).json()
    assert (empty["total"], empty["count"], empty["results"]) == (0, 0, [])


def test_search_parameters_out_of_shape_are_refused_with_p0401_naming_each(provider):
    answer = call(provider, "GET", "/v1/payments", params={
        "state": "paid", "from_date": "2026-11-18", "page": "0", "display_size": "501",
        "last_digits_card_number": "12a4", "reference": "r" * 256})
    assert answer.status_code == 422
    assert answer.json() == {"code": "P0401", "description": "Invalid parameters: state, reference, from_date, page, "
                             "display_size, last_digits_card_number. See Public API documentation for the correct "
                             "data formats"}
