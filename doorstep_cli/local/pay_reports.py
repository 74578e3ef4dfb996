"""The local provider's reporting half of GOV.UK Pay's API: a payment's events
and the payment search, with GOV.UK Pay's parameters, checks and error codes.

  GET /v1/payments/{id}/events   {"payment_id", "events": [{payment_id, state, updated, _links.payment_url}],
                                  "_links": {"self"}}; an unknown payment: 404 P0300
  GET /v1/payments?...           {"total", "count", "page", "results", "_links": {self, first_page,
                                  last_page, prev_page, next_page}}, newest first; a parameter out of
                                  shape: 422 P0401 naming every one; a page past the last: 404 P0402
"""
from __future__ import annotations

import re
from datetime import datetime, timezone
from urllib.parse import parse_qs, urlencode

from doorstep_cli.local.pay_states import ApiProblem, stamp, state_of

STATES = ("created", "started", "submitted", "success", "failed", "cancelled", "error")
DISPLAY_SIZE_MAX = 500
# GOV.UK Pay's own limits on the text parameters (its create request's for reference and email).
TEXT_MAX = {"reference": 255, "email": 254, "card_brand": 20}
DIGITS = {"first_digits_card_number": 6, "last_digits_card_number": 4}
FILTERS = ("reference", "email", "state", "card_brand", "from_date", "to_date", "cardholder_name",
           "first_digits_card_number", "last_digits_card_number", "from_settled_date", "to_settled_date",
           "agreement_id")
_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def events(provider, payment_id, account=None):
    with provider.lock:
        payment = provider.get(payment_id, "P0300", account)
        url = f"{provider.origin}/v1/payments/{payment_id}"
        return {"payment_id": payment_id,
                "events": [{"payment_id": payment_id, "state": state_of(move["status"], move["code"]),
                            "updated": stamp(move["at"]), "_links": {"payment_url": {"href": url, "method": "GET"}}}
                           for move in payment["history"]],
                "_links": {"self": {"href": url + "/events", "method": "GET"}}}


def search(provider, query, account=None):
    """The account's payments (None: every account's) the query finds."""
    given = {name: values[0] for name, values in parse_qs(query, keep_blank_values=True).items() if values[0] != ""}
    wrong = _wrong(given)
    if wrong:
        raise ApiProblem(422, "P0401", f"Invalid parameters: {', '.join(wrong)}. See Public API documentation "
                                       "for the correct data formats")
    page, size = int(given.get("page", 1)), int(given.get("display_size", DISPLAY_SIZE_MAX))
    with provider.lock:
        # Newest first; payments made in the same instant, the later-made first.
        found = [p for p in sorted(reversed(list(provider.payments.values())), key=lambda p: p["created"],
                                   reverse=True) if account in (None, p["account"]) and _matches(p, given)]
        last = max(1, -(-len(found) // size))
        if page > last:
            raise ApiProblem(404, "P0402", "Page not found")
        results = [provider.view(p) for p in found[(page - 1) * size:page * size]]
    for result in results:
        if "card_details" in result:
            result["card_brand"] = result["card_details"]["card_brand"]

    def link(number):
        kept = {name: given[name] for name in FILTERS if name in given}
        return {"href": f"{provider.origin}/v1/payments?{urlencode({**kept, 'page': number, 'display_size': size})}",
                "method": "GET"}
    return {"total": len(found), "count": len(results), "page": page, "results": results,
            "_links": {"self": link(page), "first_page": link(1), "last_page": link(last),
                       "prev_page": link(page - 1) if page > 1 else None,
                       "next_page": link(page + 1) if page < last else None}}


def _wrong(given):
    """The parameters out of shape, in GOV.UK Pay's order of checking."""
    wrong = []
    if given.get("state", "created") not in STATES:
        wrong.append("state")
    wrong += [name for name, most in TEXT_MAX.items() if len(given.get(name, "")) > most]
    wrong += [name for name in ("from_date", "to_date") if name in given and _moment(given[name]) is None]
    for name, most in (("page", None), ("display_size", DISPLAY_SIZE_MAX)):
        value = given.get(name, "1")
        if not value.isdigit() or int(value) < 1 or (most and int(value) > most):
            wrong.append(name)
    wrong += [name for name, length in DIGITS.items()
              if name in given and not (given[name].isdigit() and len(given[name]) == length)]
    wrong += [name for name in ("from_settled_date", "to_settled_date")
              if name in given and not _DAY.fullmatch(given[name])]
    return wrong


def _moment(text):
    if not _MOMENT.fullmatch(text):
        return None
    try:
        return datetime.strptime(text[:19], "%Y-%m-%dT%H:%M:%S").replace(tzinfo=timezone.utc).timestamp()
    except ValueError:
        return None


def _matches(payment, given):
    card = payment["card"] or {}
    if "reference" in given and payment["reference"] != given["reference"]:
        return False
    if "email" in given and given["email"].lower() not in (payment.get("email") or "").lower():
        return False
    if "state" in given and payment["status"] != given["state"]:
        return False
    if "card_brand" in given and card.get("card_brand", "").lower() != given["card_brand"].lower():
        return False
    if "cardholder_name" in given and given["cardholder_name"].lower() not in card.get("cardholder_name", "").lower():
        return False
    if any(name in given and card.get(name) != given[name] for name in DIGITS):
        return False
    if "from_date" in given and payment["created"] < _moment(given["from_date"]):
        return False
    if "to_date" in given and payment["created"] >= _moment(given["to_date"]):
        return False
    # The sandbox settles nothing and makes no agreements: a search by either finds nothing.
    return not any(name in given for name in ("from_settled_date", "to_settled_date", "agreement_id"))
