"""Limits and the council's places for hire, read by the validators and the OpenAPI document alike.

Places are data (`DEFAULT_PLACES`; a council's own list, saved whole as the
hire settings, replaces it): each with its kind, capacity, the calendar the
appointments' calendars use (weekly `hours`, `closures`; England's bank
holidays close it), prices per hour by hirer type in pence, a deposit, its
terms and the refunds by notice given."""

BOOKING_ID_PATTERN = r"^HB-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{6}$"
PLACE_ID_PATTERN = r"^[a-z0-9][a-z0-9-]{0,39}$"
HIRER_TYPES = ("resident", "community", "commercial")
HOLD_MINUTES = 30  # a booking holds its hours this long while the hirer pays
IDEMPOTENCY_HOURS = 24
MAX_SESSION_HOURS = 8
MAX_WEEKS = 40  # a block: a weekday and time for at most this many weeks (a school year)
# A block is taken in one transaction (DynamoDB's 100 items): its hours, the booking, the hold, the key.
MAX_BLOCK_HOURS = 90
VIEW_DAYS, MAX_VIEW_DAYS = 28, 56
NAME_MAX, PURPOSE_MAX, REASON_MAX = 120, 300, 500
PURPOSE = "hire"

HALL_HOURS = {day: [["09:00", "22:00"]] for day in ("mon", "tue", "wed", "thu", "fri", "sat")}
DEFAULT_PLACES = {
    "terms": "2026-1",
    "places": [
        {"id": "tang-hall-main-hall", "name": "Tang Hall Community Centre: main hall", "kind": "hall",
         "capacity": 120, "calendar": {"hours": HALL_HOURS, "closures": []},
         "prices": {"resident": 2400, "community": 1500, "commercial": 4800}, "deposit": 10000,
         "refunds": [{"notice_hours": 336, "percent": 100}, {"notice_hours": 48, "percent": 50}]},
        {"id": "tang-hall-room-1", "name": "Tang Hall Community Centre: meeting room 1", "kind": "room",
         "capacity": 20, "calendar": {"hours": HALL_HOURS, "closures": []},
         "prices": {"resident": 1200, "community": 800, "commercial": 2400}, "deposit": 2500,
         "refunds": [{"notice_hours": 336, "percent": 100}, {"notice_hours": 48, "percent": 50}]},
        {"id": "hull-road-pitch-1", "name": "Hull Road Park: football pitch 1", "kind": "pitch",
         "capacity": 30, "calendar": {"hours": {day: [["09:00", "21:00"]] for day in
                                                ("mon", "tue", "wed", "thu", "fri", "sat", "sun")},
                                      "closures": []},
         "prices": {"resident": 3000, "community": 2000, "commercial": 6000}, "deposit": 5000,
         "refunds": [{"notice_hours": 336, "percent": 100}, {"notice_hours": 48, "percent": 50}]},
    ],
}
