"""Jobs near me and the jobs staff assignment makes: what a team sees, in
what order, at what cost; another team sees none of it."""
from chalicelib.geo.distance import haversine_m
from support.crew_support import MINSTER, NEAR_450_M, assigned, crews  # noqa: F401  (fixture)
from support.days import days_ahead


def test_assignment_makes_a_job_the_team_sees_near_them_with_its_distance(client, crews):
    due = days_ahead(70).isoformat()
    rid, job_id = assigned(client, crews["officer"], due=due, instructions="Cone it off first.")
    listed = crews["north"].jobs(lat=NEAR_450_M[0], lon=NEAR_450_M[1])
    assert listed.status_code == 200, listed.body
    assert listed.headers["Content-Type"] == "application/geo+json"
    [job] = listed.json_body["features"]
    props = job["properties"]
    assert job["id"] == job_id and props["report_id"] == rid
    assert 445 <= props["distance_m"] <= 455
    assert props["distance_m"] == round(haversine_m(MINSTER[1], MINSTER[0], NEAR_450_M[1], NEAR_450_M[0]), 1)
    assert (props["status"], props["priority"], props["due"], props["service_code"]) == (
        "assigned", "normal", due, "pothole")
    assert props["navigation"] == "geo:53.962300,-1.081900"
    assert props["description"].startswith("Deep pothole")
    assert job["geometry"]["coordinates"] == [MINSTER[1], MINSTER[0]]
    assert "queries=" in listed.headers["Server-Timing"]


def test_a_crew_of_another_team_neither_lists_nor_opens_the_job(client, crews):
    _, job_id = assigned(client, crews["officer"])
    south = crews["south"]
    assert south.jobs(lat=MINSTER[0], lon=MINSTER[1]).json_body["features"] == []
    assert south.jobs().json_body["features"] == []
    opened = south.job(job_id)
    assert (opened.status_code, opened.json_body["error"]["code"]) == (404, "job_not_found")
    assert south.update(job_id, {"status": "done", "saved_at": "2026-01-01T00:00:00Z"}, etag='"1"').status_code == 404


def test_jobs_come_nearest_first_with_exact_distances(client, crews):
    points = [(53.9500, -1.0800), (53.9630, -1.0830), (53.9700, -1.1000), (53.9580, -1.0700)]
    made = {assigned(client, crews["officer"], at=p)[1]: p for p in points}
    features = crews["north"].jobs(lat=MINSTER[0], lon=MINSTER[1], limit=3).json_body
    want = sorted(made, key=lambda j: haversine_m(MINSTER[1], MINSTER[0], made[j][1], made[j][0]))
    assert [f["id"] for f in features["features"]] == want[:3]
    distances = [f["properties"]["distance_m"] for f in features["features"]]
    assert distances == sorted(distances)
    assert features["located_open_jobs"] == 4 and features["truncated"] is True


def test_without_a_point_jobs_come_soonest_due_first_a_page_at_a_time(client, crews):
    # Months ahead, whatever today is; the rule's date for the third is days away.
    dues = [days_ahead(d).isoformat() if d else None for d in (150, 90, None, 120)]
    made = [assigned(client, crews["officer"], **({"due": d} if d else {}))[1] for d in dues]
    crew = crews["north"]
    first = crew.jobs(limit=2).json_body
    assert first["order"] == "due" and first["next_cursor"]
    second = crew.jobs(limit=2, cursor=first["next_cursor"]).json_body
    got = [f["id"] for f in first["features"] + second["features"]]
    dues = [f["properties"]["due"] for f in first["features"] + second["features"]]
    assert got == [made[2], made[1], made[3], made[0]]  # the category's rule gives the third a date in days
    assert dues[0] < days_ahead(90).isoformat()
    assert dues[1:] == [days_ahead(d).isoformat() for d in (90, 120, 150)]
    refused = crew.jobs(cursor="bm90LWEtY3Vyc29y")
    # Well formed, but not a cursor this list gave: a rule the document states in words (422), as other lists'
    assert refused.status_code == 422 and refused.json_body["error"]["fields"][0]["field"] == "cursor"


