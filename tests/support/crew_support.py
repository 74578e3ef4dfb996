"""Shared by the crew tests: crew members' calls through the HTTP API, and
reports assigned by an officer at chosen points."""
import json
import uuid
from datetime import datetime, timedelta, timezone

import pytest

from chalicelib.stamps import stamp
from conftest import pothole
from support.staff_support import Officer, load_staff_data

MINSTER = (53.9623, -1.0819)  # lat, lon
NEAR_450_M = (53.96635, -1.0819)  # 450 m due north of the Minster


class Crew:
    """A crew member's phone."""

    def __init__(self, client, person, team=None):
        self.client, self.person, self.team = client, person, team

    def jobs(self, **params):
        from urllib.parse import urlencode
        return self.client.get("/v1/crew/jobs" + (f"?{urlencode(params)}" if params else ""), self.person.auth)

    def job(self, job_id):
        return self.client.get(f"/v1/crew/jobs/{job_id}", self.person.auth)

    def update(self, job_id, body, etag=None, key=None):
        """POST a field update with the job's current ETag unless one is given, and a fresh key unless given."""
        etag = self.job(job_id).headers.get("ETag") if etag is None else etag
        headers = {"Content-Type": "application/json", **self.person.auth}
        if etag:
            headers["If-Match"] = etag
        if key is not False:
            headers["Idempotency-Key"] = key or str(uuid.uuid4())
        return self.client.raw.http.request("POST", f"/v1/crew/jobs/{job_id}/updates", body=json.dumps(body),
                                            headers=headers)


def now_iso(minutes_ago=0):
    """A phone's press time: now, or some minutes before now (never a fixed hour of today)."""
    return stamp(datetime.now(timezone.utc) - timedelta(minutes=minutes_ago))


def assigned(client, officer, team="north", at=MINSTER, **patch):
    """A resident's pothole at `at`, assigned to `team`: (report id, job id)."""
    made = client.post("/v1/reports", pothole(lat=at[0], lon=at[1]))
    assert made.status_code == 201, made.body
    rid = made.json_body["id"]
    changed = officer.patch(rid, {"team": team, **patch})
    assert changed.status_code == 200, changed.body
    return rid, changed.json_body["assignment"]["job"]


@pytest.fixture
def crews(client, people, deps):
    """{"north": Crew, "south": Crew, "officer": Officer} with the demo teams."""
    load_staff_data(deps)
    return {"north": Crew(client, people("crew", team="north"), "north"),
            "south": Crew(client, people("crew", team="south"), "south"),
            "officer": Officer(client, people("admin", name="Olu Officer", email="olu.officer@council.example"))}
