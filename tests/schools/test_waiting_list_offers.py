"""A place given up goes down the school's waiting list by its criteria, never by when a child joined:
Bishopthorpe Infant's 30 places go to 30 Bishopthorpe children; three Micklegate families who put it
first wait for it, the nearest first though she applied last. A local family declining offers the place
to the nearest, with an answer-by date of its own (two weeks); two declining at the same moment offer
two places to the next two, never one child twice; a child who accepts a place from the list leaves it
and the places behind move up; an answer after its date is refused; the parent is told by e-mail."""
from datetime import datetime, timezone

import pytest
import time_machine

from support.effects_support import run_stream
from support.racing import at_once
from support.schools_support import BISHOPTHORPE, apply, york_schools

BEFORE_CLOSING = datetime(2027, 1, 10, 12, 0, tzinfo=timezone.utc)
OFFER_DAY = datetime(2027, 4, 16, 9, 0, tzinfo=timezone.utc)
AFTER_ITS_DATE = datetime(2027, 5, 1, 9, 0, tzinfo=timezone.utc)  # the place offered on 16 April: by 30 April
FAR, MIDDLE, NEAR = "990000000103", "990000000101", "990000000104"  # 12 Micklegate, 1 Micklegate, Priory Street


def session(deps, person):
    from chalicelib.handlers.accounts import auth
    person.auth = {"Authorization": f"Bearer {auth.start_session(deps, person.user, deps.clock())['access_token']}"}
    return person.auth


@pytest.fixture
def released(client, deps, people):
    york_schools(deps)
    officer = people("staff", roles=["admissions_officer"])
    locals_, waiting = [people() for _ in range(30)], [people() for _ in range(3)]
    apps = {}
    with time_machine.travel(BEFORE_CLOSING, tick=False):
        for n, local in enumerate(locals_):
            session(deps, local)
            apps[local] = apply(client, local, key=f"local-key-{n}", home_uprn=BISHOPTHORPE,
                                preferences=[{"school_id": "bishopthorpe-infant"}]).json_body
        for person, home in zip(waiting, (FAR, MIDDLE, NEAR)):  # the farthest applies first
            session(deps, person)
            apps[person] = apply(client, person, key=f"wait-key-{home}", home_uprn=home, preferences=[
                {"school_id": "bishopthorpe-infant"}, {"school_id": "minster-view-primary"}]).json_body
        run = client.post("/v1/staff/school-rounds/2027-primary/runs", {}, session(deps, officer)).json_body
    with time_machine.travel(OFFER_DAY, tick=False):
        assert client.post("/v1/staff/school-rounds/2027-primary/release", {"run_id": run["id"]},
                           session(deps, officer)).status_code == 201
        for person in [*locals_, *waiting]:
            session(deps, person)
        yield locals_, waiting, apps


def page(apps, person):
    return f"/v1/me/school-applications/{apps[person]['id']}"


def places(client, apps, person):
    return [(w["school_id"], w["place"]) for w in client.get(page(apps, person), person.auth).json_body["offer"]["waiting"]]


def test_a_declined_place_goes_to_the_nearest_waiting_with_its_own_date_and_the_list_moves_up(client, deps, released):
    locals_, (far, middle, near), apps = released
    assert [places(client, apps, p) for p in (near, middle, far)] == [[("bishopthorpe-infant", n)] for n in (1, 2, 3)]
    declined = client.post(f"{page(apps, locals_[0])}/answer", {"answer": "decline"}, locals_[0].auth)
    assert declined.status_code == 200
    offered = client.get(page(apps, near), near.auth).json_body
    assert [(o["school_id"], o["accept_by"]) for o in offered["waiting_offers"]] == [("bishopthorpe-infant",
                                                                                     "2027-04-30")]
    assert "by Friday 30 April 2027" in offered["waiting_offers"][0]["text"]
    assert offered["offer"]["waiting"] == []  # off the list: offered its place
    assert places(client, apps, middle) == [("bishopthorpe-infant", 1)] and places(client, apps, far) == [
        ("bishopthorpe-infant", 2)]
    assert client.get(page(apps, middle), middle.auth).json_body["waiting_offers"] == []
    run_stream(deps, "school_place_offered")
    from support.alert_support import outbox_to
    told = [m for m in outbox_to(near.user.email) if m.subject == "A school place from the waiting list"]
    assert len(told) == 1 and "Bishopthorpe Infant School" in told[0].body and apps[near]["id"] in told[0].body

    accepted = client.post(f"{page(apps, near)}/answer", {"answer": "accept", "school_id": "bishopthorpe-infant"},
                           near.auth)
    assert accepted.status_code == 200 and accepted.json_body["waiting_offers"][0]["answer"]["answer"] == "accept"
    assert client.post(f"{page(apps, near)}/answer", {"answer": "decline", "school_id": "bishopthorpe-infant"},
                       near.auth).status_code == 409


