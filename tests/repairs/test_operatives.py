"""Operatives and a repair in the crew app: the job a team gets with the
home's access notes, the tenant's contact only while the team holds it, "On
my way" texted once, "No access" offering a new time, "Done" closing the
repair and asking the tenant how it went, once.
The app's clock is Tuesday 24 November 2026, 10am."""
import pytest

from chalicelib.storage.outbox import OutboxModel
from support.crew_support import Crew
from support.repairs_support import DRIPPING_TAP, tenant, tenant_drs  # noqa: F401 (fixtures)
from support.revenues_support import civica, council_morning  # noqa: F401 (fixtures)


@pytest.fixture(autouse=True)
def teams(deps):
    """The demo teams, north and south."""
    from support.staff_support import load_staff_data
    load_staff_data(deps)


def texts():
    return [m.body for m in OutboxModel.recipient_index.query("+447700900123")]


def assigned(client, people, tenant, team="north"):
    repair = client.post("/v1/repairs", DRIPPING_TAP, tenant.auth).json_body
    officer, path = people("staff"), f"/v1/staff/repairs/{repair['id']}"
    etag = client.get(path, officer.auth).headers["ETag"]
    sent = client.post(f"{path}/assign", {"team": team, "instructions": "Bring a 15 mm washer"},
                       {**officer.auth, "If-Match": etag})
    assert sent.status_code == 200, sent.body
    return repair, sent.json_body["job"]


def test_a_repair_assigned_to_a_team_is_its_job_with_the_homes_access_notes(client, people, tenant):
    repair, job_id = assigned(client, people, tenant)
    north = Crew(client, people("crew", team="north"))
    listed = north.jobs().json_body["features"]
    assert [f["id"] for f in listed] == [job_id] and listed[0]["properties"]["service_name"] == "Housing repair"
    job = north.job(job_id).json_body
    assert job["address"] == repair["address"] and job["collection"]["notes"] == "pets: A friendly dog"
    assert "07700" not in str(job)  # the contact is read by its own route only
    assert client.get(f"/v1/crew/jobs/{job_id}/tenant", north.person.auth).json_body["phone"] == "07700 900123"


def test_a_crew_of_another_team_cannot_open_the_repair_or_its_tenant(client, people, tenant):
    _, job_id = assigned(client, people, tenant)
    south = people("crew", team="south")
    for path in (f"/v1/crew/jobs/{job_id}", f"/v1/crew/jobs/{job_id}/tenant"):
        assert client.get(path, south.auth).status_code == 404
    assert client.post(f"/v1/crew/jobs/{job_id}/on-my-way", {}, south.auth).status_code == 404


def test_on_my_way_texts_the_tenant_once(client, people, tenant):
    repair, job_id = assigned(client, people, tenant)
    north = people("crew", team="north")
    assert client.post(f"/v1/crew/jobs/{job_id}/on-my-way", {}, north.auth).status_code == 200
    again = client.post(f"/v1/crew/jobs/{job_id}/on-my-way", {}, north.auth)
    assert again.status_code == 409 and again.json_body["error"]["code"] == "told_already"
    assert texts().count(f"Your council repair {repair['id']}: the operative is on the way to you now.") == 1


def test_no_access_leaves_a_card_offers_a_new_time_and_ends_the_contact(client, people, tenant):
    repair, job_id = assigned(client, people, tenant)
    north = people("crew", team="north")
    gone = client.post(f"/v1/crew/jobs/{job_id}/no-access", {}, north.auth)
    assert gone.status_code == 200 and gone.json_body["repair_status"] == "reported"
    assert f"We called for your council repair {repair['id']} but could not get in, and left a card. " \
           f"Choose a new time in the Doorstep app: Repairs, {repair['id']}." in texts()
    after = client.get(f"/v1/crew/jobs/{job_id}/tenant", north.auth)
    assert after.status_code == 403 and after.json_body["error"]["code"] == "not_assigned"
    assert client.get(f"/v1/repairs/{repair['id']}/slots", tenant.auth).status_code == 200


def test_done_in_the_crew_app_closes_the_repair_and_asks_how_it_went_once(client, people, tenant, deps):
    repair, job_id = assigned(client, people, tenant)
    north = Crew(client, people("crew", team="north"))
    from support.crew_support import now_iso
    done = north.update(job_id, {"status": "done", "note": "New washer fitted", "saved_at": now_iso()})
    assert done.status_code == 201, done.body
    seen = client.get(f"/v1/repairs/{repair['id']}", tenant.auth).json_body
    assert seen["status"] == "done" and seen["done_what"] == "New washer fitted"
    asked = f"Your council repair {repair['id']} is done. How did it go? Tell us in the Doorstep app: " \
            f"Repairs, {repair['id']}."
    assert texts().count(asked) == 1
    from chalicelib.handlers.repairs.desk.after import on_done
    from chalicelib.storage.records import Event
    on_done(deps, Event(id="again", kind="repair_done", created_at=deps.clock(),
                        payload={"repair_id": repair["id"]}), "again")  # the event handed again: asked once
    assert texts().count(asked) == 1
    path = f"/v1/repairs/{repair['id']}/how-it-went"
    assert client.get(path, tenant.auth).json_body == {"repair": repair["id"], "asked": True, "answer": None,
                                                       "reopen_by": "2026-12-22"}  # done 24 November, + 28 days
    said = client.post(path, {"fixed": True, "rating": 5}, tenant.auth)
    assert said.status_code == 200 and said.json_body["answer"]["rating"] == 5
    twice = client.post(path, {"fixed": False, "rating": 1}, tenant.auth)
    assert twice.status_code == 409 and twice.json_body["error"]["code"] == "already_answered"
