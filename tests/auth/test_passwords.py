"""Password hashing and policy, at a low scrypt cost so the file runs in seconds."""
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chalicelib.auth import passwords
from chalicelib.auth.passwords import (
    check_password,
    dummy_verify,
    hash_password,
    needs_rehash,
    verify_password,
)

FAST = "12"  # production keeps the default, 17
PASSPHRASE = "correct horse battery staple"


@pytest.fixture(autouse=True)
def fast_scrypt(monkeypatch):
    monkeypatch.setenv("DOORSTEP_SCRYPT_LOG_N", FAST)


def test_a_hash_verifies_with_its_password():
    assert verify_password(PASSPHRASE, hash_password(PASSPHRASE))


def test_a_wrong_password_does_not_verify():
    stored = hash_password(PASSPHRASE)
    assert not verify_password("correct horse battery stapler", stored)
    assert not verify_password(PASSPHRASE.upper(), stored)
    assert not verify_password("", stored)


def test_the_hash_names_its_algorithm_and_parameters():
    assert re.fullmatch(r"scrypt\$12\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}", hash_password(PASSPHRASE))


def test_each_hash_gets_a_fresh_salt():
    first, second = hash_password(PASSPHRASE), hash_password(PASSPHRASE)
    assert first.split("$")[4] != second.split("$")[4]
    assert first != second
    assert verify_password(PASSPHRASE, first) and verify_password(PASSPHRASE, second)


@pytest.mark.parametrize("typed, stored_as", [
    ("ﬁsh and chips ﬁne", "fish and chips fine"),  # the fi ligature
    ("cafe\u0301 au lait please", "caf\u00e9 au lait please"),  # decomposed vs composed é
    ("ｆｕｌｌｗｉｄｔｈ ｐａｓｓ", "fullwidth pass"),
])
def test_unicode_variants_of_the_same_password_match(typed, stored_as):
    assert verify_password(typed, hash_password(stored_as))
    assert verify_password(stored_as, hash_password(typed))


def test_a_lone_surrogate_from_json_hashes_rather_than_raising():
    odd = "surrogate \ud800 inside"
    assert verify_password(odd, hash_password(odd))


def test_verification_uses_the_parameters_stored_in_the_hash(monkeypatch):
    stored = hash_password(PASSPHRASE)  # made at log_n 12
    monkeypatch.setenv("DOORSTEP_SCRYPT_LOG_N", "17")
    assert verify_password(PASSPHRASE, stored)


def test_production_cost_is_the_default_when_the_setting_is_unset(monkeypatch):
    monkeypatch.delenv("DOORSTEP_SCRYPT_LOG_N")
    assert passwords._current_log_n() == 17
    assert needs_rehash(passwords._encode(12, bytes(16), bytes(32)))


@pytest.mark.parametrize("value", ["4", "21", "seventeen", "-1"])
def test_an_out_of_range_cost_setting_fails_loudly(monkeypatch, value):
    monkeypatch.setenv("DOORSTEP_SCRYPT_LOG_N", value)
    with pytest.raises(ValueError):
        hash_password(PASSPHRASE)


def test_needs_rehash_only_when_the_stored_cost_is_below_the_current(monkeypatch):
    stored = hash_password(PASSPHRASE)
    assert not needs_rehash(stored)
    monkeypatch.setenv("DOORSTEP_SCRYPT_LOG_N", "13")
    assert needs_rehash(stored)
    monkeypatch.setenv("DOORSTEP_SCRYPT_LOG_N", "11")
    assert not needs_rehash(stored)
    assert needs_rehash("not a hash")


@pytest.mark.parametrize("encoded", [
    "", "scrypt", "pbkdf2$12$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
    "scrypt$12$8$1$AAAAAAAAAAAAAAAAAAAAAA==",  # no key
    "scrypt$x$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
    "scrypt$40$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",  # gigabytes
    "scrypt$12$0$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
    "scrypt$12$8$1$not*base64$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
    "scrypt$12$8$1$AAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",  # salt too short
    "scrypt$１２$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
    None, 12, b"scrypt$12$8$1$",
])
def test_a_malformed_stored_hash_is_false_not_an_error(encoded):
    assert verify_password(PASSPHRASE, encoded) is False


def test_a_password_over_the_limit_is_neither_hashed_nor_verified():
    huge = "a" * 1025
    with pytest.raises(ValueError):
        hash_password(huge)
    assert not verify_password(huge, hash_password("a" * 1024))


def test_dummy_verify_costs_a_verification_and_never_succeeds():
    assert dummy_verify(PASSPHRASE) is False
    assert dummy_verify("") is False


def test_policy_accepts_a_decent_passphrase():
    assert check_password(PASSPHRASE, email="ada@example.org", name="Ada Lovelace") == []
    assert check_password("ﬁsh and chips on ﬁley beach") == []


def test_policy_rejects_fewer_than_ten_characters():
    assert check_password("short pw1")
    assert check_password("cafe\u0301")  # five code points, four once composed
    assert check_password("")
    assert check_password("ten chars!") == []


def test_policy_rejects_more_than_1024_characters():
    assert check_password("x" * 1025)
    assert check_password("x" * 1024) == []


@pytest.mark.parametrize("common", ["password123", "qwertyuiop", "QWERTYUIOP", "Password123", " iloveyou1 "])
def test_policy_rejects_common_passwords_in_any_case(common):
    assert any("common" in message for message in check_password(common))


def test_the_common_list_is_loaded_once_and_is_large():
    common = passwords._common_passwords()
    assert common is passwords._common_passwords()
    assert len(common) > 19_000 and "password123" in common


@pytest.mark.parametrize("typed", ["ada.lovelace@example.org", "ADA.LOVELACE@EXAMPLE.ORG", "ada.lovelace"])
def test_policy_rejects_the_email_or_its_local_part(typed):
    messages = check_password(typed, email="Ada.Lovelace@example.org")
    assert any("email" in message for message in messages)


@pytest.mark.parametrize("typed", ["Ada Lovelace Byron", "adalovelacebyron"])
def test_policy_rejects_the_residents_name(typed):
    messages = check_password(typed, name="Ada Lovelace Byron")
    assert any("name" in message for message in messages)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=64))
def test_any_text_verifies_against_its_own_hash(password):
    assert verify_password(password, hash_password(password))
