"""Where an alert goes: a Web Push subscription, an e-mail address, a phone.

Checked strictly because the dispatcher will POST to the push endpoint and
mail or text the others: an endpoint must pass the push channel's own check
(notify/endpoints.py: https on a public host), and the keys must be what RFC 8291 needs (a P-256 point and a 16-byte secret).
"""

from ... import validation
from .limits import CHANNELS, MAX_ENDPOINT
from .wording import (CHANNELS_LIST, EMAIL_FOR_EMAIL_CHANNEL, NOT_A_P256_KEY, NOT_A_PUSH_SECRET, NOT_A_PUSH_SERVICE_URL,
                      NOT_A_PUSH_SUBSCRIPTION, PHONE_FOR_SMS_CHANNEL, SUBSCRIPTION_FOR_PUSH_CHANNEL)



def check_channels(deps, body, problems):
    """{"push": {...}, "email": "...", "sms": "+44..."} for the channels asked."""
    wanted = body.get("channels")
    if not isinstance(wanted, list) or not wanted or not all(c in CHANNELS for c in wanted) \
            or len(set(wanted)) != len(wanted):
        problems.add("channels", CHANNELS_LIST.format(channels=", ".join(CHANNELS)))
        return {}
    out = {}
    if "push" in wanted:
        out["push"] = push_subscription(deps, body.get("push_subscription"), problems)
    if "email" in wanted:
        given = body.get("email")
        if given is None and deps.principal and deps.principal.email:
            given = deps.principal.email  # a signed-in resident's own address by default
        if given is None:
            problems.rule("email", EMAIL_FOR_EMAIL_CHANNEL)
        else:
            out["email"] = validation.email(given, "email", problems)
    if "sms" in wanted:
        if body.get("phone") is None:
            problems.rule("phone", PHONE_FOR_SMS_CHANNEL)
        else:
            out["sms"] = validation.e164(validation.phone(body.get("phone"), "phone", problems))
    return {k: v for k, v in out.items() if v}


def push_subscription(deps, value, problems):
    """What a browser's subscription must hold beyond its shape (a push
    service's https URL, a P-256 point) is a rule (422): the document gives the shape."""
    if value is None:
        problems.rule("push_subscription", SUBSCRIPTION_FOR_PUSH_CHANNEL)
        return None
    if not isinstance(value, dict) or not isinstance(value.get("keys"), dict):
        problems.add("push_subscription", NOT_A_PUSH_SUBSCRIPTION)
        return None
    endpoint = value.get("endpoint")
    problem = NOT_A_PUSH_SERVICE_URL if not isinstance(endpoint, str) or len(
        endpoint) > MAX_ENDPOINT else _endpoint_problem(deps, endpoint)
    if problem:
        problems.rule("push_subscription.endpoint", problem)
        endpoint = None
    from ...notify.push import decode_keys
    _, _, bad = decode_keys(value["keys"])
    if "p256dh" in bad:
        problems.rule("push_subscription.keys.p256dh", NOT_A_P256_KEY)
    if "auth" in bad:
        problems.rule("push_subscription.keys.auth", NOT_A_PUSH_SECRET)
    if endpoint is None or bad:
        return None
    return {"endpoint": endpoint, "keys": {"p256dh": value["keys"]["p256dh"].rstrip("="),
                                           "auth": value["keys"]["auth"].rstrip("=")}}


def _endpoint_problem(deps, url):
    """The push channel's own rule (notify/endpoints.py): https on a public
    host, or the developer's local push service on the local stage. The name
    is not looked up here: the sender resolves and checks it before every
    push and connects to the address it checked, so a name that later points
    inwards is refused then; a DNS hiccup does not block subscribing."""
    from ...notify.endpoints import endpoint_problem
    return endpoint_problem(url, deps.settings.stage, lookup=False)


def reporters_own(report):
    """{(channel, address)}: the e-mail address (lower case) and the phone
    (E.164) a report was made with, as an alert's channels would hold them."""
    contact = report.contact or {}
    phone = contact.get("phone")
    return {("email", (contact.get("email") or "").lower()), ("sms", validation.e164(phone) if phone else None)}
