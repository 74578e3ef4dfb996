"""Comments, compliments and complaints through one front door (issue 72, item 2): a comment is an
answer with no transaction behind it, on its service's desk; a compliment names a team and reaches the
officers whose roles open that team's desk, and is counted for the figures; a complaint is a report in
the complaint category, its deadlines the council's own rules."""
from datetime import datetime, timezone

import pytest
import time_machine

from chalicelib import tenancy
from support.racing import at_once

THURSDAY = datetime(2026, 11, 26, 14, 0, tzinfo=timezone.utc)  # before St Andrew's Day (Monday 30 November)
KEY = {"Idempotency-Key": "front-door-key-0001-abcdef"}


def _desk(client, person, service):
    r = client.get(f"/v1/staff/feedback/{service}", person.auth)
    assert r.status_code == 200, r.json_body
    return r.json_body


def test_a_comment_is_kept_without_a_transaction_and_read_on_its_services_desk_masked(client, deps, people):
    words = "The halls page never says if the hall has a hearing loop. Ring me on 07700 900123."
    with time_machine.travel(THURSDAY, tick=False):
        r = client.post("/v1/feedback/comments", {"kind": "comment", "service": "halls", "words": words})
    assert r.status_code == 201, r.json_body
    assert r.json_body == {"kind": "comment", "service": "halls", "words": words, "rating": None,
                           "reply_asked": False, "given_at": "2026-11-26T14:00:00Z"}
    desk = _desk(client, people("staff", roles=["halls"]), "halls")
    [seen] = desk["answers"]
    assert (seen["kind"], seen["rating"], seen["channel"]) == ("comment", None, "online")
    assert seen["improve"] == "The halls page never says if the hall has a hearing loop. Ring me on [removed]."
    assert seen["flagged"] == ["phone"]
    assert all(w["online"]["answers"] == 0 for w in desk["weeks"])  # no transaction's satisfaction moved
    assert deps.feedback.year("2026-11", "2026-11").get(("2026-11", "halls"), {}).get("answers_online_1", 0) == 0


def test_a_compliment_reaches_the_officers_whose_roles_open_its_desk_and_is_counted(client, deps, people):
    from support.councils_support import NL, add, north_lanarkshire, york
    from chalicelib.handlers.accounts import users
    from chalicelib.storage.outbox import OutboxStore
    add(deps, {**york(), "public_url": "https://doorstep.york.gov.uk"}, north_lanarkshire())
    hall = people("staff", roles=["halls"], email="hana@york.example")
    people("staff", roles=["revenues"], email="rob@york.example")
    people("admin", email="boss@york.example")
    with tenancy.acting_for(NL):  # the same role at another council hears nothing of York's halls
        users.create_user(deps, "nell@nl.example", "staff", name="Nell", roles=["halls"])
    words = "Sam at the Guildhall set the room up for my mother's wheelchair. Thank you, ada@example.org"
    with time_machine.travel(THURSDAY, tick=False):
        r = client.post("/v1/feedback/comments", {"kind": "compliment", "service": "halls", "words": words})
    assert r.status_code == 201, r.json_body
    told = {m.to: m for m in OutboxStore().newest(50) if m.channel == "email"}
    assert set(told) == {"hana@york.example"}
    mail = told["hana@york.example"]
    assert "Sam at the Guildhall set the room up" in mail.body and "ada@example.org" not in mail.body
    assert "https://doorstep.york.gov.uk/staff/feedback/halls" in mail.body
    [seen] = _desk(client, hall, "halls")["answers"]
    assert (seen["kind"], seen["flagged"]) == ("compliment", ["email"])
    assert deps.feedback.year("2026-11", "2026-11")[("2026-11", "halls")]["compliments"] == 1


def test_a_comment_sent_again_with_its_key_is_one_comment_even_at_once(client, deps, people):
    body = {"kind": "compliment", "service": "bulky", "words": "The crew took the sofa and swept up after."}
    with time_machine.travel(THURSDAY, tick=False):
        answers = at_once(lambda _: client.post("/v1/feedback/comments", body, KEY), range(3))
        again = client.post("/v1/feedback/comments", body, KEY)
        other = client.post("/v1/feedback/comments", {**body, "words": "Something else."}, KEY)
    assert {a.status_code for a in answers} == {201} and again.status_code == 201
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert other.status_code == 422 and other.json_body["error"]["code"] == "idempotency_key_reused"
    assert len(_desk(client, people("staff", roles=["street_scene"]), "bulky")["answers"]) == 1
    assert deps.feedback.year("2026-11", "2026-11")[("2026-11", "bulky")]["compliments"] == 1


