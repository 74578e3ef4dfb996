"""Events become messages: the right people, once each, and dead push
subscriptions cleaned away."""
import threading

import pytest

from conftest import pothole
from support.alert_support import FAR_AWAY, MINSTER, FakeDeliver, area, events_of, push_alert, store_wards


@pytest.fixture
def subscribe(client):
    def make(body, headers=None):
        response = client.post("/v1/alerts", body, headers)
        assert response.status_code == 201, response.body
        return response.json_body
    return make


@pytest.fixture
def report(client):
    """A new pothole by the Minster (anonymous); returns its id."""
    def make(**overrides):
        return client.post("/v1/reports", pothole(**overrides)).json_body["id"]
    return make


def dispatch(deps, event, deliver, **kwargs):
    from chalicelib.handlers.alerts.worker import dispatch_event
    return dispatch_event(deps, event, deliver, sleep=lambda s: None, **kwargs)


def change(deps, report_id, state, text=None):
    from chalicelib.handlers.reports.changes import change_state
    change_state(deps, report_id, state, text=text)
    return next(e for e in events_of(report_id) if e.kind != "report_created")


def test_a_new_report_reaches_areas_around_it_and_not_areas_elsewhere(deps, subscribe, report):
    near = subscribe(push_alert(1, **area(400)))
    subscribe(push_alert(2, **area(800, FAR_AWAY)))
    subscribe(push_alert(3, kind="category", service_code="pothole"))
    subscribe(push_alert(4, kind="category", service_code="graffiti"))
    rid = report()
    fake = FakeDeliver()
    assert dispatch(deps, events_of(rid)[0], fake) == {"sent": 2}
    assert sorted(fake.to("push")) == ["https://push.example.net/send/device-1",
                                       "https://push.example.net/send/device-3"]
    _, _, message = fake.calls[0]
    assert message["report_id"] == rid and message["state"] == "open"
    tokens = sorted(m["unsubscribe_url"].split("token=")[1].split(".")[0] for _, _, m in fake.calls)
    assert near["id"] in tokens
    for _, _, m in fake.calls:
        assert "Ada" not in str(m) and "ada@example.org" not in str(m) and "07700" not in str(m)


def test_followers_hear_of_state_changes_and_neighbours_do_not(deps, subscribe, report):
    rid = report()
    subscribe(push_alert(1, kind="report", report_id=rid))
    subscribe(push_alert(2, **area(1000)))
    fake = FakeDeliver()
    event = change(deps, rid, "investigating", text="An inspector will visit on Monday.")
    assert dispatch(deps, event, fake) == {"sent": 1}
    [(channel, address, message)] = fake.calls
    assert address["endpoint"].endswith("device-1")
    assert message["state"] == "investigating" and "Monday" in message["body"]
    assert message["topic"] == rid.replace("-", "")


def test_a_lagging_event_tells_the_state_and_note_it_is_about_not_the_latest(deps, subscribe, report):
    rid = report()
    subscribe(push_alert(1, kind="report", report_id=rid))  # made after the report: hears of what follows
    from chalicelib.handlers.reports.changes import change_state
    in_order = list(events_of(rid))  # its creation first, which this follower does not hear of
    for state, text in [("investigating", "An inspector will visit on Monday."), ("fixed", "Filled today."),
                        ("fixed", "Resurfaced too.")]:
        change_state(deps, rid, state, text=text)
        in_order += [e for e in events_of(rid) if e.id not in {o.id for o in in_order}]
    fake = FakeDeliver()
    for event in in_order:  # all dispatched after the last change, as a lagging poller would
        dispatch(deps, event, fake)
    assert [(m["state"], m["title"].split(": ")[-1]) for _, _, m in fake.calls] == [
        ("investigating", "Investigating"), ("fixed", "Fixed"), ("fixed", "Fixed")]
    bodies = [m["body"] for _, _, m in fake.calls]
    assert bodies[0] == "The Pothole report is now Investigating. An inspector will visit on Monday."
    assert bodies[1] == "The Pothole report is now Fixed. Filled today."
    assert bodies[2] == "Update on the Pothole report. Resurfaced too."
    assert [m["event_id"] for _, _, m in fake.calls] == [e.id for e in in_order[1:]]


