"""A resident nobody has answered yet: their place in the queue and a wait
expected from how long recent residents waited (this hour and the last, not
older); after the configured time the offer of an answer by e-mail or a
phone call; the choice said in the conversation and seen at the desk; an
answer then goes to their inbox in its own words; and ending the chat."""
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from support.chat_support import ANON, desk, messages, start

LONDON = ZoneInfo("Europe/London")
# 10:58 on a Monday: answers taken at 09:xx count (the hour before), those at 08:xx do not.
MONDAY_0830 = datetime(2027, 3, 1, 8, 30, tzinfo=LONDON)


@pytest.fixture
def clock(monkeypatch):
    import time_machine
    monkeypatch.setenv("DOORSTEP_CHAT_HOURS", "Mon-Fri 08:00-17:00")  # open from 08:00, so no closed notice
    with time_machine.travel(MONDAY_0830, tick=False) as traveller:
        yield traveller


def read(client, conversation, headers=None):
    token = conversation.get("token")
    r = client.get(f"/v1/conversations/{conversation['id']}" + (f"?token={token}" if token else ""), headers)
    assert r.status_code == 200, r.body
    return r.json_body


def choose(client, conversation, body):
    token = conversation.get("token")
    return client.post(f"/v1/conversations/{conversation['id']}/choice" + (f"?token={token}" if token else ""), body)


def answered_after(client, people, clock, waited_s):
    conversation = start(client, {**ANON, "text": f"Waited {waited_s} s"})
    clock.shift(timedelta(seconds=waited_s))
    officer = people("staff")  # signed in now: an access token lasts minutes, not the hour waited
    assert desk(client, officer, conversation["id"], "take").status_code == 200
    assert desk(client, officer, conversation["id"], "close").status_code == 200


def test_a_waiting_resident_sees_their_place_and_a_wait_from_the_last_two_hours_of_answers(
        client, people, clock, monkeypatch):
    answered_after(client, people, clock, 3600)  # taken at 09:30 (09:xx): counts at 10:58
    clock.move_to(datetime(2027, 3, 1, 8, 40, tzinfo=LONDON))
    answered_after(client, people, clock, 60)  # taken at 08:41: too old by then
    clock.move_to(datetime(2027, 3, 1, 10, 55, tzinfo=LONDON))
    answered_after(client, people, clock, 120)  # taken at 10:57: counts
    officer = people("staff")
    first = start(client, {**ANON, "text": "First in the queue"})
    assert first["queue"]["place"] == 1
    clock.shift(timedelta(seconds=60))
    second = start(client, {**ANON, "text": "Second in the queue"})
    seen = read(client, second)["queue"]
    # Recent residents waited (3600 + 120) / 2 = 1860 s; second in the queue: about two of those.
    assert seen["place"] == 2 and seen["wait_s"] == 3720 and seen["waited_s"] == 0
    clock.shift(timedelta(seconds=60))
    assert read(client, second)["queue"]["wait_s"] == 3660  # less what they have waited
    assert desk(client, officer, first["id"], "take").status_code == 200
    assert read(client, second)["queue"]["place"] == 1
    assert read(client, first)["queue"] is None  # taken: no longer queueing


def test_with_no_answers_lately_the_wait_is_not_guessed(client, clock):
    conversation = start(client, {**ANON, "context": {"screen": "home"}})
    queue = read(client, conversation)["queue"]
    assert queue["place"] == 1 and queue["wait_s"] is None


def test_after_the_set_time_the_resident_is_offered_e_mail_or_a_call_and_the_desk_sees_it(
        client, deps, people, clock, monkeypatch):
    from support.questionnaire_support import mails_to
    monkeypatch.setenv("DOORSTEP_CHAT_OFFER_AFTER_S", "120")
    monkeypatch.setenv("DOORSTEP_CHAT_PHONE", "01904 551550")
    officer = people("staff")
    conversation = start(client)
    clock.shift(timedelta(seconds=119))
    early = read(client, conversation)["queue"]
    assert early["offer"] is None and early["offer_in_s"] == 1
    row = client.get("/v1/staff/conversations", officer.auth).json_body["waiting"][0]
    assert row["offered_at"] is None and row["choice"] is None
    clock.shift(timedelta(seconds=1))
    offer = read(client, conversation)["queue"]["offer"]
    assert offer == {"phone": "01904 551550", "email": "ada@example.org"}
    row = client.get("/v1/staff/conversations", officer.auth).json_body["waiting"][0]
    assert row["offered_at"] == "2027-03-01T08:32:00Z" and row["choice"] is None

    chosen = choose(client, conversation, {"choice": "email"})
    assert chosen.status_code == 200 and chosen.json_body["choice"] == "email"
    assert choose(client, conversation, {"choice": "email"}).status_code == 200  # pressed twice: said once
    said = [m["text"] for m in messages(client, conversation)["messages"] if m["author"] == "system"]
    assert said == ["We will answer your question by email to ada@example.org. You can close this page now."]
    [confirmation] = mails_to("ada@example.org")  # the resident is looking, and is still told by e-mail
    assert "by email to ada@example.org" in confirmation.body
    row = client.get("/v1/staff/conversations", officer.auth).json_body["waiting"][0]
    assert row["choice"] == "email" and row["chosen_at"] == "2027-03-01T08:32:00Z"

    desk(client, officer, conversation["id"], "take")
    staff_view = client.get(f"/v1/conversations/{conversation['id']}", officer.auth).json_body
    assert (staff_view["offered_at"], staff_view["choice"]) == ("2027-03-01T08:32:00Z", "email")
    answer = desk(client, officer, conversation["id"], "answer", {"text": "Your bin will be emptied tomorrow."})
    assert answer.status_code == 201
    mails = mails_to("ada@example.org")
    assert len(mails) == 2 and any("Your bin will be emptied tomorrow." in m.body for m in mails)  # the words


