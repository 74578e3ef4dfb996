"""A payment provider on this machine that speaks GOV.UK Pay's public API.

`make run` starts one (DOORSTEP_PAY_PORT, default PORT+3) and points the app
at it exactly as it would point at GOV.UK Pay: DOORSTEP_PAY_URL,
DOORSTEP_PAY_API_KEY, DOORSTEP_PAY_WEBHOOK_SECRET. Tests start their own
(`with PayProvider(...) as pay:`) and talk to it over real HTTP.

Like GOV.UK Pay it holds several accounts (`add_account`; the one made with
it is the first), as each council's service has its own: an API key belongs
to one account and sees that account's payments alone (another's is 404, as
an unknown one), and each account's webhooks go to its own address, signed
with its own secret.

What it speaks (the parts Doorstep uses, with GOV.UK Pay's error shape
{"code": "P0102", "field": ..., "description": ...}):
  POST /v1/payments (Idempotency-Key)          201 a payment, _links.next_url; "moto": true makes
                                               it card-not-present (staff key in a caller's card)
  GET  /v1/payments/{id}                       200 / 404 P0200
  POST /v1/payments/{id}/cancel                204 / 400 P0501 / 404 P0500
  POST /v1/payments/{id}/refunds               202 / 412 P0604 / 400 P0603 / 404 P0600
  GET  /v1/payments/{id}/refunds[/{refund}]    200 / 404 P0700, P0800
  GET  /v1/payments/{id}/events                200 each change of state in order / 404 P0300
  GET  /v1/payments?reference=&state=&...      200 a page of results, newest first / 422 P0401 / 404 P0402
                                               (the last two: pay_reports.py)
and the hosted card page (pay_card_page.py) at next_url, single use, taking
the sandbox's test cards. A payment not finished 90 minutes after it was made
fails (P0020). Each change of state is sent to the webhook URL, signed with
Pay-Signature (hex HMAC-SHA256 of the body), retried on failure.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from doorstep_cli.local import pay_card_page, pay_reports
from doorstep_cli.local.files import atomic_write_bytes
from doorstep_cli.local.pay_states import FINISHED, ApiProblem, stamp, state_of

EXPIRY_S = 90 * 60
AMOUNT_MAX = 10_000_000
# GOV.UK Pay retries a webhook after 60 s, 5 min, 1 h, 1 day and 2 days.
RETRY_DELAYS_S = (60, 300, 3600, 86400, 172800)
EVENTS = {"started": "card_payment_started", "success": "card_payment_succeeded", "failed": "card_payment_failed",
          "cancelled": "card_payment_cancelled", "error": "card_payment_failed", "refunded": "card_payment_refunded"}


@dataclass
class Account:
    """One GOV.UK Pay account (a service's test or live one): its API key, and its webhook
    subscription's address and signing secret (no address: its changes are sent nowhere)."""
    id: str
    api_key: str
    webhook_secret: str
    webhook_url: str | None = None


class PayProvider:
    """The provider's state and its HTTP server (a thread)."""

    def __init__(self, api_key="local-pay-api-key", webhook_secret="local-pay-webhook-secret", webhook_url=None,
                 host="127.0.0.1", port=0, state_file=None, clock=time.time, retry_delays_s=RETRY_DELAYS_S,
                 expiry_s=EXPIRY_S, account_id="local"):
        self.lock = threading.RLock()
        self.accounts = {}  # id -> Account
        self.first = self.add_account(account_id, api_key, webhook_secret, webhook_url)
        self.clock, self.retry_delays_s, self.expiry_s = clock, tuple(retry_delays_s), expiry_s
        self.state_file = Path(state_file) if state_file else None
        self.payments, self.keys, self.pages = {}, {}, {}  # pages: charge token -> payment id
        self.outbox = []  # webhooks waiting: {body, account, attempts, due}
        self.delivered, self.failed_deliveries = [], []  # what was sent (message dicts), what gave up
        self.webhooks_paused = False  # tests: a webhook lost on the way
        self._load()
        self._server = ThreadingHTTPServer((host, port), _handler(self))
        self._server.daemon_threads = True
        self.origin = f"http://{host}:{self._server.server_address[1]}"
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                          name="pay-provider", daemon=True),
                         threading.Thread(target=self._background, name="pay-provider-webhooks", daemon=True)]
        for thread in self._threads:
            thread.start()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # The first account's, as before the provider held more than one (tests set its webhook_url).
    api_key = property(lambda self: self.first.api_key)
    webhook_secret = property(lambda self: self.first.webhook_secret)
    webhook_url = property(lambda self: self.first.webhook_url,
                           lambda self, url: setattr(self.first, "webhook_url", url))

    def add_account(self, account_id, api_key, webhook_secret, webhook_url=None):
        """Another account (a council's service), or the one of that id given a new key and webhook."""
        with self.lock:
            taken = self.holder(api_key)
            if taken is not None and taken.id != account_id:
                raise ValueError(f"the API key is account {taken.id}'s: a key belongs to one account")
            self.accounts[account_id] = Account(account_id, api_key, webhook_secret, webhook_url)
            return self.accounts[account_id]

    def holder(self, api_key):
        """The account whose API key this is, or None."""
        return next((a for a in self.accounts.values() if hmac.compare_digest(a.api_key, api_key or "")), None)

    def close(self):
        self._stop.set()
        self._server.shutdown()
        self._server.server_close()
        for thread in self._threads:
            thread.join(timeout=5)

    # -- the API ---------------------------------------------------------
    def create(self, body, idempotency_key=None, account=None):
        account = account or self.first.id
        with self.lock:
            if idempotency_key:  # an account's own: another's key of the same text is another payment
                earlier = self.keys.get(_keyed(account, idempotency_key))
                if earlier is not None:
                    if earlier["body"] != body:
                        raise ApiProblem(409, "P0191", "The Idempotency-Key was used for another payment")
                    return 200, self.view(self.payments[earlier["payment_id"]])
            clean = _validated(body)
            now = self.clock()
            payment = {**clean, "payment_id": secrets.token_hex(13), "account": account, "status": "created", "code": None,
                       "created": now, "refunds": [], "page_token": secrets.token_urlsafe(18), "page_used": False,
                       "form_secret": secrets.token_urlsafe(18), "card": None,
                       "history": [{"status": "created", "code": None, "at": now}]}
            self.payments[payment["payment_id"]] = payment
            self.pages[payment["page_token"]] = payment["payment_id"]
            if idempotency_key:
                self.keys[_keyed(account, idempotency_key)] = {"body": body, "payment_id": payment["payment_id"],
                                                               "account": account}
            self._save()
            return 201, self.view(payment)

    def get(self, payment_id, missing="P0200", account=None):
        """The payment, seen by `account` (None: the provider's own side: the card page, the sweep);
        another account's is not found, as GOV.UK Pay answers a key of another service."""
        with self.lock:
            payment = self.payments.get(payment_id)
            if payment is None or account is not None and payment["account"] != account:
                raise ApiProblem(404, missing, "Not found")
            self._expire(payment)
            return payment

    def cancel(self, payment_id, account=None):
        with self.lock:
            payment = self.get(payment_id, "P0500", account)
            if payment["status"] in FINISHED:
                raise ApiProblem(400, "P0501", "Cancellation of payment failed")
            self._finish(payment, "cancelled", "P0040")

    def refund(self, payment_id, body, account=None):
        with self.lock:
            payment = self.get(payment_id, "P0600", account)
            amount, available = body.get("amount"), body.get("refund_amount_available")
            if isinstance(amount, bool) or not isinstance(amount, int) or amount < 1:
                raise ApiProblem(400, "P0602", "Invalid attribute value: amount. Must be a positive integer", "amount")
            if payment["status"] != "success":
                raise ApiProblem(400, "P0603", "The payment is not available for refund. Payment refund status: "
                                 + self.view(payment)["refund_summary"]["status"])
            left = self._available(payment)
            if available is not None and available != left:
                raise ApiProblem(412, "P0604", "Refund amount available mismatch.")
            if amount > left:
                raise ApiProblem(400, "P0603", "The payment is not available for refund: the amount is more than "
                                 "is left to refund")
            refund = {"refund_id": secrets.token_hex(13), "amount": amount, "status": "submitted",
                      "created": self.clock()}
            payment["refunds"].append(refund)
            self._announce(payment, "refunded")
            self._save()
            return self.refund_view(payment, refund)

    def _available(self, payment):
        return payment["amount"] - sum(r["amount"] for r in payment["refunds"] if r["status"] != "error")

    # -- the card page's side --------------------------------------------
    def open_page(self, token):
        """The payment a next_url names, on its first visit only (None after)."""
        with self.lock:
            payment = self.payments.get(self.pages.get(token, ""))
            if payment is None or payment["page_used"]:
                return None
            self._expire(payment)
            payment["page_used"] = True
            if payment["status"] == "created":
                self._move(payment, "started")
                self._announce(payment, "started")
            self._save()
            return payment

    def pay(self, payment_id, form_secret, card):
        """A card submitted on the page: (payment, errors)."""
        with self.lock:
            payment = self.payments.get(payment_id)
            if payment is None or not hmac.compare_digest(payment["form_secret"], form_secret or ""):
                return None, {"card": "This payment page is no longer valid."}
            self._expire(payment)
            if payment["status"] in FINISHED:
                return payment, {}
            problems = pay_card_page.check(card, datetime.fromtimestamp(self.clock(), timezone.utc))
            if problems:
                return payment, problems
            self._move(payment, "submitted")
            outcome = pay_card_page.outcome(card["number"])
            payment["card"] = pay_card_page.card_details(card)
            if outcome == "success":
                self._move(payment, "success")
                self._announce(payment, "success")
                self._save()
            else:
                self._finish(payment, *outcome)
            return payment, {}

    def payer_cancels(self, payment_id, form_secret):
        with self.lock:
            payment = self.payments.get(payment_id)
            if payment is None or not hmac.compare_digest(payment["form_secret"], form_secret or ""):
                return None
            if payment["status"] not in FINISHED:
                self._finish(payment, "failed", "P0030")
            return payment

    # -- state -------------------------------------------------------------
    def _move(self, payment, status, code=None):
        """Every change of state goes through here, so the payment's events
        (GET .../events) are the transitions in the order they happened."""
        payment["status"], payment["code"] = status, code
        payment["history"].append({"status": status, "code": code, "at": self.clock()})

    def _finish(self, payment, status, code):
        self._move(payment, status, code)
        self._announce(payment, status)
        self._save()

    def _expire(self, payment):
        if payment["status"] not in FINISHED and self.clock() - payment["created"] >= self.expiry_s:
            self._finish(payment, "failed", "P0020")

    def view(self, payment):
        state = state_of(payment["status"], payment["code"])
        left = self._available(payment)
        refund_status = ("pending" if not state["finished"] else "unavailable" if payment["status"] != "success"
                         else "full" if left == 0 else "available")
        self_url = f"{self.origin}/v1/payments/{payment['payment_id']}"
        links = {"self": {"href": self_url, "method": "GET"},
                 "refunds": {"href": self_url + "/refunds", "method": "GET"},
                 "events": {"href": self_url + "/events", "method": "GET"}}
        if not state["finished"]:
            links["cancel"] = {"href": self_url + "/cancel", "method": "POST"}
            if not payment["page_used"]:
                links["next_url"] = {"href": f"{self.origin}/secure/{payment['page_token']}", "method": "GET"}
        view = {"amount": payment["amount"], "description": payment["description"],
                "reference": payment["reference"], "language": payment["language"], "metadata": payment["metadata"],
                "state": state, "payment_id": payment["payment_id"], "payment_provider": "sandbox",
                "created_date": stamp(payment["created"]), "return_url": payment["return_url"],
                "refund_summary": {"status": refund_status,
                                   "amount_available": left if refund_status == "available" else 0,
                                   "amount_submitted": payment["amount"] - left},
                "settlement_summary": {}, "delayed_capture": False, "moto": bool(payment.get("moto")),
                "_links": links}
        if payment.get("email"):
            view["email"] = payment["email"]
        if payment["card"]:
            view["card_details"] = payment["card"]
        return view

    def refund_view(self, payment, refund):
        url = f"{self.origin}/v1/payments/{payment['payment_id']}"
        return {"refund_id": refund["refund_id"], "created_date": stamp(refund["created"]),
                "amount": refund["amount"], "status": refund["status"], "settlement_summary": {},
                "_links": {"self": {"href": f"{url}/refunds/{refund['refund_id']}", "method": "GET"},
                           "payment": {"href": url, "method": "GET"}}}

    def _load(self):
        if self.state_file and self.state_file.exists():
            state = json.loads(self.state_file.read_text())
            self.payments, self.keys = state["payments"], state["keys"]
            for payment in self.payments.values():  # a state file from before accounts: the first's
                payment.setdefault("account", self.first.id)
            self.keys = {key if "account" in kept else _keyed(self.first.id, key): {"account": self.first.id, **kept}
                         for key, kept in self.keys.items()}
            # Webhooks still to send go at once after a restart (their times were another process's clock).
            self.outbox = [{"account": self.first.id, **m, "due": time.monotonic()} for m in state.get("outbox", [])]
            self.pages = {p["page_token"]: p["payment_id"] for p in self.payments.values()}
            for payment in self.payments.values():  # a state file from before events were kept
                payment.setdefault("history", [{"status": "created", "code": None, "at": payment["created"]}]
                                   + ([] if payment["status"] == "created" else
                                      [{"status": payment["status"], "code": payment["code"],
                                        "at": payment["created"]}]))

    def _save(self):
        if self.state_file:
            atomic_write_bytes(self.state_file, json.dumps(
                {"payments": self.payments, "keys": self.keys, "outbox": self.outbox}).encode())

    # -- webhooks ----------------------------------------------------------
    def _announce(self, payment, what):
        account = self.accounts.get(payment["account"])
        if account is None or not account.webhook_url:
            return
        message = {"webhook_message_id": secrets.token_hex(13), "created_date": stamp(self.clock()),
                   "resource_id": payment["payment_id"], "api_version": 1, "resource_type": "payment",
                   "event_type": EVENTS[what], "resource": self.view(payment)}
        self.outbox.append({"body": json.dumps(message), "account": account.id, "attempts": 0,
                            "due": time.monotonic()})

    def signature(self, body, account=None):
        """Pay-Signature of the body with the account's signing secret (None: the first account's)."""
        secret = (self.accounts[account] if account else self.first).webhook_secret
        return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()

    def _background(self):
        swept = 0.0
        while not self._stop.wait(0.05):
            with self.lock:
                if time.monotonic() - swept >= 1.0:  # expiries and refunds once a second; webhooks at once
                    swept = time.monotonic()
                    for payment in self.payments.values():
                        self._expire(payment)
                        for refund in payment["refunds"]:
                            if refund["status"] == "submitted":
                                refund["status"] = "success"
                due = [] if self.webhooks_paused else [m for m in self.outbox if m["due"] <= time.monotonic()]
            for message in due:
                self._deliver(message)

    def _deliver(self, message):
        from urllib.error import URLError
        from urllib.request import Request, urlopen
        body = message["body"].encode()
        account = self.accounts.get(message["account"])
        url, host = _addressed(account.webhook_url if account else None)
        request = Request(url, data=body, method="POST", headers={
            "Content-Type": "application/json", "Pay-Signature": self.signature(body, account.id),
            **({"Host": host} if host else {})}) if url else None
        try:
            if request is None:  # its account gone or its webhook taken away: tried again, as a refusal is
                raise URLError("no webhook address")
            with urlopen(request, timeout=10) as answer:
                ok = 200 <= answer.status < 300
        except (URLError, OSError):
            ok = False
        with self.lock:
            message["attempts"] += 1
            if ok:
                self.outbox.remove(message)
                self.delivered.append(json.loads(message["body"]))
            elif message["attempts"] > len(self.retry_delays_s):
                self.outbox.remove(message)
                self.failed_deliveries.append(json.loads(message["body"]))
            else:
                message["due"] = time.monotonic() + self.retry_delays_s[message["attempts"] - 1]
            self._save()