def test_a_neighbour_is_told_what_and_where_a_new_report_is_without_the_reporter(deps, subscribe, report):
    from conftest import store_addresses
    store_addresses(deps)
    subscribe(push_alert(1, **area(where={"lat": 53.9558, "lon": -1.0884})))
    rid = report(uprn="990000000101", lat=53.95580, lon=-1.08840, description="Crater by the bus stop, 1 m wide")
    fake = FakeDeliver()
    dispatch(deps, events_of(rid)[0], fake)
    [(_, _, message)] = fake.calls
    assert message["body"] == 'Pothole reported at 1 Micklegate, York. "Crater by the bus stop, 1 m wide" Status: Open.'
    assert "Ada" not in str(message) and "ada@example.org" not in str(message)


def test_an_unconfirmed_email_gets_nothing_until_confirmed(deps, subscribe, report):
    subscribe({**area(), "channels": ["email"], "email": "later@example.org"})
    fake = FakeDeliver()
    dispatch(deps, events_of(report())[0], fake)
    assert fake.calls == []


def test_redelivering_an_event_sends_nothing_new(deps, subscribe, report):
    subscribe(push_alert(1, **area()))
    event = events_of(report())[0]
    fake = FakeDeliver()
    assert dispatch(deps, event, fake) == {"sent": 1}
    assert dispatch(deps, event, fake) == {"already": 1}
    assert len(fake.calls) == 1


def test_a_stale_claim_from_a_crash_mid_send_is_retried(deps, subscribe, report):
    from datetime import timedelta
    from chalicelib.handlers.alerts.delivery import STALE_CLAIM, delivery_id
    alert = subscribe(push_alert(1, **area()))
    event = events_of(report())[0]
    now = deps.clock()
    push = deps.alerts.get(alert["id"]).channels["push"]
    assert deps.alerts.claim(delivery_id(event.id, "push", push), now, now - STALE_CLAIM, now + timedelta(days=1))
    fake = FakeDeliver()
    assert dispatch(deps, event, fake) == {"already": 1}  # someone else is sending right now
    deps.clock = lambda: now + STALE_CLAIM + timedelta(seconds=1)
    assert dispatch(deps, event, fake) == {"sent": 1}


def test_one_person_with_two_matching_alerts_gets_one_message(deps, subscribe, report):
    subscribe(push_alert(1, **area(300)))  # indexed at precision 7
    subscribe(push_alert(1, **area(900)))  # at precision 6: another key, another page job
    fake = FakeDeliver()
    assert dispatch(deps, events_of(report())[0], fake) == {"sent": 1, "already": 1}
    assert len(fake.calls) == 1


def test_a_gone_push_subscription_is_removed(deps, subscribe, report):
    only_push = subscribe(push_alert(1, **area()))
    fake = FakeDeliver(push="gone")
    assert dispatch(deps, events_of(report())[0], fake) == {"gone": 1}
    assert deps.alerts.get(only_push["id"]) is None
    from chalicelib.storage.alerts.alerts import AlertIndexModel
    assert AlertIndexModel.count() == 0


def test_gone_push_leaves_the_email_channel_of_the_same_alert(deps, subscribe, report, people):
    resident = people()
    both = subscribe({**push_alert(1, **area()), "channels": ["push", "email"]}, resident.auth)
    fake = FakeDeliver(push="gone")
    assert dispatch(deps, events_of(report())[0], fake) == {"gone": 1, "sent": 1}
    assert deps.alerts.get(both["id"]).channels == {"email": resident.user.email}


