"""Verifying tokens from external OpenID Connect issuers.

Residents sign in with GOV.UK One Login, staff with Azure AD. Doorstep trusts
only the issuers in DOORSTEP_OIDC_ISSUERS (read on every call, like config.py)
and exchanges a token one of them signed for its own session. A JSON list:
  [{"name": "govuk", "issuer": "https://oidc.account.gov.uk/",
    "jwks_url": "https://oidc.account.gov.uk/.well-known/jwks.json",
    "audience": "client-id" or ["id", ...], "algorithms": ["RS256", "ES256"],
    "role": "resident", "email_claim": "email"}]   # last three optional
Unset or empty means no external sign-in: every issuer is unknown.
"""
import json
import os
from dataclasses import dataclass
from urllib.parse import urlparse

from . import wording as words

ENV_VAR = "DOORSTEP_OIDC_ISSUERS"
DEFAULT_ALGORITHMS = ("RS256", "ES256")
# Asymmetric only. With HS* the "secret" would be the issuer's public key, which
# anyone can download (the algorithm-confusion attack); "none" is no signature.
ALLOWED_ALGORITHMS = frozenset(
    {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"})
# "admin" is never handed out automatically: everyone in a staff tenant could sign in.
PROVISIONABLE_ROLES = frozenset({"resident", "crew", "staff"})
REQUIRED_CLAIMS = ["exp", "iat", "iss", "sub", "aud"]
LEEWAY_SECONDS = 30  # clock skew between the issuer and Lambda
MAX_TOKEN_CHARS = 32_000  # generous for Azure AD group claims; stops absurd inputs early
JWKS_TIMEOUT_SECONDS = 3.0  # a stalled IdP must not eat the whole Lambda budget
JWKS_LIFESPAN_SECONDS = 3600  # issuers publish new keys well before signing with them
# After any successful fetch PyJWKClient refuses to refetch for an unknown kid
# for this long, so tokens with made-up kids cannot make us hammer the issuer.
JWKS_REFRESH_COOLDOWN_SECONDS = 30.0
_KEYS = {"name", "issuer", "jwks_url", "audience", "algorithms", "role", "email_claim"}
_LOOPBACK_HOSTS = {"127.0.0.1", "::1", "localhost"}

_jwks_clients = {}  # jwks_url -> PyJWKClient; lives as long as the Lambda container


class OidcConfigError(Exception):
    """DOORSTEP_OIDC_ISSUERS is unusable: an operator's problem, not the caller's."""


class OidcRejected(Exception):
    """The token is not acceptable. `code` is stable for clients; `message` is safe to show."""

    def __init__(self, code: str, message: str):
        super().__init__(f"{code}: {message}")
        self.code, self.message = code, message


@dataclass(frozen=True)
class IssuerConfig:
    name: str
    issuer: str
    jwks_url: str
    audience: tuple[str, ...]
    algorithms: tuple[str, ...]
    role: str
    email_claim: str


@dataclass(frozen=True)
class ExternalIdentity:
    issuer_name: str
    iss: str
    sub: str  # with iss, the stable key for the account (oidc#<iss>#<sub>)
    email: str | None
    email_verified: bool
    name: str | None
    role: str  # for a NEW user only; an existing user keeps the role they have


def load_issuers() -> list[IssuerConfig]:
    raw = os.environ.get(ENV_VAR, "").strip()
    if not raw:
        return []
    try:
        entries = json.loads(raw)
    except ValueError as e:
        raise OidcConfigError(f"{ENV_VAR} is not valid JSON: {e}") from None
    if not isinstance(entries, list):
        raise OidcConfigError(f"{ENV_VAR} must be a JSON list of issuers")
    issuers = [_parse_issuer(i, entry) for i, entry in enumerate(entries)]
    # Issuers are chosen by their exact `iss`, so two entries for one would be ambiguous.
    if len({c.issuer for c in issuers}) != len(issuers):
        raise OidcConfigError(f"{ENV_VAR} lists the same issuer twice")
    return issuers


def _parse_issuer(index: int, entry) -> IssuerConfig:
    where = f"{ENV_VAR}[{index}]"
    if not isinstance(entry, dict):
        raise OidcConfigError(f"{where} must be an object")
    missing = sorted({"name", "issuer", "jwks_url", "audience"} - entry.keys())
    if missing:
        raise OidcConfigError(f"{where} is missing {', '.join(missing)}")
    unknown = sorted(entry.keys() - _KEYS)
    if unknown:  # a typo such as "algorithm" would otherwise silently mean the defaults
        raise OidcConfigError(f"{where} has unknown keys {', '.join(unknown)}")

    def text(key, default=None):
        value = entry.get(key, default)
        if isinstance(value, str) and value.strip():
            return value
        raise OidcConfigError(f"{where}.{key} must be a non-empty string")

    audience = entry["audience"]
    audience = [audience] if isinstance(audience, str) else audience
    if not _non_empty_list(audience, lambda a: isinstance(a, str) and a):
        raise OidcConfigError(f"{where}.audience must be a string or a list of strings")
    algorithms = entry.get("algorithms", list(DEFAULT_ALGORITHMS))
    if not _non_empty_list(algorithms, lambda a: isinstance(a, str) and a in ALLOWED_ALGORITHMS):
        raise OidcConfigError(f"{where}.algorithms must be a list from {sorted(ALLOWED_ALGORITHMS)}")
    role = text("role", "resident")
    if role not in PROVISIONABLE_ROLES:
        raise OidcConfigError(f"{where}.role must be one of {sorted(PROVISIONABLE_ROLES)}")
    return IssuerConfig(
        name=text("name"), issuer=text("issuer"), jwks_url=_check_jwks_url(where, text("jwks_url")),
        audience=tuple(audience), algorithms=tuple(algorithms), role=role,
        email_claim=text("email_claim", "email"))


def _non_empty_list(value, ok) -> bool:
    return isinstance(value, list) and bool(value) and all(ok(v) for v in value)


def _check_jwks_url(where: str, url: str) -> str:
    # Plain http would let anyone on the path swap the keys, so only loopback
    # (a local stack, tests) may use it; file:, ftp: and the like are never keys.
    parsed = urlparse(url)
    if parsed.hostname and (parsed.scheme == "https" or (
            parsed.scheme == "http" and parsed.hostname in _LOOPBACK_HOSTS)):
        return url
    raise OidcConfigError(f"{where}.jwks_url must be an https:// URL (http only for loopback)")


def clear_jwks_cache() -> None:  # for tests, or to force fresh keys after an incident
    _jwks_clients.clear()


def verify_external_token(token: str) -> ExternalIdentity:
    import jwt  # lazily: most requests never sign anyone in

    issuers = load_issuers()
    if not isinstance(token, str) or not token or len(token) > MAX_TOKEN_CHARS or not token.isascii():
        raise OidcRejected("invalid_token", words.EXTERNAL_TOKEN_MALFORMED)
    try:
        unverified = jwt.decode_complete(token, options={"verify_signature": False})
    except jwt.PyJWTError as e:
        raise OidcRejected("invalid_token", words.EXTERNAL_TOKEN_UNREADABLE) from e
    header, iss = unverified["header"], unverified["payload"].get("iss")
    # Unverified, iss only picks whose keys to try; decode() checks it properly.
    config = next((c for c in issuers if isinstance(iss, str) and c.issuer == iss), None)
    if config is None:
        raise OidcRejected("unknown_issuer", words.EXTERNAL_TOKEN_UNKNOWN_ISSUER)
    if header.get("alg") not in config.algorithms:  # before any JWKS fetch
        raise OidcRejected("invalid_token", words.EXTERNAL_TOKEN_ALGORITHM)
    if not (kid := header.get("kid")):
        raise OidcRejected("invalid_token", words.EXTERNAL_TOKEN_NO_KEY_ID)
    key = signing_key(config.jwks_url, kid)
    try:
        claims = jwt.decode(
            token, key, algorithms=list(config.algorithms), audience=list(config.audience),
            issuer=config.issuer, leeway=LEEWAY_SECONDS, options={"require": REQUIRED_CLAIMS})
    except jwt.ExpiredSignatureError as e:
        raise OidcRejected("expired_token", words.EXTERNAL_TOKEN_EXPIRED) from e
    except (jwt.PyJWTError, ValueError, TypeError) as e:
        raise OidcRejected("invalid_token", words.EXTERNAL_TOKEN_NOT_VALID.format(detail=e)) from e
    if not claims["sub"]:  # an empty sub would make every such user the same account
        raise OidcRejected("invalid_token", words.EXTERNAL_TOKEN_EMPTY_SUBJECT)

    def optional_text(name):
        value = claims.get(name)
        return value if isinstance(value, str) and value else None

    return ExternalIdentity(
        issuer_name=config.name, iss=config.issuer, sub=claims["sub"],
        email=optional_text(config.email_claim),
        # Only a real JSON true: account linking by email must not trust anything looser.
        email_verified=claims.get("email_verified") is True,
        name=optional_text("name"), role=config.role)


def _jwks_client(url: str):
    import jwt
    client = _jwks_clients.get(url)
    if client is None:
        # Not cache_keys: that LRU never expires, so a key the issuer withdrew
        # would stay trusted until the container died. The JWK-set cache suffices.
        client = jwt.PyJWKClient(
            url, cache_jwk_set=True, lifespan=JWKS_LIFESPAN_SECONDS, timeout=JWKS_TIMEOUT_SECONDS,
            cooldown_duration=JWKS_REFRESH_COOLDOWN_SECONDS)
        client = _jwks_clients.setdefault(url, client)
    return client


def signing_key(jwks_url: str, kid: str):
    """The issuer's key `kid` from its JWK set at `jwks_url`, cached; OidcRejected when it cannot be had."""
    import jwt
    client = _jwks_client(jwks_url)
    # OSError/ValueError: PyJWKClient lets resets mid-read and non-JSON bodies through.
    unavailable = (jwt.PyJWKClientConnectionError, OSError, ValueError)
    try:
        key = client.match_kid(client.get_signing_keys(), kid)  # the cached set, if fresh
    except (*unavailable, jwt.PyJWTError) as e:
        raise OidcRejected("jwks_unavailable", words.EXTERNAL_KEYS_UNREACHABLE) from e
    if key is not None:
        return key
    try:  # an unknown kid: PyJWKClient refetches once (cooldown permitting) for key rotation
        return client.get_signing_key(kid)
    except unavailable as e:
        raise OidcRejected("jwks_unavailable", words.EXTERNAL_KEYS_UNREACHABLE) from e
    except jwt.PyJWTError as e:
        raise OidcRejected("invalid_token", words.EXTERNAL_TOKEN_UNKNOWN_KEY) from e
