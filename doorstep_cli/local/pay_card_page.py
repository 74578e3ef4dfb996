"""The local provider's hosted card page: where next_url sends the payer.

Plain HTML a person or Playwright fills in (labels on every field, errors
beside them). It takes GOV.UK Pay's sandbox test cards:
  4000058260000005  success
  4444333322221111  success (the sandbox's Visa)
  4000000000000002  declined             -> failed, P0010
  4000000000000069  expired card         -> failed, P0010
  4000000000000119  processing error     -> error,  P0050
Any other number is refused on the page, as the sandbox refuses unknown cards.
"""
from __future__ import annotations

import html
import re
from urllib.parse import parse_qs

CARDS = {"4000058260000005": "success", "4444333322221111": "success",
         "4000000000000002": ("failed", "P0010"), "4000000000000069": ("failed", "P0010"),
         "4000000000000119": ("error", "P0050")}
FIELDS = (("number", "Card number", "cc-number", "numeric"), ("expiry", "Expiry date (MM/YY)", "cc-exp", "text"),
          ("name", "Name on card", "cc-name", "text"), ("cvc", "Card security code", "cc-csc", "numeric"))


def outcome(number):
    return CARDS[_digits(number)]


def _digits(value):
    return re.sub(r"[\s-]", "", value or "")


def card_details(card):
    number = _digits(card["number"])
    return {"last_digits_card_number": number[-4:], "first_digits_card_number": number[:6],
            "cardholder_name": card["name"].strip(), "expiry_date": card["expiry"].replace(" ", ""),
            "card_brand": "Visa", "card_type": "debit"}


def check(card, now):
    problems = {}
    number = _digits(card.get("number"))
    if not re.fullmatch(r"[0-9]{12,19}", number) or not _luhn(number):
        problems["number"] = "Enter a valid card number"
    elif number not in CARDS:
        problems["number"] = "This card is not a test card this provider takes"
    match = re.fullmatch(r"\s*(\d{1,2})\s*/\s*(\d{2})\s*", card.get("expiry") or "")
    if not match or not 1 <= int(match.group(1)) <= 12:
        problems["expiry"] = "Enter a valid expiry date, like 04/30"
    elif (2000 + int(match.group(2)), int(match.group(1))) < (now.year, now.month):
        problems["expiry"] = "This card has expired: enter a date in the future"
    if not (card.get("name") or "").strip():
        problems["name"] = "Enter the name as it appears on the card"
    if not re.fullmatch(r"[0-9]{3,4}", (card.get("cvc") or "").strip()):
        problems["cvc"] = "Enter the 3 or 4 digit card security code"
    return problems


def _luhn(number):
    total = 0
    for i, digit in enumerate(reversed(number)):
        d = int(digit) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def serve(provider, method, path, raw):
    """(status, headers, html) for the page's paths."""
    if method == "GET" and path.startswith("/secure/"):
        payment = provider.open_page(path[len("/secure/"):])
        if payment is None:
            return 404, {}, _page("This payment link has already been used or does not exist",
                                  "<p>Go back to the service to start again.</p>")
        if payment["status"] in ("failed", "cancelled", "error", "success"):
            return _finished(payment)
        return 200, {}, _form(payment, {}, {})
    parts = path.strip("/").split("/")  # card_details/{id}[/cancel]
    if method != "POST" or len(parts) not in (2, 3) or (len(parts) == 3 and parts[2] != "cancel"):
        return 404, {}, _page("Page not found", "")
    form = {k: v[0] for k, v in parse_qs(raw.decode("utf-8", "replace")).items()}
    if len(parts) == 3:
        payment = provider.payer_cancels(parts[1], form.get("form_secret"))
        return (_finished(payment) if payment else (400, {}, _page("This payment page is no longer valid", "")))
    card = {name: form.get(name, "") for name, *_ in FIELDS}
    payment, problems = provider.pay(parts[1], form.get("form_secret"), card)
    if payment is None:
        return 400, {}, _page("This payment page is no longer valid", "<p>Go back to the service.</p>")
    if problems:
        return 200, {}, _form(payment, card, problems)
    return _finished(payment)


def _finished(payment):
    back = html.escape(payment["return_url"], quote=True)
    if payment["status"] == "success":
        return 303, {"Location": payment["return_url"]}, _page("Payment successful",
                                                                f'<p><a href="{back}">Continue</a></p>')
    title = {"P0010": "Your payment has been declined", "P0020": "Your payment session has expired",
             "P0030": "Your payment has been cancelled", "P0040": "Your payment has been cancelled",
             "P0050": "We could not take your payment"}.get(payment["code"], "Your payment did not go through")
    return 200, {}, _page(title, f'<p>No money has been taken from your account.</p>'
                                 f'<p><a id="return-url" class="button" href="{back}">Go back to the service</a></p>')


def _form(payment, card, problems):
    amount = f"£{payment['amount'] // 100:,}.{payment['amount'] % 100:02d}"
    summary = "".join(f'<li><a href="#{n}">{html.escape(m)}</a></li>' for n, m in problems.items())
    fields = []
    for name, label, autocomplete, mode in FIELDS:
        error = problems.get(name)
        value = "" if name == "number" and error is None and not card else html.escape(card.get(name, ""), quote=True)
        fields.append(
            f'<div class="field"><label for="{name}">{label}</label>'
            + (f'<p class="error" id="{name}-error">{html.escape(error)}</p>' if error else "")
            + f'<input id="{name}" name="{name}" autocomplete="{autocomplete}" inputmode="{mode}" value="{value}"'
            + (f' aria-invalid="true" aria-describedby="{name}-error"' if error else "") + "></div>")
    secret = html.escape(payment["form_secret"], quote=True)
    pid = html.escape(payment["payment_id"], quote=True)
    body = (
        (f'<div class="summary" role="alert"><h2>There is a problem</h2><ul>{summary}</ul></div>' if problems else "")
        + f'<p>{html.escape(payment["description"])}</p><p class="amount">Total amount: <strong>{amount}</strong></p>'
        + f'<form method="post" action="/card_details/{pid}" novalidate>'
        + f'<input type="hidden" name="form_secret" value="{secret}">' + "".join(fields)
        + '<button type="submit" id="submit-card-details">Continue</button></form>'
        + f'<form method="post" action="/card_details/{pid}/cancel">'
        + f'<input type="hidden" name="form_secret" value="{secret}">'
        + '<button type="submit" class="link" id="cancel-payment">Cancel payment</button></form>')
    return _page("Enter card details", body)


def _page(title, body):
    return ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{html.escape(title)} - Local payments</title><style>"
            "body{font-family:system-ui,sans-serif;max-width:36rem;margin:1rem auto;padding:0 1rem}"
            ".field{margin:1rem 0}label{display:block;font-weight:600}input{font-size:1.1rem;padding:.5rem;"
            "width:100%;box-sizing:border-box;border:2px solid #0b0c0c}.error{color:#d4351c;margin:.25rem 0}"
            "button,.button{font-size:1.1rem;padding:.6rem 1rem;min-height:44px}.summary{border:4px solid #d4351c;"
            "padding:0 1rem}.link{background:none;border:none;color:#1d70b8;text-decoration:underline}"
            "</style></head><body><header><p>Local payments (test cards only)</p></header><main>"
            f"<h1>{html.escape(title)}</h1>{body}</main></body></html>")
