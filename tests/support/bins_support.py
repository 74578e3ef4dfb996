"""A home with bin rounds, for the place and calendar tests.

Rounds start on a fixed Monday long ago, so their dates are on schedule
whatever day the suite runs; tests that need a bank-holiday shift put it on
the round's next collection after today.
"""
from datetime import date, datetime, timedelta, timezone

from chalicelib.bindays import Round, collections
from chalicelib.stamps import london_today

HOME = "990000000501"
HOME_LINES = ["5 Walmgate", "York"]
MONDAY = date(2024, 1, 1)


def today():
    return london_today(datetime.now(timezone.utc))


def weekly_round(id_, stream, weekday, every_weeks=1, exceptions=None):
    return Round(id_, stream, weekday, every_weeks, MONDAY + timedelta(days=weekday), exceptions or {})


def store_rounds(deps, *rounds, at=datetime(2026, 11, 1, 9, tzinfo=timezone.utc)):
    from chalicelib.storage.places.bins import round_record
    deps.bin_rounds.put_many(round_record(r, at) for r in rounds)


def store_home(deps, rounds=None, band="C", uprn=HOME, ward="Guildhall"):
    from chalicelib.storage.records import Address
    deps.addresses.put_many([Address(
        uprn=uprn, lines=HOME_LINES, postcode="YO1 9TX", lat=53.9568, lon=-1.0755,
        ward=ward, bin_rounds=rounds, council_tax_band=band)])


def next_after(round_, day):
    """The round's first regular collection at least a week after `day`."""
    return collections(round_, day + timedelta(days=7), count=1)[0].date
