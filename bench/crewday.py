"""A crew's day against a running `make run` (DynamoDB Local, the stream reader
and the alert worker), over real HTTP and the API alone:

1. a resident reports a pothole with a photo and follows it by Web Push;
2. staff assign it to team north (PATCH with If-Match);
3. a north crew member 450 m away sees it in jobs near me, with its distance;
4. a south crew member neither sees nor opens it;
5. north posts `done` with an after photo, and the phone sends the very same
   request again: the same answer, nothing new;
6. the report is fixed once, with one new public timeline entry, and the
   resident's subscription receives one push saying so (decrypted with the
   keys of the local push service, as the browser tests do).

    PORT=8740 make run                                          (in another terminal)
    .venv/bin/python -m bench.crewday --base http://localhost:8740

Run from the directory `make run` serves (its `doorstep` command finds the stack
there). Every run makes its own accounts, report and keys, so it can run again
on the same stack. Exits 1 on any failed expectation.
"""
import argparse
import secrets
import sys
import time
import uuid
from datetime import datetime, timezone

from .crewday_calls import Api, Failed, account, ensure_teams, expect, photo, photo_check

MINSTER = (53.9623, -1.0819)  # lat, lon of the pothole
NEAR_450_M = (53.96635, -1.0819)  # 450 m due north of it
REPORTER = {"name": "Ada Crewday", "email": "ada.crewday@example.org", "phone": "07700 900456"}
PUSH_WAIT_S, SETTLE_S = 90, 8  # the alert worker's path; then time for a second push that must not come


def step(n, text):
    print(f"\n[{n}] {text}", flush=True)


def say(text):
    print(f"    {text}", flush=True)


def resident_reports_and_follows(api, push):
    step(1, "a resident reports a pothole with a photo and follows it by Web Push")
    upload_id, status, s3 = api.upload(photo((200, 30, 30)))
    say(f"POST /v1/uploads -> {status}; presigned POST to S3 -> {s3}; upload {upload_id}")
    body = {"service_code": "pothole", "lat": MINSTER[0], "lon": MINSTER[1], "fields": {"size": "large"},
            "description": "Deep pothole by the Minster's west door (crew day).", "photos": [upload_id],
            "contact": REPORTER}
    status, _, report = api.call("POST", "/v1/reports", body, {"Idempotency-Key": f"crewday-{uuid.uuid4()}"})
    expect(status == 201, f"POST /v1/reports answered {status}: {report}")
    expect(len(report["photos"]) == 1, f"the report has {len(report['photos'])} photos, not 1")
    say(f"POST /v1/reports -> {status}: {report['id']}, {report['status']}, "
        f"{len(report['photos'])} photo; the photo: {photo_check(report['photos'][0])}")
    status, _, key = api.call("GET", "/v1/push/vapid-public-key")
    expect(status == 200, f"GET /v1/push/vapid-public-key answered {status}: {key}")
    phone = push.subscribe(application_server_key=key["public_key"])
    status, _, alert = api.call("POST", "/v1/alerts", {"kind": "report", "report_id": report["id"],
                                                       "channels": ["push"], "push_subscription": phone.subscription})
    expect(status == 201 and alert["confirmed"], f"POST /v1/alerts answered {status}: {alert}")
    say(f"GET /v1/push/vapid-public-key -> 200; POST /v1/alerts (kind report, push to {push.origin}) -> {status}, "
        f"confirmed")
    return report, phone


def crew_phone(api, push, crew):
    """A crew member's phone subscribed for the team's new jobs (kind jobs)."""
    _, _, key = api.call("GET", "/v1/push/vapid-public-key")
    phone = push.subscribe(application_server_key=key["public_key"])
    status, _, alert = api.call("POST", "/v1/alerts", {"kind": "jobs", "channels": ["push"],
                                                       "push_subscription": phone.subscription}, crew)
    expect(status == 201 and alert["team"] == "north", f"POST /v1/alerts (kind jobs) answered {status}: {alert}")
    return phone, status


def wait_for(found, seconds=PUSH_WAIT_S):
    started = time.monotonic()
    while time.monotonic() - started < seconds and not found():
        time.sleep(0.25)
    return time.monotonic() - started


def staff_assign(api, staff, rid):
    step(2, "staff assign it to team north")
    status, headers, before = api.call("GET", f"/v1/staff/reports/{rid}", headers=staff)
    expect(status == 200 and headers.get("etag"), f"GET /v1/staff/reports/{rid} answered {status}: {before}")
    status, _, after = api.call("PATCH", f"/v1/staff/reports/{rid}", {
        "team": "north", "instructions": "Cone it off, then fill it."}, {**staff, "If-Match": headers["etag"]})
    expect(status == 200 and after["assignment"]["team"] == "north", f"PATCH answered {status}: {after}")
    say(f"GET /v1/staff/reports/{rid} -> 200, ETag {headers['etag']}; PATCH team north (If-Match) -> {status}, "
        f"job {after['assignment']['job']}")
    return after["assignment"]["job"]


