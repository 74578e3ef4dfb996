"""The numbers a move's checks and its OpenAPI fragments share."""
from datetime import timedelta

KINDS = ("in", "out", "within")  # moving into York, out of it, or within it
AHEAD_DAYS = 14  # councils take a move no more than 14 days ahead
LATE_DAYS = 21  # the law expects notice within 21 days: later is taken, with a note for staff
BACK_DAYS = 365  # older than the back office's own window (revenues/limits.REQUEST_BACK_DAYS): refused
PEOPLE_MAX = 10
NAME_MAX = 100
ADDRESS_MAX = 200
MOVE_ID_PATTERN = "^MV-[A-Z0-9]{10}$"
PART_PATTERN = "^[a-z_]{1,20}(:[A-Za-z0-9._-]{1,60})?$"
UPRN_PATTERN = "^[0-9]{1,12}$"
IDEMPOTENCY_HOURS = 24
CHOICES = {"bulky": ("keep", "cancel"), "container": ("keep", "cancel"), "alert": ("move", "stay"),
           "council_tax_new": ("link", "decline")}
LEAVING_CHOICES = {"alert": ("stop", "stay")}  # out of the area an alert has no new home to follow


def choices(kind, move_kind):
    """What the resident may choose for a part of this kind on a move of this kind."""
    return (LEAVING_CHOICES.get(kind) if move_kind == "out" else None) or CHOICES.get(kind, ())
REASON_MAX = 300
KEEP = timedelta(days=400)  # how long a move's record is shown (a year and its reminders)
# The effect of a `move_made` event that makes its parts (following.py): the page reads
# again while it is under way.
FOLLOW = "moving.follow"


def event_id(move_id):
    """The move's own `move_made` event: one per move, whatever is retried."""
    return f"move.{move_id}"
