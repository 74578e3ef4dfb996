"""The crews' loop closed, through the API and the real parts: a resident
reports and follows by push; staff assign it to north; a north crew member
450 m away sees it with its distance; south neither sees nor opens it; north
posts done with a photo, the phone retries, and the report is fixed once,
with one timeline entry, and the resident's phone is pushed once."""
import pytest

from support.alert_support import events_of
from api.test_photos_api import upload
from conftest import jpeg_with_gps
from support.crew_support import NEAR_450_M, crews, now_iso  # noqa: F401  (fixture)
from tests.alerts.test_alerts_end_to_end import (MINSTER, assert_private_push, dispatcher, push_service,  # noqa: F401
                                                 pushes_to, report_at, subscribe_push, wait_for)


@pytest.fixture
def client(storage):
    """Under the "test" stage, as the alerts' end-to-end tests (the local push service is allowed)."""
    from chalice.test import Client
    from app import app
    from conftest import Api
    with Client(app, stage_name="test") as c:
        yield Api(c)


def test_a_report_is_assigned_fixed_by_the_crew_near_it_and_its_follower_told_once(
        client, crews, push_service, dispatcher):
    rid = report_at(client, MINSTER)
    phone, _ = subscribe_push(client, push_service, kind="report", report_id=rid)
    job_id = crews["officer"].patch(rid, {"team": "north"}).json_body["assignment"]["job"]

    north, south = crews["north"], crews["south"]
    [near] = north.jobs(lat=NEAR_450_M[0], lon=NEAR_450_M[1]).json_body["features"]
    assert near["id"] == job_id and 445 <= near["properties"]["distance_m"] <= 455
    assert south.jobs(lat=NEAR_450_M[0], lon=NEAR_450_M[1]).json_body["features"] == []
    assert south.job(job_id).status_code == 404

    photo = upload(client, jpeg_with_gps())
    body = {"status": "done", "photos": [photo], "saved_at": now_iso()}
    etag = north.job(job_id).headers["ETag"]
    first = north.update(job_id, body, etag=etag, key="journey-done-0001")
    retry = north.update(job_id, body, etag=etag, key="journey-done-0001")
    assert (first.status_code, retry.status_code) == (201, 201) and retry.json_body == first.json_body

    timeline = client.get(f"/v1/reports/{rid}/updates").json_body["updates"]
    assert [u["status"] for u in timeline] == ["open", "fixed"] and len(timeline[-1]["photos"]) == 1
    wait_for(lambda: any(r.payload["state"] == "fixed" for r in pushes_to(push_service, phone)))
    kinds = sorted(e.kind for e in events_of(rid))  # one of each (order aside)
    assert kinds == ["job_assigned", "report_created", "report_state_changed"], kinds  # one event to tell
    fixed = [r for r in pushes_to(push_service, phone) if r.payload["state"] == "fixed"]
    assert len(fixed) == 1
    assert_private_push(fixed[0], rid, "fixed")


def _crew_phone(client, push_service, crew):
    key = client.get("/v1/push/vapid-public-key").json_body["public_key"]
    browser = push_service.subscribe(application_server_key=key)
    made = client.post("/v1/alerts", {"kind": "jobs", "channels": ["push"], "push_subscription": browser.subscription},
                       crew.person.auth)
    assert made.status_code == 201, made.json_body
    assert made.json_body["team"] == crew.team
    return browser


def test_crew_phones_are_pushed_when_a_job_comes_to_their_team_and_when_it_moves_away(
        client, crews, push_service, dispatcher, people):
    north = _crew_phone(client, push_service, crews["north"])
    south = _crew_phone(client, push_service, crews["south"])
    rid = report_at(client, MINSTER)
    officer = crews["officer"]
    job_id = officer.patch(rid, {"team": "north", "priority": "urgent"}).json_body["assignment"]["job"]
    [came] = wait_for(lambda: pushes_to(push_service, north))
    assert came.payload["title"] == "New job: Pothole" and came.payload["url"].endswith(f"?job={job_id}")
    assert "Priority urgent" in came.payload["body"] and came.headers["urgency"] == "high"
    officer.patch(rid, {"team": "south"})
    wait_for(lambda: len(pushes_to(push_service, north)) == 2 and pushes_to(push_service, south))
    assert pushes_to(push_service, north)[1].payload["title"] == "Job moved: Pothole"
    assert [p.payload["title"] for p in pushes_to(push_service, south)] == ["New job: Pothole"]
    text = str([r.payload for r in push_service.received])
    assert not any(secret in text for secret in ("Ada Resident", "ada@example.org", "07700 900123"))
    browser = push_service.subscribe(application_server_key=client.get("/v1/push/vapid-public-key").json_body[
        "public_key"])
    refused = client.post("/v1/alerts", {"kind": "jobs", "channels": ["push"],
                                         "push_subscription": browser.subscription}, people("resident").auth)
    assert (refused.status_code, refused.json_body["error"]["code"]) == (403, "forbidden")
