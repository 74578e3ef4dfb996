"""Staff broadcasts reach the topic's followers in the targeted place, once
each, and leave an audit entry saying how many were told."""
from datetime import timedelta

import pytest

from support.alert_support import FAR_AWAY, MINSTER, FakeDeliver, push_alert, square, store_wards


@pytest.fixture
def staff(deps, people):
    store_wards(deps)
    return people("staff", categories=["graffiti"])  # a category scope does not narrow broadcasts


@pytest.fixture
def subscribe(client):
    def make(n, **target):
        response = client.post("/v1/alerts", push_alert(n, **target))
        assert response.status_code == 201, response.body
        return response.json_body
    return make


def follow(subscribe, n, topics=("bins",), **place):
    return subscribe(n, kind="broadcast", topics=list(topics), **place)


def send(client, person, target, topic="bins", headers=None, **extra):
    body = {"target": target, "topic": topic, "title": "Bin collections moved",
            "body": "Collections move to Saturday this week.", **extra}
    return client.post("/v1/broadcasts", body, {**person.auth, **(headers or {})})


def sent(client, person, target, topic="bins", **extra):
    response = send(client, person, target, topic, **extra)
    assert response.status_code == 201, response.body
    return response.json_body


def event_of(broadcast_id):
    from chalicelib.storage.reports.reports import EventModel
    [event] = [e for e in EventModel.scan() if e.kind == "broadcast" and e.payload["broadcast_id"] == broadcast_id]
    return event


def dispatch(deps, broadcast_id, fake):
    from chalicelib.handlers.alerts.worker import dispatch_event
    return dispatch_event(deps, event_of(broadcast_id), fake, sleep=lambda s: None)


def devices(fake):
    return sorted(int(e.rsplit("-", 1)[1]) for e in fake.to("push"))


def test_a_ward_broadcast_reaches_that_wards_followers_and_circles_inside_it_only(client, deps, staff, subscribe):
    follow(subscribe, 1, ward="guildhall")
    follow(subscribe, 2, **MINSTER, radius_m=300)  # inside Guildhall
    follow(subscribe, 3, ward="dringhouses")
    follow(subscribe, 4, **FAR_AWAY, radius_m=300)
    subscribe(5, kind="ward", ward="guildhall")  # new reports in the ward: not council news
    made = sent(client, staff, {"wards": ["guildhall"]})
    assert made["status"] == "queued" and made["author"] == staff.user.id and made["target"] == {"wards": ["guildhall"]}

    fake = FakeDeliver()
    dispatch(deps, made["id"], fake)
    assert devices(fake) == [1, 2]
    _, _, message = fake.calls[0]
    assert message["title"] == "Bin collections moved" and message["urgency"] == "normal"
    assert message["ttl"] == 24 * 3600 and message["url"].endswith(f"?broadcast={made['id']}")
    # People click the web page (its button POSTs); mail clients POST the API URL.
    assert "/alerts/unsubscribe?token=" in message["unsubscribe_page"]
    assert "/v1/alerts/unsubscribe?token=" in message["unsubscribe_url"]


@pytest.mark.parametrize("target,reached", [
    pytest.param({"polygon": square(-1.085, 53.960, 0.005)}, [1, 2], id="polygon by the Minster"),
    pytest.param({"circle": {**FAR_AWAY, "radius_m": 200}}, [3, 4], id="circle in Dringhouses"),
    pytest.param({"circle": {"lat": 53.965, "lon": -1.0705, "radius_m": 100}}, [1, 5], id="circle on a ward edge"),
])
def test_polygon_and_circle_targets_reach_followers_whose_place_meets_them(client, deps, staff, subscribe,
                                                                          target, reached):
    follow(subscribe, 1, ward="guildhall")
    follow(subscribe, 2, **MINSTER, radius_m=300)
    follow(subscribe, 3, ward="dringhouses")
    follow(subscribe, 4, **FAR_AWAY, radius_m=300)
    follow(subscribe, 5, ward="heworth")
    fake = FakeDeliver()
    dispatch(deps, sent(client, staff, target)["id"], fake)
    assert devices(fake) == reached


