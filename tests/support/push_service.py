"""A Web Push service on 127.0.0.1, for tests and for trying alerts by hand.

It plays both sides a browser and its push service play: `subscribe()` makes
a browser-like subscription (a P-256 key pair and a 16-byte auth secret) whose
endpoint is this server, and each POST is checked as a real push service
would: a VAPID token (RFC 8292) signed by the `k` key for this origin, not
expired, with a `sub`; the key the subscription was made with, if given; a
TTL; an RFC 8030 urgency; then the aes128gcm body (RFC 8291) is decrypted
with the subscriber's private key and kept in `received`.

    with PushService() as service:
        browser = service.subscribe(application_server_key=vapid.public_key())
        deliver("push", browser.subscription, ...)
        service.received[0].payload  # the JSON the service worker would get

By hand: `python tests/support/push_service.py` prints a subscription to
paste into POST /v1/alerts and logs every push it decrypts.
"""
import base64
import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

URGENCIES = ("very-low", "low", "normal", "high")
MAX_VAPID_LIFETIME_S = 24 * 3600


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64url(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass
class Subscriber:
    endpoint: str
    private_key: object  # the browser's P-256 key (cryptography)
    auth: bytes
    application_server_key: str | None = None

    @property
    def subscription(self):
        """What PushSubscription.toJSON() gives the page."""
        from cryptography.hazmat.primitives import serialization
        point = self.private_key.public_key().public_bytes(serialization.Encoding.X962,
                                                           serialization.PublicFormat.UncompressedPoint)
        return {"endpoint": self.endpoint, "expirationTime": None,
                "keys": {"p256dh": b64url(point), "auth": b64url(self.auth)}}


@dataclass
class Received:
    endpoint: str
    headers: dict
    claims: dict
    payload: object  # the JSON the service worker would show
    raw: bytes = field(repr=False, default=b"")


class PushService:
    def __init__(self):
        self.received, self.refused = [], []  # refused: (endpoint, status, reason)
        self._subscribers, self._answers, self._held = {}, {}, {}
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        self.origin = f"http://127.0.0.1:{self._server.server_address[1]}"
        # A short poll makes close() (each test's teardown) return at once.
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)
        self._thread.start()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        for gate in self._held.values():
            gate.set()
        self._server.shutdown()
        self._server.server_close()

    def subscribe(self, application_server_key=None):
        from cryptography.hazmat.primitives.asymmetric import ec
        endpoint = f"{self.origin}/push/{secrets.token_urlsafe(16)}"
        subscriber = Subscriber(endpoint, ec.generate_private_key(ec.SECP256R1()), secrets.token_bytes(16),
                                application_server_key)
        self._subscribers[endpoint] = subscriber
        return subscriber

    def answer(self, endpoint, status):
        """Answer every push to this endpoint with `status` (410, 500...)."""
        self._answers[endpoint] = status

    def hold(self, endpoint):
        """Keep pushes to this endpoint waiting (until close()): a timeout."""
        self._held[endpoint] = threading.Event()

    def check(self, endpoint, headers, body):
        """(status, reason, Received or None): what a push service would say."""
        subscriber = self._subscribers.get(endpoint)
        if subscriber is None:
            return 404, "no such subscription", None
        if endpoint in self._held:
            self._held[endpoint].wait(30)
        if endpoint in self._answers:
            return self._answers[endpoint], "told to", None
        if not headers.get("ttl", "").isdigit():
            return 400, "TTL header missing", None
        if headers.get("urgency", "normal") not in URGENCIES:
            return 400, "bad Urgency", None
        if headers.get("content-encoding") != "aes128gcm":
            return 415, "not aes128gcm", None
        try:
            claims = self._vapid_claims(headers.get("authorization", ""), subscriber)
        except Exception as e:  # any failure here is the sender's fault
            return 403, f"VAPID: {e}", None
        try:
            import http_ece
            raw = http_ece.decrypt(body, private_key=subscriber.private_key, auth_secret=subscriber.auth,
                                   version="aes128gcm")
        except Exception as e:
            return 400, f"cannot decrypt: {e}", None
        try:
            payload = json.loads(raw)
        except ValueError:
            payload = raw.decode(errors="replace")
        return 201, "", Received(endpoint, headers, claims, payload, raw)

    def _vapid_claims(self, authorization, subscriber):
        import jwt
        from cryptography.hazmat.primitives.asymmetric import ec
        scheme, _, params = authorization.partition(" ")
        parts = dict(p.strip().split("=", 1) for p in params.split(",") if "=" in p)
        if scheme.lower() != "vapid" or "t" not in parts or "k" not in parts:
            raise ValueError("Authorization is not `vapid t=..., k=...`")
        if subscriber.application_server_key and parts["k"] != subscriber.application_server_key:
            raise ValueError("signed with another key than the subscription's")
        key = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), unb64url(parts["k"]))
        claims = jwt.decode(parts["t"], key, algorithms=["ES256"], audience=self.origin,
                            options={"require": ["exp", "aud", "sub"]})
        if claims["exp"] > time.time() + MAX_VAPID_LIFETIME_S:
            raise ValueError("exp more than 24 hours ahead")
        return claims


def _handler(service):
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            headers = {k.lower(): v for k, v in self.headers.items()}
            status, reason, received = service.check(service.origin + self.path, headers, body)
            if received:
                service.received.append(received)
            else:
                service.refused.append((service.origin + self.path, status, reason))
            try:
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()
            except OSError:
                pass  # the sender gave up waiting

        def log_message(self, *args):
            pass
    return Handler


if __name__ == "__main__":
    with PushService() as service:
        print(json.dumps(service.subscribe().subscription, indent=2))
        print("Waiting for pushes (Ctrl-C to stop)...", flush=True)
        seen = refused = 0
        try:
            while True:
                time.sleep(0.5)
                for r in service.received[seen:]:
                    print(json.dumps({"urgency": r.headers.get("urgency"), "ttl": r.headers.get("ttl"),
                                      "payload": r.payload}), flush=True)
                for endpoint, status, reason in service.refused[refused:]:
                    print(f"refused ({status}): {reason}", flush=True)
                seen, refused = len(service.received), len(service.refused)
        except KeyboardInterrupt:
            pass
