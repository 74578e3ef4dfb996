"""Staff act within their scope, and a change cannot carry a report out of it;
crews see what they need to do the job, not what the category keeps private."""
from conftest import YORK_MINSTER, pothole
from support.crew_support import assigned, crews  # noqa: F401  (fixture)
from support.staff_support import officer, officer_for, staff_data  # noqa: F401  (fixtures)


def test_a_staff_member_scoped_to_a_category_cannot_move_a_report_out_of_it(client, officer_for):
    highways = officer_for(categories=["pothole"])
    rid = client.post("/v1/reports", pothole()).json_body["id"]
    moved = highways.patch(rid, {"service_code": "graffiti", "fields": {"offensive": "no"}})
    assert moved.status_code == 403 and moved.json_body["error"]["code"] == "outside_your_scope"
    assert highways.report(rid).json_body["service_code"] == "pothole"
    assert highways.patch(rid, {"priority": "high"}).status_code == 200  # within it, as before


def test_a_crew_never_sees_an_answer_the_category_keeps_private(client, crews):
    made = client.post("/v1/reports", {"service_code": "fly_tipping", "lat": YORK_MINSTER[0],
                                       "lon": YORK_MINSTER[1], "description": "Mattresses by the gate.",
                                       "fields": {"waste_types": ["furniture"], "amount": "van",
                                                  "vehicle_seen": "AB12 CDE"}})
    assert made.status_code == 201, made.body
    rid = made.json_body["id"]
    job_id = crews["officer"].patch(rid, {"team": "north"}).json_body["assignment"]["job"]
    job = crews["north"].job(job_id).json_body
    assert job["fields"] == {"waste_types": ["furniture"], "amount": "van"}
    assert "AB12 CDE" not in str(crews["north"].jobs().json_body)
    assert crews["officer"].report(rid).json_body["fields"]["vehicle_seen"] == "AB12 CDE"  # staff keep it
