"""The numbers the appointments' validators and OpenAPI fragments share."""
from datetime import timedelta

HOLD_FOR = timedelta(minutes=10)  # a time is held while the resident answers the questions
VIEW_DAYS = 28  # the free-slot view's default reach: four weeks
VIEW_DAYS_MAX = 56
NEAREST = 3  # other free times offered with "just taken"
APPOINTMENT_ID_PATTERN = r"^AP-[0-9A-Z]{8}$"
ANSWER_MAX = 500
NAME_MAX = 100
IDEMPOTENCY_HOURS = 24
