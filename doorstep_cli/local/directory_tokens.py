"""The local directory's tokens (directory.py): its clients (Entra's app registrations: a client secret or a
certificate's public key, redirect URIs, post-logout redirect URIs), the client's proof at the token
endpoint, and the ID and access tokens it signs, with the claims Entra ID's v2.0 ID token carries.

The RS256 key and JWK set, and the check of a client assertion (RFC 7523), are the local ScotAccount's
(scotaccount_tokens.Keys); a key is made at each start, as Entra rolls its keys, and a relying party
re-reads the JWKS on an unknown kid."""
from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
import uuid

from doorstep_cli.local.scotaccount_tokens import JWT_BEARER, Keys, Refused

TOKEN_SECONDS = 3599  # Entra's expires_in for a token of an hour
GRAPH = "00000003-0000-0000-c000-000000000000"  # Microsoft Graph's app id: the audience of Entra's access token


def refused(error: str, status: int, aadsts: int, words: str) -> Refused:
    """Entra's error: its AADSTS number leads the description, as error_codes carries it."""
    e = Refused(error, status, f"AADSTS{aadsts}: {words}")
    e.codes = [aadsts]
    return e


class DirectoryKeys(Keys):
    def __init__(self):
        super().__init__()
        # Entra's kids are its certificate's thumbprint in base64url (27 characters)
        self.kid = base64.urlsafe_b64encode(hashlib.sha1(secrets.token_bytes(32)).digest()).rstrip(b"=").decode()
        self.secrets: dict[str, str] = {}
        self.logout_uris: dict[str, list[str]] = {}

    def register_client(self, client_id: str, redirect_uris, logout_uris=(), secret: str | None = None,
                        public_pem: str | None = None) -> None:
        """An app registration: its client secret, or its certificate's public key (private_key_jwt)."""
        if public_pem:
            self.register(client_id, public_pem, redirect_uris)
        else:
            with self.lock:
                self.clients[client_id] = {"key": None, "redirect_uris": list(redirect_uris)}
        with self.lock:
            if secret:
                self.secrets[client_id] = secret
            self.logout_uris[client_id] = list(logout_uris)

    def authenticated(self, form: dict, basic: tuple | None, audience: str) -> str:
        """The client the token request proves it is: a client assertion, or its secret in the form
        (client_secret_post) or in HTTP Basic (client_secret_basic); Refused(invalid_client, 401) else."""
        if form.get("client_assertion_type") == JWT_BEARER or form.get("client_assertion"):
            client_id = self.client_of(form.get("client_assertion"), audience)
            if form.get("client_id") not in (None, client_id):
                raise refused("invalid_client", 401, 50027, "the assertion is another client's.")
            return client_id
        client_id, secret = basic or (form.get("client_id"), form.get("client_secret"))
        if client_id not in self.clients:
            raise refused("invalid_client", 401, 700016, f"Application with identifier '{client_id}' was not found "
                                                         "in the directory.")
        kept = self.secrets.get(client_id)
        if not secret:
            raise refused("invalid_client", 401, 7000218, "The request body must contain the following parameter: "
                                                          "'client_assertion' or 'client_secret'.")
        if kept is None or not hmac.compare_digest(kept.encode(), str(secret).encode()):
            raise refused("invalid_client", 401, 7000215, "Invalid client secret provided. Ensure the secret being "
                                                          "sent in the request is the client secret value, not the "
                                                          "client secret ID.")
        return client_id

    def entra_tokens(self, issuer: str, tenant: str, grant: dict, person: dict, groups: list[str]) -> dict:
        now = int(time.time())
        common = {"iss": issuer, "iat": now, "nbf": now, "exp": now + TOKEN_SECONDS, "tid": tenant,
                  "oid": person["id"], "uti": secrets.token_urlsafe(16), "ver": "2.0"}
        id_token = self.sign({**common, "aud": grant["client_id"], "sub": pairwise(person["id"], grant["client_id"]),
                              "nonce": grant["nonce"], "name": person["displayName"],
                              "preferred_username": person["userPrincipalName"], "email": person["mail"],
                              "groups": groups, "amr": grant["amr"], "auth_time": grant["auth_time"]},
                             typ="JWT")
        access = self.sign({**common, "aud": GRAPH, "sub": pairwise(person["id"], GRAPH), "appid": grant["client_id"],
                            "scp": " ".join(s for s in grant["scopes"] if s != "openid") or "User.Read",
                            "upn": person["userPrincipalName"]}, typ="JWT")
        return {"token_type": "Bearer", "scope": " ".join(grant["scopes"]), "expires_in": TOKEN_SECONDS,
                "ext_expires_in": TOKEN_SECONDS, "access_token": access, "id_token": id_token}

    def access_token(self, token: str, issuer: str) -> dict:
        import jwt
        try:
            return jwt.decode(token, self.private.public_key(), algorithms=["RS256"], issuer=issuer, audience=GRAPH,
                              options={"require": ["exp", "oid", "sub"]})
        except jwt.PyJWTError as e:
            raise refused("invalid_token", 401, 50000, str(e)) from None

    def hinted(self, id_token_hint: str | None, issuer: str) -> dict | None:
        """An id_token_hint's claims, if this directory signed it (expired or not, as Entra reads one at logout)."""
        import jwt
        if not id_token_hint:
            return None
        try:
            return jwt.decode(id_token_hint, self.private.public_key(), algorithms=["RS256"], issuer=issuer,
                              options={"verify_exp": False, "verify_aud": False})
        except jwt.PyJWTError:
            return None


def pairwise(oid: str, client_id: str) -> str:
    """Entra's sub: the same person's differs from one app to another, and stays the same for each."""
    digest = hashlib.sha256(f"{client_id}:{oid}".encode()).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def new_client_secret() -> str:
    """A client secret in Entra's shape: 40 characters, its fourth a "~" after three of its id."""
    return secrets.token_urlsafe(3)[:3] + "8Q~" + secrets.token_urlsafe(30)[:34]


def session_id() -> str:
    return str(uuid.uuid4())
