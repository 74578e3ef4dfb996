"""Field updates from a phone on a bad signal: idempotent retries, If-Match
conflicts, done fixing the report once with its after photo, unable handing
it back to staff."""
import io

from support.alert_support import events_of
from api.test_photos_api import upload
from conftest import jpeg_with_gps
from support.crew_support import assigned, crews, now_iso  # noqa: F401  (fixture)


def test_done_with_a_photo_fixes_the_report_once_however_often_the_phone_retries(client, crews):
    from PIL import Image
    from chalicelib.storage.blobs import BlobStore
    rid, job_id = assigned(client, crews["officer"])
    crew = crews["north"]
    photo = upload(client, jpeg_with_gps())
    body = {"status": "done", "note": "Filled and rolled.", "photos": [photo], "lat": 53.9624, "lon": -1.0818,
            "saved_at": now_iso()}
    etag = crew.job(job_id).headers["ETag"]
    first = crew.update(job_id, body, etag=etag, key="press-0001-done")
    assert first.status_code == 201, first.body
    again = crew.update(job_id, body, etag=etag, key="press-0001-done")  # the answer was lost: the phone retries
    assert again.status_code == 201 and again.headers["Idempotent-Replayed"] == "true"
    assert again.json_body == first.json_body and again.headers["ETag"] == first.headers["ETag"]

    job = first.json_body["job"]
    assert (job["status"], job["open"], job["report_status"]) == ("done", False, "fixed")
    assert [u["status"] for u in job["updates"]] == ["done"]
    timeline = client.get(f"/v1/reports/{rid}/updates").json_body["updates"]
    assert [u["status"] for u in timeline] == ["open", "fixed"]
    [after] = timeline[-1]["photos"]
    assert after == first.json_body["update"]["photos"][0].split("?")[0]  # the public's link; the crew's is signed
    cleaned = BlobStore().read("photos/" + after.split("?")[0].rsplit("/", 1)[1])
    assert not Image.open(io.BytesIO(cleaned)).getexif().get_ifd(0x8825)  # no GPS left in the after photo
    kinds = sorted(e.kind for e in events_of(rid))  # one of each (order aside)
    assert kinds == ["job_assigned", "report_created", "report_state_changed"], kinds  # told once
    assert crew.jobs().json_body["features"] == []


def test_a_stale_if_match_gets_409_with_the_job_as_it_is_now(client, crews):
    _, job_id = assigned(client, crews["officer"])
    crew = crews["north"]
    etag = crew.job(job_id).headers["ETag"]
    assert crew.update(job_id, {"status": "accepted", "saved_at": now_iso()}, etag=etag).status_code == 201
    stale = crew.update(job_id, {"status": "on_site", "saved_at": now_iso()}, etag=etag)
    assert stale.status_code == 409 and stale.json_body["error"]["code"] == "edit_conflict"
    assert stale.json_body["current"]["status"] == "accepted"
    assert stale.headers["ETag"] == crew.job(job_id).headers["ETag"] != etag


def test_an_offline_queue_goes_through_in_order_with_each_answers_etag(client, crews):
    _, job_id = assigned(client, crews["officer"])
    crew = crews["north"]
    etag = crew.job(job_id).headers["ETag"]
    # Pressed 29, 25 and 1 minutes ago on a phone without signal: always in the past, at any hour.
    pressed = [now_iso(minutes_ago=m) for m in (29, 25, 1)]
    for status, saved_at in zip(("accepted", "en_route", "on_site"), pressed):
        answer = crew.update(job_id, {"status": status, "saved_at": saved_at}, etag=etag)
        assert answer.status_code == 201, answer.body
        etag = answer.headers["ETag"]
    job = crew.job(job_id).json_body
    assert job["status"] == "on_site" and [u["saved_at"] for u in job["updates"]] == pressed


def test_unable_sends_the_report_back_to_the_staff_inbox_flagged_with_the_reason(client, crews):
    officer = crews["officer"]
    rid, job_id = assigned(client, officer)
    answer = crews["north"].update(job_id, {"status": "unable", "reason": "Gas main works: road closed.",
                                            "saved_at": now_iso()})
    assert answer.status_code == 201, answer.body
    assert (answer.json_body["job"]["status"], answer.json_body["job"]["reason"]) == (
        "unable", "Gas main works: road closed.")
    staff = officer.report(rid).json_body
    assert staff["assignment"] is None and staff["flags"] == ["crew_unable"] and staff["status"] == "open"
    assert staff["assignment_history"][-1]["reason"] == "Gas main works: road closed."
    assert staff["internal_notes"][-1]["text"] == "Crew north unable: Gas main works: road closed."
    inbox = officer.inbox(assigned="no").json_body["reports"]
    assert [r["flags"] for r in inbox if r["id"] == rid] == [["crew_unable"]]
    kinds = sorted(e.kind for e in events_of(rid))  # one of each (order aside)
    assert kinds == ["job_assigned", "report_created"], kinds  # the resident hears nothing
    again = officer.patch(rid, {"team": "south"}).json_body  # reassigned: a new job, the flag goes
    assert again["flags"] == [] and again["assignment"]["job"] != job_id


def test_a_closed_job_takes_no_more_updates(client, crews):
    _, job_id = assigned(client, crews["officer"])
    crew = crews["north"]
    assert crew.update(job_id, {"status": "done", "saved_at": now_iso()}).status_code == 201
    late = crew.update(job_id, {"note": "Forgot the cones.", "saved_at": now_iso()})
    assert late.status_code == 409 and late.json_body["error"]["code"] == "job_closed"


def test_a_key_reused_with_another_body_is_refused(client, crews):
    _, job_id = assigned(client, crews["officer"])
    crew = crews["north"]
    assert crew.update(job_id, {"status": "accepted", "saved_at": now_iso()}, key="press-0002").status_code == 201
    reused = crew.update(job_id, {"status": "on_site", "saved_at": now_iso()}, key="press-0002")
    assert reused.status_code == 422 and reused.json_body["error"]["code"] == "idempotency_key_reused"


def test_if_match_and_idempotency_key_are_required(client, crews):
    _, job_id = assigned(client, crews["officer"])
    crew = crews["north"]
    body = {"status": "accepted", "saved_at": now_iso()}
    assert crew.update(job_id, body, etag="").status_code == 428
    missing = crew.update(job_id, body, key=False)
    assert missing.status_code == 400 and missing.json_body["error"]["fields"][0]["field"] == "Idempotency-Key"


def test_bad_input_is_every_problem_at_once_in_the_error_shape(client, crews):
    _, job_id = assigned(client, crews["officer"])
    got = crews["north"].update(job_id, {"status": "unable", "lat": 91, "photos": "x", "colour": "red",
                                         "saved_at": "2999-01-01T00:00:00Z"})
    assert got.status_code == 400, got.body
    assert {f["field"] for f in got.json_body["error"]["fields"]} == {
        "colour", "reason", "photos", "lon", "saved_at"}
    got = crews["north"].update(job_id, {"status": "done", "reason": "why not", "saved_at": "yesterday"})
    assert {f["field"] for f in got.json_body["error"]["fields"]} == {"reason", "saved_at"}
    assert crews["north"].job(job_id).json_body["updates"] == []
