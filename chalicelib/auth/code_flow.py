"""Signing in through a council's national account provider: OpenID Connect's authorization
code flow with PKCE (S256) and the relying party's signed client assertion (`private_key_jwt`,
RFC 7523), as ScotAccount speaks it (docs/decisions/accounts.md, "Sign-in with a national
account"). Which providers a council has is its settings' `sign_in` section (providers.py);
the relying party's private key is a secret named there and kept by keystore.py, never in the
settings. Plain urllib, PyJWT for the tokens: nothing a cold start does not already have."""
import base64
import hashlib
import json
import secrets
import time
import uuid
from urllib.parse import urlencode

from . import wording as words
from .oidc import ALLOWED_ALGORITHMS, LEEWAY_SECONDS, OidcRejected, signing_key

TIMEOUT_SECONDS = 5.0  # a stalled provider must not eat the whole Lambda budget
DISCOVERY_LIFESPAN_SECONDS = 3600  # One Login's guidance: cache the discovery document
ASSERTION_SECONDS = 60  # a client assertion is made for one call
NO_DATA = 404  # the attributes endpoint's "no data for that user", which is no refusal
JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
_discovered = {}  # issuer -> (when fetched, its document): lives as long as the Lambda container


class ProviderUnavailable(Exception):
    """The provider could not be reached, or answered with its own fault: try again later."""


class ProviderRefused(Exception):
    """The provider, or its answer, refused this sign-in. `code` is stable; `message` is for the person;
    `status` the provider's HTTP status, when it answered with one."""

    def __init__(self, code, message, status=None):
        super().__init__(f"{code}: {message}")
        self.code, self.message, self.status = code, message, status


def new_attempt():
    """(state, nonce, code verifier): 256 bits each; the verifier 43 characters, as RFC 7636 allows."""
    return secrets.token_urlsafe(32), secrets.token_urlsafe(32), secrets.token_urlsafe(32)


def challenge(verifier):
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()


def authorize_url(provider, found, redirect_uri, state, nonce, verifier, scopes):
    return found["authorization_endpoint"] + "?" + urlencode({
        "client_id": provider.client_id, "redirect_uri": redirect_uri, "response_type": "code",
        "scope": " ".join(scopes), "state": state, "nonce": nonce,
        "code_challenge": challenge(verifier), "code_challenge_method": "S256"})


def discovery(issuer):
    """The provider's discovery document (OpenID Connect Discovery 1.0), kept an hour."""
    kept = _discovered.get(issuer)
    if kept and time.monotonic() - kept[0] < DISCOVERY_LIFESPAN_SECONDS:
        return kept[1]
    found = _json(_call(issuer.rstrip("/") + "/.well-known/openid-configuration"))
    needed = ("authorization_endpoint", "token_endpoint", "jwks_uri")
    # Discovery 1.0 section 4.3: an issuer other than the one asked for is not that provider's document.
    if not isinstance(found, dict) or found.get("issuer") != issuer or not all(
            isinstance(found.get(n), str) for n in needed):
        raise ProviderUnavailable("the discovery document does not describe this issuer")
    _discovered[issuer] = (time.monotonic(), found)
    return found


def forget_discovery():  # for tests, or after a provider moves its endpoints
    _discovered.clear()


def client_assertion(provider, audience):
    """A JWT signed with the relying party's key: iss = sub = client_id, aud the endpoint called."""
    import jwt
    key = provider.private_key()
    now = int(time.time())
    return jwt.encode({"iss": provider.client_id, "sub": provider.client_id, "aud": audience, "iat": now,
                       "exp": now + ASSERTION_SECONDS, "jti": str(uuid.uuid4())}, key, algorithm=_algorithm_of(key))


def client_authentication(provider, endpoint):
    """How the client proves itself at the token endpoint: its signed assertion (private_key_jwt, RFC 7523),
    or where the council registered a client secret with its directory (Entra ID's commonest), the secret
    in the form (client_secret_post, OIDC Core 9): never in a URL, never logged."""
    if getattr(provider, "client_auth", "private_key_jwt") == "client_secret":
        return {"client_id": provider.client_id, "client_secret": provider.secret()}
    return {"client_assertion_type": JWT_BEARER, "client_assertion": client_assertion(provider, endpoint)}


def _algorithm_of(pem):
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import load_pem_private_key
    return "ES256" if isinstance(load_pem_private_key(pem.encode(), None), ec.EllipticCurvePrivateKey) else "RS256"


