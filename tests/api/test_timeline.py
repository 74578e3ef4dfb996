"""State changes and their timeline entries are written together or not at all."""
import pytest

from conftest import pothole


def test_state_change_adds_a_timeline_entry_and_an_event(client, deps):
    from chalicelib.handlers.reports import create as reports
    from chalicelib.handlers.reports.changes import change_state
    from chalicelib.storage.reports.reports import EventModel
    rid = client.post("/v1/reports", pothole()).json_body["id"]
    change_state(deps, rid, "action_scheduled", "Booked for Tuesday.")
    change_state(deps, rid, "fixed", "Filled.")
    timeline = client.get(f"/v1/reports/{rid}/updates").json_body["updates"]
    assert [(u["seq"], u["status"], u["text"]) for u in timeline] == [
        (1, "open", None), (2, "action_scheduled", "Booked for Tuesday."), (3, "fixed", "Filled.")]
    assert timeline[2]["previous_status"] == "action_scheduled"
    assert client.get(f"/v1/reports/{rid}").json_body["open"] is False
    kinds = sorted(e.kind for e in EventModel.scan())
    assert kinds == ["report_created", "report_state_changed", "report_state_changed"]


def test_stale_concurrent_edit_fails_without_writing_a_timeline_entry(client, deps):
    from chalicelib.errors import Conflict
    from chalicelib.handlers.reports import create as reports
    from chalicelib.handlers.reports.changes import change_state
    from chalicelib.storage.reports.reports import ReportModel, ReportUpdateModel
    rid = client.post("/v1/reports", pothole()).json_body["id"]
    stale = ReportModel.get(rid)
    change_state(deps, rid, "investigating")
    deps.reports.get = lambda _id: stale  # a second editor still holds the old version
    with pytest.raises(Conflict):
        change_state(deps, rid, "closed")
    assert [u.state for u in ReportUpdateModel.query(rid)] == ["open", "investigating"]
    assert ReportModel.get(rid).state == "investigating"


def test_unknown_state_is_a_validation_error(deps, client):
    from chalicelib.errors import ValidationFailed
    from chalicelib.handlers.reports import create as reports
    from chalicelib.handlers.reports.changes import change_state
    rid = client.post("/v1/reports", pothole()).json_body["id"]
    with pytest.raises(ValidationFailed):
        change_state(deps, rid, "vanished")
