"""The staff desk: the queue of waiting conversations with their wait and
context, taking one (five officers at once: one wins), at most so many at
once, handing over, answering with a template, turning a conversation into a
report with the resident as its reporter, closing with a rating, and
blocking a resident with a reason that is audited."""
import dataclasses

from chalicelib.auth.principal import Principal
from chalicelib.errors import ApiError
from conftest import YORK_MINSTER
from support.chat_support import ANON, desk, messages, open_desk, say, start  # noqa: F401
from support.racing import at_once
from support.officers import all_roles

OFFICERS = 5


def test_officers_pressing_take_at_once_one_gets_it_and_the_others_are_told(client, deps, people, open_desk):
    from chalicelib.handlers.conversations import desk as desk_handlers
    conversation = start(client)
    officers = [people("staff") for _ in range(OFFICERS)]

    def take(officer):
        own = dataclasses.replace(deps, principal=Principal(user_id=officer.user.id, role="staff", roles=all_roles()))
        try:
            desk_handlers.take(own, conversation["id"])
            return 200, officer.user.id
        except ApiError as e:
            return e.status, e.code
    outcomes = sorted(at_once(take, officers), key=lambda o: o[0])
    assert outcomes[1:] == [(409, "already_taken")] * (OFFICERS - 1) and outcomes[0][0] == 200, outcomes
    stored = deps.conversations.get(conversation["id"])
    assert stored.state == "taken" and stored.officer == outcomes[0][1]
    assert [deps.conversations.officer_load(o.user.id) for o in officers].count(1) == 1
    # Over HTTP, afterwards: a loser is refused, the winner pressing again keeps it.
    loser = next(o for o in officers if o.user.id != stored.officer)
    assert desk(client, loser, conversation["id"], "take").status_code == 409


def test_an_officer_takes_at_most_the_configured_number_at_once(client, people, open_desk, monkeypatch):
    monkeypatch.setenv("DOORSTEP_CHAT_MAX_PER_OFFICER", "2")
    officer = people("staff")
    ids = [start(client, {**ANON, "text": f"Question {n}"})["id"] for n in range(3)]
    assert [desk(client, officer, i, "take").status_code for i in ids[:2]] == [200, 200]
    third = desk(client, officer, ids[2], "take")
    assert third.status_code == 409 and third.json_body["error"]["code"] == "too_many_conversations"
    assert desk(client, officer, ids[0], "close").status_code == 200
    assert desk(client, officer, ids[2], "take").status_code == 200


def test_the_queue_lists_the_waiting_longest_first_with_their_wait_and_context(client, deps, people, open_desk):
    from chalicelib.storage import metering
    officer = people("staff")
    first = start(client)
    taken = start(client, {"context": {"screen": "report", "report_id": "DS-7K3F9Q"}}, people().auth)
    closed = start(client, {"text": "Never mind"}, people().auth)
    last = start(client, {"context": {"screen": "home"}}, people().auth)
    desk(client, officer, taken["id"], "take")
    desk(client, officer, closed["id"], "close")
    queue = client.get("/v1/staff/conversations", officer.auth).json_body
    assert [c["id"] for c in queue["waiting"]] == [first["id"], last["id"]]
    assert queue["waiting"][0]["context"] == ANON["context"] and queue["waiting"][0]["waited_s"] >= 0
    assert queue["waiting"][0]["name"] == "Ada Resident"
    assert [c["id"] for c in queue["mine"]] == [taken["id"]]
    from chalicelib.handlers.conversations.desk import queue as read_queue
    with metering.metered() as meter:
        read_queue(dataclasses.replace(deps, principal=Principal(user_id=officer.user.id, role="staff",
                                                                 roles=all_roles())))
    # Two Queries (waiting, mine), reading the three items they return: not the closed one.
    assert (meter.queries, meter.items) == (2, 3)


