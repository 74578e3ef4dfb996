"""The system that issued a bill, asked what is due now (a PCN's charge,
halved within 14 days of issue by the parking system's own rule): a GET of
the fund's `fixed_by` address with the bill office's key (protocol:
doorstep_cli/local/bill_office.py and docs/decisions/). What the payer
types is never the amount of a bill whose issuer fixes it."""
import json

from ...errors import ApiError, Unacceptable
from . import wording
from .funds import address, office
from .limits import ISSUER_TIMEOUT_S


def issuer_down():
    return ApiError(wording.ISSUER_DOWN, status=503, code="issuer_unavailable", headers={"Retry-After": "60"})


def amount_due(fund, reference):
    """{amount_due, status, issued_on, discount_ends} from the issuer; 422
    when it holds no such bill or it cannot be paid, 503 when unreachable."""
    from urllib.error import HTTPError, URLError
    from urllib.request import Request, urlopen
    request = Request(address(fund.fixed_by, reference=reference), headers={
        "Accept": "application/json", "Authorization": f"Bearer {office().get('secret') or ''}"})
    try:
        with urlopen(request, timeout=ISSUER_TIMEOUT_S) as answer:
            found = json.loads(answer.read(64 * 1024))
    except HTTPError as e:
        if e.code == 404:
            raise Unacceptable(wording.PCN_NOT_FOUND, code="bill_not_found",
                               fields=[{"field": "reference", "message": wording.PCN_NOT_FOUND}]) from None
        raise issuer_down() from None
    except (URLError, OSError, TimeoutError, ValueError):
        raise issuer_down() from None
    if not isinstance(found, dict) or not isinstance(found.get("amount_due"), int):
        raise issuer_down()
    if found.get("status") != "open" or found["amount_due"] <= 0:
        message = wording.PCN_NOT_PAYABLE.format(status=found.get("status") or "closed")
        raise Unacceptable(message, code="bill_not_payable", fields=[{"field": "reference", "message": message}])
    return {k: found.get(k) for k in ("amount_due", "status", "issued_on", "discount_ends", "charge")}
