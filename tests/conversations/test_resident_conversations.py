"""A resident asks the council from any screen: signed in or with a name and
an e-mail or phone, carrying where they were; the conversation opens with
their account or its token, messages come after a cursor, a message sent
twice on a bad signal appears once, and outside the desk's hours they are
told when an answer will come."""
from chalicelib import ids
from support.chat_support import ANON, closed_desk, messages, open_desk, say, start  # noqa: F401


def test_an_anonymous_resident_starts_a_conversation_and_opens_it_only_with_its_token(client, deps, open_desk):
    conversation = start(client)
    token = conversation["token"]
    assert conversation["state"] == "waiting" and conversation["context"] == ANON["context"]
    assert deps.conversations.get(conversation["id"]).token_hash == ids.digest(token)  # only its hash is kept
    assert client.get(f"/v1/conversations/{conversation['id']}").status_code == 404
    assert client.get(f"/v1/conversations/{conversation['id']}?token=wrong").status_code == 403
    again = client.get(f"/v1/conversations/{conversation['id']}?token={token}")
    assert again.status_code == 200 and "token" not in again.json_body
    assert [m["text"] for m in messages(client, conversation)["messages"]] == [ANON["text"]]


def test_an_anonymous_resident_must_give_a_name_and_a_way_to_answer(client, open_desk):
    r = client.post("/v1/conversations", {"text": "Hello"})
    assert r.status_code == 422
    assert r.json_body["error"]["fields"] == [
        {"field": "name", "message": "Enter your name, or sign in"},
        {"field": "email", "message": "Enter an email address or a phone number so we can answer, or sign in"}]
    blank = client.post("/v1/conversations", {"text": " ", "name": "Ada"})
    assert blank.json_body["error"]["fields"] == [{"field": "text", "message": "Enter your message"}]


def test_a_signed_in_resident_needs_nothing_more_and_nobody_else_can_open_it(client, people, open_desk):
    resident, neighbour = people(), people()
    conversation = start(client, {"context": {"screen": "report", "report_id": "ds-7k3f9q"}}, resident.auth)
    assert conversation["token"] is None and conversation["context"]["report_id"] == "DS-7K3F9Q"
    assert client.get(f"/v1/conversations/{conversation['id']}", resident.auth).status_code == 200
    assert client.get(f"/v1/conversations/{conversation['id']}", neighbour.auth).status_code == 404
    mine = client.get("/v1/me/conversations", resident.auth).json_body["conversations"]
    assert [c["id"] for c in mine] == [conversation["id"]]


def test_a_message_sent_twice_with_one_key_appears_once(client, open_desk):
    conversation = start(client)
    first = say(client, conversation, "It is the green bin.", key="retry-on-a-bad-signal-1")
    second = say(client, conversation, "It is the green bin.", key="retry-on-a-bad-signal-1")
    assert (first.status_code, second.status_code) == (201, 201)
    assert second.headers.get("Idempotent-Replayed") == "true" and first.json_body == second.json_body
    texts = [m["text"] for m in messages(client, conversation)["messages"]]
    assert texts == [ANON["text"], "It is the green bin."]
    assert say(client, conversation, "Something else", key="retry-on-a-bad-signal-1").status_code == 422


def test_messages_after_a_cursor_are_only_the_new_ones_in_order(client, open_desk):
    conversation = start(client)
    first = messages(client, conversation)
    assert first["cursor"] == 1
    for text in ("two", "three"):
        say(client, conversation, text)
    later = messages(client, conversation, after=first["cursor"])
    assert [(m["seq"], m["text"]) for m in later["messages"]] == [(2, "two"), (3, "three")]
    assert messages(client, conversation, after=later["cursor"])["messages"] == []
    bad = client.get(f"/v1/conversations/{conversation['id']}/messages?after=x&token={conversation['token']}")
    assert bad.status_code == 400


def test_a_message_longer_than_the_limit_is_refused_with_its_field(client, open_desk):
    conversation = start(client)
    r = say(client, conversation, "x" * 2001)
    assert r.status_code == 400 and r.json_body["error"]["fields"][0]["field"] == "text"


def test_outside_opening_hours_the_resident_is_told_when_an_answer_will_come(client, closed_desk):
    conversation = start(client)
    assert conversation["desk"]["open"] is False and conversation["desk"]["answer_from"].startswith("2027-03-08T09:00")
    notice = messages(client, conversation)["messages"][-1]
    assert notice["author"] == "system" and "Monday at 09:00" in notice["text"] and "email" in notice["text"]


def test_a_client_starting_conversations_without_end_meets_429(client, open_desk):
    codes = [client.post("/v1/conversations", {**ANON, "text": f"Question {n}"}).status_code for n in range(4)]
    assert codes == [201, 201, 201, 429]


def test_a_photo_sent_in_a_message_is_kept_without_its_gps_location(client, open_desk):
    import io
    from PIL import Image
    from api.test_photos_api import upload
    from chalicelib.storage.blobs import BlobStore
    from conftest import jpeg_with_gps
    conversation = start(client)
    upload_id = upload(client, jpeg_with_gps())
    r = client.post(f"/v1/conversations/{conversation['id']}/messages?token={conversation['token']}",
                    {"text": "This is the bin.", "photos": [upload_id]})
    assert r.status_code == 201, r.body
    name = r.json_body["photos"][0]["url"].split("?")[0].rsplit("/", 1)[1]
    cleaned = Image.open(io.BytesIO(BlobStore().read("chat-photos/" + name)))
    assert not cleaned.getexif().get_ifd(0x8825)
    too_many = client.post(f"/v1/conversations/{conversation['id']}/messages?token={conversation['token']}",
                           {"text": "More", "photos": [upload_id] * 4})
    assert too_many.status_code == 400


def test_a_chats_photo_lies_apart_from_reports_photos_and_only_its_chat_link_opens_it(client, open_desk):
    """Under chat-photos/, never photos/ (what deletes a chat's photos may then delete no report's): its
    signed link says `of=chat` and redirects there; the same name without it, a plain link, or a report
    photo's signature with `of=chat` added open nothing."""
    from urllib.parse import parse_qs, urlsplit
    from api.test_photos_api import upload
    from chalicelib.storage.blobs import BlobStore
    from conftest import jpeg_with_gps
    conversation = start(client)
    r = client.post(f"/v1/conversations/{conversation['id']}/messages?token={conversation['token']}",
                    {"text": "This is the bin.", "photos": [upload(client, jpeg_with_gps())]})
    assert r.status_code == 201, r.body
    url = urlsplit(r.json_body["photos"][0]["url"])
    name, query = url.path.rsplit("/", 1)[1], parse_qs(url.query)
    store = BlobStore()
    assert store.keys("chat-photos/") == ["chat-photos/" + name] and "photos/" + name not in store.keys("photos/")
    opened = client.get(f"{url.path}?{url.query}")
    assert opened.status_code == 302 and f"/chat-photos/york/{name}" in opened.headers["Location"]
    exp, sig = query["exp"][0], query["sig"][0]
    for other in (f"exp={exp}&sig={sig}", "", f"of=elsewhere&exp={exp}&sig={sig}"):
        assert client.get(f"{url.path}?{other}").status_code == 404, other
