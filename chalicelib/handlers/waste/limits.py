"""Limits and defaults of the waste routes, read by the validators and the OpenAPI document alike."""

BOOKING_ID_PATTERN = r"^BK-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{6}$"
ITEM_ID_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,39}$"
ITEM_NAME_MAX, CATALOGUE_MAX = 80, 100
LOCATION_MAX, NOTES_MAX = 200, 500
WAIVE_REASON_MAX = 500  # why staff waived a booking's charge
PRICE_MAX = 100_000  # pence per item: £1,000
MAX_ITEMS_LIMIT, CAPACITY_LIMIT, WINDOW_LIMIT = 20, 1000, 56
HOLD_MINUTES = 30  # a booking holds its place this long while the resident pays
CUT_OFF_HOUR = 14  # changes and cancellations until 14:00 the working day before
REMIND_DAYS, REMIND_HOUR = (3, 1), 9  # reminders at 09:00, 3 days and 1 day before the collection
CREW_HOUR = 0  # a confirmed collection becomes its crew's job at 00:00 (London) on its day
PURPOSE = "bulky"
CHANGE_PURPOSE = "bulky-change"  # the difference a dearer change costs (waste/paid_changes.py)

# What a council starts with until staff save their own (PUT /v1/waste/bulky/items).
DEFAULT_SETTINGS = {
    "items": [
        {"id": "sofa", "name": "Sofa or settee", "price": 1500},
        {"id": "armchair", "name": "Armchair", "price": 1000},
        {"id": "mattress", "name": "Mattress", "price": 1000},
        {"id": "bed-frame", "name": "Bed frame", "price": 1000},
        {"id": "wardrobe", "name": "Wardrobe", "price": 1200},
        {"id": "table", "name": "Table", "price": 800},
        {"id": "chair", "name": "Dining chair", "price": 400},
        {"id": "fridge", "name": "Fridge or freezer", "price": 2000},
        {"id": "washing-machine", "name": "Washing machine", "price": 1500},
        {"id": "bike", "name": "Bicycle", "price": 600},
    ],
    "minimum_charge": 2500,  # pence: one visit costs at least this
    "max_items": 5,
    "capacity_per_day": 20,  # bookings per round per collection day
    "window_days": 28,  # dates offered: the round's days within this many days
    "round_stream": "refuse",  # bulky waste goes out on the refuse round's days
    "crew_team": "waste",  # the crews' team whose jobs the collections become (doorstep teams)
    # "per_item": the items' prices added up, at least minimum_charge; "banded": the price of the
    # first band whose up_to is at least the number of items, e.g. [{"up_to": 3, "price": 3000}, ...]
    "pricing": "per_item",
    "bands": [],
    # A collection the crew could not make (job ended "unable"): "rebook", the resident may move it
    # to another offered day free of charge, once; "refund", it is cancelled and refunded in full.
    "not_collected": "rebook",
}
NOT_COLLECTED_RULES = ("rebook", "refund")
BANDS_MAX = 10

# Garden waste: a year's collections per property, paid for up front.
GARDEN_PURPOSE = "garden"
SUBSCRIPTION_ID_PATTERN = r"^[0-9]{1,12}\.[0-9]{4}-[0-9]{2}-[0-9]{2}$"
GARDEN_BINS_LIMIT = 10
GARDEN_DEFAULTS = {
    "first_bin_price": 5000,  # pence a year for the first bin
    "other_bin_price": 3500,  # pence a year for each other bin
    "max_bins": 3,
    "term_days": 365,
    "renewal_opens_days": 42,  # renewing opens this many days before a term ends
    "last_reminder_days": 7,  # the second reminder, this many days before the end
    "crew_team": "waste",  # the crews' team that empties garden bins: it reads the rounds' lists
}
CREW_ROUND_DAYS = 7  # a crew may read its round's list this many days either side of today
