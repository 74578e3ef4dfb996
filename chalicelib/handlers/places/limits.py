"""Limits of the places routes, read by the validators and the OpenAPI document alike."""

NEAREST_K_DEFAULT, NEAREST_K_MAX = 5, 50
NEAREST_MAX_DISTANCE_M = 50_000
UPRN_PATTERN = "^[0-9]{1,12}$"
STREET_TEXT_MAX = 100
STREET_MIN_LETTERS = 3
STREET_MAX_ADDRESSES = 100  # one page: a longer street asks for a house number or the postcode
