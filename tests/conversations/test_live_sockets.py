"""Live both ways: the app's own WebSocket functions (as Lambda runs them),
served by the local stack's WebSocket API over real sockets, and messages
posted back through the management API as API Gateway's: a socket opens only
for whoever may read the conversation, every message stored reaches every
screen open on it at once, a reconnecting screen resumes from its cursor, and
a connection that is gone is forgotten."""
import json
from urllib.parse import urlencode

import pytest
from support.chat_support import desk, open_desk, say, start  # noqa: F401


@pytest.fixture
def sockets(client, monkeypatch):
    from app import app
    from doorstep_cli.local.sockets import LocalSockets, lambda_entries
    served = LocalSockets(lambda_entries(app)).start()
    monkeypatch.setenv("DOORSTEP_SOCKET_URL", served.url)
    monkeypatch.setenv("DOORSTEP_SOCKET_ENDPOINT", served.api_url)
    yield served
    served.close()


# Each wait is for the frame or the handshake it needs, so a generous limit costs nothing when all is well:
# 10 s ran out for a pong at a load average of 20 on two cores (a clean clone's run beside other work).
WAIT_S = 60


def _open(sockets, conversation_id, **credentials):
    from websockets.sync.client import connect
    return connect(f"{sockets.url}/?{urlencode({'conversation': conversation_id, 'council': 'localhost', **credentials})}",
                   open_timeout=WAIT_S)


def _frame(socket):
    return json.loads(socket.recv(timeout=WAIT_S))


def _refused(sockets, conversation_id, **credentials):
    from websockets.exceptions import InvalidStatus
    with pytest.raises(InvalidStatus) as refused:
        _open(sockets, conversation_id, **credentials)
    return refused.value.response.status_code


def test_a_socket_opens_for_the_conversations_token_or_staff_and_for_nobody_else(
        client, sockets, people, deps, open_desk):
    conversation = start(client)
    stranger = people("resident")
    assert _refused(sockets, conversation["id"], token="not-the-token") == 403
    assert _refused(sockets, conversation["id"]) == 404  # its existence is as private as its words
    assert _refused(sockets, conversation["id"], access_token=stranger.tokens["access_token"]) == 404
    assert _refused(sockets, conversation["id"], access_token="forged") == 401
    assert _refused(sockets, "CV-0000000000000000", token=conversation["token"]) == 404
    assert deps.sockets.connections(conversation["id"], deps.clock()) == []
    officer = people("staff")
    with _open(sockets, conversation["id"], token=conversation["token"]), \
            _open(sockets, conversation["id"], access_token=officer.tokens["access_token"]):
        assert sorted(side for _, side in deps.sockets.connections(conversation["id"], deps.clock())) == [
            "resident", "staff"]
    # Closed by the client: $disconnect forgets both (the server hears the close a moment later).
    _until(lambda: deps.sockets.connections(conversation["id"], deps.clock()) == [])


def test_every_message_stored_reaches_every_screen_open_on_its_conversation_and_no_other(
        client, sockets, people, open_desk):
    conversation, other = start(client), start(client)
    officer = people("staff")
    assert desk(client, officer, conversation["id"], "take").status_code == 200
    with _open(sockets, conversation["id"], token=conversation["token"]) as phone, \
            _open(sockets, conversation["id"], access_token=officer.tokens["access_token"]) as office, \
            _open(sockets, other["id"], token=other["token"]) as elsewhere:
        answer = desk(client, officer, conversation["id"], "answer", {"text": "Which street?"}, key="answer-0001")
        assert answer.status_code == 201
        for screen in (phone, office):
            frame = _frame(screen)
            assert frame["type"] == "message" and frame["state"] == "taken"
            assert frame["message"]["seq"] == answer.json_body["seq"] and frame["message"]["text"] == "Which street?"
        assert say(client, conversation, "Micklegate.", key="resident-0001").status_code == 201
        assert [_frame(s)["message"]["text"] for s in (phone, office)] == ["Micklegate.", "Micklegate."]
        # The other conversation's screen heard nothing of these: its first frame is its own message.
        assert say(client, other, "And mine?", key="other-00001").status_code == 201
        assert _frame(elsewhere)["message"]["text"] == "And mine?"
        # Sent twice on a bad signal: stored once, so pushed once (the next frame is the close's).
        assert say(client, conversation, "Micklegate.", key="resident-0001").status_code in (200, 201)
        assert desk(client, officer, conversation["id"], "close").status_code == 200
        closing = _frame(phone)
        assert closing["type"] == "message" and closing["message"]["author"] == "system"
        assert _frame(phone) == {"type": "state", "conversation_id": conversation["id"], "state": "closed"}


def test_a_reconnecting_screen_resumes_from_its_cursor_and_keep_alives_are_answered(client, sockets, open_desk):
    conversation = start(client)  # message 1: the question
    for n, text in enumerate(("Still there?", "Hello?"), start=1):
        assert say(client, conversation, text, key=f"resident-000{n}").status_code == 201
    with _open(sockets, conversation["id"], token=conversation["token"]) as phone:
        phone.send(json.dumps({"action": "ping"}))
        assert _frame(phone) == {"type": "pong"}
        phone.send(json.dumps({"action": "since", "after": 1}))
        resumed = _frame(phone)
        assert resumed["type"] == "messages" and resumed["cursor"] == 3 and not resumed["more"]
        assert [m["seq"] for m in resumed["messages"]] == [2, 3]
        phone.send(json.dumps({"action": "since", "after": "soon"}))
        assert _frame(phone)["code"] == "validation_failed"
        phone.send("not json")
        assert _frame(phone)["code"] == "unknown_action"


