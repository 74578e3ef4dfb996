"""A repair reported by its council tenant asks how it went and is counted once, online, in the month it
was reported (Tuesday 24 November 2026, the app's pinned morning), from its event's own effect, apart from
its order; a neighbour reading the block's repair is not asked about another tenant's report."""
from support.effects_support import events_of_kind, run_stream
from support.repairs_support import DRIPPING_TAP, tenant, tenant_drs  # noqa: F401 (fixtures)
from support.revenues_support import civica, council_morning  # noqa: F401 (fixtures)


def test_a_repair_reported_asks_its_tenant_and_counts_once(client, deps, tenant):
    made = client.post("/v1/repairs", DRIPPING_TAP, tenant.auth)
    assert made.status_code == 201, made.json_body
    asked = made.json_body["feedback"]
    assert asked["service"] == "repairs"
    assert client.get(f"/v1/repairs/{made.json_body['id']}", tenant.auth).json_body["feedback"] == asked
    assert run_stream(deps, "repair_reported") == []
    (event,) = events_of_kind("repair_reported")
    from chalicelib.handlers.repairs.reporting import on_reported
    on_reported(deps, event, "again")  # run again: a worker that died before settling
    months = deps.feedback.year("2000-01", "2100-12")
    assert {m: c["finished_online"] for (m, s), c in months.items() if s == "repairs"} == {"2026-11": 1}
    assert client.post("/v1/feedback", {"token": asked["token"], "rating": 4}).status_code == 201