def test_retry_is_retried_with_backoff_then_succeeds_or_is_given_back_to_be_sent_later(deps, subscribe, report):
    from chalicelib.handlers.alerts.delivery import ATTEMPTS
    subscribe(push_alert(1, **area()))
    subscribe(push_alert(2, kind="category", service_code="pothole"))
    event = events_of(report())[0]
    waits = []
    flaky = FakeDeliver(push=["retry", "sent"])
    from chalicelib.handlers.alerts.worker import dispatch_event
    outcomes = dispatch_event(deps, event, flaky, sleep=waits.append)
    assert outcomes == {"sent": 2} and waits == [0.5]
    down = FakeDeliver(push="retry")
    other = events_of(report())[0]
    waits.clear()
    assert dispatch_event(deps, other, down, sleep=waits.append) == {"deferred": 2}
    assert len(down.calls) == 2 * ATTEMPTS and waits == [0.5, 1.0] * 2
    # The claims were given back: the job's next run tries again, and once the
    # provider takes them each is sent once, and never again after that.
    assert dispatch_event(deps, other, down, sleep=waits.append) == {"deferred": 2}
    assert len(down.calls) == 4 * ATTEMPTS
    back = FakeDeliver(push="sent")
    assert dispatch_event(deps, other, back, sleep=waits.append) == {"sent": 2}
    assert dispatch_event(deps, other, back, sleep=waits.append) == {"already": 2}
    assert len(back.calls) == 2


def test_a_page_job_with_a_deferred_send_is_left_unfinished_for_the_queue_to_give_back(deps, subscribe, report):
    from collections import Counter
    from chalicelib.handlers.alerts import fanout
    from chalicelib.handlers.alerts.worker import InlineQueue, run_job
    subscribe(push_alert(1, **area()))
    event = events_of(report())[0]
    jobs = fanout.jobs_for(event, fanout.audience_of(deps, event))  # one per index key the event reads

    def run_each(deliver):
        total, unfinished = Counter(), 0
        for job in jobs:
            outcomes, finished = run_job(deps, job, InlineQueue(), deliver, sleep=lambda s: None)
            total.update(outcomes)
            unfinished += not finished
        return dict(total), unfinished

    assert run_each(FakeDeliver(push="retry")) == ({"deferred": 1}, 1)
    assert run_each(FakeDeliver(push="sent")) == ({"sent": 1}, 0)


def test_a_private_category_report_reaches_no_neighbours(deps, subscribe, report):
    from chalicelib.handlers.alerts.dispatch import matching_alerts
    subscribe(push_alert(1, **area()))
    rid = report()
    r = deps.reports.get(rid)
    assert len(matching_alerts(deps, "report_created", r, {"service_code": "pothole", "private": True})) == 0
    assert len(matching_alerts(deps, "report_created", r, {"service_code": "pothole"})) == 1


def test_matching_reads_only_the_alerts_near_the_event(deps, report):
    """3,000 small area alerts spread over York (one index row each, as a
    60 m circle inside one precision-7 cell has), and 20 around the Minster."""
    import random
    from chalicelib.geo import cells
    from chalicelib.handlers.alerts.targets import circle_keys
    from chalicelib.handlers.alerts.dispatch import matching_alerts
    from chalicelib.storage.alerts.alerts import AlertIndexModel
    from chalicelib.storage.metering import metered
    rng = random.Random(5)
    rows = []
    for i in range(3000):
        lat, lon = rng.uniform(53.93, 54.02), rng.uniform(-1.20, -1.12)  # west of the centre
        rows.append(AlertIndexModel(f"area#{cells.encode(lon, lat, 7)}", f"al{i:024d}", lat=lat, lon=lon, radius_m=60))
    for i in range(20):
        circle = {"lat": MINSTER["lat"] + rng.uniform(-0.002, 0.002),
                  "lon": MINSTER["lon"] + rng.uniform(-0.003, 0.003), "radius_m": 400}
        rows += [AlertIndexModel(k, f"near{i:022d}", lat=a, lon=o, radius_m=r) for k, a, o, r in
                 circle_keys("area", circle)]
    with AlertIndexModel.batch_write() as batch:
        for row in rows:
            batch.save(row)
    r = deps.reports.get(report())
    with metered() as meter:
        assert matching_alerts(deps, "report_created", r) == []  # no alert items were stored
    assert 20 <= meter.items <= 40, meter.items  # the 20 near ones' rows, and hardly anything else