def _keyed(account, idempotency_key):
    return f"{account} {idempotency_key}"


def _addressed(url):
    """(the URL to open, the Host to send): a name under .localhost is this machine (RFC 6761), as
    browsers know and this resolver may not, so it is opened at 127.0.0.1 with the name as its Host:
    the app answers it as the council at that name (a council's webhook at its own address)."""
    parts = urlsplit(url or "")
    if parts.hostname and parts.hostname.endswith(".localhost"):
        return parts._replace(netloc="127.0.0.1" + (f":{parts.port}" if parts.port else "")).geturl(), parts.netloc
    return url, None


def _validated(body):
    if not isinstance(body, dict):
        raise ApiProblem(400, "P0197", "Unable to parse JSON")
    for name in ("amount", "reference", "description", "return_url"):
        if body.get(name) in (None, ""):
            raise ApiProblem(400, "P0101", f"Missing mandatory attribute: {name}", name)
    amount = body["amount"]
    if isinstance(amount, bool) or not isinstance(amount, int) or not 1 <= amount <= AMOUNT_MAX:
        raise ApiProblem(400, "P0102", f"Invalid attribute value: amount. Must be a whole number of pence from 1 "
                         f"to {AMOUNT_MAX}", "amount")
    for name in ("reference", "description"):
        if not isinstance(body[name], str) or len(body[name]) > 255:
            raise ApiProblem(400, "P0102", f"Invalid attribute value: {name}. Must be text of 255 characters "
                             f"or fewer", name)
    url = urlsplit(body["return_url"]) if isinstance(body["return_url"], str) else None
    if url is None or url.scheme not in ("http", "https") or not url.netloc:
        raise ApiProblem(400, "P0102", "Invalid attribute value: return_url. Must be a valid URL", "return_url")
    metadata = body.get("metadata") or {}
    if not isinstance(metadata, dict) or len(metadata) > 10 or any(
            not 1 <= len(k) <= 30 or not isinstance(v, (str, int, float, bool)) or len(str(v)) > 100
            for k, v in metadata.items()):
        raise ApiProblem(400, "P0102", "Invalid attribute value: metadata. At most 10 keys of 30 characters, "
                         "values text of 100 characters, numbers or booleans", "metadata")
    language = body.get("language", "en")
    if language not in ("en", "cy"):
        raise ApiProblem(400, "P0102", "Invalid attribute value: language. Must be \"en\" or \"cy\"", "language")
    moto = body.get("moto", False)  # card-not-present, keyed in by staff (GOV.UK Pay's MOTO)
    if not isinstance(moto, bool):
        raise ApiProblem(400, "P0102", "Invalid attribute value: moto. Must be true or false", "moto")
    return {"amount": amount, "reference": body["reference"], "description": body["description"],
            "return_url": body["return_url"], "metadata": metadata, "language": language,
            "email": body.get("email"), "moto": moto}


