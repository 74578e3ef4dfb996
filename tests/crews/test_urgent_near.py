"""Crews told when an urgent job lands near them: a crew member's job alert
keeps their point (given when subscribing, moved by their field updates);
an urgent job for their team within their radius is pushed as "Urgent job
N m from you", a phone with urgent_near_only hears of nothing else, and no
other team hears of it at all."""
from datetime import datetime, timedelta, timezone

import pytest

from support.alert_support import FakeDeliver, events_of, push_subscription
from support.crew_support import MINSTER, NEAR_450_M, Crew, assigned, crews, now_iso  # noqa: F401  (fixture)

FIVE_KM_NORTH = (MINSTER[0] + 0.045, MINSTER[1])
NEAR_100_M = (MINSTER[0] + 0.0009, MINSTER[1])


def metres(a, b):
    from chalicelib.geo.distance import haversine_m
    return haversine_m(a[1], a[0], b[1], b[0])


def subscribe(client, crew, n, at=None, **extra):
    """The crew member's phone n subscribes to their team's jobs, at `at` if given."""
    point = {"lat": at[0], "lon": at[1]} if at else {}
    return client.post("/v1/alerts", {"kind": "jobs", "channels": ["push"], "push_subscription": push_subscription(n),
                                      **point, **extra}, crew.person.auth)


def phone(n):
    return push_subscription(n)["endpoint"]


def fan_out(deps, kind, rid, deliver, team="north"):
    """Run the whole fan-out of the report's newest `kind` event for `team` here, as the queue's workers would."""
    from chalicelib.handlers.alerts.worker import dispatch_event
    [event] = [e for e in events_of(rid) if e.kind == kind and e.payload["team"] == team][-1:]
    return dispatch_event(deps, event, deliver=deliver, sleep=lambda s: None)


def told(fake):
    """{endpoint: (title, urgency)} of every push sent."""
    return {a["endpoint"]: (m["title"], m["urgency"]) for c, a, m in fake.calls if c == "push"}


@pytest.fixture
def team_phones(client, crews, people):
    """North: 450 m from the Minster (1), 5 km away urgent-near-only (2), 5 km away (3),
    no point (4); south: 100 m from the Minster (5)."""
    north = [crews["north"]] + [Crew(client, people("crew", team="north")) for _ in range(3)]
    for n, (crew, at, extra) in enumerate([(north[0], NEAR_450_M, {}),
                                           (north[1], FIVE_KM_NORTH, {"urgent_near_only": True}),
                                           (north[2], FIVE_KM_NORTH, {}), (north[3], None, {}),
                                           (crews["south"], NEAR_100_M, {})], start=1):
        made = subscribe(client, crew, n, at, **extra)
        assert made.status_code == 201, made.body
    return north


def test_an_urgent_job_is_pushed_with_its_distance_to_the_team_members_near_it_and_to_no_other_team(
        client, deps, crews, team_phones):
    rid, _ = assigned(client, crews["officer"], "north", MINSTER, priority="urgent")
    fake, read = FakeDeliver(), []
    get_many = deps.alerts.get_many
    deps.alerts.get_many = lambda ids: read.extend(ids) or get_many(ids)
    fan_out(deps, "job_assigned", rid, fake)
    assert told(fake) == {
        phone(1): (f"Urgent job {round(metres(MINSTER, NEAR_450_M))} m from you", "high"),
        phone(3): ("New job: Pothole", "high"), phone(4): ("New job: Pothole", "high")}
    assert round(metres(MINSTER, NEAR_450_M)) == 450
    assert len(read) == 3  # the far urgent-near-only phone and the south team's are not even read
    fan_out(deps, "job_assigned", rid, fake)  # the stream or the queue gives the event again
    assert len(fake.calls) == 3


def test_an_urgent_job_moved_to_another_team_is_news_near_them_and_gone_for_the_old_team(
        client, deps, crews, team_phones):
    rid, _ = assigned(client, crews["officer"], "south", MINSTER, priority="urgent")
    assert crews["officer"].patch(rid, {"team": "north"}).status_code == 200
    came, went = FakeDeliver(), FakeDeliver()
    fan_out(deps, "job_assigned", rid, came)
    fan_out(deps, "job_withdrawn", rid, went, team="south")
    assert told(came)[phone(1)] == ("Urgent job 450 m from you", "high") and phone(5) not in told(came)
    assert told(went) == {phone(5): ("Job moved: Pothole", "high")}


