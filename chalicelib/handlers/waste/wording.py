"""What a bulky booking's and a garden subscription's checks say to a
resident, in each field's own words as GOV.UK writes errors ("Choose a day
for the collection"), so every client shows the same sentences. Fields only
a program fills (uprn, ids) keep the checks' terse words for developers."""
from .limits import LOCATION_MAX, NOTES_MAX

DAY = "Choose a day for the collection"
DAY_NOT_OFFERED = "Choose one of the days offered for this address"
ITEMS_COUNT = "Choose between 1 and {max} items"
BINS_COUNT = "Choose how many bins, from 1 to {max}"
MINIMUM_TOP_UP = "Minimum charge top-up"  # the line that brings the items' prices up to the minimum charge
BAND_PRICE = "Price for {start} to {up_to} items"  # banded pricing: the one line the items are priced by


def for_people(day):
    """A day as people write it, "Monday 7 December 2026" (not 2026-12-07, nor "07"),
    in every payment description, receipt and message waste sends."""
    from datetime import date
    day = date.fromisoformat(day) if isinstance(day, str) else day
    return f"{day:%A} {day.day} {day:%B %Y}"


def moment_for_people(moment):
    """"14:00 on Friday 4 December 2026", in London time."""
    from zoneinfo import ZoneInfo
    local = moment.astimezone(ZoneInfo("Europe/London"))
    return f"{local:%H:%M} on {for_people(local.date())}"


def top_up(amount, items):
    """Pence the minimum charge adds above the items' prices (0 when they reach it). From the
    booking alone, with no read of the price rules (see docs/decisions/ on banded prices)."""
    return max(0, amount - sum(i.get("price") or 0 for i in items))

BOOKING = {
    "date": {"missing": DAY, "invalid": DAY},
    "location": {"length": f"Where you will leave the items must be {LOCATION_MAX} characters or fewer"},
    "notes": {"length": f"Notes for the crew must be {NOTES_MAX} characters or fewer"},
}
CONTAINER_NOT_HERE = "Choose a container delivered before that collection"
