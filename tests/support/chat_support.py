"""Shared by the conversation tests: a pinned moment inside or outside the
desk's hours, starting a conversation, and an officer's requests."""
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

LONDON = ZoneInfo("Europe/London")
MONDAY_10AM = datetime(2027, 3, 1, 10, 0, tzinfo=LONDON)  # the desk is open (Mon-Fri 09:00-17:00)
SATURDAY_NOON = datetime(2027, 3, 6, 12, 0, tzinfo=LONDON)  # closed until Monday 09:00
ANON = {"name": "Ada Resident", "email": "ada@example.org",
        "context": {"screen": "property", "uprn": "990000000101"}, "text": "My bin was not collected."}


@pytest.fixture
def open_desk():
    import time_machine
    with time_machine.travel(MONDAY_10AM, tick=True):
        yield MONDAY_10AM


@pytest.fixture
def closed_desk():
    import time_machine
    with time_machine.travel(SATURDAY_NOON, tick=True):
        yield SATURDAY_NOON


def start(client, body=None, headers=None):
    r = client.post("/v1/conversations", ANON if body is None else body, headers)
    assert r.status_code == 201, r.body
    return r.json_body


def messages(client, conversation, after=0, token=None, headers=None):
    token = token if token is not None else conversation.get("token")
    query = f"?after={after}" + (f"&token={token}" if token else "")
    r = client.get(f"/v1/conversations/{conversation['id']}/messages{query}", headers)
    assert r.status_code == 200, r.body
    return r.json_body


def say(client, conversation, text, key=None, headers=None):
    token = conversation.get("token")
    extra = {"Idempotency-Key": key} if key else {}
    return client.post(f"/v1/conversations/{conversation['id']}/messages" + (f"?token={token}" if token else ""),
                       {"text": text}, {**extra, **(headers or {})})


def desk(client, officer, conversation_id, action, body=None, key=None):
    headers = {**officer.auth, **({"Idempotency-Key": key} if key else {})}
    return client.post(f"/v1/staff/conversations/{conversation_id}/{action}", body or {}, headers)