def test_a_crew_members_point_is_theirs_alone(client, crews, team_phones):
    mine = client.get("/v1/alerts", crews["north"].person.auth).json_body["alerts"]
    assert [(a["lat"], a["lon"]) for a in mine] == [NEAR_450_M]
    rid, job_id = assigned(client, crews["officer"], "north", MINSTER, priority="urgent")
    seen = [client.get(f"/v1/reports/{rid}"), crews["officer"].report(rid), crews["north"].job(job_id),
            client.get("/v1/alerts", team_phones[1].person.auth)]
    assert all(r.status_code == 200 for r in seen)
    assert not any(str(NEAR_450_M[0]) in r.body.decode() for r in seen)


def test_a_job_that_is_not_urgent_reaches_only_phones_that_want_every_job(client, deps, crews, team_phones):
    rid, _ = assigned(client, crews["officer"], "north", MINSTER, priority="high")
    fake = FakeDeliver()
    fan_out(deps, "job_assigned", rid, fake)
    assert told(fake) == {n: ("New job: Pothole", "normal") for n in (phone(1), phone(3), phone(4))}


def test_a_job_made_urgent_tells_its_team_and_says_how_near_it_is(client, deps, crews, team_phones):
    rid, _ = assigned(client, crews["officer"], "north", MINSTER)
    assert crews["officer"].patch(rid, {"priority": "urgent"}).status_code == 200
    fake = FakeDeliver()
    fan_out(deps, "job_made_urgent", rid, fake)
    assert told(fake) == {phone(1): ("Urgent job 450 m from you", "high"),
                          phone(3): ("Job now urgent: Pothole", "high"), phone(4): ("Job now urgent: Pothole", "high")}
    assert crews["officer"].patch(rid, {"priority": "high"}).status_code == 200
    assert crews["officer"].patch(rid, {"priority": "urgent"}).status_code == 200
    assert [e.kind for e in events_of(rid)].count("job_made_urgent") == 2  # raised again: news again


def test_a_field_update_moves_the_crew_members_point_and_a_late_one_does_not_move_it_back(client, deps, crews):
    north = crews["north"]
    made = subscribe(client, north, 1, FIVE_KM_NORTH, urgent_near_only=True, radius_m=1000)
    assert made.status_code == 201, made.body
    _, job_id = assigned(client, crews["officer"], "north", MINSTER)
    earlier = (datetime.now(timezone.utc) - timedelta(minutes=5)).strftime("%Y-%m-%dT%H:%M:%SZ")
    now = now_iso()
    for at, saved_at in ((NEAR_450_M, now), (FIVE_KM_NORTH, earlier)):  # the second waited offline
        sent = north.update(job_id, {"status": "on_site", "lat": at[0], "lon": at[1], "saved_at": saved_at})
        assert sent.status_code == 201, sent.body
    [alert] = client.get("/v1/alerts", north.person.auth).json_body["alerts"]
    assert (alert["lat"], alert["lon"], alert["radius_m"], alert["located_at"]) == (*NEAR_450_M, 1000, now)
    from chalicelib.storage.alerts.alerts import AlertIndexModel
    [row] = list(AlertIndexModel.query(f"team#north"))
    assert (float(row.lat), float(row.lon), row.near_only) == (*NEAR_450_M, True)

    rid, _ = assigned(client, crews["officer"], "north", MINSTER, priority="urgent")
    fake = FakeDeliver()
    fan_out(deps, "job_assigned", rid, fake)
    assert told(fake) == {phone(1): ("Urgent job 450 m from you", "high")}


def test_a_phone_subscribed_without_a_point_is_not_located_by_field_updates(client, crews):
    north = crews["north"]
    assert subscribe(client, north, 1).status_code == 201
    _, job_id = assigned(client, crews["officer"], "north", MINSTER)
    assert north.update(job_id, {"status": "on_site", "lat": MINSTER[0], "lon": MINSTER[1],
                                 "saved_at": now_iso()}).status_code == 201
    [alert] = client.get("/v1/alerts", north.person.auth).json_body["alerts"]
    assert "lat" not in alert and "located_at" not in alert