def test_only_followers_of_the_topic_hear_it_and_emergencies_are_urgent(client, deps, staff, subscribe):
    follow(subscribe, 1, topics=["roads"], ward="guildhall")
    follow(subscribe, 2, topics=["emergencies"], ward="guildhall")
    fake = FakeDeliver()
    dispatch(deps, sent(client, staff, {"wards": ["guildhall"]}, "emergencies", title="Flood warning")["id"], fake)
    assert devices(fake) == [2]
    assert fake.calls[0][2]["urgency"] == "high" and fake.calls[0][2]["ttl"] == 6 * 3600


def test_a_person_whose_several_alerts_match_gets_one_message(client, deps, staff, subscribe):
    follow(subscribe, 1, ward="guildhall")
    follow(subscribe, 1, topics=["bins", "roads"], **MINSTER, radius_m=400)  # the same phone
    fake = FakeDeliver()
    outcomes = dispatch(deps, sent(client, staff, {"wards": ["guildhall"]})["id"], fake)
    # The circle's rows lie under two cells: each page finds the phone told already.
    assert outcomes == {"sent": 1, "already": 2}
    assert devices(fake) == [1]


def test_a_redelivered_broadcast_event_sends_nothing_new_and_the_log_counts_once(client, deps, staff, subscribe):
    follow(subscribe, 1, ward="guildhall")
    follow(subscribe, 2, **MINSTER, radius_m=300)
    made = sent(client, staff, {"wards": ["guildhall"]})
    fake = FakeDeliver()
    # The circle's rows lie under two cells (gcx4z, gcx5p): the second page finds it told.
    assert dispatch(deps, made["id"], fake) == {"sent": 2, "already": 1}
    assert dispatch(deps, made["id"], fake) == {"already": 3}
    assert len(fake.calls) == 2
    logged = client.get(f"/v1/broadcasts/{made['id']}", staff.auth).json_body
    assert (logged["status"], logged["told"], logged["failed"]) == ("sent", 2, 0)


def test_the_audit_log_lists_broadcasts_newest_first_with_how_many_were_told(client, deps, staff, people, subscribe):
    follow(subscribe, 1, ward="heworth")
    first = sent(client, staff, {"wards": ["guildhall"]})
    follow(subscribe, 2, topics=["roads"], ward="heworth")  # before the news it is told of
    second = sent(client, people("admin"), {"wards": ["heworth"]}, "roads")
    dispatch(deps, first["id"], FakeDeliver())
    dispatch(deps, second["id"], FakeDeliver())
    page = client.get("/v1/broadcasts?limit=1", staff.auth).json_body
    rest = client.get(f"/v1/broadcasts?limit=1&after={page['next']}", staff.auth).json_body
    listed = page["broadcasts"] + rest["broadcasts"]
    assert sorted(b["id"] for b in listed) == sorted([first["id"], second["id"]])
    told = {b["id"]: (b["told"], b["author"], b["topic"]) for b in listed}
    assert told[first["id"]] == (0, staff.user.id, "bins") and told[second["id"]][0] == 1
    assert client.get("/v1/broadcasts?after=nonsense", staff.auth).status_code == 422  # not a page it gave


def test_a_staff_member_is_limited_per_topic_per_hour(client, staff):
    for _ in range(5):
        sent(client, staff, {"wards": ["guildhall"]})
    refused = send(client, staff, {"wards": ["guildhall"]})
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 0
    assert set(refused.json_body) == {"error"} and refused.json_body["error"]["code"] == "too_many_requests"
    assert send(client, staff, {"wards": ["guildhall"]}, "roads").status_code == 201


def test_a_retry_with_the_same_idempotency_key_answers_the_first_broadcast(client, staff):
    key = {"Idempotency-Key": "b6f3c1de-0f6a-4b1e-9d0c-3a1b2c3d4e5f"}
    first = send(client, staff, {"wards": ["guildhall"]}, headers=key)
    again = send(client, staff, {"wards": ["guildhall"]}, headers=key)
    assert again.status_code == 201 and again.headers["Idempotent-Replayed"] == "true"
    assert again.json_body["id"] == first.json_body["id"]
    event_of(first.json_body["id"])  # exactly one event


