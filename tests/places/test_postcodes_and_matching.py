"""Postcodes read leniently, and free-text addresses matched to one home."""
import pytest

from conftest import store_addresses


@pytest.mark.parametrize("typed,shown", [
    ("YO1 7HH", "YO1 7HH"), ("yo17hh", "YO1 7HH"), ("yo23 1aa", "YO23 1AA"), ("YO318BB", "YO31 8BB"),
    ("sw1a 1aa", "SW1A 1AA"), ("M1 1AE", "M1 1AE"),
])
def test_postcodes_are_shown_in_royal_mail_form(typed, shown):
    from chalicelib.handlers.places.postcodes import normalise_postcode
    assert normalise_postcode(typed) == shown


@pytest.mark.parametrize("typed", ["", "YO1", "7HH", "YO1 7H", "YOO 7HH", "YO1 7CI", "12345", None])
def test_anything_else_is_a_400_on_the_postcode_field(typed):
    from chalicelib.errors import ValidationFailed
    from chalicelib.handlers.places.postcodes import normalise_postcode
    with pytest.raises(ValidationFailed) as raised:
        normalise_postcode(typed)
    assert raised.value.fields[0]["field"] == "postcode"


@pytest.fixture
def addresses(deps):
    store_addresses(deps)


@pytest.mark.parametrize("text,uprn", [
    ("12 Micklegate, York YO1 7HH", "990000000103"),
    ("12 micklegate yo17hh", "990000000103"),
    ("YO1 7HH, 12 Priory Street", "990000000104"),
    ("2 Micklegate York", None),  # no postcode
    ("99 Micklegate, YO1 7HH", None),  # no such house
    ("12 York YO1 7HH", None),  # two number 12s: ambiguous
    ("Micklegate, YO1 7HH", None),  # no house number: three houses on Micklegate
    ("3 Main Street, Bishopthorpe, YO23 1AA", "990000000201"),
])
def test_an_address_string_names_one_home_by_postcode_then_house_number(deps, addresses, text, uprn):
    from chalicelib.handlers.places.postcodes import match_text
    address, why = match_text(deps, text)
    assert (address.uprn if address else None) == uprn
    assert (why is None) == (uprn is not None)
