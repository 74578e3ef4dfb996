"""Limits and the council's container list, read by the validators and the OpenAPI document alike.

The list is data (`DEFAULT_SETTINGS`; a council's own, saved as the waste
settings' "containers" item, replaces it whole): each container names the
waste stream whose round delivers it and its price in pence; each reason
says whether it is charged. A container may need something of the property
first (`needs`: a garden bin only with a garden waste subscription)."""

from .wording import CONTAINER_NAMES

REQUEST_ID_PATTERN = r"^CR-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{6}$"
CONTAINER_ID_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,39}$"
NOTES_MAX = 300  # where to leave it, for the crew
REASON_MAX = 500  # why staff waived the charge
CANCEL_REASON_MAX = 500  # why staff cancelled for a caller
STOCK_CHANGE_MAX = 10_000  # one restock or write-off, in containers
STOCK_AUDIT_SHOWN = 20  # a stock item's latest changes shown to staff
LIST_MAX = 100  # requests in one page of staff's list
HOLD_MINUTES = 30  # a request holds its container this long while the resident pays
IDEMPOTENCY_HOURS = 24
PURPOSE = "container"
REASONS = ("damaged", "damaged_by_crew", "missing", "new_resident", "extra")
GARDEN_SUBSCRIPTION = "garden_subscription"

DEFAULT_SETTINGS = {
    "containers": [
        {"id": "refuse-bin", "name": CONTAINER_NAMES["refuse-bin"], "stream": "refuse", "price": 3200},
        {"id": "recycling-box", "name": CONTAINER_NAMES["recycling-box"], "stream": "recycling", "price": 700},
        {"id": "recycling-bin", "name": CONTAINER_NAMES["recycling-bin"], "stream": "recycling", "price": 3200},
        {"id": "food-caddy", "name": CONTAINER_NAMES["food-caddy"], "stream": "food", "price": 500},
        {"id": "garden-bin", "name": CONTAINER_NAMES["garden-bin"], "stream": "garden", "price": 3200,
         "needs": GARDEN_SUBSCRIPTION},
    ],
    # charged: the container's price is paid; free: nothing is (the crew broke it).
    "reasons": {"damaged": "charged", "damaged_by_crew": "free", "missing": "charged",
                "new_resident": "charged", "extra": "charged"},
    "lead_days": 2,  # the delivery is the round's first day at least this many days after confirming
    "depot": "main",  # the depot every round draws from, unless `depots` names another for the round
    "depots": {},
    "depot_names": {"main": "Hazel Court depot"},  # each depot's name, as staff and crews know it
    "crew_team": "waste",
}
