"""Live questions over live chat's own WebSocket API (the local stack's,
speaking as API Gateway's, the app's Lambda entry points behind it): anyone
may watch a meeting, an approved question reaches every screen watching at
once and a rejected one never, the moderators' screens are nudged (staff
only), a reconnecting screen reads what shows, and a chat's screens hear
nothing of the meeting. A decision's frame follows from its event."""
import json
from urllib.parse import urlencode

import pytest
from support.effects_support import dies_after_commit, run_stream  # noqa: F401
from tests.conversations.test_live_sockets import sockets  # noqa: F401
from tests.participation.test_live_questions import DESK, ask, decide, live  # noqa: F401

from support.participation_support import APPLICATION, PLANNING_MEETING


def _watch(sockets, **params):
    from websockets.sync.client import connect
    return connect(f"{sockets.url}/?{urlencode({'meeting': PLANNING_MEETING, 'council': 'localhost', **params})}", open_timeout=10)


def _frame(socket, timeout=10):
    return json.loads(socket.recv(timeout=timeout))


def _silent(socket):
    with pytest.raises(TimeoutError):
        socket.recv(timeout=0.3)


def test_an_approved_question_reaches_every_screen_watching_and_a_rejected_one_none(client, live, people, sockets):
    kept = ask(client, people(), "Will the 40 homes have parking?").json_body
    dropped = ask(client, people(), "Why is the chair so useless?").json_body
    with _watch(sockets) as chair, _watch(sockets) as phone, \
            _watch(sockets, access_token=people().tokens["access_token"]) as signed_in:
        assert decide(client, live, dropped, "reject").status_code == 200
        assert decide(client, live, kept, "approve").status_code == 200
        for screen in (chair, phone, signed_in):
            frame = _frame(screen)  # the approval: the rejection sent nothing to them
            assert frame["type"] == "live_question" and frame["meeting_id"] == PLANNING_MEETING
            assert (frame["question"]["id"], frame["question"]["status"], frame["question"]["question"],
                    frame["question"]["asked_by"]) == (kept["id"], "approved", "Will the 40 homes have parking?",
                                                       "A resident")
        assert decide(client, live, kept, "answered", version=2).status_code == 200
        assert [_frame(s)["question"]["status"] for s in (chair, phone)] == ["answered", "answered"]
        assert "useless" not in json.dumps(_frame(signed_in))


def test_a_question_taken_off_the_screens_is_sent_without_its_words(client, live, people, sockets):
    made = ask(client, people(), "A question approved by mistake").json_body
    with _watch(sockets) as chair:
        assert decide(client, live, made, "approve").status_code == 200
        assert _frame(chair)["question"]["status"] == "approved"
        assert decide(client, live, made, "reject", version=2).status_code == 200
        off = _frame(chair)["question"]
        assert (off["id"], off["status"], off["question"], off["asked_by"]) == (made["id"], "withdrawn", None, None)


def test_the_moderators_screens_are_nudged_and_only_staff_may_open_one(client, live, people, sockets):
    from websockets.exceptions import InvalidStatus
    for credentials, status in (({}, 401), ({"access_token": people().tokens["access_token"]}, 403)):
        with pytest.raises(InvalidStatus) as refused:
            _watch(sockets, desk="live", **credentials)
        assert refused.value.response.status_code == status
    with pytest.raises(InvalidStatus) as nowhere:
        _watch(sockets, meeting="9999")
    assert nowhere.value.response.status_code == 404
    with _watch(sockets, desk="live", access_token=live.tokens["access_token"]) as desk, _watch(sockets) as phone:
        made = ask(client, people()).json_body  # a new question waits: the desk reads its list
        assert _frame(desk) == {"type": "live_queue", "meeting_id": PLANNING_MEETING}
        _silent(phone)  # not approved: nothing for those watching
        listed = client.get(DESK, live.auth).json_body["questions"]
        assert [(q["id"], q["status"]) for q in listed] == [(made["id"], "waiting")]
        assert decide(client, live, made, "approve").status_code == 200  # another officer's screen is told too
        assert _frame(desk) == {"type": "live_queue", "meeting_id": PLANNING_MEETING}
        desk.send(json.dumps({"action": "since"}))
        assert _frame(desk) == {"type": "live_queue", "meeting_id": PLANNING_MEETING}


def test_a_reconnecting_screen_reads_what_shows_and_keep_alives_are_answered(client, live, people, sockets):
    made = ask(client, people()).json_body
    assert decide(client, live, made, "approve").status_code == 200
    with _watch(sockets) as phone:
        phone.send(json.dumps({"action": "ping"}))
        assert _frame(phone) == {"type": "pong"}
        phone.send(json.dumps({"action": "since"}))
        now = _frame(phone)
        assert (now["type"], now["now_on"], now["live"]) == ("live_questions", APPLICATION, True)
        assert [q["id"] for q in now["questions"]] == [made["id"]]


def test_a_chats_screens_hear_nothing_of_a_meeting(client, live, people, sockets):
    from support.chat_support import start
    from websockets.sync.client import connect
    conversation = start(client)
    query = urlencode({"conversation": conversation["id"], "token": conversation["token"], "council": "localhost"})
    with connect(f"{sockets.url}/?{query}", open_timeout=10) as chat, _watch(sockets) as phone:
        made = ask(client, people()).json_body
        assert decide(client, live, made, "approve").status_code == 200
        assert _frame(phone)["question"]["id"] == made["id"]
        _silent(chat)


def test_a_decision_whose_request_stopped_after_its_commit_reaches_the_screens_from_its_event(
        client, live, people, sockets, deps, dies_after_commit):
    from chalicelib.config import settings
    made = ask(client, people()).json_body
    with _watch(sockets) as phone:
        dies_after_commit()
        assert decide(client, live, made, "approve").status_code == 200
        _silent(phone)
        deps.settings = settings()  # the worker's, from the stack's environment (the socket's endpoint)
        assert run_stream(deps, "live_question_decided") == []
        assert _frame(phone)["question"]["id"] == made["id"]
        assert run_stream(deps, "live_question_decided") == []  # the stream again: claimed, no second frame
        _silent(phone)


def test_many_screens_are_posted_to_at_once_and_the_gone_ones_forgotten(client, live, people, sockets, deps):
    from contextlib import ExitStack
    from chalicelib.handlers.participation.live import watchers
    from chalicelib.notify.sockets import SERIAL_UP_TO
    made = ask(client, people()).json_body
    ghosts = [f"GhostConnId{n}=" for n in range(3)]  # phones that lost signal: their close never heard
    for ghost in ghosts:
        deps.sockets.open(ghost, watchers(PLANNING_MEETING), "resident", deps.clock())
    with ExitStack() as held:
        screens = [held.enter_context(_watch(sockets)) for _ in range(SERIAL_UP_TO + 4)]  # past the one-by-one
        assert decide(client, live, made, "approve").status_code == 200
        assert {_frame(s)["question"]["id"] for s in screens} == {made["id"]}
        left = {c for c, _ in deps.sockets.connections(watchers(PLANNING_MEETING), deps.clock())}
        assert len(left) == len(screens) and not left & set(ghosts)