def test_two_places_declined_at_once_go_to_the_next_two_never_one_child_twice(client, deps, released):
    locals_, waiting, apps = released
    answers = at_once(lambda local: client.post(f"{page(apps, local)}/answer", {"answer": "decline"}, local.auth),
                      locals_[:2])
    assert [a.status_code for a in answers] == [200, 200]
    offered = [len(client.get(page(apps, p), p.auth).json_body["waiting_offers"]) for p in waiting]
    assert offered == [0, 1, 1]  # the farthest still waits; the middle and nearest have one place each
    assert places(client, apps, waiting[0]) == [("bishopthorpe-infant", 1)]


def test_a_place_from_the_list_answered_after_its_date_is_refused(client, deps, released):
    locals_, (_, _, near), apps = released
    client.post(f"{page(apps, locals_[0])}/answer", {"answer": "decline"}, locals_[0].auth)
    with time_machine.travel(AFTER_ITS_DATE, tick=False):
        late = client.post(f"{page(apps, near)}/answer", {"answer": "accept", "school_id": "bishopthorpe-infant"},
                           session(deps, near))
    assert late.status_code == 422 and late.json_body["error"]["code"] == "offer_expired"
    assert "Friday 30 April 2027" in late.json_body["error"]["message"]


LAST_MINUTE = datetime(2027, 4, 30, 22, 59, tzinfo=timezone.utc)  # 23:59 on Friday 30 April in London (BST)
NEXT_MINUTE = datetime(2027, 4, 30, 23, 0, tzinfo=timezone.utc)  # Saturday 1 May in London, still 30 April in UTC


def test_a_place_from_the_list_not_answered_by_its_day_goes_to_the_next_child_once(client, deps, released):
    from chalicelib.handlers.schools.releasing import every_quarter
    from chalicelib.handlers.schools.waiting import on_lapsed
    locals_, (far, middle, near), apps = released
    client.post(f"{page(apps, locals_[0])}/answer", {"answer": "decline"}, locals_[0].auth)
    with time_machine.travel(LAST_MINUTE, tick=False):
        assert every_quarter(deps.replace(clock=lambda: LAST_MINUTE))["lapsed"] == 0  # its day, to its last minute
    with time_machine.travel(NEXT_MINUTE, tick=False):
        here = deps.replace(clock=lambda: NEXT_MINUTE)
        assert every_quarter(here)["lapsed"] == 1
        assert every_quarter(here)["lapsed"] == 0  # the next turn finds nothing more
        lapsed = client.get(page(apps, near), session(deps, near)).json_body["waiting_offers"]
        assert [(o["school_id"], o["answer"]["answer"]) for o in lapsed] == [("bishopthorpe-infant", "lapsed")]
        offered = client.get(page(apps, middle), session(deps, middle)).json_body["waiting_offers"]
        assert [(o["school_id"], o["accept_by"]) for o in offered] == [("bishopthorpe-infant", "2027-05-15")]
        # The lapse's effect run again (the stream after a crash) gives the place to nobody else.
        from chalicelib.handlers.shared.events import new_event
        event = new_event(here, "school_place_lapsed", NEXT_MINUTE,
                          event_id=f"schools.2027-primary.{apps[near]['id']}.bishopthorpe-infant.lapsed",
                          round="2027-primary", run_id=offered_run(deps), school_id="bishopthorpe-infant")
        on_lapsed(here, event, None)
        assert client.get(page(apps, far), session(deps, far)).json_body["waiting_offers"] == []
        assert places(client, apps, far) == [("bishopthorpe-infant", 1)]
        late = client.post(f"{page(apps, near)}/answer", {"answer": "accept", "school_id": "bishopthorpe-infant"},
                           near.auth)
        assert late.status_code == 422 and late.json_body["error"]["code"] == "offer_expired"


def offered_run(deps):
    return deps.allocations.release("2027-primary")["run_id"]
