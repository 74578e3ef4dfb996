"""One job as its crew sees it: what the work needs, never who reported it;
only crew members of its team may open it."""
from api.test_photos_api import upload
from conftest import jpeg_with_gps, pothole
from support.crew_support import MINSTER, assigned, crews  # noqa: F401  (fixture)

REPORTER = ("Ada Resident", "ada@example.org", "07700 900123")  # conftest.pothole's contact


def test_one_job_shows_what_the_crew_needs_and_never_the_reporter(client, crews):
    photo = upload(client, jpeg_with_gps())
    made = client.post("/v1/reports", pothole(photos=[photo])).json_body
    changed = crews["officer"].patch(made["id"], {"team": "north", "instructions": "Cone it off first.",
                                                  "internal_note": "Resident rang twice."})
    job_id = changed.json_body["assignment"]["job"]
    got = crews["north"].job(job_id)
    assert got.status_code == 200, got.body
    job = got.json_body
    assert got.headers["ETag"] == f'"{job["version"]}"' and got.headers["Cache-Control"] == "no-store"
    assert (job["report_id"], job["team"], job["status"], job["instructions"]) == (
        made["id"], "north", "assigned", "Cone it off first.")
    assert job["location"] == {"lat": MINSTER[0], "lon": MINSTER[1]} and job["navigation"].startswith("geo:")
    assert job["fields"] == {"size": "large"} and job["description"].startswith("Deep pothole")
    assert job["photos"] == made["photos"] and job["report_status"] == "open"
    for secret in (*REPORTER, "Resident rang twice."):  # nor staff's internal notes
        assert secret not in got.body.decode()
    listed = crews["north"].jobs(lat=MINSTER[0], lon=MINSTER[1]).body.decode()
    assert not any(secret in listed for secret in REPORTER)


def test_only_a_crew_member_of_the_team_may_open_a_job(client, crews, people):
    _, job_id = assigned(client, crews["officer"])
    resident = people("resident")
    assert client.get(f"/v1/crew/jobs/{job_id}", resident.auth).status_code == 403
    assert client.get(f"/v1/crew/jobs/{job_id}", crews["officer"].person.auth).status_code == 403
    anonymous = client.get(f"/v1/crew/jobs/{job_id}")
    assert anonymous.status_code == 401 and anonymous.json_body["error"]["code"] == "unauthorized"
    assert crews["south"].job(job_id).status_code == 404
    assert crews["north"].job("no-such-job").status_code == 404