def exchange(provider, found, code, redirect_uri, verifier):
    """The token endpoint's answer for the code (RFC 6749 4.1.3, with the verifier and the assertion)."""
    endpoint = found["token_endpoint"]
    body = urlencode({"grant_type": "authorization_code", "code": code, "redirect_uri": redirect_uri,
                      **client_authentication(provider, endpoint), "code_verifier": verifier}).encode()
    answer = _json(_call(endpoint, body, {"Content-Type": "application/x-www-form-urlencoded"}))
    if not isinstance(answer, dict) or not isinstance(answer.get("id_token"), str):
        raise ProviderRefused("sign_in_refused", words.PROVIDER_ANSWER_UNREADABLE)
    return answer


def checked_id_token(provider, found, id_token, nonce):
    """The ID token's claims, its signature, issuer, audience, dates and nonce checked."""
    algorithms = [a for a in found.get("id_token_signing_alg_values_supported") or ["RS256"]
                  if a in ALLOWED_ALGORITHMS]
    claims = _checked(id_token, found["jwks_uri"], algorithms, provider.issuer, provider.client_id)
    if claims.get("nonce") != nonce:  # an ID token from another sign-in, replayed into this one
        raise ProviderRefused("invalid_token", words.PROVIDER_NONCE)
    if not isinstance(claims.get("sub"), str) or not claims["sub"]:
        raise ProviderRefused("invalid_token", words.EXTERNAL_TOKEN_EMPTY_SUBJECT)
    return claims


def claims_token(provider, access_token, sub):
    """The attributes endpoint's claims token for this person, checked (ScotAccount's
    /attributes/values: the access token, and a client assertion for that address); None when
    ScotAccount has nothing to share (its 404 not_found: none verified, or the person declined)."""
    where = provider.attributes
    try:
        answer = _json(_call(where["url"], None, {"Authorization": f"Bearer {access_token}",
                                                  "DIS-Client-Assertion": client_assertion(provider, where["url"])}))
    except ProviderRefused as e:
        if e.status == NO_DATA:
            return None
        raise
    token = answer.get("claimsToken") if isinstance(answer, dict) else None
    if not isinstance(token, str):
        raise ProviderRefused("sign_in_refused", words.PROVIDER_ANSWER_UNREADABLE)
    claims = _checked(token, where["jwks_url"], ["RS256", "ES256"], where["issuer"], None)
    if claims.get("sub") not in (None, sub):  # another person's attributes
        raise ProviderRefused("invalid_token", words.PROVIDER_OTHER_PERSON)
    return claims


def _checked(token, jwks_url, algorithms, issuer, audience):
    import jwt
    try:
        header = jwt.get_unverified_header(token)
    except jwt.PyJWTError as e:
        raise ProviderRefused("invalid_token", words.EXTERNAL_TOKEN_UNREADABLE) from e
    if header.get("alg") not in algorithms:
        raise ProviderRefused("invalid_token", words.EXTERNAL_TOKEN_ALGORITHM)
    try:
        key = signing_key(jwks_url, header.get("kid") or "")
    except OidcRejected as e:
        if e.code == "jwks_unavailable":
            raise ProviderUnavailable(e.message) from e
        raise ProviderRefused(e.code, e.message) from e
    required = ["exp", "iat", "iss", "sub", "aud"] if audience else ["iat", "iss"]
    try:
        return jwt.decode(token, key, algorithms=algorithms, audience=audience, issuer=issuer,
                          leeway=LEEWAY_SECONDS, options={"require": required, "verify_aud": bool(audience)})
    except jwt.ExpiredSignatureError as e:
        raise ProviderRefused("expired_token", words.EXTERNAL_TOKEN_EXPIRED) from e
    except (jwt.PyJWTError, ValueError, TypeError) as e:
        raise ProviderRefused("invalid_token", words.EXTERNAL_TOKEN_NOT_VALID.format(detail=e)) from e


def _call(url, body=None, headers=None):
    """The answer's bytes; ProviderRefused for the provider's 4xx (RFC 6749 5.2's error), ProviderUnavailable else."""
    from urllib.error import HTTPError, URLError
    from urllib.request import Request, urlopen
    request = Request(url, data=body, method="POST" if body is not None else "GET",
                      headers={"Accept": "application/json", **(headers or {})})
    try:
        with urlopen(request, timeout=TIMEOUT_SECONDS) as answer:
            return answer.read(1_000_000)
    except HTTPError as e:
        if 400 <= e.code < 500:
            said = _json(e.read(10_000), quiet=True)
            error = said.get("error") if isinstance(said, dict) else None
            raise ProviderRefused("sign_in_refused", words.PROVIDER_REFUSED.format(
                error=error if isinstance(error, str) else e.code), status=e.code) from None
        raise ProviderUnavailable(f"{url} answered {e.code}") from None
    except (URLError, OSError, ValueError) as e:
        raise ProviderUnavailable(f"{url}: {e}") from None


def _json(raw, quiet=False):
    try:
        return json.loads(raw)
    except ValueError:
        if quiet:
            return None
        raise ProviderUnavailable("the provider's answer is not JSON") from None
