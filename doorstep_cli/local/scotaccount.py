"""A local provider in ScotAccount's shape, for North Lanarkshire's sign-in on this machine
(`make run` starts it where the council's settings say it is; tests start their own on a
port of its own): OpenID Connect's authorization code flow over real HTTP, as ScotAccount's
documentation describes it (tests/auth/scotaccount_answers.py cites the pages).

- GET /.well-known/openid-configuration, GET /jwks.json: its discovery document and keys.
- GET /authorize: checks the client, its registered redirect URI, `response_type=code`,
  `scope` with openid, and a PKCE challenge by S256; a page where a test person is chosen;
  POST /authorize sends them back to the redirect URI with a code (five minutes, once) and the state.
- POST /token: the client assertion checked against the public key registered for the client
  (`register`), the code's redirect URI, and the code_verifier against the challenge; then
  an ID token (RS256, the nonce, a pairwise sub) and an access token.
- GET /attributes/values: with the access token and a `DIS-Client-Assertion` for this address,
  the person's claims token in ScotAccount's data schema (v2): an entry for each scope asked and
  not declined on its page (the identity verified or not, the e-mail as its loop verified it);
  404 not_found when none is left, as ScotAccount answers when it has no data to share.
"""
from __future__ import annotations

import html
import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlencode, urlsplit

from doorstep_cli.local.scotaccount_tokens import (EMAIL_SCOPE, GPG45_SCOPE, JWT_BEARER, SCHEMA, Keys, Refused,
                                                   challenge_of, pairwise, verified_claims)
from doorstep_cli.local.serving import ThreadedServer, reply

CODE_SECONDS = 300
ATTRIBUTE_SCOPES = (GPG45_SCOPE, EMAIL_SCOPE)
# Test people, as ScotAccount's integration environment provides test users: the e-mail each confirmed
# at sign-up (Eilidh's loop never finished).
PEOPLE = {
    "morag": {"name": "Morag Reid", "verified": True, "given_name": "Morag", "family_name": "Reid",
              "birth_date": "1984-06-12", "email": "morag.reid@example.org", "email_verified": True},
    "callum": {"name": "Callum Boyd", "verified": False, "email": "callum.boyd@example.org", "email_verified": True},
    "eilidh": {"name": "Eilidh Kerr", "verified": True, "given_name": "Eilidh", "family_name": "Kerr",
               "birth_date": "1991-02-27", "email": "eilidh.kerr@example.org", "email_verified": False},
}


class LocalScotAccount(ThreadedServer):
    def __init__(self, host: str = "127.0.0.1", port: int = 0):
        self.keys = Keys()
        self.codes: dict[str, dict] = {}
        self.lock = threading.Lock()
        self.origin = self.serve(host, port, _handler(self), "scotaccount")
        self.issuer = self.origin
        self.attributes_url = f"{self.origin}/attributes/values"
        self.attributes_issuer = f"{self.origin}/attributes"

    def register(self, client_id: str, public_pem: str, redirect_uris) -> None:
        """A relying party's public key and redirect URIs, as ScotAccount's onboarding registers them."""
        self.keys.register(client_id, public_pem, redirect_uris)

    def discovery(self) -> dict:
        o = self.origin
        return {"issuer": self.issuer, "authorization_endpoint": f"{o}/authorize", "token_endpoint": f"{o}/token",
                "jwks_uri": f"{o}/jwks.json", "scopes_supported": ["openid", EMAIL_SCOPE, GPG45_SCOPE],
                "response_types_supported": ["code"], "response_modes_supported": ["query"],
                "grant_types_supported": ["authorization_code"], "subject_types_supported": ["pairwise"],
                "id_token_signing_alg_values_supported": ["RS256"],
                "token_endpoint_auth_methods_supported": ["private_key_jwt"],
                "token_endpoint_auth_signing_alg_values_supported": ["RS256", "ES256"],
                "code_challenge_methods_supported": ["S256"],
                "claims_supported": ["sub", "iss", "aud", "exp", "iat", "nonce", "sid"]}

    def asked(self, query: dict) -> dict:
        """The authorization request's parameters, checked; Refused naming the first fault."""
        client = self.keys.clients.get(query.get("client_id", ""))
        if client is None or query.get("redirect_uri") not in client["redirect_uris"]:
            raise Refused("invalid_request", 400, "unknown client or unregistered redirect_uri")
        if query.get("response_type") != "code" or "openid" not in query.get("scope", "").split():
            raise Refused("invalid_request", 302, "response_type must be code and scope must have openid")
        if query.get("code_challenge_method") != "S256" or len(query.get("code_challenge", "")) != 43:
            raise Refused("invalid_request", 302, "a PKCE code_challenge by S256 is required")
        return query

    def grant(self, query: dict, person: str, declined=()) -> str:
        """A code for the person: the scopes asked, and those they declined to share on the page."""
        code = secrets.token_urlsafe(24)
        with self.lock:
            self.codes[code] = {"client_id": query["client_id"], "redirect_uri": query["redirect_uri"],
                                "challenge": query["code_challenge"], "nonce": query.get("nonce"),
                                "scopes": query["scope"].split(), "declined": list(declined), "person": person,
                                "expires": time.time() + CODE_SECONDS}
        return code

    def token(self, form: dict) -> dict:
        if form.get("grant_type") != "authorization_code":
            raise Refused("unsupported_grant_type")
        if form.get("client_assertion_type") != JWT_BEARER:
            raise Refused("invalid_client", 401, "client_assertion_type must be jwt-bearer")
        client_id = self.keys.client_of(form.get("client_assertion"), f"{self.origin}/token")
        with self.lock:
            grant = self.codes.pop(form.get("code", ""), None)  # a code works once, whatever follows
        if grant is None or grant["expires"] < time.time() or grant["client_id"] != client_id:
            raise Refused("invalid_grant", 400, "unknown, used or expired code")
        if form.get("redirect_uri") != grant["redirect_uri"]:
            raise Refused("invalid_grant", 400, "redirect_uri differs from the authorization request's")
        verifier = form.get("code_verifier", "")
        if not 43 <= len(verifier) <= 128 or challenge_of(verifier) != grant["challenge"]:
            raise Refused("invalid_grant", 400, "code_verifier does not match the code_challenge")
        return self.keys.tokens(self.issuer, grant)

    def attributes(self, bearer: str, assertion: str | None) -> dict:
        access = self.keys.access(bearer, self.issuer)
        if self.keys.client_of(assertion, self.attributes_url) != access["cid"]:
            raise Refused("invalid_client", 401, "the assertion is not the access token's client")
        if not set(ATTRIBUTE_SCOPES) & set(access.get("scp", [])):
            raise Refused("insufficient_scope", 403, "no verified attribute was asked for")
        shared = verified_claims(PEOPLE[access["person"]], set(access["scp"]) - set(access.get("declined", [])))
        if not shared:
            raise Refused("not_found", 404, "there is no data for that user")
        body = {"$schema": SCHEMA, "iss": self.attributes_issuer, "sub": pairwise(access["person"], access["cid"]),
                "iat": int(time.time()), "verified_claims": shared}
        return {"claimsToken": self.keys.sign(body)}


