"""What a payer or an officer sends about a bill, read and checked once:
the fund, the reference (its rule), the amount (the fund's limits), the
e-mail for the receipt."""
from ... import validation
from ...errors import Unacceptable, ValidationFailed
from ..payments.core import pounds  # noqa: F401 (one formatting of pence, shared)
from . import wording
from .funds import fund as find_fund
from .limits import EMAIL_MAX, REFERENCE_MAX
from .references import checked


def fund_and_reference(body, allowed):
    unknown = [(k, wording.FIELD_UNKNOWN) for k in body if k not in allowed]
    chosen = find_fund(body.get("fund")) if isinstance(body.get("fund"), str) else None
    typed = body.get("reference")
    if chosen is None:
        unknown.append(("fund", wording.NO_FUND))
    if not isinstance(typed, str) or not 0 < len(typed) <= REFERENCE_MAX:
        unknown.append(("reference", chosen.rule + "." if chosen else "Enter the reference on your bill."))
    if unknown:
        raise ValidationFailed(unknown)
    return chosen, checked(chosen, typed)


def amount_of(chosen, body, fixed):
    if fixed is not None:
        return fixed  # the issuer's, whatever was typed
    amount = body.get("amount")
    message = wording.AMOUNT.format(least=pounds(chosen.least), most=pounds(chosen.most))
    if isinstance(amount, bool) or not isinstance(amount, (int, type(None))):
        raise ValidationFailed([("amount", message)])
    if amount is None or not chosen.least <= amount <= chosen.most:  # the document's words, not its shape: 422
        raise Unacceptable(message, code="amount_outside_limits", fields=[{"field": "amount", "message": message}])
    return amount


def email_of(deps, body):
    given = body.get("email")
    if given in (None, ""):
        return deps.principal.email if deps.principal is not None else None
    problems = validation.Problems()
    if not isinstance(given, str) or len(given) > EMAIL_MAX:
        raise ValidationFailed([("email", wording.EMAIL)])
    if validation.email(given, "email", problems) is None:
        raise Unacceptable(wording.EMAIL, code="email_invalid", fields=[{"field": "email", "message": wording.EMAIL}])
    return given.strip()