@pytest.mark.parametrize("body,field", [
    ({"kind": "comment", "service": "parking", "words": "x"}, "service"),
    ({"kind": "comment", "words": "x"}, "service"),
    ({"kind": "comment", "service": "halls", "words": "   "}, "words"),
    ({"kind": "comment", "service": "halls"}, "words"),
    ({"kind": "comment", "service": "halls", "words": "x" * 2001}, "words"),
    ({"kind": "complaint", "service": "halls", "words": "x"}, "kind"),
    ({"kind": "grumble", "service": "halls", "words": "x"}, "kind"),
    ({"service": "halls", "words": "x"}, "kind"),
    ({"kind": "comment", "service": "halls", "words": "x", "rating": 6}, "rating"),
    ({"kind": "comment", "service": "halls", "words": "x", "reply_email": "no"}, "reply_email"),
    ({"kind": "comment", "service": "halls", "words": "x", "name": "Ada"}, "name"),
    ({"kind": "comment", "service": ["halls"], "words": "x"}, "service"),
    ([], "body"),
])
def test_bad_comments_are_refused_with_the_field_and_nothing_is_kept(client, deps, body, field):
    r = client.post("/v1/feedback/comments", body)
    assert r.status_code == 400, r.json_body
    assert field in [f["field"] for f in r.json_body["error"]["fields"]]
    assert deps.feedback.answers("halls") == [] and deps.feedback.year("2026-01", "2027-12") == {}


def test_a_complaint_is_sent_to_the_complaint_journey_not_kept_as_a_comment(client):
    r = client.post("/v1/feedback/comments", {"kind": "complaint", "service": "halls", "words": "x"})
    [problem] = r.json_body["error"]["fields"]
    assert "service_code complaint" in problem["message"]  # where complaints are made, and their deadlines


def test_a_service_the_council_switched_off_takes_no_comment(client, deps):
    from support.councils_support import NL_HOST, add, at, north_lanarkshire, york
    add(deps, york(), {**north_lanarkshire(), "services": {"bulky": False}})  # it books no bulky collections
    r = client.post("/v1/feedback/comments", {"kind": "comment", "service": "bulky", "words": "x"}, at(NL_HOST))
    assert r.status_code == 400 and r.json_body["error"]["fields"][0]["field"] == "service"


@pytest.mark.parametrize("code,due", [("complaint", "2026-12-04"), ("complaint_stage_2", "2026-12-29")])
def test_a_complaint_made_at_north_lanarkshire_is_due_by_the_spso_s_working_days_on_scotland_s_calendar(
        client, deps, code, due):
    """Stage 1 in 5 working days, stage 2 in 20, St Andrew's Day (Monday 30 November) not one of them:
    nor, for stage 2, Christmas Day and Boxing Day's substitute (Monday 28): England's calendar would say
    3 and 24 December."""
    from doorstep_cli.council_pack import load_categories, load_due_rules
    from support.councils_support import DEMO, NL, NL_HOST, add, at, north_lanarkshire, york
    add(deps, york(), north_lanarkshire())
    with tenancy.acting_for(NL):  # its folder's categories and due rules, as `doorstep councils add --dir` loads them
        here = deps.for_council()
        assert load_categories(here, DEMO / "north-lanarkshire" / "categories.json")[1] == []
        assert load_due_rules(here, DEMO / "north-lanarkshire" / "due_rules.json")[1] == []
    body = {"service_code": code, "description": "The bin crew left my gate open again.",
            "fields": {"service_area": "Bins"}, "contact": {"email": "ada@example.org"}}
    with time_machine.travel(THURSDAY, tick=False):
        r = client.post("/v1/reports", body, at(NL_HOST))
    assert r.status_code == 201, r.json_body
    with tenancy.acting_for(NL):
        made = deps.for_council().reports.get(r.json_body["id"])
    assert made.due == due and "SPSO" in made.due_rule


