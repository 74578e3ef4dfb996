"""Signers and followers told through the alert queue, a page at a time,
by e-mail and, for a signed-in resident's own push subscriptions, by Web
Push; and area and ward alerts that ask for new petitions."""
from datetime import timedelta

from support.alert_support import FAR_AWAY, MINSTER, FakeDeliver, area, store_wards
from support.notify_support import browser, push_service  # noqa: F401 (fixtures)
from support.petition_support import (CROSSING, NOON, at, messages_to, officer, published, resident,
                                      sign_and_confirm, tell)


def _events(petition_id, kind):
    from chalicelib.storage.binding import record_of
    from chalicelib.storage.records import Event
    from chalicelib.storage.reports.reports import EventModel
    return [record_of(Event, m) for m in EventModel.scan()
            if m.kind == kind and (m.payload or {}).get("petition_id") == petition_id]


def test_a_response_is_told_from_the_queue_page_by_page_once_each_however_often_jobs_run(deps, monkeypatch):
    import chalicelib.handlers.petitions.routes  # noqa: F401 (registers the audience, as app.py does)
    from chalicelib.handlers.alerts import batching, fanout
    from chalicelib.handlers.alerts.worker import InlineQueue, run_job
    from chalicelib.handlers.petitions import moderation
    from chalicelib.handlers.petitions.following import follow
    monkeypatch.setattr(batching, "PAGE_ROWS", 2)
    petition = published(deps, sponsors=3)
    now = at(deps, NOON + timedelta(hours=1))
    signers = [sign_and_confirm(now, petition["id"], n) for n in range(4)]
    follow(at(deps, NOON, resident("f-1", "fiona@example.org")), petition["id"], {})
    follow(at(deps, NOON, resident("s-0", signers[0])), petition["id"], {})  # a signer who follows too
    staff = at(deps, NOON + timedelta(days=1), officer())
    moderation.respond(staff, petition["id"], {"text": "We will build it."}, 1)
    assert messages_to(signers[1]) == ["Please confirm your signature"]  # the staff request sent nothing
    [event] = _events(petition["id"], "petition_response")
    deliver, queue = FakeDeliver(), InlineQueue(fanout.first_jobs(deps, event))
    assert [job["key"] for job in queue] == ["signers", "followers"]
    from chalicelib.storage.metering import metered
    jobs, costs = 0, []
    while queue:
        job = queue.pop(0)
        with metered() as meter:
            outcomes, finished = run_job(deps, job, queue, deliver, sleep=lambda s: None)
        costs.append((meter.calls, sum(outcomes.values()), sorted(set(meter.operations))))
        jobs += 1
        assert finished and sum(outcomes.values()) <= batching.PAGE_ROWS
        # The job's own calls (the meter is this thread's; the sends' claim, settle and outbox row run in
        # delivery's threads): the petition, one Query of the page, the next page's claim and settle,
        # and per signed-in person a Query and BatchGet of their alerts. Never more with more signers.
        assert meter.calls <= 8  # 4, and 2 more for each of the two signed-in followers
        if jobs == 2:
            assert run_job(deps, job, queue, deliver, sleep=lambda s: None)[0] in ({"already": 2}, {"already": 1})
    assert jobs >= 5  # 7 signers in pages of 2, then 2 followers
    print("\npage jobs (DynamoDB calls, messages, operations):", *costs, sep="\n  ")
    sent = sorted(deliver.to("email"))
    assert sent == sorted(["fiona@example.org", *signers, *(f"signer{n}@example.org" for n in range(900, 903))])
    moderation.respond(staff, petition["id"], {"text": "We will build it in May."}, 2)  # corrected: no new notice
    assert len(_events(petition["id"], "petition_response")) == 1