def _handler(provider):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_GET(self):
            self._route("GET")

        def do_POST(self):
            self._route("POST")

        def _route(self, method):
            path = urlsplit(self.path).path
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            try:
                if path.startswith(("/secure/", "/card_details/")):
                    return self._page(method, path, raw)
                given = self.headers.get("Authorization") or ""
                account = provider.holder(given[len("Bearer "):]) if given.startswith("Bearer ") else None
                if account is None:
                    return self._json(401, {"description": "Credentials are required to access this resource"})
                self._api(method, path.rstrip("/").split("/")[1:], raw, account.id)
            except ApiProblem as problem:
                self._json(problem.status, problem.body)

        def _api(self, method, parts, raw, account):
            if parts[:2] != ["v1", "payments"]:
                raise ApiProblem(404, "P0200", "Not found")
            rest = parts[2:]
            if method == "POST" and not rest:
                try:
                    body = json.loads(raw or b"null")
                except ValueError:
                    raise ApiProblem(400, "P0197", "Unable to parse JSON")
                return self._json(*provider.create(body, self.headers.get("Idempotency-Key"), account))
            if method == "GET" and not rest:
                return self._json(200, pay_reports.search(provider, urlsplit(self.path).query, account))
            if method == "GET" and len(rest) == 1:
                return self._json(200, provider.view(provider.get(rest[0], account=account)))
            if method == "GET" and rest[1:] == ["events"]:
                return self._json(200, pay_reports.events(provider, rest[0], account))
            if method == "POST" and rest[1:] == ["cancel"]:
                provider.cancel(rest[0], account)
                return self._send(204, b"", "application/json")
            if method == "POST" and rest[1:] == ["refunds"]:
                try:
                    body = json.loads(raw or b"{}")
                except ValueError:
                    raise ApiProblem(400, "P0197", "Unable to parse JSON")
                return self._json(202, provider.refund(rest[0], body if isinstance(body, dict) else {}, account))
            if method == "GET" and rest[1:2] == ["refunds"]:
                payment = provider.get(rest[0], "P0700", account)
                refunds = [provider.refund_view(payment, r) for r in payment["refunds"]]
                if len(rest) == 3:
                    found = [r for r in refunds if r["refund_id"] == rest[2]]
                    if not found:
                        raise ApiProblem(404, "P0800", "Not found")
                    return self._json(200, found[0])
                return self._json(200, {"payment_id": rest[0], "_embedded": {"refunds": refunds},
                                        "_links": {"self": {"href": f"{provider.origin}/v1/payments/{rest[0]}"
                                                                    "/refunds"}}})
            raise ApiProblem(404, "P0200", "Not found")

        def _page(self, method, path, raw):
            status, headers, html = pay_card_page.serve(provider, method, path, raw)
            self._send(status, html.encode(), "text/html; charset=utf-8", headers)

        def _json(self, status, body):
            self._send(status, json.dumps(body).encode(), "application/json")

        def _send(self, status, data, content_type, headers=None):
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)
    return Handler