def _page(query: dict) -> bytes:
    hidden = "".join(f'<input type="hidden" name="{html.escape(k)}" value="{html.escape(v)}">'
                     for k, v in query.items())
    # ScotAccount's consent: each attribute asked may be left unshared (its "user doesn't give permission").
    consent = "".join(f'<p><label><input type="checkbox" name="decline" value="{scope}"> Do not share my {what}'
                      f'</label></p>' for scope, what in ((EMAIL_SCOPE, "email address"),)
                      if scope in query.get("scope", "").split())
    buttons = "".join(f'<li><button name="person" value="{key}">Sign in as {html.escape(p["name"])} '
                      f'({"identity verified" if p["verified"] else "identity not verified"})</button></li>'
                      for key, p in PEOPLE.items())
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ScotAccount (local)</title></head>'
            f'<body><main><h1>ScotAccount (local)</h1><p>A test provider on this machine. Choose who signs in.</p>'
            f'<form method="post" action="/authorize">{hidden}{consent}<ul>{buttons}</ul></form></main></body></html>').encode()


def _handler(provider: LocalScotAccount):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            url = urlsplit(self.path)
            query = {k: v[0] for k, v in parse_qs(url.query).items()}
            if url.path == "/.well-known/openid-configuration":
                return self._json(200, provider.discovery())
            if url.path in ("/jwks.json", "/attributes/jwks.json"):
                return self._json(200, provider.keys.jwks())
            if url.path == "/authorize":
                return self._authorize(query, None)
            if url.path == "/attributes/values":
                bearer = (self.headers.get("Authorization") or "").removeprefix("Bearer ")
                return self._answer(lambda: provider.attributes(bearer, self.headers.get("DIS-Client-Assertion")))
            self._json(404, {"error": "not_found"})

        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            fields = parse_qs(self.rfile.read(length).decode())
            form = {k: v[0] for k, v in fields.items()}
            path = urlsplit(self.path).path
            if path == "/authorize":
                asked = {k: v for k, v in form.items() if k not in ("person", "decline")}
                return self._authorize(asked, form.get("person"), fields.get("decline", []))
            if path == "/token":
                return self._answer(lambda: provider.token(form))
            self._json(404, {"error": "not_found"})

        def _authorize(self, query, person, declined=()):
            try:
                asked = provider.asked(query)
            except Refused as e:
                if e.status != 302:
                    return reply(self, 400, "text/html; charset=utf-8", html.escape(e.description).encode())
                return self._back(query["redirect_uri"], {"error": e.error, "error_description": e.description,
                                                          "state": query.get("state", "")})
            if person not in PEOPLE:
                return reply(self, 200, "text/html; charset=utf-8", _page(asked))
            code = provider.grant(asked, person, declined)
            self._back(asked["redirect_uri"], {"code": code, "state": asked.get("state", "")})

        def _back(self, redirect_uri, params):
            self.send_response(302)
            self.send_header("Location", f"{redirect_uri}?{urlencode(params)}")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def _answer(self, make):
            try:
                self._json(200, make())
            except Refused as e:
                self._json(e.status, {"error": e.error, "error_description": e.description})

        def _json(self, status, body):
            reply(self, status, "application/json", json.dumps(body).encode())

    return Handler
