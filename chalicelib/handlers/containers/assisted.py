"""Staff take a container request for a caller (POST
/v1/staff/waste/containers/requests), as they take a bulky booking
(waste/assisted.py's rules, shared): the caller's card keyed in on the
provider's page (MOTO), or the charge waived with a reason, kept on the
request. It belongs to no resident account; the caller's email, when given,
is where word of the delivery goes."""
from ..waste.assisted import for_a_caller
from .requesting import ask

EXTRA = ("payment", "waive_reason", "caller_email")


def take(deps, body, idempotency_key):
    how, email, taken_by = for_a_caller(deps, body, reason_field="waive_reason")
    fields = {k: v for k, v in body.items() if k not in EXTRA}
    return ask(deps, fields, idempotency_key, user_id=f"caller:{deps.principal.user_id}", email=email,
               taken_by=taken_by, moto=how == "card", waived=how == "waived", key_body=body)
