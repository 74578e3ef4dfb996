"""A landlord's change reported on a claim asks how it went and is counted once, online, in the month it
was made (the pinned council morning, Tuesday 24 November 2026), whatever is retried."""
from doorstep_cli.local.civica_landlord_data import SMALL
from support.effects_support import events_of_kind, run_stream
from support.revenues_support import civica, council_morning  # noqa: F401 (fixtures)

SMALL_PROOF = {"creditor_ref": SMALL, "claim_ref": "HB70002", "surname": "hughes"}


def _counted(deps):
    months = deps.feedback.year("2000-01", "2100-12")
    return {(m, s): c["finished_online"] for (m, s), c in months.items() if c["finished_online"]}


def test_a_landlords_change_asks_how_it_went_and_counts_once_however_retried(
        client, deps, people, civica, council_morning):
    lead = people()
    assert client.post("/v1/landlords", SMALL_PROOF, lead.auth).status_code == 201
    change = {"change": "tenant_left", "date": "2026-11-20", "forwarding_address": "12 Acomb Road, York YO24 4EP"}
    key = {**lead.auth, "Idempotency-Key": "gone-HB70002-72"}
    first = client.post("/v1/me/landlord/claims/HB70002/changes", change, key)
    again = client.post("/v1/me/landlord/claims/HB70002/changes", change, key)
    assert (first.status_code, again.status_code) == (201, 200)
    asked = first.json_body["feedback"]
    assert asked["service"] == "landlords" and again.json_body["feedback"] == asked
    assert run_stream(deps, "revenue_request") == []
    (event,) = events_of_kind("revenue_request")
    from chalicelib.handlers.landlords.changes import on_request
    on_request(deps, event, "again")  # its effect run again: a worker that died before settling
    assert _counted(deps) == {("2026-11", "landlords"): 1}
    assert client.post("/v1/feedback", {"token": asked["token"], "rating": 2}).status_code == 201
