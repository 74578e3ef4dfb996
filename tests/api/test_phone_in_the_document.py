"""A phone number as /openapi.json states it (a shape and a length) and as the API
checks it (one expression): the same strings pass both."""
import jsonschema
import pytest

from chalicelib.validation import PHONE, PHONE_SCHEMA

NUMBERS = ["07700 900123", "+44 7700 900123", "(01904) 551550", "1234567", "123456", "+1-2-3-4-5-6-7",
           "0" * 15, "0" * 16, "0 " * 9 + "0", "0 " * 10 + "0", "07700 900123 ext", "07700\n900123", "",
           "+ 7700 900 123", "++447700900123", "0-7-7-0-0-9-0-0-1-2"]


@pytest.mark.parametrize("number", NUMBERS)
def test_the_document_and_the_check_agree_on_a_phone_number(number):
    documented = jsonschema.Draft202012Validator(PHONE_SCHEMA).is_valid(number)
    assert documented == bool(PHONE.match(number))


def test_both_sides_of_the_length_are_met():
    assert {n for n in NUMBERS if PHONE.match(n)} >= {"1234567", "0 " * 9 + "0", "0" * 15}
    assert not {n for n in NUMBERS if PHONE.match(n)} & {"123456", "0 " * 10 + "0", "0" * 16}
