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
