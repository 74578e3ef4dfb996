"""Privacy: responses kept for their form's retention from the close and then
ended by the forms engine's nightly sweep (the counts stay); a resident's
responses in their export, and gone, with their counts, at erasure."""
from datetime import timedelta

from conftest import store_addresses
from support.consultation_support import DURING, LAST_SECOND, YES, at, loaded, respond


def test_the_nightly_sweep_ends_responses_at_their_retention_from_the_close_and_keeps_the_counts(deps):
    import app  # noqa: F401 (the scheduled function as EventBridge invokes it)
    from chalicelib.handlers.consultations.retention import sweep
    store_addresses(deps)
    loaded(deps)  # its form keeps responses 730 days after the close
    respond(deps, DURING)
    respond(deps, DURING, answers={**YES, "comments": "second"}, client="192.0.2.8")
    assert sweep(at(deps, LAST_SECOND + timedelta(days=729))) == {"deleted": 0}
    assert sweep(at(deps, LAST_SECOND + timedelta(days=730, seconds=1))) == {"deleted": 2}
    assert deps.consultation_responses.page("micklegate-parking")[0] == []
    assert deps.consultations.counts("micklegate-parking") == ({"Micklegate": 2}, 2)


def test_the_retention_sweep_job_runs_the_forms_and_consultations_sweeps_too(deps, monkeypatch):
    import app
    from chalicelib.deps import default_deps  # noqa: F401
    loaded(deps)
    respond(deps, DURING, postcode=None)
    later = at(deps, LAST_SECOND + timedelta(days=731))
    monkeypatch.setattr("chalicelib.deps.default_deps", lambda *a, **k: later)
    outcome = app.sweep_retention.func({})["york"]  # the function EventBridge invokes every night, for each council
    assert outcome["consultation_responses"] == {"deleted": 1} and "deleted" in outcome["form_submissions"]


def test_a_residents_responses_are_in_their_export_and_go_at_erasure(client, deps, people):
    store_addresses(deps)
    loaded(deps)
    import time_machine
    with time_machine.travel(DURING, tick=False):
        ada = people()  # signed in then: a token from the future is no token
        sent = client.raw.http.put("/v1/consultations/micklegate-parking/response",
                                   body='{"answers": {"support": "no", "why_not": "Shops need visitors."},'
                                        ' "postcode": "YO1 7HH"}',
                                   headers={**ada.auth, "Content-Type": "application/json"})
        assert sent.status_code == 201 and sent.headers["ETag"] == '"1"'
        exported = client.get("/v1/me/export", ada.auth).json_body["consultation_responses"]
        assert exported[0]["answers"]["why_not"] == "Shops need visitors." and exported[0]["postcode"] == "YO1 7HH"
        assert client.raw.http.delete("/v1/me", headers=ada.auth).status_code in (200, 204)
    assert deps.consultation_responses.of_user(ada.user.id) == []
    assert deps.consultations.counts("micklegate-parking") == ({"Micklegate": 0}, 0)
