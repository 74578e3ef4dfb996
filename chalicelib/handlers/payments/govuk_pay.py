"""GOV.UK Pay's public API over HTTPS: the one module that knows its protocol.

The same code talks to GOV.UK Pay (a test or live account) and to the local
provider of `make run` and the tests (doorstep_cli/local/pay_provider.py):
which one is configuration alone (config.payments()). Plain urllib, so a cold
start pays for nothing more.
"""
import json

from . import wording as words
from .provider import NotRefundable, ProviderError, ProviderPayment, ProviderRefund, RefundMismatch


class GovukPay:
    def __init__(self, url, api_key, timeout_s=10.0):
        self.url = url.rstrip("/")
        self.api_key = api_key
        self.timeout_s = timeout_s

    def create(self, *, amount, reference, description, return_url, metadata, email, idempotency_key, moto=False):
        body = {"amount": amount, "reference": reference, "description": description,
                "return_url": return_url, "metadata": metadata, "language": "en"}
        if moto:  # card-not-present, keyed in by staff: the account must have MOTO enabled
            body["moto"] = True
        if email:
            body["email"] = email
        return payment_of(self._call("POST", "/v1/payments", body, {"Idempotency-Key": idempotency_key}))

    def get(self, provider_id):
        return payment_of(self._call("GET", f"/v1/payments/{_segment(provider_id)}"))

    def cancel(self, provider_id):
        try:
            self._call("POST", f"/v1/payments/{_segment(provider_id)}/cancel")
        except ProviderError as e:
            if e.status in (400, 409):  # P0501/P0502: past cancelling (paid, or finished)
                return False
            raise
        return True

    def refund(self, provider_id, amount, refund_amount_available):
        try:
            answer = self._call("POST", f"/v1/payments/{_segment(provider_id)}/refunds",
                                {"amount": amount, "refund_amount_available": refund_amount_available})
        except ProviderError as e:
            if e.code == "P0604" or e.status == 412:
                raise RefundMismatch(str(e), e.status, e.code) from e
            if e.code == "P0603":
                raise NotRefundable(str(e), e.status, e.code) from e
            raise
        return ProviderRefund(refund_id=answer["refund_id"], amount=int(answer["amount"]), status=answer["status"])

    def refunds(self, provider_id):
        """Every refund of the payment, as the provider holds them (GET .../refunds)."""
        answer = self._call("GET", f"/v1/payments/{_segment(provider_id)}/refunds")
        return [ProviderRefund(refund_id=r["refund_id"], amount=int(r["amount"]), status=r["status"])
                for r in (answer.get("_embedded") or {}).get("refunds") or []]

    def succeeded_between(self, from_moment, to_moment):
        """Every payment that succeeded, made in [from, to) (ISO UTC moments ending Z),
        read through the search's pages (GET /v1/payments?state=success&from_date=...)."""
        from urllib.parse import urlencode
        found, page = [], 1
        while True:
            query = urlencode({"state": "success", "from_date": from_moment, "to_date": to_moment,
                               "display_size": 500, "page": page})
            answer = self._call("GET", f"/v1/payments?{query}")
            found += [payment_of(r) for r in answer.get("results") or []]
            if not ((answer.get("_links") or {}).get("next_page")):
                return found
            page += 1

    def _call(self, method, path, body=None, headers=None):
        from urllib.error import HTTPError, URLError
        from urllib.request import Request, urlopen
        data = None if body is None else json.dumps(body).encode()
        request = Request(self.url + path, data=data, method=method, headers={
            "Authorization": f"Bearer {self.api_key}", "Accept": "application/json",
            **({"Content-Type": "application/json"} if data is not None else {}), **(headers or {})})
        try:
            with urlopen(request, timeout=self.timeout_s) as answer:
                raw = answer.read()
        except HTTPError as e:
            raise _error(e.code, e.read()) from None
        except (URLError, OSError, TimeoutError) as e:
            raise ProviderError(words.PROVIDER_UNREACHABLE.format(problem=e)) from None
        if not raw:
            return {}
        try:
            return json.loads(raw)
        except ValueError:
            raise ProviderError(words.PROVIDER_NOT_JSON, 502) from None


def _segment(value):
    from urllib.parse import quote
    return quote(str(value), safe="")


def _error(status, raw):
    try:
        body = json.loads(raw or b"{}")
    except ValueError:
        body = {}
    code = body.get("code") if isinstance(body, dict) else None
    description = body.get("description") if isinstance(body, dict) else None
    return ProviderError(words.PROVIDER_ANSWERED.format(
        status=status, description=description or words.PROVIDER_NO_DESCRIPTION, code=code or words.PROVIDER_NO_CODE),
        status, code)


def payment_of(body):
    """A ProviderPayment from GOV.UK Pay's payment JSON."""
    try:
        state = body["state"]
        refunds = body.get("refund_summary") or {}
        amount = body["amount"]
        if isinstance(amount, bool) or not isinstance(amount, int):
            raise TypeError("amount")
        next_url = ((body.get("_links") or {}).get("next_url") or {}).get("href")
        return ProviderPayment(
            provider_id=str(body["payment_id"]), amount=amount, status=state["status"],
            finished=bool(state["finished"]), reference=body.get("reference", ""), code=state.get("code"),
            message=state.get("message"), next_url=next_url, refund_status=refunds.get("status", "pending"),
            refund_available=int(refunds.get("amount_available", 0)),
            refund_submitted=int(refunds.get("amount_submitted", 0)), metadata=body.get("metadata") or {},
            card_brand=(body.get("card_details") or {}).get("card_brand"))
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        raise ProviderError(words.PROVIDER_NOT_A_PAYMENT.format(missing=e), 502) from None


def from_options(options):
    """The account in use (`account`: test or live) of the service a council's settings name
    (councils/backoffices.py), or None where its API key is not set."""
    from ...config import GOVUK_PAY_URL
    account = (options.get("accounts") or {}).get(options.get("account")) or {}
    if not account.get("api_key"):
        return None
    return GovukPay((options.get("url") or GOVUK_PAY_URL).rstrip("/"), account["api_key"],
                    options.get("timeout_s") or 10)


def from_configuration():
    """The default council's provider as the environment names it (a deployment made before
    councils: DOORSTEP_PAY_URL, DOORSTEP_PAY_API_KEY), or None where no API key is set."""
    from ...councils.backoffices_environment import payments
    options = payments()
    return None if options is None else from_options(options)


def for_council(deps):
    """The provider of the council the work is for, or None where it has none set up."""
    from ...councils.backoffices import adapter
    return adapter(deps, "payments", from_options)


def webhook_secret(council):
    """The signing secret of the council's account in use (its webhooks are that account's)."""
    from ...councils.backoffices import named
    options = named(council, "payments") or {}
    return ((options.get("accounts") or {}).get(options.get("account")) or {}).get("webhook_secret")
