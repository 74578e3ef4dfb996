"""Afterwards: a rating feeds /v1/stats once; the transcript is in My
Account's export and gone with the erase; an officer's answer reaches a
resident whose app is closed by e-mail (and push), and not one who is looking."""
from datetime import timedelta

import pytest

from support.chat_support import desk, messages, open_desk, say, start  # noqa: F401


def test_a_rating_at_the_end_feeds_the_public_figures_once(client, people, open_desk):
    officer = people("staff")
    conversation = start(client)
    desk(client, officer, conversation["id"], "take")
    desk(client, officer, conversation["id"], "close")
    path = f"/v1/conversations/{conversation['id']}/rating?token={conversation['token']}"
    assert client.get("/v1/stats").json_body["chat"] is None
    for _ in range(2):  # the same answer sent again on a bad signal
        assert client.post(path, {"rating": 4}).status_code == 200
    chat = client.get("/v1/stats").json_body["chat"]
    assert (chat["responses"], chat["average"], chat["by_rating"]["4"]) == (1, 4.0, 1)


def test_the_transcript_is_in_the_export_and_gone_with_the_erase(client, deps, people, open_desk):
    resident, officer = people(), people("staff")
    conversation = start(client, {"text": "When is my bin day?", "context": {"screen": "home"}}, resident.auth)
    desk(client, officer, conversation["id"], "take")
    desk(client, officer, conversation["id"], "answer", {"text": "Tuesdays."})
    exported = client.get("/v1/me/export", resident.auth).json_body["conversations"]
    assert [m["text"] for m in exported[0]["messages"] if m["author"] != "system"] == ["When is my bin day?",
                                                                                        "Tuesdays."]
    assert client.raw.http.delete("/v1/me", headers=resident.auth).status_code == 204
    assert deps.conversations.get(conversation["id"]) is None
    assert deps.conversations.messages(conversation["id"]) == []
    assert deps.conversations.officer_load(officer.user.id) == 0  # the officer's place is free again


def test_an_erased_resident_leaves_no_photo_of_their_chats_in_the_bucket(client, deps, people, open_desk):
    """DELETE /v1/me took the chats' messages and left the photos they carried in S3 (photo cleaned on
    the way in: the bucket held the person's picture with no message left to find it by)."""
    from api.test_photos_api import upload
    from conftest import jpeg_with_gps
    resident = people()
    body = {"text": "This is the bin.", "photos": [upload(client, jpeg_with_gps(), headers=resident.auth)],
            "context": {"screen": "home"}}
    conversation = start(client, body, resident.auth)
    name = messages(client, conversation, headers=resident.auth)["messages"][0]["photos"][0]["url"]
    name = name.split("?")[0].rsplit("/", 1)[1]
    assert _in_bucket(deps, name)
    assert client.raw.http.delete("/v1/me", headers=resident.auth).status_code == 204
    assert deps.conversations.get(conversation["id"]) is None
    assert not _in_bucket(deps, name)


def _in_bucket(deps, name):
    """Whether the photo lies anywhere among the council's files (photos/, chat-photos/...)."""
    from chalicelib import tenancy
    listed = deps.blobs.client.list_objects_v2(Bucket=deps.blobs.bucket).get("Contents", ())
    return any(item["Key"].endswith(f"/{tenancy.current()}/{name}") for item in listed)


def test_an_answer_reaches_a_resident_whose_app_is_closed_by_email_not_one_who_is_looking(client, deps, people,
                                                                                           open_desk):
    from chalicelib.handlers.conversations.notices import tell_resident
    from support.questionnaire_support import mails_to
    officer = people("staff")
    conversation = start(client)
    messages(client, conversation)  # the resident's app polls: they are looking
    desk(client, officer, conversation["id"], "take")
    desk(client, officer, conversation["id"], "answer", {"text": "Looking into it."})
    assert mails_to("ada@example.org") == []
    later = open_desk + timedelta(minutes=5)  # the app was closed since
    stored = deps.conversations.get(conversation["id"])
    import dataclasses
    sent = tell_resident(dataclasses.replace(deps, clock=lambda: later), stored)
    assert sent == [("email", "sent")]
    mail = mails_to("ada@example.org")[0]
    assert conversation["id"] in mail.body and "Looking into it." not in mail.body  # a link, never the words


@pytest.fixture
def test_stage(storage):
    """The test client under the "test" stage, whose push endpoints may be the
    local push service (the default "dev" stage refuses them, as a deployed one must)."""
    from chalice.test import Client
    from app import app
    from conftest import Api
    with Client(app, stage_name="test") as c:
        yield Api(c)


def test_an_answer_reaches_a_closed_app_by_web_push_without_the_words(test_stage, deps, people, open_desk):
    client = test_stage
    import json
    from chalicelib.handlers.conversations.notices import tell_resident
    from chalicelib.notify.vapid import public_key
    from support.push_service import PushService
    officer = people("staff")
    with PushService() as service:
        phone = service.subscribe(application_server_key=public_key())
        conversation = start(client, {"name": "Ada Resident", "email": "ada.push@example.org",
                                      "push_subscription": phone.subscription, "text": "Hello"})
        desk(client, officer, conversation["id"], "take")
        desk(client, officer, conversation["id"], "answer", {"text": "The crew returns tomorrow."})
        # Never polled since it started: the resident is not looking, so the answer was pushed.
        assert len(service.received) == 1
        payload = service.received[0].payload
        assert conversation["id"] in payload["url"] and "tomorrow" not in json.dumps(payload)
        messages(client, conversation)  # now the app is open and polling
        assert tell_resident(deps, deps.conversations.get(conversation["id"])) == []