def test_a_resident_known_by_phone_gives_an_address_to_be_answered_by_e_mail(client, clock):
    conversation = start(client, {**{k: v for k, v in ANON.items() if k != "email"}, "phone": "07700 900123"})
    missing = choose(client, conversation, {"choice": "email"})
    assert missing.status_code == 400
    assert missing.json_body["error"]["fields"] == [
        {"field": "email", "message": "Enter an email address in the correct format, like name@example.com"}]
    assert choose(client, conversation, {"choice": "fax"}).status_code == 400
    given = choose(client, conversation, {"choice": "email", "email": "ada@example.org"})
    assert given.status_code == 200 and given.json_body["choice"] == "email"


def test_a_resident_who_chooses_to_call_is_given_the_number_and_stays_in_the_queue(client, people, clock):
    conversation = start(client)
    chosen = choose(client, conversation, {"choice": "phone"})
    assert chosen.status_code == 200 and chosen.json_body["state"] == "waiting"
    [said] = [m["text"] for m in messages(client, conversation)["messages"] if m["author"] == "system"]
    assert said.startswith("You can call us on 01904 551550")
    row = client.get("/v1/staff/conversations", people("staff").auth).json_body["waiting"][0]
    assert row["choice"] == "phone"


def test_a_resident_ends_the_chat_and_it_leaves_the_queue(client, deps, people, clock):
    conversation = start(client)
    ended = choose(client, conversation, {"choice": "end"})
    assert ended.status_code == 200 and ended.json_body["state"] == "closed"
    assert choose(client, conversation, {"choice": "end"}).status_code == 200  # pressed twice
    assert client.get("/v1/staff/conversations", people("staff").auth).json_body["waiting"] == []
    assert deps.conversations.get(conversation["id"]).closed_by == "resident"
    texts = [m["text"] for m in messages(client, conversation)["messages"]]
    assert texts.count("You ended the conversation.") == 1
    assert choose(client, conversation, {"choice": "phone"}).status_code == 409
    token = conversation["token"]
    rated = client.post(f"/v1/conversations/{conversation['id']}/rating?token={token}", {"rating": 4})
    assert rated.status_code == 200


def test_only_the_resident_chooses(client, people, clock):
    conversation = start(client)
    r = client.post(f"/v1/conversations/{conversation['id']}/choice", {"choice": "end"}, people("staff").auth)
    assert r.status_code == 409


def test_a_waiting_resident_s_read_costs_a_key_read_a_count_of_those_ahead_and_two_small_items(
        clock, client, deps, people):  # the clock first: its hours are the settings deps reads
    """The place reads those ahead (here 3), the wait two hour items: no scan, however long the day."""
    from chalicelib.handlers.conversations import resident
    from chalicelib.storage.metering import metered
    for n in range(3):  # three residents with accounts ask first
        start(client, {"text": f"Question {n}"}, people().auth)
        clock.shift(timedelta(seconds=5))
    last = start(client)
    clock.shift(timedelta(seconds=30))
    with metered() as meter:
        view = resident.read(deps, last["id"], last["token"])
    assert view["queue"]["place"] == 4
    assert meter.operations == ["GetItem", "Query", "BatchGetItem"], meter.operations
    assert meter.items == 1 + 3  # the conversation and the three ahead (the hour items are not stored yet)


def test_while_the_desk_is_closed_the_other_ways_are_offered_at_once_and_the_opening_is_said_one_way(
        client, monkeypatch):
    import time_machine
    monkeypatch.setenv("DOORSTEP_CHAT_HOURS", "Mon-Fri 08:00-17:00")
    tuesday_night = datetime(2026, 11, 24, 22, 0, tzinfo=LONDON)  # opens Wednesday 25 November at 08:00
    with time_machine.travel(tuesday_night, tick=False):
        conversation = start(client, {**ANON, "text": "Asked at night"})
        seen = read(client, conversation)
    assert seen["queue"]["offer_in_s"] == 0 and seen["queue"]["offer"] is not None  # not after minutes of nobody
    assert seen["desk"]["answer_from_text"] == "Wednesday at 08:00"
    said = " ".join(m["text"] for m in messages(client, conversation)["messages"])
    assert "from Wednesday at 08:00" in said  # the desk's message and the screen say the moment alike
