"""What the local payment provider's answers and its reports (pay_provider.py,
pay_reports.py) both speak: GOV.UK Pay's payment states, its error answer and
its moments. Kept apart so that neither of the two imports the other back."""
from __future__ import annotations

from datetime import datetime, timezone

FINISHED = {"success", "failed", "cancelled", "error"}
FAILURES = {"P0010": "Payment method rejected", "P0020": "Payment expired",
            "P0030": "Payment was cancelled by the user", "P0040": "Payment was cancelled by the service",
            "P0050": "Payment provider returned an error"}


class ApiProblem(Exception):
    def __init__(self, status, code, description, field=None):
        super().__init__(description)
        self.status, self.body = status, {"code": code, "description": description, **({"field": field} if field else {})}


def stamp(moment):
    return datetime.fromtimestamp(moment, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def state_of(status, code):
    """GOV.UK Pay's `state` object, on a payment and on each of its events."""
    state = {"status": status, "finished": status in FINISHED}
    if code:
        state.update(code=code, message=FAILURES[code])
    return state
