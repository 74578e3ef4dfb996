"""A local directory in Microsoft Entra ID's shape, for a council's staff sign-in on this machine (`make run`
starts York's where its settings say, directory_stack.py; tests start their own on a port of its own).
One tenant, over real HTTP, at the paths Entra serves it (issuer http://127.0.0.1:<port>/<tenant>/v2.0):

- GET <issuer>/.well-known/openid-configuration and /<tenant>/discovery/v2.0/keys: discovery and keys.
- GET /<tenant>/oauth2/v2.0/authorize: the client, its registered redirect URI, response_type=code, scope
  with openid and PKCE by S256 checked (directory_signin.py); a browser signed in here before is sent
  straight back with a code, else a page chooses the test officer and whether they used their second
  factor; a disabled account is refused there. The code lasts five minutes and works once.
- POST /<tenant>/oauth2/v2.0/token: client_secret_post (or _basic) or private_key_jwt; the code's redirect
  URI and PKCE verifier; an ID token with Entra's claims (oid, tid, preferred_username, groups, amr).
- GET /<tenant>/oauth2/v2.0/logout: ends the browser's session here, back to a registered
  post_logout_redirect_uri.
- /v1.0/...: Microsoft Graph's users and groups, behind a bearer token of the directory's own
  (directory_graph.py); each change pushed to the council's SCIM endpoint (directory_scim.py).

Its people, groups, SCIM ids and pushes not yet delivered are kept in one JSON file (directory_people.py)."""
from __future__ import annotations

import hmac
import json
import secrets
from datetime import datetime, timezone
from http.cookies import SimpleCookie
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

from doorstep_cli.local import directory_page as page
from doorstep_cli.local.directory_graph import answer
from doorstep_cli.local.directory_people import GraphError, People
from doorstep_cli.local.directory_scim import ScimPusher
from doorstep_cli.local.directory_signin import CannotSignIn, SignIn
from doorstep_cli.local.scotaccount_tokens import Refused
from doorstep_cli.local.serving import ThreadedServer, reply

COOKIE = "ESTSAUTH"  # Entra's session cookie's name


class LocalDirectory(ThreadedServer):
    def __init__(self, state_file: Path, tenant: str, host: str = "127.0.0.1", port: int = 0, seed=None,
                 admin_token: str | None = None, tenant_name: str = ""):
        self.tenant, self.tenant_name = tenant, tenant_name or tenant
        self.people = People(state_file, seed)
        self.admin_token = admin_token or secrets.token_urlsafe(32)
        self.pusher = None
        self.origin = self.serve(host, port, _handler(self), f"directory-{tenant}")
        self.sign_in = SignIn(self.origin, tenant, self.people)
        self.issuer = self.sign_in.issuer

    def register(self, client_id: str, redirect_uris, logout_uris=(), secret=None, public_pem=None) -> None:
        """The council's app registration: its client id, secret or certificate, and where it may be sent."""
        self.sign_in.keys.register_client(client_id, redirect_uris, logout_uris, secret, public_pem)

    def provision_to(self, endpoint: str, token: str, first_wait: float = 1.0) -> None:
        """Push every change (and whatever was waiting from before a restart) to the SCIM endpoint."""
        self.pusher = ScimPusher(self.people, endpoint, token, first_wait=first_wait).start()

    def close(self) -> None:
        if self.pusher is not None:
            self.pusher.close()
        super().close()


