"""A tenant's repair against a scheduler that answers as DRS does (the local
DRS over real HTTP; issue 73): a SOAP fault on createOrder leaves the repair
waiting for an order of its own, never another home's; a fortnight's search
is asked a week at a time, as DRS answers at most 7 days; and only a time
still offered is booked. The app's clock is Tuesday 24 November 2026, 10am."""
from support.effects_support import run_stream
from support.repairs_support import DRIPPING_TAP, neighbour, tenant, tenant_drs  # noqa: F401 (fixtures)
from support.revenues_support import civica, council_morning  # noqa: F401 (fixtures)

NEXT_MONDAY_AM = {"day": "2026-11-30", "half": "AM"}
SAMS_TAP = {**DRIPPING_TAP, "home": "R0448112"}  # Flat 2, Sam's home in Dev's block


def test_a_fault_on_createorder_leaves_the_repair_waiting_never_holding_another_homes_order(
        client, tenant, neighbour, tenant_drs, deps):
    sams = client.post("/v1/repairs", SAMS_TAP, neighbour.auth).json_body
    assert sams["ordered"]
    tenant_drs.faults["createOrder"] = "before"
    made = client.post("/v1/repairs", DRIPPING_TAP, tenant.auth)
    assert made.status_code == 201 and not made.json_body["ordered"]  # taken, its order to follow
    devs = made.json_body["id"]
    assert deps.repairs.get(devs).order is None
    waiting = client.post(f"/v1/repairs/{devs}/appointment", NEXT_MONDAY_AM, tenant.auth)
    assert waiting.status_code == 503 and waiting.json_body["error"]["code"] == "not_ordered"
    assert tenant_drs.state["orders"][sams["id"]]["slot"] == [None, None]  # Sam's order not moved
    tenant_drs.faults.clear()
    run_stream(deps, "repair_reported")
    held = tenant_drs.state["orders"]
    assert deps.repairs.get(devs).order["booking_id"] == held[devs]["booking_id"] != held[sams["id"]]["booking_id"]


def test_an_order_drs_took_before_its_fault_is_found_again_by_its_own_number(client, tenant, neighbour, tenant_drs,
                                                                             deps):
    sams = client.post("/v1/repairs", SAMS_TAP, neighbour.auth).json_body
    tenant_drs.faults["createOrder"] = "after"  # the order made, then the gateway fails on its way out
    devs = client.post("/v1/repairs", DRIPPING_TAP, tenant.auth).json_body["id"]
    held = tenant_drs.state["orders"]
    assert deps.repairs.get(devs).order["booking_id"] == held[devs]["booking_id"] != held[sams["id"]]["booking_id"]
    assert list(held) == [sams["id"], devs]  # one order each


def test_a_fortnights_search_offers_both_weeks_asking_a_week_at_a_time(client, tenant, tenant_drs):
    repair = client.post("/v1/repairs", DRIPPING_TAP, tenant.auth).json_body
    offered = client.get(f"/v1/repairs/{repair['id']}/slots", tenant.auth).json_body
    days = {s["day"] for s in offered["slots"]}
    assert {"2026-11-25", "2026-12-07", "2026-12-08"} <= days and "2026-12-09" not in days  # tomorrow + 13 days
    assert offered["scheduler_calls"] == 3  # openSession, then checkAvailability for each week
    assert tenant_drs.calls.count("checkAvailability") == 2


def test_a_time_already_past_today_or_not_offered_is_not_booked_and_drs_is_not_asked_to(client, tenant,
                                                                                        tenant_drs):
    repair = client.post("/v1/repairs", DRIPPING_TAP, tenant.auth).json_body
    path = f"/v1/repairs/{repair['id']}/appointment"
    for day, half in (("2026-11-23", "AM"), ("2026-11-24", "PM"), ("2026-11-28", "AM"), ("2026-12-09", "AM")):
        # yesterday, this afternoon, a Saturday, the day after the fortnight offered
        refused = client.post(path, {"day": day, "half": half}, tenant.auth)
        assert refused.status_code == 409 and refused.json_body["error"]["code"] == "slot_not_offered", (day, half)
    assert "scheduleBooking" not in tenant_drs.calls
    assert tenant_drs.state["orders"][repair["id"]]["slot"] == [None, None]
    assert client.post(path, NEXT_MONDAY_AM, tenant.auth).status_code == 200


def test_a_slot_choice_with_a_field_its_schema_does_not_take_is_refused(client, tenant, tenant_drs):
    repair = client.post("/v1/repairs", DRIPPING_TAP, tenant.auth).json_body
    refused = client.post(f"/v1/repairs/{repair['id']}/appointment", {**NEXT_MONDAY_AM, "start": "08:00"},
                          tenant.auth)
    assert refused.status_code == 400 and refused.json_body["error"]["code"] == "validation_failed"
    assert [f["field"] for f in refused.json_body["error"]["fields"]] == ["start"]
    assert "scheduleBooking" not in tenant_drs.calls
