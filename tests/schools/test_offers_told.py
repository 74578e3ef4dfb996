"""Offers told to every parent by e-mail, text and push from the release, each once however often its
effects run (the stream hands events again; a worker dies): the release's pages, each page's channels
claimed per application; a text the SMS service refuses is tried again, and only that one. Links open the
application at the council's configured address. And the release chosen for offer day: the schedule
releases it once offer day begins, and an officer releasing at the same moment makes the same one release."""
import json
from datetime import datetime, timezone

import pytest
import time_machine

from conversations.test_after_the_chat import test_stage  # noqa: F401 (a fixture: push to 127.0.0.1)
from support.alert_support import outbox_to
from support.effects_support import events_of_kind, run_stream
from support.racing import at_once
from support.schools_support import apply, york_schools

BEFORE_CLOSING = datetime(2027, 1, 10, 12, 0, tzinfo=timezone.utc)
OFFER_EVE = datetime(2027, 4, 15, 12, 0, tzinfo=timezone.utc)
OFFER_DAY = datetime(2027, 4, 15, 23, 5, tzinfo=timezone.utc)  # 00:05 London, Friday 16 April


def session(deps, person):
    from chalicelib.handlers.accounts import auth
    return {"Authorization": f"Bearer {auth.start_session(deps, person.user, deps.clock())['access_token']}"}


@pytest.fixture
def round_made(test_stage, deps, people):  # noqa: F811
    """Three York parents: one gives a phone, one a browser's push subscription, one chose texts in the
    account; the admissions officer's run, released on offer day."""
    from chalicelib.notify.vapid import public_key
    from support.push_service import PushService
    client = test_stage
    york_schools(deps)
    officer = people("staff", roles=["admissions_officer"])
    parents = [people() for _ in range(3)]
    with PushService() as service, time_machine.travel(BEFORE_CLOSING, tick=False):
        browser = service.subscribe(application_server_key=public_key())
        chose_texts = client.raw.http.request("PATCH", "/v1/me", body=json.dumps(
            {"phone": "07700 900222", "notifications": {"sms": True}}).encode(),
            headers={"Content-Type": "application/json", **session(deps, parents[2])})
        assert chose_texts.status_code == 200, chose_texts.body
        bodies = [{"phone": "07700 900111"}, {"push_subscription": browser.subscription}, {}]
        for parent in parents:
            parent.auth = session(deps, parent)
        made = [apply(client, p, body, key=f"told-key-{n}") for n, (p, body) in enumerate(zip(parents, bodies))]
        assert [m.status_code for m in made] == [201] * 3, [m.body for m in made]
        apps = [m.json_body for m in made]
        assert [a["told_by"] for a in apps] == [["email", "sms"], ["email", "push"], ["email", "sms"]]
        run = client.post("/v1/staff/school-rounds/2027-primary/runs", {}, session(deps, officer)).json_body
        with time_machine.travel(OFFER_DAY, tick=False):
            assert client.post("/v1/staff/school-rounds/2027-primary/release", {"run_id": run["id"]},
                               session(deps, officer)).status_code == 201
            yield parents, apps, service


def texts_to(number):
    return [m for m in outbox_to(number) if m.channel == "sms"]


def test_every_parent_is_told_by_email_text_and_push_once_however_often_the_pages_run(deps, round_made):
    parents, apps, service = round_made
    assert run_stream(deps, "school_offers_released") == []
    assert len(events_of_kind("school_offers_page")) == 1  # three applications: one page
    for _ in range(2):  # the stream hands the page again: nothing is told twice
        assert run_stream(deps, "school_offers_page") == []
    link = f"{deps.base_url}/schools/{apps[0]['id']}"
    for parent in parents:
        mail = [m for m in outbox_to(parent.user.email) if m.subject == "Your school place offer"]
        assert len(mail) == 1 and "Minster View Primary School, your first preference" in mail[0].body
    assert link in [m for m in outbox_to(parents[0].user.email) if m.channel == "email"][0].body
    first, third = texts_to("+447700900111"), texts_to("+447700900222")
    assert len(first) == 1 and len(third) == 1
    assert first[0].body.startswith("Ada Hartley is offered a place at Minster View Primary School") and link in \
        first[0].body and "Answer by Friday 30 April 2027" in first[0].body
    assert len(service.received) == 1
    pushed = service.received[0].payload
    assert pushed["url"].endswith(f"/schools/{apps[1]['id']}") and "Minster View" in pushed["body"]


def test_a_text_the_sms_service_refuses_is_sent_again_and_the_others_not_twice(deps, round_made, monkeypatch):
    from chalicelib.notify import RETRY, sms
    parents, apps, service = round_made
    real, refused = sms.send_sms, []

    def busy_once(phone, text, *args):
        if phone == "+447700900111" and not refused:
            refused.append(phone)
            return RETRY
        return real(phone, text, *args)
    monkeypatch.setattr(sms, "send_sms", busy_once)
    run_stream(deps, "school_offers_released")
    back = run_stream(deps, "school_offers_page")
    assert [json.loads(json.dumps(job)).get("effect") for job in back] == ["schools.offer_text"]
    assert texts_to("+447700900111") == [] and len(texts_to("+447700900222")) == 1
    assert run_stream(deps, "school_offers_page") == []  # the queue brings it back: sent now
    assert len(texts_to("+447700900111")) == 1 and len(texts_to("+447700900222")) == 1
    assert len(service.received) == 1


def test_the_run_chosen_for_offer_day_is_released_by_the_schedule_once_though_an_officer_races_it(
        client, deps, people):
    from chalicelib.handlers.schools.releasing import release_due
    york_schools(deps)
    officer = people("staff", roles=["admissions_officer"])
    with time_machine.travel(BEFORE_CLOSING, tick=False):
        parent = people()
        parent.auth = session(deps, parent)
        assert apply(client, parent, key="chosen-for-offer-day").status_code == 201
        run = client.post("/v1/staff/school-rounds/2027-primary/runs", {}, session(deps, officer)).json_body
    with time_machine.travel(OFFER_EVE, tick=False):
        chosen = client.post("/v1/staff/school-rounds/2027-primary/release", {"run_id": run["id"],
                                                                             "on_offer_day": True},
                             session(deps, officer))
        assert chosen.status_code == 200 and chosen.json_body["scheduled_for"] == "2027-04-16"
        assert chosen.json_body["released_at"] is None
        assert release_due(deps) == {"released": 0}  # not before offer day
        listed = client.get("/v1/staff/school-rounds/2027-primary/runs", session(deps, officer)).json_body
        assert listed["release"] is None and listed["scheduled"]["run_id"] == run["id"]
    with time_machine.travel(OFFER_DAY, tick=False):
        headers = session(deps, officer)
        answers = at_once(lambda who: release_due(deps) if who == "schedule" else client.post(
            "/v1/staff/school-rounds/2027-primary/release", {"run_id": run["id"]}, headers), ["schedule", "officer"])
        made_by_schedule = answers[0]["released"]
        assert made_by_schedule + (answers[1].status_code == 201) == 1  # one of them released it
        assert release_due(deps) == {"released": 0}
    assert len(events_of_kind("school_offers_released")) == 1
    assert deps.allocations.release("2027-primary")["run_id"] == run["id"]
