"""What a bulky booking's and a garden subscription's checks say to a
resident, in each field's own words as GOV.UK writes errors ("Choose a day
for the collection"), so every client shows the same sentences. Fields only
a program fills (uprn, ids) keep the checks' terse words for developers."""
from .limits import LOCATION_MAX, NOTES_MAX

DAY = "Choose a day for the collection"
DAY_NOT_OFFERED = "Choose one of the days offered for this address"
ITEMS_COUNT = "Choose between 1 and {max} items"
BINS_COUNT = "Choose how many bins, from 1 to {max}"

BOOKING = {
    "date": {"missing": DAY, "invalid": DAY},
    "location": {"length": f"Where you will leave the items must be {LOCATION_MAX} characters or fewer"},
    "notes": {"length": f"Notes for the crew must be {NOTES_MAX} characters or fewer"},
}
