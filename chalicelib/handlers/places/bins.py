"""Bin days for one property: its rounds, and their next collections.

Shared by the place view (GET /v1/places/{uprn}: the next few per stream)
and the calendar feed (GET /v1/places/{uprn}/bins.ics: the coming year).
"""
from ... import bindays
from ...errors import NotFound, ValidationFailed
from ...stamps import london_today
from . import postcodes as places
from .wording import BIN_LABELS, NO_PROPERTY, NOT_A_UPRN

NEXT_PER_STREAM = 4
LABELS = BIN_LABELS  # by this name for the place view, the calendar and waste


def address_or_404(deps, uprn):
    """The address at `uprn`: 400 for text that is no UPRN, 404 place_not_found for an unknown one."""
    if not places.UPRN.match(uprn or ""):
        raise ValidationFailed([("uprn", NOT_A_UPRN)])
    address = deps.addresses.get(uprn)
    if address is None:
        raise NotFound(NO_PROPERTY.format(uprn=uprn), code="place_not_found")
    return address


def rounds_for(deps, address):
    """[(stream, BinRound)] in STREAMS order, for the rounds that exist.

    A round id the rounds table does not hold (yet) is left out: addresses and
    rounds are imported separately, in either order."""
    wanted = address.rounds
    if not wanted or deps.bin_rounds is None:
        return []
    found = deps.bin_rounds.get_many(wanted.values())
    return [(s, found[wanted[s]]) for s in bindays.STREAMS if wanted.get(s) in found]


def today(deps):
    return london_today(deps.clock())


def next_collections(deps, address, count=NEXT_PER_STREAM):
    """[{stream, label, round, collections: [{date, weekday, moved_from?}]}]."""
    day = today(deps)
    return [{"stream": stream, "label": LABELS[stream], "round": model.id,
             "collections": [c.view() for c in bindays.collections(model.to_round(), day, count=count)]}
            for stream, model in rounds_for(deps, address)]