def _handler(directory: LocalDirectory):
    base = f"/{directory.tenant}"

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            url = urlsplit(self.path)
            query = {k: v[0] for k, v in parse_qs(url.query).items()}
            if url.path == f"{base}/v2.0/.well-known/openid-configuration":
                return self._json(200, directory.sign_in.discovery())
            if url.path == f"{base}/discovery/v2.0/keys":
                return self._json(200, directory.sign_in.keys.jwks())
            if url.path == f"{base}/oauth2/v2.0/authorize":
                return self._authorize(query)
            if url.path == f"{base}/oauth2/v2.0/logout":
                return self._logout(query)
            if url.path == "/oidc/userinfo":
                return self._oauth(lambda: directory.sign_in.userinfo(self._bearer()))
            self._admin("GET")

        def do_POST(self):
            path = urlsplit(self.path).path
            if path == f"{base}/oauth2/v2.0/authorize":
                fields = parse_qs(self._read().decode())
                form = {k: v[0] for k, v in fields.items()}
                asked = {k: v for k, v in form.items() if k not in ("person", "mfa")}
                return self._authorize(asked, form.get("person", ""), form.get("mfa") == "yes")
            if path == f"{base}/oauth2/v2.0/token":
                form = {k: v[0] for k, v in parse_qs(self._read().decode()).items()}
                return self._oauth(lambda: directory.sign_in.token(form, self._basic()))
            self._admin("POST")

        def do_PATCH(self):
            self._admin("PATCH")

        def do_DELETE(self):
            self._admin("DELETE")

        def _authorize(self, query, person=None, mfa=True):
            try:
                asked = directory.sign_in.asked(query)
            except Refused as e:
                if e.status != 302:
                    return self._page(400, page.trouble(e.description))
                return self._back(query["redirect_uri"], {"error": e.error, "error_description": e.description,
                                                          "state": query.get("state", "")})
            if person is None:
                code = directory.sign_in.silently(asked, self._session())
                if code:
                    return self._back(asked["redirect_uri"], {"code": code, "state": asked.get("state", "")})
                if asked.get("prompt") == "none":
                    return self._back(asked["redirect_uri"], {
                        "error": "login_required", "state": asked.get("state", ""),
                        "error_description": "AADSTS50058: A silent sign-in request was sent but no user is "
                                             "signed in."})
                return self._page(200, page.chooser(self.path.split("?")[0], asked, directory.people.users(),
                                                    directory.tenant_name))
            try:
                code, session = directory.sign_in.sign_in(asked, person, mfa)
            except CannotSignIn as e:
                return self._page(400, page.chooser(urlsplit(self.path).path, asked, directory.people.users(),
                                                    directory.tenant_name,
                                                    page.WORDS[e.words].format(name=e.name)))
            self._back(asked["redirect_uri"], {"code": code, "state": asked.get("state", "")},
                       cookie=f"{COOKIE}={session}; Path={base}/; HttpOnly; SameSite=Lax")

        def _logout(self, query):
            back = directory.sign_in.sign_out(query, self._session())
            ended = f"{COOKIE}=; Path={base}/; Max-Age=0; HttpOnly; SameSite=Lax"
            if back is None:
                return self._page(200, page.signed_out(), cookie=ended)
            self._back(back, {"state": query["state"]} if query.get("state") else {}, cookie=ended)

        def _admin(self, method):
            """The administration API, for a caller on this machine holding the directory's token."""
            given = (self.headers.get("Authorization") or "").encode()
            if not hmac.compare_digest(given, f"Bearer {directory.admin_token}".encode()):
                return self._json(401, {"error": {"code": "InvalidAuthenticationToken",
                                                  "message": "Access token is empty or not valid."}})
            try:
                raw = self._read()
                body = json.loads(raw) if raw else None
                status, said = answer(directory.people, method, urlsplit(self.path).path, body)
            except ValueError:
                status, said = 400, {"error": {"code": "BadRequest", "message": "Unable to read JSON request payload."}}
            except GraphError as e:
                status, said = e.status, {"error": {"code": e.code, "message": e.message}}
            if said is None:
                return reply(self, status, "application/json", b"")
            self._json(status, said)

        def _oauth(self, make):
            try:
                self._json(200, make())
            except Refused as e:  # RFC 6749 5.2, with Entra's own fields beside
                self._json(e.status, {"error": e.error, "error_description": e.description,
                                      "error_codes": getattr(e, "codes", []),
                                      "timestamp": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%SZ"),
                                      "trace_id": secrets.token_hex(16), "correlation_id": secrets.token_hex(16)})
            except GraphError:
                self._json(401, {"error": "invalid_token", "error_description": "The person is no longer here."})

        def _session(self):
            jar = SimpleCookie(self.headers.get("Cookie") or "")
            return jar[COOKIE].value if COOKIE in jar else None

        def _bearer(self):
            return (self.headers.get("Authorization") or "").removeprefix("Bearer ")

        def _basic(self):
            import base64
            given = self.headers.get("Authorization") or ""
            if not given.startswith("Basic "):
                return None
            try:
                client_id, _, secret = base64.b64decode(given[6:]).decode().partition(":")
            except ValueError:
                return None
            from urllib.parse import unquote_plus
            return unquote_plus(client_id), unquote_plus(secret)

        def _read(self):
            return self.rfile.read(int(self.headers.get("Content-Length") or 0))

        def _back(self, to, params, cookie=None):
            self.send_response(302)
            self.send_header("Location", f"{to}{'&' if '?' in to else '?'}{urlencode(params)}" if params else to)
            if cookie:
                self.send_header("Set-Cookie", cookie)
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def _page(self, status, body, cookie=None):
            if cookie is None:
                return reply(self, status, "text/html; charset=utf-8", body)
            self.send_response(status)
            self.send_header("Set-Cookie", cookie)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _json(self, status, body):
            reply(self, status, "application/json; charset=utf-8", json.dumps(body).encode())

    return Handler
