"""Limits of the places routes, read by the validators and the OpenAPI document alike."""

NEAREST_K_DEFAULT, NEAREST_K_MAX = 5, 50
NEAREST_MAX_DISTANCE_M = 50_000
UPRN_PATTERN = "^[0-9]{1,12}$"
STREET_TEXT_MAX = 100
STREET_MIN_LETTERS = 3
STREET_MAX_ADDRESSES = 100  # one page: a longer street asks for a house number or the postcode
# A postcode as a query parameter: either case, spaces around and between
# its halves (the document's pattern; postcodes.py takes any spacing).
POSTCODE_PATTERN = (r"^ *[A-Za-z]{1,2}[0-9][A-Za-z0-9]? *[0-9]"
                    r"[ABD-HJLNP-UW-Zabd-hjlnp-uw-z][ABD-HJLNP-UW-Zabd-hjlnp-uw-z] *$")
FACILITY_TYPE_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,39}$"