def test_a_broadcast_finds_subscribers_by_ward_or_by_circle(deps, subscribe):
    from chalicelib.handlers.alerts.dispatch import for_broadcast
    store_wards(deps)
    ward = subscribe(push_alert(1, kind="broadcast", topics=["bins"], ward="heworth"))
    circle = subscribe(push_alert(2, kind="broadcast", topics=["roads", "bins"], **MINSTER, radius_m=500))
    assert [a.id for a in for_broadcast(deps, "bins", {"wards": ["heworth"]})] == [ward["id"]]
    assert [a.id for a in for_broadcast(deps, "roads", {"circle": {**MINSTER, "radius_m": 100}})] == [circle["id"]]
    assert for_broadcast(deps, "roads", {"circle": {**FAR_AWAY, "radius_m": 100}}) == []
    assert for_broadcast(deps, "emergencies", {"circle": {**MINSTER, "radius_m": 100}}) == []


def test_erasing_an_account_deletes_its_alerts(client, deps, subscribe, people):
    resident = people()
    made = subscribe({**area(), "channels": ["email"]}, resident.auth)
    assert client.raw.http.request("DELETE", "/v1/me", headers=resident.auth).status_code == 204
    assert deps.alerts.get(made["id"]) is None


def test_a_new_report_in_a_ward_reaches_that_wards_followers_and_not_another_wards(deps, subscribe, report):
    store_wards(deps)
    here = subscribe(push_alert(1, kind="ward", ward="guildhall"))  # the Minster's ward
    subscribe(push_alert(2, kind="ward", ward="heworth"))
    fake = FakeDeliver()
    assert dispatch(deps, events_of(report())[0], fake) == {"sent": 1}
    [(_, address, message)] = fake.calls
    assert address["endpoint"].endswith("device-1") and here["id"] in message["unsubscribe_url"]


def test_a_stalled_push_service_does_not_hold_up_the_other_subscribers(deps, subscribe, report):
    for n in range(1, 5):
        subscribe(push_alert(n, **area(400)))
    rid = report()
    others_done, delivered = threading.Event(), []
    stalled = "https://push.example.net/send/device-1"

    def deliver(channel, address, message, settings, now, new_id):
        if address["endpoint"] == stalled:
            # Sent one at a time, this send would block the three behind it.
            return "sent" if others_done.wait(timeout=5) else "failed"
        delivered.append(address["endpoint"])
        if len(delivered) == 3:
            others_done.set()
        return "sent"

    assert dispatch(deps, events_of(rid)[0], deliver) == {"sent": 4}
    assert stalled not in delivered and len(delivered) == 3


def test_a_deployed_stage_without_a_public_url_refuses_to_send_links_to_nowhere(deps, subscribe, report):
    from dataclasses import replace
    from chalicelib.handlers.alerts.delivery import NoPublicUrl
    subscribe(push_alert(1, **area(400)))
    rid = report()
    deployed = replace(deps, base_url="", settings=replace(deps.settings, stage="prod", public_url=None))
    fake = FakeDeliver()
    with pytest.raises(NoPublicUrl):
        dispatch(deployed, events_of(rid)[0], fake)
    assert fake.calls == []