def north_sees_it(api, north, job_id, push, van):
    step(3, "a north crew member 450 m north of it is pushed the job and sees it in jobs near me")
    told = lambda: [r for r in push.received if r.endpoint == van.endpoint and isinstance(r.payload, dict)
                    and str(r.payload.get("url", "")).endswith(f"?job={job_id}")]
    waited = wait_for(told)
    expect(len(told()) == 1, f"{len(told())} pushes of the new job reached north's phone, not 1")
    say(f"north's phone (kind jobs): {told()[0].payload['title']!r} after {waited:.1f} s, Urgency "
        f"{told()[0].headers.get('urgency')}")
    path = f"/v1/crew/jobs?lat={NEAR_450_M[0]}&lon={NEAR_450_M[1]}"
    status, headers, jobs = api.call("GET", path, headers=north)
    expect(status == 200, f"GET {path} answered {status}: {jobs}")
    mine = [(i, f) for i, f in enumerate(jobs["features"]) if f["id"] == job_id]
    expect(mine, f"job {job_id} is not among north's {len(jobs['features'])} jobs near me")
    place, feature = mine[0]
    distance = feature["properties"]["distance_m"]
    expect(445 <= distance <= 455, f"distance_m is {distance}, not about 450")
    say(f"GET {path} -> {status}: {len(jobs['features'])} open jobs, this one #{place + 1} at distance_m {distance} "
        f"({feature['properties']['status']}, {feature['properties']['navigation']}); "
        f"Server-Timing {headers.get('server-timing')}")


def south_does_not(api, south, job_id):
    step(4, "a south crew member neither sees it nor opens it")
    path = f"/v1/crew/jobs?lat={NEAR_450_M[0]}&lon={NEAR_450_M[1]}"
    status, _, jobs = api.call("GET", path, headers=south)
    expect(status == 200, f"GET {path} as south answered {status}: {jobs}")
    expect(all(f["id"] != job_id for f in jobs["features"]), f"south sees north's job {job_id}")
    opened, _, body = api.call("GET", f"/v1/crew/jobs/{job_id}", headers=south)
    expect(opened == 404, f"south opening north's job answered {opened}: {body}")
    say(f"GET {path} -> {status}: {len(jobs['features'])} jobs, not this one; GET /v1/crew/jobs/{job_id} -> "
        f"{opened} ({body['error']['code']})")


def north_fixes_it(api, north, job_id):
    step(5, "north posts done with an after photo, and the phone sends the same request again")
    status, headers, job = api.call("GET", f"/v1/crew/jobs/{job_id}", headers=north)
    expect(status == 200, f"GET /v1/crew/jobs/{job_id} answered {status}: {job}")
    text = str(job)
    expect(not any(v in text for v in REPORTER.values()), "the crew's job view shows the reporter's details")
    upload_id, up, s3 = api.upload(photo((40, 160, 60)), north)
    saved_at = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    body = {"status": "done", "note": "Filled and rolled.", "photos": [upload_id], "saved_at": saved_at,
            "lat": MINSTER[0], "lon": MINSTER[1]}
    sent = {**north, "Idempotency-Key": str(uuid.uuid4()), "If-Match": headers["etag"]}
    path = f"/v1/crew/jobs/{job_id}/updates"
    first = api.call("POST", path, body, sent)
    again = api.call("POST", path, body, sent)
    say(f"GET /v1/crew/jobs/{job_id} -> 200, ETag {headers['etag']}, no reporter details; upload -> {up}, S3 -> {s3}")
    say(f"POST {path} (done, 1 photo, saved_at {saved_at}) -> {first[0]}, ETag {first[1].get('etag')}")
    say(f"the same request again -> {again[0]}, Idempotent-Replayed {again[1].get('idempotent-replayed')}, "
        f"ETag {again[1].get('etag')}, same answer: {again[2] == first[2]}")
    expect(first[0] == 201 and first[2]["update"]["status"] == "done", f"done answered {first[0]}: {first[2]}")
    expect(again[0] == 201 and again[2] == first[2] and again[1].get("etag") == first[1].get("etag"),
           f"the retry answered {again[0]} {again[2]}, not as the first time")
    expect(again[1].get("idempotent-replayed") == "true", "the retry is not marked Idempotent-Replayed")
    late = api.call("POST", path, {**body, "photos": []}, {**sent, "Idempotency-Key": str(uuid.uuid4())})
    say(f"another press with the old ETag -> {late[0]} ({late[2]['error']['code']}), the job as it is now: "
        f"{late[2]['current']['status']}, ETag {late[1].get('etag')}")
    expect(late[0] == 409 and late[2]["current"]["status"] == "done", f"a stale press answered {late[0]}: {late[2]}")
    status, _, job = api.call("GET", f"/v1/crew/jobs/{job_id}", headers=north)
    expect(status == 200 and len(job["updates"]) == 1, f"the job has {len(job.get('updates', []))} updates, not 1")
    say(f"GET /v1/crew/jobs/{job_id} -> {status}: {job['status']}, {len(job['updates'])} update")


