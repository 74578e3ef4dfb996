"""A York parent applies through the API and hears on offer day: an application made once and changed
with If-Match until the closing date; the officers' run; the offer nobody sees before its release, by
the application's page or the export; one release however it is retried or raced; the answer and an
appeal with its deadline; an officer's read audited with its reason."""
from datetime import datetime, timezone

import pytest
import time_machine

from support.schools_support import BISHOPTHORPE, MICKLEGATE_2, apply, york_schools

BEFORE_CLOSING = datetime(2027, 1, 10, 12, 0, tzinfo=timezone.utc)
AFTER_CLOSING = datetime(2027, 1, 16, 0, 30, tzinfo=timezone.utc)  # 00:30 London, 16 January
OFFER_EVE = datetime(2027, 4, 15, 22, 59, tzinfo=timezone.utc)  # 23:59 London (BST), the day before
OFFER_DAY = datetime(2027, 4, 15, 23, 0, tzinfo=timezone.utc)  # 00:00 London, Friday 16 April


class at:  # noqa: N801
    """The clock at `moment`, with fresh sessions for everyone signed in (tokens made now would have run out)."""
    people = []

    def __init__(self, moment):
        self.travel = time_machine.travel(moment, tick=False)

    def __enter__(self):
        from support.moving_support import signed_in_again
        from chalicelib.deps import default_deps
        self.travel.__enter__()
        deps = default_deps(base_url="http://testserver")
        for person in at.people:
            person.auth = signed_in_again(deps, person)

    def __exit__(self, *exc):
        return self.travel.__exit__(*exc)


@pytest.fixture(autouse=True)
def everyone():
    at.people = []
    yield at.people


@pytest.fixture
def people(people, everyone):
    def make(*args, **kwargs):
        person = people(*args, **kwargs)
        everyone.append(person)
        return person
    return make


@pytest.fixture
def officer(people):
    return people("staff", roles=["admissions_officer"])


def test_a_parent_applies_once_and_changes_the_application_with_if_match_until_the_closing_date(client, deps,
                                                                                                  people):
    york_schools(deps)
    parent = people()
    with at(BEFORE_CLOSING):
        made = apply(client, parent)
        assert made.status_code == 201, made.body
        assert apply(client, parent).json_body["id"] == made.json_body["id"]  # the same key: the same one
        app = made.json_body
        assert [p["rank"] for p in app["preferences"]] == [1, 2, 3] and app["offer"] is None
        assert app["round_dates"]["closing"]["text"] == "Friday 15 January 2027"
        path = f"/v1/me/school-applications/{app['id']}"
        body = {"round": "2027-primary", "child": app["child"], "home_uprn": MICKLEGATE_2,
                "preferences": [{"school_id": "ouse-bank-primary"}, {"school_id": "minster-view-primary"}]}
        assert client.raw.http.put(path, body=_json(body), headers={**parent.auth, **JSON}).status_code == 428
        changed = client.raw.http.put(path, body=_json(body), headers={**parent.auth, **JSON, "If-Match": '"1"'})
        assert changed.status_code == 200 and changed.headers["ETag"] == '"2"'
        stale = client.raw.http.put(path, body=_json(body), headers={**parent.auth, **JSON, "If-Match": '"1"'})
        assert stale.status_code == 409 and _body(stale)["error"]["code"] == "edit_conflict"
    with at(AFTER_CLOSING):  # London's 16 January, a minute past midnight's half hour: closed
        late = client.raw.http.put(path, body=_json(body), headers={**parent.auth, **JSON, "If-Match": '"2"'})
        assert late.status_code == 422 and _body(late)["error"]["code"] == "closed"
        assert "Friday 15 January 2027" in _body(late)["error"]["message"]


@pytest.mark.parametrize("body, status, field", [
    ({"preferences": []}, 400, "preferences"),
    ({"preferences": [{"school_id": "knavesmire-school"}]}, 422, "preferences[0]"),  # a secondary, for primary
    ({"preferences": [{"school_id": "bootham-primary"}, {"school_id": "bootham-primary"}]}, 422, "preferences[1]"),
    ({"preferences": [{"school_id": s} for s in ("bootham-primary", "ouse-bank-primary", "minster-view-primary",
                                                 "bishopthorpe-infant")]}, 422, "preferences"),  # York's most: 3
    ({"home_uprn": "990000009999"}, 422, "home_uprn"),
    ({"child": {"name": "Ada", "date_of_birth": "2031-01-01"}}, 422, "child.date_of_birth"),
    ({"child": {"name": "Ada", "date_of_birth": "2023-09-01"}}, 422, "child.date_of_birth"),  # reception in 2028
    ({"round": "2027-nursery"}, 400, "round"),
    ({"round": "2099-primary"}, 422, "round"),  # its offer day's year is past the bank holidays known: not a 500
])
def test_an_application_that_breaks_a_rule_is_a_4xx_naming_the_field(client, deps, people, body, status, field):
    york_schools(deps)
    with at(BEFORE_CLOSING):
        answer = apply(client, people(), body)
    assert answer.status_code == status, answer.body
    assert field in [f["field"] for f in answer.json_body["error"].get("fields", [])], answer.body