def test_reassigning_moves_the_job_and_keeps_the_history(client, crews):
    officer = crews["officer"]
    rid, first = assigned(client, officer)
    moved = officer.patch(rid, {"team": "south"})
    assert moved.status_code == 200, moved.body
    second = moved.json_body["assignment"]["job"]
    assert second != first
    assert [a["job"] for a in moved.json_body["assignment_history"]] == [first]
    assert crews["north"].jobs().json_body["features"] == []
    assert [f["id"] for f in crews["south"].jobs(lat=MINSTER[0], lon=MINSTER[1]).json_body["features"]] == [second]
    withdrawn = crews["north"].job(first).json_body
    assert (withdrawn["status"], withdrawn["open"], withdrawn["reason"]) == ("withdrawn", False, "moved to team south")


def test_closing_the_report_withdraws_its_job_and_a_staff_change_reaches_it(client, crews):
    officer = crews["officer"]
    rid, job_id = assigned(client, officer)
    officer.patch(rid, {"priority": "urgent", "instructions": "Before the school run."})
    job = crews["north"].job(job_id).json_body
    assert (job["priority"], job["instructions"]) == ("urgent", "Before the school run.")
    officer.patch(rid, {"status": "closed"})
    assert crews["north"].jobs(lat=MINSTER[0], lon=MINSTER[1]).json_body["located_open_jobs"] == 0
    assert crews["north"].job(job_id).json_body["status"] == "withdrawn"


def test_bad_input_is_every_problem_at_once_in_the_error_shape(client, crews):
    got = crews["north"].jobs(lat="north", limit=0)
    assert got.status_code == 400
    assert {f["field"] for f in got.json_body["error"]["fields"]} == {"lat", "lon", "limit"}
    got = crews["north"].jobs(lat=MINSTER[0], lon=MINSTER[1], cursor="abc")  # pages are in due order only
    assert got.status_code == 422 and got.json_body["error"]["fields"][0]["field"] == "cursor"


def test_the_cost_of_jobs_near_me_follows_the_answer_not_the_team(client, crews, deps):
    from bench.jobs import open_jobs
    open_jobs(deps, "north", 600, seed=3)
    crews["north"].jobs()  # the categories' names, cached for a minute like any warm Lambda's
    got = crews["north"].jobs(lat=MINSTER[0], lon=MINSTER[1], limit=5)
    assert len(got.json_body["features"]) == 5 and got.json_body["located_open_jobs"] == 600
    # Of 600 open jobs the search reads a few pages of 8 (docs/benchmarks.md has the sizes), plus the
    # caller's user and session rows and their grant at this council; a page in due order reads the page and
    # those three.
    assert _items(got) <= 100, got.headers["Server-Timing"]
    page = crews["north"].jobs(limit=5)
    assert len(page.json_body["features"]) == 5 and _items(page) <= 5 + 3, page.headers["Server-Timing"]


def _items(response):
    return int(response.headers["Server-Timing"].split("items=")[1].split('"')[0])


def test_a_crew_member_raises_a_report_from_the_field_as_their_teams_job(client, crews):
    from conftest import pothole
    crew = crews["north"]
    made = client.post("/v1/reports", pothole(contact=None, assign_to_my_team=True), crew.person.auth)
    assert made.status_code == 201, made.body
    staff = crews["officer"].report(made.json_body["id"]).json_body
    assert staff["raised_by_team"] == "north" and staff["assignment"]["team"] == "north"
    [job] = crew.jobs(lat=MINSTER[0], lon=MINSTER[1]).json_body["features"]
    assert job["id"] == staff["assignment"]["job"] and job["properties"]["report_id"] == made.json_body["id"]
    refused = client.post("/v1/reports", pothole(assign_to_my_team=True))
    assert refused.status_code == 400 and refused.json_body["error"]["fields"][0]["field"] == "assign_to_my_team"
    plain = client.post("/v1/reports", pothole(), crews["south"].person.auth).json_body
    assert crews["officer"].report(plain["id"]).json_body["raised_by_team"] == "south"
    assert crews["south"].jobs().json_body["features"] == []  # raised, not taken: staff assign it
