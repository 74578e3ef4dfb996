"""The desk's changes reach the repair's crew job: a close at the desk, or the
tenant's cancel, ends the team's open job (the crew app no longer lists it; an
operative's Done then is 409, never a second close), and a priority changed at the desk is the job's
priority and due day as the crew sees them, with the repair's clocks
re-derived. The app's clock is Tuesday 24 November 2026, 10am."""
import json

import pytest

from chalicelib.storage.outbox import OutboxModel
from support.crew_support import Crew, now_iso
from support.repairs_support import assigned, tenant, tenant_drs  # noqa: F401 (fixtures)
from support.revenues_support import civica, council_morning  # noqa: F401 (fixtures)


@pytest.fixture(autouse=True)
def teams(deps):
    from support.staff_support import load_staff_data
    load_staff_data(deps)


def test_a_repair_closed_at_the_desk_ends_its_crew_job_and_a_later_done_is_refused(client, people, tenant):
    repair, job_id, officer = assigned(client, people, tenant)
    north = Crew(client, people("crew", team="north"))
    read_before = north.job(job_id).headers["ETag"]  # the operative's phone read the job before the close
    closed = client.post(f"/v1/staff/repairs/{repair['id']}/done", {"what": "Washer fitted by the office's plumber"},
                         officer.auth)
    assert closed.status_code == 200, closed.body
    assert job_id not in [f["id"] for f in north.jobs().json_body["features"]]
    job = north.job(job_id).json_body
    assert (job["open"], job["status"], job["reason"]) == (False, "withdrawn", "closed by the office")
    for etag in (read_before, None):  # a phone that read it before, and one that reads it now
        done = north.update(job_id, {"status": "done", "note": "Fitted a washer", "saved_at": now_iso()}, etag=etag)
        assert done.status_code == 409, done.body
    refused = json.loads(done.body)["error"]
    assert refused["code"] == "job_closed" and "closed by the office" in refused["message"]
    seen = client.get(f"/v1/repairs/{repair['id']}", tenant.auth).json_body
    assert (seen["status"], seen["done_what"]) == ("done", "Washer fitted by the office's plumber")
    asked = [m for m in OutboxModel.recipient_index.query("+447700900123") if "How did it go?" in m.body]
    assert len(asked) == 1  # closed once, asked once


def test_an_operatives_done_first_leaves_the_desk_a_clear_409(client, people, tenant):
    repair, job_id, officer = assigned(client, people, tenant)
    north = Crew(client, people("crew", team="north"))
    assert north.update(job_id, {"status": "done", "saved_at": now_iso()}).status_code == 201
    again = client.post(f"/v1/staff/repairs/{repair['id']}/done", {"what": "Closed twice?"}, officer.auth)
    assert again.status_code == 409 and again.json_body["error"]["code"] == "repair_closed"
    assert client.get(f"/v1/repairs/{repair['id']}", tenant.auth).json_body["done_what"] == "Done by the operative."


def test_a_desk_close_racing_an_operatives_done_closes_the_repair_once(client, people, tenant):
    from support.racing import at_once
    repair, job_id, officer = assigned(client, people, tenant)
    north = Crew(client, people("crew", team="north"))
    etag = north.job(job_id).headers["ETag"]
    press = {0: lambda: client.post(f"/v1/staff/repairs/{repair['id']}/done", {"what": "Closed at the desk"},
                                    officer.auth).status_code,
             1: lambda: north.update(job_id, {"status": "done", "saved_at": now_iso()}, etag=etag).status_code}
    desk, crew = at_once(lambda n: press[n](), range(2))
    assert 409 in (desk, crew) or (desk, crew) == (200, 201)  # the close after the job ended: the repair still open
    assert client.get(f"/v1/repairs/{repair['id']}", tenant.auth).json_body["status"] == "done"
    asked = [m for m in OutboxModel.recipient_index.query("+447700900123") if "How did it go?" in m.body]
    assert len(asked) == 1


def test_a_priority_changed_at_the_desk_reaches_the_crew_job_and_the_repairs_clocks(client, people, tenant, deps):
    repair, job_id, officer = assigned(client, people, tenant)
    north = Crew(client, people("crew", team="north"))
    before = north.job(job_id).json_body
    assert (before["priority"], before["due"]) == ("routine", "2026-12-22")  # 20 working days
    at_risk_before = deps.repairs.get(repair["id"]).at_risk_at
    path = f"/v1/staff/repairs/{repair['id']}"
    etag = client.get(path, officer.auth).headers["ETag"]
    made = client.post(f"{path}/priority", {"priority": "urgent", "reason": "The drip is onto the electrics cupboard"},
                       {**officer.auth, "If-Match": etag})
    assert made.status_code == 200, made.body
    job = north.job(job_id).json_body
    assert (job["priority"], job["due"], job["open"]) == ("urgent", "2026-12-01", True)  # 5 working days
    line = next(f for f in north.jobs().json_body["features"] if f["id"] == job_id)
    assert (line["properties"]["priority"], line["properties"]["due"]) == ("urgent", "2026-12-01")
    kept = deps.repairs.get(repair["id"])
    assert kept.at_risk_at < at_risk_before and kept.board == "open"
    assert made.json_body["dates"][0]["text"] == "Your repair is due by Tuesday 1 December 2026."


def test_a_tenants_cancel_ends_the_crew_job_and_a_later_done_is_refused(client, people, tenant, tenant_drs):
    repair, job_id, officer = assigned(client, people, tenant)
    north = Crew(client, people("crew", team="north"))
    read_before = north.job(job_id).headers["ETag"]
    tenant_drs.down = True  # the contractor's diary cannot be reached: nothing cancelled, the job still the crew's
    refused = client.post(f"/v1/repairs/{repair['id']}/cancel", {}, tenant.auth)
    assert refused.status_code == 503 and refused.json_body["error"]["code"] == "scheduler_unavailable"
    assert job_id in [f["id"] for f in north.jobs().json_body["features"]]
    assert (north.job(job_id).json_body["open"], client.get(f"/v1/repairs/{repair['id']}", tenant.auth)
            .json_body["status"]) == (True, "reported")
    tenant_drs.down = False
    cancelled = client.post(f"/v1/repairs/{repair['id']}/cancel", {}, tenant.auth)
    assert cancelled.status_code == 200 and cancelled.json_body["status"] == "cancelled"
    assert tenant_drs.state["orders"] == {}
    assert job_id not in [f["id"] for f in north.jobs().json_body["features"]]
    job = north.job(job_id).json_body
    assert (job["open"], job["status"], job["reason"]) == (False, "withdrawn", "cancelled by the tenant")
    for etag in (read_before, None):  # a phone that read it before the cancel, and one that reads it now
        done = north.update(job_id, {"status": "done", "note": "Fitted a washer", "saved_at": now_iso()}, etag=etag)
        assert done.status_code == 409, done.body
    refused = json.loads(done.body)["error"]
    assert refused["code"] == "job_closed" and "cancelled by the tenant" in refused["message"]
    assert client.get(f"/v1/repairs/{repair['id']}", tenant.auth).json_body["status"] == "cancelled"
