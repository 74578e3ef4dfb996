"""Signing up and in as the PWA does, and reading the links mailed to an address."""
import re
from datetime import datetime, timezone

import pytest


def outbox_links(to, path):
    from chalicelib.storage.outbox import OutboxModel
    bodies = [m.body for m in OutboxModel.recipient_index.query(to)]
    return [t for b in bodies for t in re.findall(path + r"\?token=([\w-]+)", b)]


def register(client, email="ada@example.org", password="correct horse battery", name="Ada Resident"):
    return client.post("/v1/auth/register", {"email": email, "password": password, "name": name})


def login(client, email="ada@example.org", password="correct horse battery"):
    return client.post("/v1/auth/login", {"email": email, "password": password})


def bearer(tokens):
    return {"Authorization": f"Bearer {tokens['access_token']}"}


@pytest.fixture
def in_one_guess_window():
    """Sign-in failures count in fixed 15-minute windows (auth/sign_in_guard.py):
    a test's guesses start a minute into one, ticking on, so they never straddle
    a window's end, whatever the hour the suite runs at."""
    import time_machine
    with time_machine.travel(datetime(2026, 11, 2, 10, 1, tzinfo=timezone.utc), tick=True):
        yield