def test_an_officer_answers_with_a_template_and_the_resident_sees_it_after_their_cursor(client, deps, people,
                                                                                         open_desk):
    from support.staff_support import load_staff_data
    load_staff_data(deps)
    officer = people("staff", name="Sam Officer")
    conversation = start(client)
    cursor = messages(client, conversation)["cursor"]
    assert desk(client, officer, conversation["id"], "answer", {"text": "Hello"}).status_code == 409  # not taken
    desk(client, officer, conversation["id"], "take")
    answered = desk(client, officer, conversation["id"], "answer", {"template": "tpl_chat_missed_bin"}, key="answer-1")
    assert answered.status_code == 201
    new = messages(client, conversation, after=cursor)["messages"]
    assert [(m["author"], m["author_name"]) for m in new] == [("system", None), ("staff", "Sam")]
    assert new[1]["text"].startswith("Sorry your bin was missed. We have logged it as and")  # no report yet: left out
    assert "Officer" not in str(new)  # residents see an officer's first name only


def test_a_conversation_handed_over_is_the_colleagues_to_answer(client, people, open_desk):
    officer, colleague = people("staff", name="Sam Officer"), people("staff", name="Kim Colleague")
    conversation = start(client)
    desk(client, officer, conversation["id"], "take")
    handed = desk(client, officer, conversation["id"], "hand-over", {"to": colleague.user.id})
    assert handed.status_code == 200 and handed.json_body["officer"] == colleague.user.id
    assert desk(client, officer, conversation["id"], "answer", {"text": "Still me?"}).status_code == 409
    assert desk(client, colleague, conversation["id"], "answer", {"text": "Kim here."}).status_code == 201
    assert messages(client, conversation)["messages"][-1]["author_name"] == "Kim"


def test_a_conversation_is_handed_over_only_to_a_colleague_whose_roles_open_the_chat_desk(client, people, open_desk):
    officer, halls = people("staff", name="Sam Officer"), people("staff", name="Hal Halls", roles=["halls"])
    conversation = start(client)
    desk(client, officer, conversation["id"], "take")
    refused = desk(client, officer, conversation["id"], "hand-over", {"to": halls.user.id})
    assert refused.status_code == 400, refused.body
    assert [f["field"] for f in refused.json_body["error"]["fields"]] == ["to"]
    assert desk(client, officer, conversation["id"], "answer", {"text": "Still with me."}).status_code == 201


def test_a_conversation_becomes_a_report_with_the_resident_as_its_reporter(client, deps, people, open_desk):
    resident, officer = people(), people("staff")
    conversation = start(client, {"context": {"screen": "property", "uprn": "990000000101"},
                                  "text": "Pothole outside the Minster"}, resident.auth)
    desk(client, officer, conversation["id"], "take")
    body = {"service_code": "pothole", "lat": YORK_MINSTER[0], "lon": YORK_MINSTER[1],
            "description": "Pothole outside the Minster's west door, said in chat.", "fields": {"size": "large"}}
    made = desk(client, officer, conversation["id"], "report", body, key="make-report-1")
    assert made.status_code == 201, made.body
    again = desk(client, officer, conversation["id"], "report", body, key="make-report-1")
    assert again.json_body["report_id"] == made.json_body["report_id"]  # pressed twice: one report
    rid = made.json_body["report_id"]
    assert deps.reports.get(rid).user_id == resident.user.id
    mine = client.get("/v1/me/reports", resident.auth).json_body["reports"]
    assert [r["id"] for r in mine] == [rid]
    seen = client.get(f"/v1/conversations/{conversation['id']}", resident.auth).json_body
    assert seen["report_ids"] == [rid]
    assert rid in messages(client, conversation, headers=resident.auth)["messages"][-1]["text"]


def test_an_anonymous_resident_becomes_the_reporter_by_the_contact_they_gave(client, deps, people, open_desk):
    officer = people("staff")
    conversation = start(client)
    desk(client, officer, conversation["id"], "take")
    made = desk(client, officer, conversation["id"], "report", {
        "service_code": "pothole", "lat": YORK_MINSTER[0], "lon": YORK_MINSTER[1],
        "description": "Pothole said in chat.", "fields": {"size": "small"}})
    report = deps.reports.get(made.json_body["report_id"])
    assert report.user_id is None and report.contact["email"] == ANON["email"] and report.channel == "chat"


def test_linking_an_existing_report_names_it_in_the_conversation(client, people, open_desk):
    from conftest import pothole
    officer = people("staff")
    rid = client.post("/v1/reports", pothole()).json_body["id"]
    conversation = start(client)
    desk(client, officer, conversation["id"], "take")
    linked = desk(client, officer, conversation["id"], "link", {"report_id": rid.lower()})
    assert linked.status_code == 200 and linked.json_body["report_ids"] == [rid]
    assert desk(client, officer, conversation["id"], "link", {"report_id": "DS-ZZZZZZ"}).status_code == 404


