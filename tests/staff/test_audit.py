"""The audit: every staff change, who and when, each field before and after;
nothing can edit it."""
import json

from conftest import pothole
from support.days import days_ahead, long_date
from support.staff_support import officer, staff_data  # noqa: F401  (fixtures)


def test_the_audit_records_every_change_with_who_when_and_before_and_after(client, officer):
    rid = client.post("/v1/reports", pothole()).json_body["id"]
    due = days_ahead(60)  # a date staff may set: after today, before the end of the years allowed
    officer.patch(rid, {"priority": "high", "internal_note": "Near the school gate."})
    officer.patch(rid, {"team": "north", "instructions": "Cone it off first.", "due": due.isoformat()})
    officer.patch(rid, {"status": "action_scheduled", "template": "tpl_inspection"})
    entries = officer.audit(rid)
    assert [e["seq"] for e in entries] == [2, 3, 4]
    assert all(e["by"] == "olu.officer@council.example" and e["at"].endswith("Z") for e in entries)
    first, second, third = (e["changes"] for e in entries)
    assert first["priority"] == {"before": "normal", "after": "high"}
    assert first["internal_note"] == {"before": None, "after": "Near the school gate."}
    assert first["due"]["after"] != first["due"]["before"]  # the pothole rule gives high priority 5 days
    assert second["team"] == {"before": None, "after": "north"}
    assert second["instructions"] == {"before": None, "after": "Cone it off first."}
    assert second["due"]["after"] == due.isoformat()
    assert third["status"] == {"before": "open", "after": "action_scheduled"}
    assert third["template"]["after"] == "tpl_inspection" and long_date(due) in third["public_update"]["after"]


def test_no_route_edits_or_deletes_the_audit(client, officer):
    rid = client.post("/v1/reports", pothole()).json_body["id"]
    officer.patch(rid, {"priority": "high"})
    path = f"/v1/staff/reports/{rid}/audit"
    for method in ("PATCH", "DELETE", "PUT", "POST"):
        refused = client.raw.http.request(method, path, body=json.dumps({"entries": []}), headers={
            "Content-Type": "application/json", **officer.person.auth})
        assert refused.status_code in (404, 405), (method, refused.status_code)
    assert len(officer.audit(rid)) == 1


def test_assignment_keeps_its_history(client, officer):
    rid = client.post("/v1/reports", pothole()).json_body["id"]
    officer.patch(rid, {"team": "north", "instructions": "Fill it."})
    moved = officer.patch(rid, {"team": "south"}).json_body
    assert moved["assignment"]["team"] == "south" and moved["assignment"]["instructions"] == "Fill it."
    assert [a["team"] for a in moved["assignment_history"]] == ["north"]
    assert moved["assignment_history"][0]["ended_at"]
    assert officer.patch(rid, {"team": "nobody"}).status_code == 400
    assert officer.patch(rid, {"team": None}).json_body["assignment"] is None
    assert officer.patch(rid, {"instructions": "Alone."}).status_code == 400