def fixed_once(api, push, phone, rid, timeline_before):
    step(6, "the report is fixed once, with one new timeline entry, and the resident is pushed once")
    status, _, report = api.call("GET", f"/v1/reports/{rid}")
    expect(status == 200 and report["status"] == "fixed", f"GET /v1/reports/{rid}: {status} {report.get('status')}")
    _, _, timeline = api.call("GET", f"/v1/reports/{rid}/updates")
    new = timeline["updates"][timeline_before:]
    say(f"GET /v1/reports/{rid} -> {status}: {report['status']}; timeline {[u['status'] for u in timeline['updates']]}"
        f", {len(new)} new entry with {len(new[0]['photos']) if new else 0} photo")
    expect([u["status"] for u in new] == ["fixed"], f"new timeline entries: {new}")
    expect(len(new[0]["photos"]) == 1, "the fixed entry does not carry the after photo")
    say(f"the after photo {new[0]['photos'][0].rsplit('/', 1)[1]}: {photo_check(new[0]['photos'][0])}")
    arrived = wait_for(lambda: fixed_pushes(push, phone, rid))
    time.sleep(SETTLE_S)
    got = [r for r in push.received if r.endpoint == phone.endpoint]
    fixed = fixed_pushes(push, phone, rid)
    say(f"pushes to the resident's subscription: {[r.payload.get('state') for r in got]}; the fixed one came "
        f"{arrived:.1f} s after the GET, then {SETTLE_S} s with nothing more; refused: {len(push.refused)}")
    expect(len(fixed) == 1, f"{len(fixed)} pushes about the fix reached the resident, not 1")
    payload = fixed[0].payload
    say(f"decrypted: {payload['title']!r} / {payload['body']!r}, TTL {fixed[0].headers.get('ttl')}, "
        f"Urgency {fixed[0].headers.get('urgency')}, VAPID sub {fixed[0].claims.get('sub')}")
    expect(not any(v in str(payload) for v in REPORTER.values()), "the push shows the reporter's details")


def fixed_pushes(push, phone, rid):
    return [r for r in push.received if r.endpoint == phone.endpoint and isinstance(r.payload, dict)
            and r.payload.get("report_id") == rid and r.payload.get("state") == "fixed"]


def day(api, push):
    run = f"{time.strftime('%H%M%S')}-{secrets.token_hex(3)}"
    step(0, f"accounts for run {run}, made with the doorstep command")
    status, _, health = api.call("GET", "/v1/health")
    expect(status == 200, f"GET /v1/health answered {status}: {health}")
    made = ensure_teams("north", "south")
    say(f"GET /v1/health -> {status}; teams north and south: "
        f"{'made ' + ', '.join(made) if made else 'already there (demo data)'}")
    staff = account(api, f"crewday-{run}-staff@council.example", "staff", "Olu Officer")
    north = account(api, f"crewday-{run}-north@council.example", "crew", "Nia North", "north")
    south = account(api, f"crewday-{run}-south@council.example", "crew", "Sam South", "south")
    say("doorstep users create (staff, crew north, crew south); password link from doorstep outbox; "
        "POST /v1/auth/password-reset/confirm -> 200; POST /v1/auth/login -> 200, each")
    van, status = crew_phone(api, push, north)
    say(f"north's phone subscribes for the team's jobs: POST /v1/alerts (kind jobs) -> {status}")
    report, phone = resident_reports_and_follows(api, push)
    rid = report["id"]
    job_id = staff_assign(api, staff, rid)
    north_sees_it(api, north, job_id, push, van)
    south_does_not(api, south, job_id)
    _, _, timeline = api.call("GET", f"/v1/reports/{rid}/updates")
    north_fixes_it(api, north, job_id)
    fixed_once(api, push, phone, rid, len(timeline["updates"]))


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench.crewday", description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="http://localhost:8000", help="where `make run` serves")
    args = parser.parse_args(argv)
    from tests.support.push_service import PushService
    try:
        with PushService() as push:
            day(Api(args.base), push)
    except Failed as e:
        print(f"\nFAILED: {e}", flush=True)
        return 1
    print("\nPASSED: every expectation met", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