def test_a_closed_conversation_is_rated_once_and_takes_no_more_messages(client, people, open_desk):
    officer = people("staff")
    conversation = start(client)
    path = f"/v1/conversations/{conversation['id']}/rating?token={conversation['token']}"
    assert client.post(path, {"rating": 5}).status_code == 409  # not closed yet
    desk(client, officer, conversation["id"], "take")
    desk(client, officer, conversation["id"], "close")
    assert say(client, conversation, "One more thing").status_code == 409
    assert client.post(path, {"rating": 6}).status_code == 400
    rated = client.post(path, {"rating": 4})
    assert rated.status_code == 200 and rated.json_body["rating"] == 4
    assert client.post(path, {"rating": 2}).status_code == 409


def test_a_blocked_resident_can_neither_write_nor_start_again_and_the_block_is_audited(client, people, open_desk):
    officer = people("staff")
    conversation = start(client)
    assert desk(client, officer, conversation["id"], "block", {"reason": ""}).status_code == 400
    blocked = desk(client, officer, conversation["id"], "block", {"reason": "Abusive messages"})
    assert blocked.status_code == 200 and blocked.json_body["blocked"] is True and blocked.json_body["state"] == "closed"
    again = client.post("/v1/conversations", {**ANON, "email": "ADA@example.org"})
    assert again.status_code == 403 and again.json_body["error"]["code"] == "blocked"
    audit = client.get(f"/v1/staff/conversations/{conversation['id']}/audit", officer.auth).json_body["entries"]
    assert [(e["action"], e["by_user_id"], e["changes"]["blocked"]["after"]) for e in audit] == [
        ("block_resident", officer.user.id, "Abusive messages")]


def test_a_report_draft_takes_category_place_and_answers_from_what_the_resident_said(client, deps, people,
                                                                                   open_desk):
    from conftest import store_addresses
    store_addresses(deps)
    resident, officer = people(), people("staff")
    conversation = start(client, {"context": {"screen": "property", "uprn": "990000000101"},
                                  "text": "My grey bin was missed today."}, resident.auth)
    say(client, conversation, "It is still full.", headers=resident.auth)
    r = client.get(f"/v1/staff/conversations/{conversation['id']}/report-draft", officer.auth)
    assert r.status_code == 200, r.body
    draft = r.json_body
    # The question says "bin" and "missed": missed_bin's words; a litter bin's "bin" and "full" (said later) lose.
    assert draft["service_code"] == "missed_bin" and set(draft["matched_words"]) >= {"bin", "miss"}
    assert draft["place"] == {"lat": 53.9558, "lon": -1.0884, "uprn": "990000000101",
                              "address": "1 Micklegate, York", "from": "property"}
    assert draft["description"] == "My grey bin was missed today. It is still full."
    # "grey" names one bin only; "today" is the day it was asked; the address is the property's.
    assert draft["fields"] == {"stream": "refuse", "collection_date": "2027-03-01", "address": "1 Micklegate, York"}
    # What the draft says is what POST .../report takes.
    desk(client, officer, conversation["id"], "take")
    body = {"service_code": draft["service_code"], "lat": draft["place"]["lat"], "lon": draft["place"]["lon"],
            "uprn": draft["place"]["uprn"], "description": draft["description"], "fields": draft["fields"]}
    assert desk(client, officer, conversation["id"], "report", body).status_code == 201


def test_a_report_draft_without_a_property_is_placed_at_the_report_asked_about(client, people, open_desk):
    from conftest import pothole
    officer = people("staff")
    rid = client.post("/v1/reports", pothole()).json_body["id"]
    conversation = start(client, {**ANON, "context": {"screen": "report", "report_id": rid},
                                  "text": "Is anyone coming about this?"})
    draft = client.get(f"/v1/staff/conversations/{conversation['id']}/report-draft", officer.auth).json_body
    assert draft["service_code"] is None and draft["fields"] == {}  # no category's words were said
    assert draft["place"]["from"] == "report" and draft["place"]["report_id"] == rid
    assert client.get(f"/v1/staff/conversations/{conversation['id']}/report-draft",
                      people().auth).status_code == 403
