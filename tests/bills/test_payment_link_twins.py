"""A payment link an officer makes twice at once with one Idempotency-Key
(Make link pressed twice on a slow line) is one link: the twin's link is this
one, not another link already live for the reference (issue 78). The order
the twins' steps meet in is forced (support/twins.py)."""
import pytest

from support import twins
from support.racing import at_once

BODY = {"fund": "sundry-invoice", "reference": "200345672", "amount": 7_250}


@pytest.mark.parametrize("order", twins.ORDERS)
def test_a_link_made_twice_at_once_with_one_key_is_one_link(client, people, monkeypatch, order):
    from chalicelib.storage.revenues.bills import BillStore
    officer = people("staff")
    twins.hold_to(monkeypatch, order, check=(BillStore, "links_for"), write=(BillStore, "add_link"))
    headers = {**officer.auth, "Idempotency-Key": "link-key-0001"}
    raced = at_once(lambda _: client.post("/v1/staff/pay/links", BODY, headers), range(2))
    again = client.post("/v1/staff/pay/links", BODY, headers)
    assert {r.status_code for r in raced} | {again.status_code} <= {200, 201}, [r.json_body for r in raced]
    assert [r.json_body["id"] for r in raced] == [again.json_body["id"]] * 2