def test_the_same_idempotency_key_for_a_different_broadcast_is_refused_and_sends_nothing(client, staff):
    key = {"Idempotency-Key": "0c9e4a2b-7d1f-4c3e-8b5a-6f7e8d9c0b1a"}
    first = send(client, staff, {"wards": ["guildhall"]}, headers=key)
    other = send(client, staff, {"wards": ["heworth"]}, headers=key)
    assert other.status_code == 422 and other.json_body["error"]["code"] == "idempotency_key_reused"
    event_of(first.json_body["id"])  # still exactly one event


def test_residents_and_anonymous_callers_cannot_broadcast_or_read_the_log(client, deps, people):
    resident = people()
    body = {"target": {"circle": {**MINSTER, "radius_m": 500}}, "topic": "bins", "title": "Hello", "body": "x"}
    assert client.post("/v1/broadcasts", body).status_code == 401
    assert client.post("/v1/broadcasts", body, resident.auth).status_code == 403
    assert client.get("/v1/broadcasts").status_code == 401
    assert client.get("/v1/broadcasts", resident.auth).status_code == 403


def test_anyone_with_a_broadcasts_link_reads_the_news_but_not_who_sent_it_or_to_where(client, staff, people):
    made = sent(client, staff, {"circle": {**MINSTER, "radius_m": 800}}, url="https://www.york.gov.uk/bins")
    for who in (None, people().auth):
        public = client.get(f"/v1/broadcasts/{made['id']}", who)
        assert public.status_code == 200
        assert public.json_body == {k: made[k] for k in ("id", "topic", "title", "body", "url", "created_at")}
    audit = client.get(f"/v1/broadcasts/{made['id']}", staff.auth).json_body
    assert audit["author"] == staff.user.id and audit["target"] == {"circle": {**MINSTER, "radius_m": 800}}
    assert client.get("/v1/broadcasts/bc0000000000000000000000ff").status_code == 404


CLOSED = square(-1.085, 53.960, 0.005)


@pytest.mark.parametrize("target,extra,status,field", [
    (None, {}, 400, "target"),
    ({"wards": ["guildhall"], "circle": {**MINSTER, "radius_m": 500}}, {}, 400, "target"),
    ({"wards": []}, {}, 400, "target.wards"),
    ({"wards": "guildhall"}, {}, 400, "target.wards"),
    ({"wards": ["atlantis"]}, {}, 404, "target.wards"),
    # A ring left open keeps the document's shape but breaks its rule in words.
    ({"polygon": {"type": "Polygon", "coordinates": [CLOSED["coordinates"][0][:-1]]}}, {}, 422, "target.polygon"),
    ({"polygon": {"type": "Point", "coordinates": [-1.08, 53.96]}}, {}, 400, "target.polygon"),
    ({"polygon": square(-0.13, 51.50, 0.01)}, {}, 422, "target.polygon"),  # London
    ({"circle": {**MINSTER, "radius_m": 10}}, {}, 400, "target.circle.radius_m"),
    ({"circle": {"lat": 53.96, "radius_m": 500}}, {}, 400, "target.circle.lon"),
    ({"wards": ["guildhall"]}, {"topic": "parking"}, 400, "topic"),
    ({"wards": ["guildhall"]}, {"title": "x" * 121}, 400, "title"),
    ({"wards": ["guildhall"]}, {"body": ""}, 400, "body"),
    ({"wards": ["guildhall"]}, {"url": "javascript:alert(1)"}, 400, "url"),
])
def test_bad_broadcasts_are_refused_naming_the_field_and_store_nothing(client, staff, target, extra, status, field):
    body = {"target": target, "topic": "bins", "title": "Bins", "body": "Moved to Saturday.", **extra}
    response = client.post("/v1/broadcasts", body, staff.auth)
    assert response.status_code == status, response.body
    assert field in [f["field"] for f in response.json_body["error"]["fields"]]
    from chalicelib.storage.alerts.broadcasts import BroadcastModel
    from chalicelib.storage.reports.reports import EventModel
    assert BroadcastModel.count() == 0 and EventModel.count() == 0