def test_subscribing_again_from_the_same_phone_moves_the_point_of_the_same_alert(client, crews):
    north = crews["north"]
    first = subscribe(client, north, 1, FIVE_KM_NORTH)
    again = subscribe(client, north, 1, NEAR_450_M, urgent_near_only=True)
    assert (first.status_code, again.status_code, again.headers.get("Idempotent-Replayed")) == (201, 201, "true")
    assert again.json_body["id"] == first.json_body["id"]
    assert (again.json_body["lat"], again.json_body["urgent_near_only"], again.json_body["radius_m"]) == \
        (NEAR_450_M[0], True, 2000)
    from chalicelib.storage.alerts.alerts import AlertIndexModel, AlertModel
    [row] = list(AlertIndexModel.query("team#north"))
    assert AlertModel.count() == 1 and (float(row.lat), row.near_only) == (NEAR_450_M[0], True)
    plain = subscribe(client, north, 1)  # no point now: it is given up, and with it urgent-near-only
    assert plain.json_body["id"] == first.json_body["id"] and "lat" not in plain.json_body
    [row] = list(AlertIndexModel.query("team#north"))
    assert (row.lat, row.near_only) == (None, None)


def test_a_point_too_old_is_not_near(client, deps, crews):
    from chalicelib.handlers.alerts.crew_points import distance_if_near
    from chalicelib.handlers.alerts.limits import POINT_FRESH_HOURS
    at = datetime(2026, 11, 22, 8, 0, tzinfo=timezone.utc)
    place = {"lat": NEAR_450_M[0], "lon": NEAR_450_M[1], "radius_m": 2000, "located_at": "2026-11-22T08:00:00Z"}
    assert round(distance_if_near(place, MINSTER[1], MINSTER[0], at + timedelta(hours=POINT_FRESH_HOURS))) == 450
    assert distance_if_near(place, MINSTER[1], MINSTER[0], at + timedelta(hours=POINT_FRESH_HOURS, seconds=1)) is None
    assert distance_if_near({**place, "radius_m": 400}, MINSTER[1], MINSTER[0], at) is None


def test_a_crew_member_moved_to_another_team_stops_hearing_of_the_old_teams_jobs(client, deps, crews):
    from chalicelib.handlers.accounts import users
    north = crews["north"]
    assert subscribe(client, north, 1, NEAR_450_M).status_code == 201
    users.set_role(deps, north.person.user.email, "crew", team="south")
    rid, _ = assigned(client, crews["officer"], "north", MINSTER, priority="urgent")
    fake = FakeDeliver()
    fan_out(deps, "job_assigned", rid, fake)
    assert fake.calls == []


def test_residents_cannot_ask_for_urgent_jobs_near_them(client, people):
    resident = people("resident")
    body = {"channels": ["push"], "push_subscription": push_subscription(9), "lat": MINSTER[0], "lon": MINSTER[1],
            "urgent_near_only": True}
    jobs = client.post("/v1/alerts", {**body, "kind": "jobs"}, resident.auth)
    assert (jobs.status_code, jobs.json_body["error"]["code"]) == (403, "forbidden")
    area = client.post("/v1/alerts", {**body, "kind": "area", "radius_m": 500}, resident.auth)
    assert area.status_code == 422
    assert [f["field"] for f in area.json_body["error"]["fields"]] == ["urgent_near_only"]


@pytest.mark.parametrize("extra,field,status", [
    ({"lat": 91, "lon": -1.08}, "lat", 400),
    ({"lat": 53.96, "lon": -1.08, "radius_m": 25_000}, "radius_m", 400),
    ({"lat": 53.96, "lon": -1.08, "radius_m": 60}, "radius_m", 422),  # the document allows 50 (an area's)
    ({"urgent_near_only": True}, "urgent_near_only", 422),
    ({"radius_m": 1000}, "radius_m", 422),
    ({"lat": 53.96}, "lon", 422),
    ({"lat": 53.96, "lon": -1.08, "urgent_near_only": "yes"}, "urgent_near_only", 400),
])
def test_a_bad_point_is_refused_naming_the_field_and_stores_nothing(client, crews, extra, field, status):
    made = subscribe(client, crews["north"], 1, **extra)
    assert made.status_code == status, made.body
    assert field in [f["field"] for f in made.json_body["error"]["fields"]]
    from chalicelib.storage.alerts.alerts import AlertIndexModel, AlertModel
    assert AlertModel.count() == 0 and AlertIndexModel.count() == 0