def _round_with_offers(client, deps, people, officer):
    """Three York families for Minster View (30 places: everyone fits) and one whose first choice,
    Bishopthorpe Infant, is full of nearer children, released on offer day."""
    parents = [people() for _ in range(3)]
    with at(BEFORE_CLOSING):
        apps = [apply(client, p, key=f"apply-key-{n}").json_body for n, p in enumerate(parents)]
        run = client.post("/v1/staff/school-rounds/2027-primary/runs", {}, officer.auth)
    assert run.status_code == 200, run.body
    return parents, apps, run.json_body


def test_nobody_sees_an_offer_before_the_release_and_everyone_sees_it_after(client, deps, people, officer):
    york_schools(deps)
    parents, apps, run = _round_with_offers(client, deps, people, officer)
    assert run["counts"]["first"] == 3 and len(run["seed"]) == 64
    page = f"/v1/me/school-applications/{apps[0]['id']}"
    with at(OFFER_EVE):
        assert client.get(page, parents[0].auth).json_body["offer"] is None
        too_soon = client.post("/v1/staff/school-rounds/2027-primary/release", {"run_id": run["id"]}, officer.auth)
        assert too_soon.status_code == 422 and "Friday 16 April 2027" in too_soon.json_body["error"]["message"]
        exported = client.get("/v1/me/export", parents[0].auth).json_body["school_applications"]
        assert [r["row"] for r in exported] == [f"app#{apps[0]['id']}"]
        assert "offer" not in str(exported) and "waiting" not in str(exported)  # nothing of it in the parent's rows
    with at(OFFER_DAY):
        released = client.post("/v1/staff/school-rounds/2027-primary/release", {"run_id": run["id"]}, officer.auth)
        assert released.status_code == 201, released.body
        again = client.post("/v1/staff/school-rounds/2027-primary/release", {"run_id": run["id"]}, officer.auth)
        assert again.status_code == 200 and again.json_body == released.json_body  # a retry: the one release
        for parent, app in zip(parents, apps):
            offer = client.get(f"/v1/me/school-applications/{app['id']}", parent.auth).json_body["offer"]
            assert offer["school_id"] == "minster-view-primary" and offer["preference"] == 1
            assert offer["text"] == "Ada Hartley is offered a place at Minster View Primary School, your first " \
                                    "preference."
    from support.alert_support import outbox_to
    from support.effects_support import run_stream
    run_stream(deps, "school_offers_released")
    run_stream(deps, "school_offers_page")
    for parent in parents:  # one each, though the release was sent twice
        told = [m for m in outbox_to(parent.user.email) if m.subject == "Your school place offer"]
        assert len(told) == 1 and "Minster View Primary School, your first preference" in told[0].body


def test_a_second_run_released_after_the_first_is_refused_and_a_rerun_with_the_same_draw_offers_the_same(
        client, deps, people, officer):
    york_schools(deps)
    _, _, first = _round_with_offers(client, deps, people, officer)
    with at(BEFORE_CLOSING):
        rerun = client.post("/v1/staff/school-rounds/2027-primary/runs", {"seed_of": first["id"]}, officer.auth)
    assert rerun.status_code == 200 and rerun.json_body["seed"] == first["seed"]
    assert rerun.json_body["inputs"] == first["inputs"] and rerun.json_body["schools"] == first["schools"]
    with at(OFFER_DAY):
        assert client.post("/v1/staff/school-rounds/2027-primary/release", {"run_id": first["id"]},
                           officer.auth).status_code == 201
        other = client.post("/v1/staff/school-rounds/2027-primary/release", {"run_id": rerun.json_body["id"]},
                            officer.auth)
        assert other.status_code == 409 and other.json_body["error"]["code"] == "released_already"
        late_run = client.post("/v1/staff/school-rounds/2027-primary/runs", {}, officer.auth)
        assert late_run.status_code == 409
        listed = client.get("/v1/staff/school-rounds/2027-primary/runs", officer.auth).json_body
    assert {r["id"] for r in listed["runs"]} == {rerun.json_body["id"], first["id"]}  # made in the same (pinned) second
    assert listed["release"]["run_id"] == first["id"]


