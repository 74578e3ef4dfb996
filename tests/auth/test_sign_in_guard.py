"""Guessing is slowed without locking the resident out (OWASP's device
cookies): a device they signed in from before, or a password reset, still
lets them in; an office behind one address is not locked out by one guesser."""
import pytest

from support.accounts_support import bearer, in_one_guess_window, login, outbox_links, register  # noqa: F401
from support.tampering import tampered

pytestmark = pytest.mark.usefixtures("in_one_guess_window")

RIGHT = "correct horse battery"


def guess(client, times, email="ada@example.org", **extra):
    return [client.post("/v1/auth/login", {"email": email, "password": f"wrong guess {n}", **extra}).status_code
            for n in range(times)]


def test_a_guessed_account_still_opens_from_a_device_its_owner_used_before(client):
    register(client)
    device = login(client).json_body["device_token"]
    assert guess(client, 12) == [401] * 10 + [429] * 2  # the attacker has no device token
    assert login(client).status_code == 429
    mine = client.post("/v1/auth/login", {"email": "ada@example.org", "password": RIGHT, "device_token": device})
    assert mine.status_code == 200 and mine.json_body["device_token"] != device  # a fresh one each time


def test_a_device_token_opens_only_its_own_account_and_cannot_be_forged(client):
    register(client)
    register(client, email="eve@example.org")
    eves = login(client, email="eve@example.org").json_body["device_token"]
    guess(client, 10)
    for token in (eves, tampered(eves, 4), "dv1.99999999999.x.y", "dv1.é.x.y", 42):
        r = client.post("/v1/auth/login", {"email": "ada@example.org", "password": RIGHT, "device_token": token})
        assert r.status_code == 429, token


def test_guessing_from_a_trusted_device_locks_that_device_alone(client):
    register(client)
    device = login(client).json_body["device_token"]
    assert guess(client, 11, device_token=device) == [401] * 10 + [429]
    r = client.post("/v1/auth/login", {"email": "ada@example.org", "password": RIGHT, "device_token": device})
    assert r.status_code == 429 and int(r.headers["Retry-After"]) > 0
    assert login(client).status_code == 200  # the account itself is not locked


def test_a_resident_locked_out_on_a_new_device_gets_in_through_a_password_reset(client):
    register(client)
    guess(client, 10)
    assert login(client).status_code == 429
    assert client.post("/v1/auth/password-reset", {"email": "ada@example.org"}).status_code == 202
    token = outbox_links("ada@example.org", "/reset-password")[-1]
    reset = client.post("/v1/auth/password-reset/confirm", {"token": token, "password": "a fresh new passphrase"})
    assert reset.status_code == 200
    r = client.post("/v1/auth/login", {"email": "ada@example.org", "password": "a fresh new passphrase",
                                       "device_token": reset.json_body["device_token"]})
    assert r.status_code == 200 and client.get("/v1/me", headers=bearer(r.json_body)).status_code == 200


def test_credential_stuffing_from_one_address_stops_there_but_not_its_known_devices(client):
    register(client)
    device = login(client).json_body["device_token"]
    stuffed = [s for n in range(101) for s in guess(client, 1, email=f"victim{n}@example.org")]
    assert stuffed == [401] * 100 + [429]
    assert login(client).status_code == 429  # a new device behind the same address waits
    r = client.post("/v1/auth/login", {"email": "ada@example.org", "password": RIGHT, "device_token": device})
    assert r.status_code == 200
