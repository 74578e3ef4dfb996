"""Each council's costs per channel (issue 72, item 4): set by its administrator in its settings, in pence,
and the figures' cost per transaction and saving made from them; a council that sets none is costed at
North Lanarkshire's business case (face to face £10.53, phone £3.39, online £0.08)."""
import pytest

from support.councils_support import NL, NL_HOST, YORK_HOST, add, at, north_lanarkshire, put, york

SETTINGS = "/v1/admin/council"


@pytest.fixture
def councils(deps):
    return add(deps, york(), north_lanarkshire())


def _november(client, host):
    body = client.get("/v1/figures?year=2026", at(host)).json_body
    return body["costs_pence"], body["services"]["halls"][7]


def _counted(deps, council):
    from chalicelib import tenancy
    with tenancy.acting_for(council):
        deps.feedback.add("2026-11", "halls", {"finished_online": 100, "finished_assisted": 20, "contacts_phone": 30,
                                               "contacts_face_to_face": 50})


def test_a_councils_own_costs_per_channel_change_its_saving_and_not_another_councils(client, deps, people, councils):
    _counted(deps, "york")
    _counted(deps, NL)
    admin = people("admin")
    read = client.get(SETTINGS, at(YORK_HOST, admin.auth))
    document = dict(read.json_body["settings"], channel_costs={"online": 20, "phone": 450, "face_to_face": 1200,
                                                               "assisted": 600})
    changed = put(client, SETTINGS, document, at(YORK_HOST, {**admin.auth, "If-Match": read.headers["ETag"]}))
    assert changed.status_code == 200, changed.json_body
    costs, halls = _november(client, YORK_HOST)
    assert costs == {"online": 20, "phone": 450, "face_to_face": 1200, "assisted": 600}
    assert halls["saving_pence"] == 100 * (600 - 20)
    # 100 x 20p + 20 x 600p + 30 x 450p + 50 x 1200p = 87,500p over 200 transactions
    assert halls["cost_per_transaction_pence"] == 438
    cases, theirs = _november(client, NL_HOST)
    assert cases == {"online": 8, "phone": 339, "face_to_face": 1053, "assisted": 339}
    assert theirs["saving_pence"] == 100 * (339 - 8)


def test_costs_per_channel_that_are_not_whole_pence_are_refused_at_their_field(client, people, councils):
    admin = people("admin")
    read = client.get(SETTINGS, at(YORK_HOST, admin.auth))
    document = dict(read.json_body["settings"], channel_costs={"online": -1, "phone": 3.39, "post": 60})
    refused = put(client, SETTINGS, document, at(YORK_HOST, {**admin.auth, "If-Match": read.headers["ETag"]}))
    assert refused.status_code == 400
    said = {f["field"]: f["message"] for f in refused.json_body["error"]["fields"]}
    assert said == {"$.channel_costs.online": "Must be at least 0.", "$.channel_costs.phone": "Must be a whole number.",
                    "$.channel_costs.post": "Is not a setting a council has."}
