"""A message's frame to the screens open on it follows from the event written
with the message (live.on_message): a request that stops after its commit
leaves the event, and the stream's job posts the frame, once however often
the job runs (its claim), while the screen shows a seq once anyway."""
import pytest
from support.chat_support import desk, open_desk, start  # noqa: F401
from support.effects_support import dies_after_commit, run_stream  # noqa: F401
from tests.conversations.test_live_sockets import _frame, _open, sockets  # noqa: F401


def _events_of(conversation_id):
    from chalicelib.storage.alerts.alerts import event_from_image
    from chalicelib.storage.reports.reports import EventModel
    return [e for e in (event_from_image(m.serialize()) for m in EventModel.scan())
            if (e.payload or {}).get("conversation_id") == conversation_id]


def test_an_answer_whose_request_stopped_after_its_commit_reaches_the_open_screen_from_its_event(
        client, sockets, people, deps, open_desk, dies_after_commit):
    from chalicelib.config import settings
    conversation, officer = start(client), people("staff")
    assert desk(client, officer, conversation["id"], "take").status_code == 200
    with _open(sockets, conversation["id"], token=conversation["token"]) as phone:
        dies_after_commit()
        answer = desk(client, officer, conversation["id"], "answer", {"text": "Which street?"}, key="answer-0001")
        assert answer.status_code == 201
        with pytest.raises(TimeoutError):
            phone.recv(timeout=0.5)
        deps.settings = settings()  # the worker's, from the stack's environment (the socket's endpoint)
        assert run_stream(deps, "chat_message", "chat_notice") == []
        frame = _frame(phone)
        assert (frame["type"], frame["message"]["seq"], frame["message"]["text"]) == (
            "message", answer.json_body["seq"], "Which street?")
        assert run_stream(deps, "chat_message", "chat_notice") == []  # the stream again: claimed, no frame
        with pytest.raises(TimeoutError):
            phone.recv(timeout=0.5)


def test_every_message_writes_one_event_its_frame_follows_from(client, people, open_desk):
    conversation, officer = start(client), people("staff")
    assert desk(client, officer, conversation["id"], "take").status_code == 200
    assert desk(client, officer, conversation["id"], "answer", {"text": "Which street?"}).status_code == 201
    kinds = sorted((e.payload["seq"], e.kind) for e in _events_of(conversation["id"]))
    # The question, the officer joining (system), the answer (told to a resident not looking too).
    assert kinds == [(1, "chat_message"), (2, "chat_message"), (3, "chat_notice")]