def test_a_signed_in_signer_is_pushed_to_their_own_alerts_phone_as_well_as_emailed(deps, push_service, browser):  # noqa: F811
    from chalicelib.handlers.alerts.subscriptions import subscribe
    from chalicelib.handlers.petitions import moderation
    from chalicelib.handlers.petitions.signing import sign
    store_wards(deps)
    petition = published(deps, sponsors=1)
    rita = resident("rita", "Rita.Resident@example.org")
    subscribe(at(deps, NOON, rita), {**area(), "channels": ["push"], "push_subscription": browser.subscription})
    body = {"name": "Rita Resident", "email": "rita.resident@example.org", "postcode": "YO1 7HH", "in_area": True}
    sign(at(deps, NOON, rita), petition["id"], body)
    from support.petition_support import tokens_sent
    from chalicelib.handlers.petitions.signing import confirm
    confirm(deps, {"token": tokens_sent("rita.resident@example.org")[-1]})
    staff = at(deps, NOON + timedelta(days=1), officer())
    moderation.schedule_debate(staff, petition["id"], {"date": "2027-01-14"}, 1)
    assert push_service.received == []
    assert tell(staff, petition["id"]) == {"sent": 3}  # the sponsor's e-mail, Rita's e-mail and her push
    [pushed] = push_service.received
    assert pushed.payload["title"] == "A petition you signed will be debated"
    assert pushed.payload["url"].endswith(f"/petitions/{petition['id']}") and "Rita" not in str(pushed.payload)
    assert messages_to("rita.resident@example.org").count("A petition you signed will be debated") == 1
    assert tell(staff, petition["id"], again=True) == {"already": 3}
    assert len(push_service.received) == 1


def test_area_and_ward_alerts_that_ask_for_petitions_hear_of_a_new_one_there_once(deps):
    import chalicelib.handlers.petitions.routes  # noqa: F401
    from chalicelib.errors import ApiError
    from chalicelib.handlers.alerts.subscriptions import subscribe
    from chalicelib.handlers.alerts.worker import dispatch_event
    from chalicelib.handlers.petitions import drafting, moderation
    store_wards(deps)
    people = {name: resident(name, f"{name}@example.org") for name in ("near", "ward", "plain", "far", "both")}

    def alert(name, **target):
        return subscribe(at(deps, NOON, people[name]), {**target, "channels": ["email"]})[0]
    assert alert("near", **area(), petitions=True)["petitions"] is True
    alert("ward", kind="ward", ward="guildhall", petitions=True)
    alert("plain", **area())  # reports only
    alert("far", **area(where=FAR_AWAY), petitions=True)
    alert("both", **area(), petitions=True)
    alert("both", kind="ward", ward="guildhall", petitions=True)
    for wrong, value, status in (("kind", "category", 422), ("petitions", "yes", 400)):
        body = {**area(), "petitions": value} if wrong == "petitions" else \
            {"kind": "category", "service_code": "pothole", "petitions": True}
        try:
            subscribe(at(deps, NOON, people["plain"]), {**body, "channels": ["email"]})
            raise AssertionError("accepted")
        except ApiError as refused:
            assert refused.status == status
    made, _ = drafting.create(at(deps, NOON, resident()), {**CROSSING, **MINSTER}, None)
    moderation.publish(at(deps, NOON, officer()), made["id"], {}, 0)
    [event] = _events(made["id"], "petition_published")
    assert event.payload["ward_id"] == "guildhall"
    deliver = FakeDeliver()
    # "both" is found under two keys (its area and its ward alert): told once
    assert dispatch_event(deps, event, deliver, sleep=lambda s: None) == {"sent": 3, "already": 1}
    assert sorted(deliver.to("email")) == ["both@example.org", "near@example.org", "ward@example.org"]
    titles = {address: message["title"] for _, address, message in deliver.calls}
    assert titles["ward@example.org"] == "New petition in Guildhall ward"
    assert titles["near@example.org"] == "New petition near you"
    assert all(message["body"] == CROSSING["action"] and message["url"].endswith(f"/petitions/{made['id']}")
               for _, _, message in deliver.calls)
    assert dispatch_event(deps, event, deliver, sleep=lambda s: None) == {"already": 4}
    bare, _ = drafting.create(at(deps, NOON, resident()), {k: v for k, v in CROSSING.items()
                                                                if k not in ("lat", "lon")}, None)
    moderation.publish(at(deps, NOON, officer()), bare["id"], {}, 0)
    [quiet] = _events(bare["id"], "petition_published")
    assert dispatch_event(deps, quiet, deliver, sleep=lambda s: None) == {}  # about no place: nobody