def test_a_connection_api_gateway_says_is_gone_is_forgotten_and_the_message_still_stored(
        client, sockets, deps, open_desk):
    from chalicelib.handlers.conversations import live
    conversation = start(client)
    # A phone that lost its signal: API Gateway never told the disconnect, its rows remain.
    deps.sockets.open("GhostConnId0=", conversation["id"], "resident", deps.clock())
    with _open(sockets, conversation["id"], token=conversation["token"]) as phone:
        assert live.resident_connected(deps, conversation["id"])
        assert say(client, conversation, "Are you there?", key="resident-0001").status_code == 201
        assert _frame(phone)["message"]["text"] == "Are you there?"
        left = deps.sockets.connections(conversation["id"], deps.clock())
        assert [c for c, _ in left if c == "GhostConnId0="] == [] and len(left) == 1
        assert deps.sockets.following("GhostConnId0=", deps.clock()) is None
    stored = client.get(f"/v1/conversations/{conversation['id']}/messages?after=1&token={conversation['token']}")
    assert [m["text"] for m in stored.json_body["messages"]] == ["Are you there?"]


def _until(check, tries=200):
    import threading
    waited = threading.Event()
    for _ in range(tries):
        if check():
            return
        waited.wait(0.05)  # the server's own thread runs $disconnect
    assert check()


def test_a_resident_whose_screen_holds_a_socket_is_not_mailed_the_answer_and_one_who_left_is(
        client, sockets, people, deps, open_desk):
    from support.questionnaire_support import mails_to
    officer = people("staff")
    conversation = start(client)  # never polled: without the socket the answer would be mailed
    assert desk(client, officer, conversation["id"], "take").status_code == 200
    with _open(sockets, conversation["id"], token=conversation["token"]) as phone:
        assert desk(client, officer, conversation["id"], "answer", {"text": "On its way."}).status_code == 201
        assert _frame(phone)["message"]["text"] == "On its way."
        assert mails_to("ada@example.org") == []
    _until(lambda: deps.sockets.connections(conversation["id"], deps.clock()) == [])
    assert desk(client, officer, conversation["id"], "answer", {"text": "Done."}).status_code == 201
    assert len(mails_to("ada@example.org")) == 1


def test_a_conversation_takes_five_sockets_and_a_sixth_is_refused_until_one_goes(client, sockets, deps, open_desk):
    from contextlib import ExitStack
    from chalicelib.handlers.conversations.limits import SOCKETS_MAX
    conversation = start(client)
    token = conversation["token"]
    # Phones that lost their signal: API Gateway never told their disconnects, their rows remain.
    ghosts = [f"GhostConnId{n}=" for n in range(SOCKETS_MAX - 1)]
    for ghost in ghosts:
        deps.sockets.open(ghost, conversation["id"], "resident", deps.clock())
    with ExitStack() as held:
        phone = held.enter_context(_open(sockets, conversation["id"], token=token))  # the fifth
        from websockets.exceptions import InvalidStatus
        with pytest.raises(InvalidStatus) as refused:
            _open(sockets, conversation["id"], token=token)
        assert refused.value.response.status_code == 429
        assert b"open on 5 screens already" in refused.value.response.body
        assert len(deps.sockets.connections(conversation["id"], deps.clock())) == SOCKETS_MAX
        # The next message finds the ghosts gone (410) and forgets them: a new screen is let in.
        assert say(client, conversation, "Anyone?", key="resident-0001").status_code == 201
        assert _frame(phone)["message"]["text"] == "Anyone?"
        second = held.enter_context(_open(sockets, conversation["id"], token=token))
        assert len(deps.sockets.connections(conversation["id"], deps.clock())) == 2
        second.send(json.dumps({"action": "ping"}))
        assert _frame(second) == {"type": "pong"}


def test_the_desk_is_nudged_over_the_socket_when_the_queue_changes_and_only_staff_may_listen(
        client, sockets, people, open_desk):
    officer, resident = people("staff"), people()
    assert client.get("/v1/staff/conversations", officer.auth).json_body["socket_url"] == f"{sockets.url}/?council=localhost"
    from websockets.exceptions import InvalidStatus
    from websockets.sync.client import connect
    for credentials, status in (({}, 401), ({"access_token": resident.tokens["access_token"]}, 403)):
        with pytest.raises(InvalidStatus) as refused:
            connect(f"{sockets.url}/?{urlencode({'desk': 'queue', 'council': 'localhost', **credentials})}", open_timeout=WAIT_S)
        assert refused.value.response.status_code == status
    with connect(f"{sockets.url}/?{urlencode({'desk': 'queue', 'council': 'localhost', 'access_token': officer.tokens['access_token']})}",
                 open_timeout=WAIT_S) as queue:
        conversation = start(client)  # a new question waits
        assert _frame(queue) == {"type": "queue"}
        assert desk(client, officer, conversation["id"], "take").status_code == 200  # taken: off the queue
        assert _frame(queue) == {"type": "queue"}
        assert desk(client, officer, conversation["id"], "close").status_code == 200
        assert _frame(queue) == {"type": "queue"}
        queue.send(json.dumps({"action": "since", "after": 0}))  # after a reconnect: read the queue again
        assert _frame(queue) == {"type": "queue"}
