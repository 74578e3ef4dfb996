"""The local ScotAccount's tokens (scotaccount.py): its own RS256 key and JWK set, the tokens
it signs, and its checks of a relying party's client assertion (RFC 7523: signed with the key
registered for the client, iss = sub = client_id, aud the endpoint called, a jti used once)."""
from __future__ import annotations

import base64
import hashlib
import secrets
import threading
import time
import uuid

JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
TOKEN_SECONDS = 900  # ScotAccount's expires_in
ASSERTION_ALGORITHMS = ["RS256", "ES256"]  # its token_endpoint_auth_signing_alg_values_supported


class Refused(Exception):
    """An OAuth error (RFC 6749 5.2): `error` its code, `status` the HTTP status."""

    def __init__(self, error: str, status: int = 400, description: str = ""):
        super().__init__(f"{error}: {description}")
        self.error, self.status, self.description = error, status, description


def challenge_of(verifier: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()


class Keys:
    def __init__(self):
        from cryptography.hazmat.primitives.asymmetric import rsa
        self.private = rsa.generate_private_key(65537, 2048)
        self.kid = secrets.token_urlsafe(3)  # ScotAccount's are four characters, like "WgiG"
        self.clients: dict[str, dict] = {}  # client_id -> {"key": public key, "redirect_uris": [...]}
        self.seen_jti: set[str] = set()
        self.lock = threading.Lock()

    def jwks(self) -> dict:
        from jwt.algorithms import RSAAlgorithm
        return {"keys": [{**RSAAlgorithm.to_jwk(self.private.public_key(), as_dict=True),
                          "kid": self.kid, "use": "sig", "alg": "RS256"}]}

    def sign(self, claims: dict, typ: str | None = None) -> str:
        import jwt
        headers = {"kid": self.kid, **({"typ": typ} if typ else {})}
        return jwt.encode(claims, self.private, algorithm="RS256", headers=headers)

    def register(self, client_id: str, public_pem: str, redirect_uris) -> None:
        from cryptography.hazmat.primitives.serialization import load_pem_public_key
        with self.lock:
            self.clients[client_id] = {"key": load_pem_public_key(public_pem.encode()),
                                       "redirect_uris": list(redirect_uris)}

    def client_of(self, assertion: str | None, audience: str) -> str:
        """The client whose assertion this is, checked; Refused(invalid_client, 401) else."""
        import jwt
        if not assertion:
            raise Refused("invalid_client", 401, "no client assertion")
        try:
            client_id = jwt.decode(assertion, options={"verify_signature": False}).get("iss")
        except jwt.PyJWTError:
            raise Refused("invalid_client", 401, "the client assertion is not a JWT") from None
        client = self.clients.get(client_id) if isinstance(client_id, str) else None
        if client is None:
            raise Refused("invalid_client", 401, "unknown client")
        try:
            claims = jwt.decode(assertion, client["key"], algorithms=ASSERTION_ALGORITHMS, audience=audience,
                                issuer=client_id, options={"require": ["exp", "iat", "iss", "sub", "aud", "jti"]})
        except jwt.PyJWTError as e:
            raise Refused("invalid_client", 401, f"client assertion: {e}") from None
        if claims["sub"] != client_id:
            raise Refused("invalid_client", 401, "the assertion's sub is not the client")
        with self.lock:
            if claims["jti"] in self.seen_jti:
                raise Refused("invalid_client", 401, "the assertion was used before")
            self.seen_jti.add(claims["jti"])
        return client_id

    def tokens(self, issuer: str, grant: dict) -> dict:
        now = int(time.time())
        sub = pairwise(grant["person"], grant["client_id"])
        id_token = self.sign({"sub": sub, "aud": grant["client_id"], "iss": issuer, "exp": now + TOKEN_SECONDS,
                              "iat": now, "nonce": grant["nonce"], "jti": secrets.token_urlsafe(8),
                              "sid": secrets.token_urlsafe(32)})
        access = self.sign({"sub": sub, "scp": grant["scopes"], "iss": issuer, "exp": now + TOKEN_SECONDS,
                            "iat": now, "jti": secrets.token_urlsafe(8), "cid": grant["client_id"],
                            "person": grant["person"], "declined": grant.get("declined", [])}, typ="at+jwt")
        return {"access_token": access, "refresh_token": secrets.token_urlsafe(48), "scope": " ".join(grant["scopes"]),
                "id_token": id_token, "token_type": "Bearer", "expires_in": TOKEN_SECONDS}

    def access(self, token: str, issuer: str) -> dict:
        import jwt
        try:
            return jwt.decode(token, self.private.public_key(), algorithms=["RS256"], issuer=issuer,
                              options={"require": ["exp", "sub", "cid"], "verify_aud": False})
        except jwt.PyJWTError as e:
            raise Refused("invalid_token", 401, str(e)) from None


def pairwise(person: str, client_id: str) -> str:
    """A person's sub for one client (subject_types_supported: pairwise): the same each time, another's elsewhere."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"scotaccount:{client_id}:{person}"))


SCHEMA = "https://schema.scotaccount.service.gov.scot/external/v2/scotaccount-verified-claims"
GPG45_SCOPE, EMAIL_SCOPE = "scotaccount.gpg45.medium", "scotaccount.email"


def verified_claims(person: dict, scopes) -> list[dict]:
    """The claims token's `verified_claims` in ScotAccount's data schema (v2, tests/auth/scotaccount_answers.py):
    one entry a scope shared, the identity's outcome and level, the e-mail as its loop verified it (or not)."""
    entries = []
    if GPG45_SCOPE in scopes:
        check = {"outcome": "VERIFIED_SUCCESSFULLY" if person["verified"] else "VERIFICATION_FAILED",
                 "trust_framework": "uk_tfida", "assurance_policy": "GPG_45", "confidence_level": "medium"}
        claims = {k: person[k] for k in ("given_name", "family_name", "birth_date")} if person["verified"] else None
        entries.append(_entry(GPG45_SCOPE, check, claims))
    if EMAIL_SCOPE in scopes and person.get("email"):
        check = {"outcome": "VERIFIED_SUCCESSFULLY" if person["email_verified"] else "VERIFICATION_FAILED",
                 "trust_framework": "uk_tfida", "validation_method": "email_loop"}
        entries.append(_entry(EMAIL_SCOPE, check, {"email": person["email"]}))
    return entries


def _entry(scope: str, check: dict, claims: dict | None) -> dict:
    verification = {**check, "time": "2026-03-02T10:15:00Z",
                    "verifier": {"organization": "DIS", "txn": str(uuid.uuid4())}}
    return {"scope": scope, "verification": verification, **({"claims": claims} if claims else {})}
