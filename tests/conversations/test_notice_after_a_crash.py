"""An officer's answer is written with its `chat_notice` event: if the
process dies after the answer is stored and before the resident is told,
the stream tells them, once however often it runs, with the same Message-ID."""
from support.chat_support import desk, open_desk, start  # noqa: F401
from support.effects_support import dies_after_commit, events_of_kind, run_stream  # noqa: F401


def test_an_answer_reaches_a_resident_not_looking_once_when_the_process_dies_after_it_is_stored(
        client, deps, people, open_desk, dies_after_commit):
    from support.questionnaire_support import mails_to
    officer = people("staff")
    conversation = start(client)
    desk(client, officer, conversation["id"], "take")
    dies_after_commit()
    answered = desk(client, officer, conversation["id"], "answer", {"text": "Looking into it."})
    assert answered.status_code == 201, answered.body
    assert mails_to("ada@example.org") == []
    [notice] = events_of_kind("chat_notice")
    assert notice.payload == {"conversation_id": conversation["id"], "seq": answered.json_body["seq"]}
    run_stream(deps, "chat_notice")
    run_stream(deps, "chat_notice")
    mail = mails_to("ada@example.org")
    assert len(mail) == 1 and conversation["id"] in mail[0].body and "Looking into it." not in mail[0].body


def test_the_close_reaches_a_resident_not_looking_once_when_the_process_dies_after_it(
        client, deps, people, open_desk, dies_after_commit):
    from support.questionnaire_support import mails_to
    officer = people("staff")
    conversation = start(client)
    desk(client, officer, conversation["id"], "take")
    dies_after_commit()
    assert desk(client, officer, conversation["id"], "close").status_code == 200
    assert mails_to("ada@example.org") == []
    assert run_stream(deps, "chat_notice") == [] and run_stream(deps, "chat_notice") == []
    assert len(mails_to("ada@example.org")) == 1


def test_the_same_notice_sent_again_carries_the_same_message_id():
    from chalicelib.notify.email import mime
    from datetime import datetime, timezone
    now = datetime(2027, 3, 1, 10, tzinfo=timezone.utc)

    def message_id(key, to="ada@example.org"):
        raw = mime("council@example.org", to, "s", "t", "<p>t</p>", {}, now, key).decode()
        return next(line for line in raw.splitlines() if line.startswith("Message-ID:"))
    assert message_id("chat-CV-1-3") == message_id("chat-CV-1-3")
    assert message_id("chat-CV-1-3").endswith("@example.org>")
    assert message_id("chat-CV-1-3") != message_id("chat-CV-1-4") != message_id("chat-CV-1-3", "bo@example.org")
    assert message_id(None) != message_id(None)  # no key: a fresh one each time