def test_the_rounds_open_to_applications_are_the_servers_by_londons_day(client, deps):
    york_schools(deps)
    with at(BEFORE_CLOSING):
        rounds = {r["round"]: r for r in client.get("/v1/school-rounds").json_body["rounds"]}
    # Secondary for 2027 closed on 31 October 2026; primary for 2027 closes on 15 January.
    assert rounds["2027-primary"]["open"] and not rounds["2027-secondary"]["open"]
    assert rounds["2028-primary"]["open"] and rounds["2027-primary"]["dates"]["offer"]["date"] == "2027-04-16"
    with at(AFTER_CLOSING):
        rounds = {r["round"]: r for r in client.get("/v1/school-rounds").json_body["rounds"]}
    assert not rounds["2027-primary"]["open"]


def test_a_parent_accepts_once_and_an_appeal_after_its_deadline_is_taken_as_late(client, deps, people, officer):
    york_schools(deps)
    # Bishopthorpe Infant has 30 places, all taken by nearer Bishopthorpe children; a Micklegate family
    # puts it first and Minster View second: offered Minster View, waiting for Bishopthorpe Infant.
    locals_ = [people() for _ in range(30)]
    parent = people()
    with at(BEFORE_CLOSING):
        for n, local in enumerate(locals_):
            assert apply(client, local, key=f"apply-local-{n}", home_uprn=BISHOPTHORPE,
                         preferences=[{"school_id": "bishopthorpe-infant"}]).status_code == 201
        mine = apply(client, parent, key="apply-mine", preferences=[{"school_id": "bishopthorpe-infant"},
                                                              {"school_id": "minster-view-primary"}]).json_body
        run = client.post("/v1/staff/school-rounds/2027-primary/runs", {}, officer.auth).json_body
    page = f"/v1/me/school-applications/{mine['id']}"
    with at(OFFER_DAY):
        client.post("/v1/staff/school-rounds/2027-primary/release", {"run_id": run["id"]}, officer.auth)
        offer = client.get(page, parent.auth).json_body["offer"]
        assert offer["school_id"] == "minster-view-primary" and offer["preference"] == 2
        assert [(w["school_id"], w["place"]) for w in offer["waiting"]] == [("bishopthorpe-infant", 1)]
        accepted = client.post(f"{page}/answer", {"answer": "accept"}, parent.auth)
        assert accepted.status_code == 200 and accepted.json_body["answer"]["answer"] == "accept"
        assert client.post(f"{page}/answer", {"answer": "accept"}, parent.auth).status_code == 200  # a second tap
        assert client.post(f"{page}/answer", {"answer": "decline"}, parent.auth).status_code == 409
        due = client.get(page, parent.auth).json_body["round_dates"]["appeal_by"]["date"]
        wrong = client.post(f"{page}/appeals", {"school_id": "minster-view-primary", "grounds": "We wanted it."},
                            parent.auth)
        assert wrong.status_code == 422  # offered there: nothing to appeal
    with at(datetime.fromisoformat(due + "T23:30:00+00:00")):  # 00:30 London, the day after the deadline
        late = client.post(f"{page}/appeals", {"school_id": "bishopthorpe-infant",
                                               "grounds": "Our childminder lives in Bishopthorpe."}, parent.auth)
    assert late.status_code == 200, late.body
    appeal = late.json_body["appeals"][0]
    assert appeal["late"] is True and appeal["due"] == due and "30 school days" in appeal["note"]


def test_only_the_parent_and_the_admissions_desk_read_an_application_and_each_officer_read_is_audited(
        client, deps, people, officer):
    york_schools(deps)
    parent, neighbour = people(), people()
    other_officer = people("staff", roles=["revenues"])
    with at(BEFORE_CLOSING):
        app = apply(client, parent).json_body
        assert client.get(f"/v1/me/school-applications/{app['id']}", neighbour.auth).status_code == 404
        path = f"/v1/staff/school-applications/{app['id']}/lookup"
        assert client.post(path, {"reason": "Checking the sibling"}, other_officer.auth).status_code == 403
        assert client.post(path, {}, officer.auth).status_code == 400  # no reason, no read
        read = client.post(path, {"reason": "Checking the sibling"}, officer.auth)
    assert read.status_code == 200 and read.json_body["child"]["name"] == "Ada Hartley"
    assert [(a["action"], a["reason"], a["by"]) for a in read.json_body["audit"]] == [
        ("read", "Checking the sibling", officer.user.email)]


JSON = {"Content-Type": "application/json"}


def _json(body):
    import json
    return json.dumps(body)


def _body(answer):
    import json
    return json.loads(answer.body)
