"""What the tenant's screens read from a repair (web/js/screens/repairs.js): a
qualifying repair's Right to Repair period in working days, beside the date it
falls due in words; a repair that does not qualify says none. The app's clock is
Tuesday 24 November 2026, 10am."""
from support.repairs_support import DRIPPING_TAP, tenant, tenant_drs  # noqa: F401 (fixtures)
from support.revenues_support import civica, council_morning  # noqa: F401 (fixtures)

BLOCKED_SINK = {**DRIPPING_TAP, "issue": "sink_blocked", "description": "The kitchen sink will not drain."}


def test_a_qualifying_repair_says_its_working_days_and_a_routine_one_says_none(client, tenant):
    sink = client.post("/v1/repairs", BLOCKED_SINK, tenant.auth).json_body
    tap = client.post("/v1/repairs", DRIPPING_TAP, tenant.auth).json_body
    assert sink["right_to_repair_days"] == 3 and tap["right_to_repair_days"] is None
    # Three working days from Tuesday: Friday, the same day the list says in words.
    assert [d["text"] for d in sink["dates"]] == ["Your repair is due by Friday 27 November 2026."]
    mine = client.get("/v1/me/repairs", tenant.auth).json_body["repairs"]
    assert {r["id"]: r["right_to_repair_days"] for r in mine} == {sink["id"]: 3, tap["id"]: None}