def test_officers_granted_before_the_roster_are_put_on_it_when_the_index_is_added(deps, people):
    """A stage from before the roster index: `doorstep tables` adds the index and enrols every grant
    holding roles, each on its own council's roster; a grant with no roles stays off."""
    from chalicelib.storage.binding import connection
    from chalicelib.storage.accounts.grants import GrantStore, StaffGrantModel
    from support.councils_support import NL, add, north_lanarkshire, york
    add(deps, york(), north_lanarkshire())
    hall, boss = people("staff", roles=["halls"]), people("admin")
    from chalicelib.handlers.accounts import users
    with tenancy.acting_for(NL):
        nell = users.create_user(deps, "nell@nl.example", "staff", name="Nell", roles=["halls"])
    client = connection().client
    for council, user_id in (("york", hall.user.id), ("york", boss.user.id), (NL, nell.id)):
        client.update_item(TableName=StaffGrantModel.Meta.table_name, Key={"user_id": {"S": f"{council}|{user_id}"}},
                           UpdateExpression="REMOVE roster")  # as written before the index
    assert deps.grants.officers() == []
    assert GrantStore.enrol_roster() == 2
    assert deps.grants.officers() == [(hall.user.id, "staff", ["halls"])]
    with tenancy.acting_for(NL):
        assert deps.for_council().grants.officers() == [(nell.id, "staff", ["halls"])]


def test_telling_a_team_of_a_compliment_reads_its_roster_once_and_each_officer_told(client, deps, people, capsys):
    """The cost of a compliment's effect: the compliment, one Query of the council's roster (officers
    holding roles, never its residents), and one GetItem per officer told for their address."""
    from chalicelib.handlers.feedback import compliments
    from chalicelib.storage.metering import metered
    from chalicelib.storage.records import Event
    for n in range(20):
        people("resident", email=f"resident{n}@example.org")
    for n in range(4):
        people("staff", roles=["revenues"], email=f"revenues{n}@example.org")
    people("staff", roles=["halls"], email="hana@example.org")
    people("staff", roles=["halls", "finance"], email="hal@example.org")
    with time_machine.travel(THURSDAY, tick=False):
        r = client.post("/v1/feedback/comments", {"kind": "compliment", "service": "halls", "words": "Lovely hall."})
    [found] = deps.feedback.answers("halls")
    event = Event(id="compliment.measured", kind="compliment_given", payload={"answer_id": found.token_hash})
    with metered() as meter:
        told = compliments.on_compliment(deps, event, "measured.feedback.compliment_told")
    reads = [op for op in meter.operations if op in ("GetItem", "Query", "Scan", "BatchGetItem")]
    with capsys.disabled():
        print(f"\ncompliment told: {told}; reads {reads}, items {meter.items}")
    assert r.status_code == 201 and told == "2 told"
    assert reads.count("Query") == 1 and "Scan" not in reads
    assert reads.count("GetItem") == 1 + 2  # the compliment, then each officer told (outbox rows are writes)


def test_a_client_sending_comments_in_a_loop_is_slowed_after_five_a_minute(client, deps):
    with time_machine.travel(THURSDAY, tick=False):
        sent = [client.post("/v1/feedback/comments", {"kind": "comment", "service": "garden",
                                                      "words": f"Comment {n}"}) for n in range(6)]
    assert [r.status_code for r in sent] == [201] * 5 + [429]
    assert sent[-1].headers.get("Retry-After") and len(deps.feedback.answers("garden")) == 5


def test_a_services_compliments_are_published_with_its_figures_however_few(client, deps):
    """A count of compliments says nothing of who sent them or what they said (their words are never published)."""
    deps.feedback.add("2026-11", "halls", {"compliments": 12})
    deps.feedback.add("2026-11", "garden", {"compliments": 3})
    with time_machine.travel(THURSDAY, tick=False):
        figures = client.get("/v1/figures?year=2026").json_body
    november = figures["months"].index("2026-11")
    assert figures["services"]["halls"][november]["counts"]["compliments"] == 12
    assert figures["services"]["garden"][november]["counts"]["compliments"] == 3
    assert "compliments" in figures["definitions"]
