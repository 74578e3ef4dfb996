"""The one door into the channels: the dispatcher hands over a message and an
address and gets back an outcome.

    deliver(channel, address, message, settings, now, new_id) -> "sent" | "gone" | "retry" | "failed"

channel  "push" (address: the browser's subscription {"endpoint", "keys": {"p256dh", "auth"}}),
         "email" (an address) or "sms" (an E.164 number).
message  event_id, title, body, url, unsubscribe_url (POSTed by RFC 8058 one-click);
         optional report_id, state, topic, ttl (seconds, default 86400), urgency
         ("very-low", "low", "normal", "high"), unsubscribe_page (the link shown to people);
         notice {"subject", "text"}: by e-mail, this plain message instead (a notice about
         something the person did, as a petition's signer: its text carries its own way
         out if it has one, and unsubscribe_url may then be absent).

"gone": the subscription no longer exists, remove it. "retry": try again later
(with backoff). "failed": it will not work as it is; do not retry. A message
that breaks these rules is the caller's bug: ValueError, not an outcome.
"""
import json

from .push import MAX_PAYLOAD_BYTES, URGENCIES

DEFAULT_TTL_S = 86400
MAX_TTL_S = 28 * 86400  # the longest push services keep a message
REQUIRED = ("event_id", "title", "body", "url", "unsubscribe_url")
# Exactly what a service worker gets: never anyone else's personal data.
PUSH_FIELDS = ("title", "body", "report_id", "state", "url", "event_id")
PUSH_TITLE_MAX, PUSH_BODY_MAX = 120, 1000


def deliver(channel, address, message, settings, now, new_id):
    message = checked(message)
    if channel == "push":
        from . import push
        return push.send(address, push_payload(message), message["ttl"], message["urgency"],
                         message.get("topic"), settings.stage)
    if channel == "email" and message.get("notice"):
        from .email import send_email
        from . import SENT
        send_email(address, message["notice"]["subject"], message["notice"]["text"], now, new_id,
                   key=message["event_id"])
        return SENT
    if channel == "email":
        from .email import send_alert
        return send_alert(address, message, settings, now, new_id)
    if channel == "sms":
        from . import sms
        return sms.send_sms(address, sms.alert_text(message), settings, now, new_id)
    raise ValueError(f"unknown channel {channel!r}")


def vapid_public_key():
    """The applicationServerKey browsers subscribe with (base64url P-256 point)."""
    from .vapid import public_key
    return public_key()


def checked(message):
    needed = [k for k in REQUIRED if k != "unsubscribe_url" or not message.get("notice")]
    missing = [k for k in needed if not isinstance(message.get(k), str) or not message[k]]
    if missing:
        raise ValueError(f"an alert message needs {', '.join(missing)}")
    message = {"ttl": DEFAULT_TTL_S, "urgency": "normal", **message}
    ttl = message["ttl"]
    if not isinstance(ttl, int) or isinstance(ttl, bool) or not 0 < ttl <= MAX_TTL_S:
        raise ValueError(f"ttl must be 1 to {MAX_TTL_S} seconds")
    if message["urgency"] not in URGENCIES:
        raise ValueError(f"urgency must be one of {', '.join(URGENCIES)}")
    return message


def push_payload(message):
    payload = {k: message.get(k) for k in PUSH_FIELDS}
    payload["title"] = _clip(payload["title"], PUSH_TITLE_MAX)
    payload["body"] = _clip(payload["body"], PUSH_BODY_MAX)
    # Four-byte characters could still overflow the one encrypted record.
    while len(json.dumps(payload, ensure_ascii=False).encode()) > MAX_PAYLOAD_BYTES and len(payload["body"]) > 1:
        payload["body"] = _clip(payload["body"], len(payload["body"]) * 3 // 4)
    return payload


def _clip(text, limit):
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"