def test_a_report_made_private_is_told_to_its_reporter_and_staff_and_no_longer_to_other_followers(
        client, deps, subscribe, people):
    from support.staff_support import Officer, load_staff_data
    load_staff_data(deps)
    reporter, officer = people("resident"), Officer(client, people("admin", email="olu@council.example"))
    rid = client.post("/v1/reports", pothole(), reporter.auth).json_body["id"]
    subscribe(push_alert(1, kind="report", report_id=rid), reporter.auth)  # the reporter's phone
    subscribe(push_alert(2, kind="report", report_id=rid))  # a neighbour, while it was public
    subscribe(push_alert(3, kind="report", report_id=rid), officer.person.auth)  # staff
    subscribe(push_alert(4, kind="category", service_code="pothole"))
    subscribe(push_alert(5, **area(400)))
    assert officer.patch(rid, {"private": True}).status_code == 200
    assert officer.patch(rid, {"status": "investigating", "public_update": "Spoken to the owner."}).status_code == 200
    fake = FakeDeliver()
    [news] = [e for e in events_of(rid) if e.kind == "report_state_changed"]
    dispatch(deps, news, fake)
    assert sorted(fake.to("push")) == ["https://push.example.net/send/device-1",
                                       "https://push.example.net/send/device-3"]


def test_a_claim_given_back_late_leaves_the_claim_another_run_took_since(deps):
    from datetime import timedelta
    from chalicelib.handlers.alerts.delivery import DELIVERY_KEEP, STALE_CLAIM
    first = deps.clock()
    assert deps.alerts.claim("E1#push#x", first, first - STALE_CLAIM, first + DELIVERY_KEEP)
    later = first + STALE_CLAIM + timedelta(seconds=1)  # the first run stalled: its claim is stale
    assert deps.alerts.claim("E1#push#x", later, later - STALE_CLAIM, later + DELIVERY_KEEP)
    deps.alerts.release("E1#push#x", first)  # the first run wakes and gives back what is no longer its
    assert not deps.alerts.claim("E1#push#x", later, later - STALE_CLAIM, later + DELIVERY_KEEP)
    deps.alerts.release("E1#push#x", later)
    assert deps.alerts.claim("E1#push#x", later, later - STALE_CLAIM, later + DELIVERY_KEEP)


def test_a_delivery_a_dead_worker_held_is_sent_a_minute_later(deps, subscribe, report):
    # Its claim went stale after five minutes; now a 45 s lease renewed while it is tried (issue 52).
    from datetime import timedelta
    from chalicelib.handlers.alerts.delivery import DELIVERY_KEEP, STALE_CLAIM, delivery_id
    alert = subscribe(push_alert(1, **area()))
    event = events_of(report())[0]
    now = deps.clock()
    push = deps.alerts.get(alert["id"]).channels["push"]
    assert deps.alerts.claim(delivery_id(event.id, "push", push), now, now - STALE_CLAIM, now + DELIVERY_KEEP)
    deps.clock = lambda: now + timedelta(minutes=1)
    fake = FakeDeliver()
    assert dispatch(deps, event, fake) == {"sent": 1}


def test_a_delivery_still_being_tried_past_its_lease_keeps_its_claim(deps, subscribe, report, monkeypatch):
    import time
    from chalicelib import leases
    from chalicelib.handlers.alerts.delivery import DELIVERY_KEEP, STALE_CLAIM, delivery_id
    from chalicelib.storage.alerts.alerts import DeliveryModel
    alert = subscribe(push_alert(1, **area()))
    event = events_of(report())[0]
    push = deps.alerts.get(alert["id"]).channels["push"]
    claim = delivery_id(event.id, "push", push)
    moment = [deps.clock()]
    deps.clock = lambda: moment[0]
    monkeypatch.setattr(leases, "RENEW_S", 0.01)
    taken_meanwhile = []

    class Slow(FakeDeliver):
        def __call__(self, *args):
            moment[0] += STALE_CLAIM * 3  # a push service slow to answer: three leases pass
            deadline = time.monotonic() + 30
            while DeliveryModel.get(claim, consistent_read=True).claimed_at < moment[0]:  # renewed at the later moment
                assert time.monotonic() < deadline, "the claim was never renewed"
                time.sleep(0.01)
            now = moment[0]
            taken_meanwhile.append(deps.alerts.claim(claim, now, now - STALE_CLAIM, now + DELIVERY_KEEP))
            return super().__call__(*args)
    assert dispatch(deps, event, Slow()) == {"sent": 1}
    assert taken_meanwhile == [False]  # another run found it claimed, not stale
