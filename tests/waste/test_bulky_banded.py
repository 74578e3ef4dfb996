"""Banded prices for bulky collections, instead of per item with a minimum:
the price of the first band reaching the number of items (1-3 items £30,
4-6 £50), set by administrators in the same settings item."""
import json
import uuid

import pytest

from support.pay_support import home_with_round, pay  # noqa: F401

ITEMS = [{"id": "sofa", "name": "Sofa", "price": 1500}, {"id": "chair", "name": "Chair", "price": 400}]
RULES = {"items": ITEMS, "minimum_charge": 2000, "max_items": 6, "capacity_per_day": 5, "window_days": 28}
BANDS = [{"up_to": 3, "price": 3000}, {"up_to": 6, "price": 5000}]


def put(client, admin, body, version='"0"'):
    return client.raw.http.request("PUT", "/v1/waste/bulky/items", body=json.dumps(body).encode(), headers={
        **admin.auth, "Content-Type": "application/json", "If-Match": version})


def test_a_banded_price_is_the_first_band_reaching_the_number_of_items(client, deps, people, pay):
    uprn, admin, resident = home_with_round(deps), people("admin"), people()
    saved = put(client, admin, {**RULES, "pricing": "banded", "bands": BANDS})
    assert saved.status_code == 200, saved.body
    catalogue = client.get("/v1/waste/bulky/items").json_body
    assert (catalogue["pricing"], catalogue["bands"]) == ("banded", BANDS)
    day = client.get(f"/v1/places/{uprn}/bulky/dates").json_body["dates"][0]["date"]
    amounts = []
    for items in (["chair"], ["sofa", "sofa", "chair"], ["sofa"] * 4, ["chair"] * 6):
        made = client.post("/v1/waste/bulky/bookings", {"uprn": uprn, "date": day, "items": items},
                           {**resident.auth, "Idempotency-Key": str(uuid.uuid4())})
        assert made.status_code == 201, made.body
        amounts.append((made.json_body["amount"], made.json_body["payment"]["amount"]))
    assert amounts == [(3000, 3000), (3000, 3000), (5000, 5000), (5000, 5000)]
    back = put(client, admin, RULES, '"1"')  # per item again: the items' sum, at least the minimum
    assert back.json_body["pricing"] == "per_item" and back.json_body["bands"] == []


@pytest.mark.parametrize("pricing, bands, field", [
    ("banded", [], "bands"),
    ("banded", [{"up_to": 3, "price": 3000}], "bands"),  # six items allowed: the bands must reach 6
    ("banded", [{"up_to": 3, "price": 3000}, {"up_to": 3, "price": 5000}], "bands[1].up_to"),
    ("banded", [{"up_to": 6, "price": 12.5}], "bands[0].price"),
    ("banded", [{"up_to": 6}], "bands[0]"),
    ("per_item", BANDS, "bands"),
    ("tiered", BANDS, "pricing")])
def test_bands_that_do_not_price_every_booking_are_refused_by_field(client, deps, people, pricing, bands, field):
    answer = put(client, people("admin"), {**RULES, "pricing": pricing, "bands": bands})
    assert answer.status_code == 400, answer.body
    assert field in [f["field"] for f in answer.json_body["error"]["fields"]], answer.body
    assert client.get("/v1/waste/bulky/items").json_body["pricing"] == "per_item"


def test_a_banded_booking_reads_as_its_band_on_its_page_and_receipts_never_as_a_minimum_charge(
        client, deps, people, pay):
    from support.effects_support import run_stream
    from support.pay_support import SUCCESS, pay_with
    uprn, admin, resident = home_with_round(deps), people("admin"), people()
    assert put(client, admin, {**RULES, "pricing": "banded", "bands": BANDS}).status_code == 200
    day = client.get(f"/v1/places/{uprn}/bulky/dates").json_body["dates"][-1]["date"]
    # Four sofas: £60.00 at list prices, £50.00 by the 4-6 band (the lines must not say £60.00 and charge £50.00).
    made = client.post("/v1/waste/bulky/bookings", {"uprn": uprn, "date": day, "items": ["sofa"] * 4},
                       resident.auth).json_body
    back = pay_with(made["payment"]["next_url"], SUCCESS)
    client.get(back[back.index("/v1/"):])
    seen = client.get(f"/v1/waste/bulky/bookings/{made['id']}", resident.auth).json_body
    assert (seen["amount"], seen["band"], seen["minimum_charge_top_up"]) == (
        5000, {"from": 4, "up_to": 6, "price": 5000}, 0)

    def mail(words):
        return [m["body"] for m in deps.accounts.messages_to([resident.user.email]) if words in m["subject"]]
    [paid] = mail("is booked")
    assert "  Sofa\n" in paid and "Price for 4 to 6 items: £50.00" in paid and "£15.00" not in paid
    # One chair: £4.00 at list price, £30.00 by the 1-3 band, which is no minimum charge top-up.
    changed = client.post(f"/v1/waste/bulky/bookings/{made['id']}/change", {"items": ["chair"]},
                          {**resident.auth, "Idempotency-Key": str(uuid.uuid4())}).json_body
    assert (changed["amount"], changed["band"], changed["minimum_charge_top_up"]) == (
        3000, {"from": 1, "up_to": 3, "price": 3000}, 0)
    assert run_stream(deps, "bulky_change_refund") == []
    [receipt] = mail("is changed")
    assert "Price for 1 to 3 items: £30.00" in receipt and "Minimum charge" not in receipt
    assert "£20.00, the difference, is being refunded" in receipt
