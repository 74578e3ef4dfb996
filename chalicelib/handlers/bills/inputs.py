"""What a payer or an officer sends about a bill, read and checked once:
the fund, the reference (its rule), the amount (the fund's limits), the
e-mail for the receipt."""
from ... import validation
from ...errors import ValidationFailed
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


def pounds(pence):
    return f"£{pence // 100:,}.{pence % 100:02d}"


def amount_of(chosen, body, fixed):
    if fixed is not None:
        return fixed  # the issuer's, whatever was typed
    amount = body.get("amount")
    if isinstance(amount, bool) or not isinstance(amount, int) or not chosen.least <= amount <= chosen.most:
        raise ValidationFailed([("amount", wording.AMOUNT.format(least=pounds(chosen.least),
                                                                 most=pounds(chosen.most)))])
    return amount


def email_of(deps, body):
    given = body.get("email")
    if given in (None, ""):
        return deps.principal.email if deps.principal is not None else None
    problems = validation.Problems()
    if not isinstance(given, str) or len(given) > EMAIL_MAX or validation.email(given, "email", problems) is None:
        raise ValidationFailed([("email", wording.EMAIL)])
    return given.strip()
