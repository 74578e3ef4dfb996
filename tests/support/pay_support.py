"""Payments in tests: the local GOV.UK Pay-speaking provider over real HTTP,
the app served over HTTP for it to send webhooks to, a payer who fills in
the card page, and a property with a refuse round to book bulky waste for."""
import html
import re
from datetime import datetime, timezone

import pytest

SUCCESS, DECLINED, EXPIRED, ERROR = "4000058260000005", "4000000000000002", "4000000000000069", "4000000000000119"
ROUND, GARDEN_ROUND = "REF-MON", "GDN-TUE"


@pytest.fixture
def pay(monkeypatch):
    """The local provider, with the app configured for it as for GOV.UK Pay;
    webhooks are retried after 0.2, 0.5 and 1 s instead of minutes."""
    from doorstep_cli.local.pay_provider import PayProvider
    with PayProvider(retry_delays_s=(0.2, 0.5, 1.0)) as provider:
        monkeypatch.setenv("DOORSTEP_PAY_URL", provider.origin)
        monkeypatch.setenv("DOORSTEP_PAY_API_KEY", provider.api_key)
        monkeypatch.setenv("DOORSTEP_PAY_WEBHOOK_SECRET", provider.webhook_secret)
        yield provider


@pytest.fixture
def app_url(served, pay, monkeypatch):
    """The app over HTTP, its links (return URLs) pointing at itself and the
    provider's webhooks at its webhook route."""
    url = f"http://127.0.0.1:{served.port}"
    monkeypatch.setenv("DOORSTEP_PUBLIC_URL", url)
    pay.webhook_url = url + "/v1/payments/webhook"
    return url


def card_expiry():
    """A card expiry two years on (not a moment: any day of the run will do)."""
    today = datetime.now(timezone.utc)
    return f"{today.month:02d}/{(today.year + 2) % 100:02d}"


def open_card_page(next_url):
    import requests
    session = requests.Session()
    page = session.get(next_url, timeout=10)
    return session, page


def pay_with(next_url, card=SUCCESS, cancel=False):
    """The payer on the provider's page: the address the page sends them back
    to (GOV.UK Pay's return URL), or None when the page kept them."""
    session, page = open_card_page(next_url)
    assert page.status_code == 200, page.text
    secret = re.search(r'name="form_secret" value="([^"]+)"', page.text).group(1)
    actions = re.findall(r'<form method="post" action="([^"]+)"', page.text)
    origin = next_url.split("/secure/")[0]
    if cancel:
        answer = session.post(origin + actions[1], data={"form_secret": secret}, allow_redirects=False, timeout=10)
    else:
        answer = session.post(origin + actions[0], data={"form_secret": secret, "number": card,
                                                         "expiry": card_expiry(), "name": "Ada Resident",
                                                         "cvc": "123"}, allow_redirects=False, timeout=10)
    if answer.status_code == 303:
        return answer.headers["Location"]
    back = re.search(r'id="return-url" class="button" href="([^"]+)"', answer.text)
    return html.unescape(back.group(1)) if back else None


def home_with_round(deps, capacity=None, garden=True, **rules):
    """A property on a weekly Monday refuse round and a Tuesday garden round
    (tests/support/bins_support); `capacity` and other rules saved as the
    council's bulky settings."""
    from support.bins_support import HOME, store_home, store_rounds, weekly_round
    store_rounds(deps, weekly_round(ROUND, "refuse", 0), weekly_round(GARDEN_ROUND, "garden", 1))
    store_home(deps, {"refuse": ROUND, **({"garden": GARDEN_ROUND} if garden else {})})
    if capacity is not None or rules:
        from chalicelib.handlers.waste.limits import DEFAULT_SETTINGS
        settings = {**DEFAULT_SETTINGS, **rules}
        if capacity is not None:
            settings["capacity_per_day"] = capacity
        deps.bulky.save_settings(settings, 0, deps.clock(), "test")
    return HOME


def confirmed_booking(client, deps, people, items=("sofa",)):
    """A resident's bulky collection on the last day offered (weeks ahead), paid
    with the success card and confirmed: (the booking as made, the resident)."""
    uprn, resident = home_with_round(deps), people()
    last = client.get(f"/v1/places/{uprn}/bulky/dates").json_body["dates"][-1]["date"]
    made = client.post("/v1/waste/bulky/bookings", {"uprn": uprn, "date": last, "items": list(items),
                                                   "location": "By the front gate", "notes": "Side door sticks"},
                       resident.auth).json_body
    back = pay_with(made["payment"]["next_url"], SUCCESS)
    client.get(back[back.index("/v1/"):])
    assert deps.bulky.get(made["id"]).status == "confirmed"
    return made, resident
